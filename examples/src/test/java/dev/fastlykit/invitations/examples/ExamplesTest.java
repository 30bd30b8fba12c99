package dev.fastlykit.invitations.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fastlykit.invitations.mock.MockFastlyServer;
import dev.fastlykit.invitations.mock.junit5.MockFastlyExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Runs every example against an embedded mock server and checks what it printed. */
@ExtendWith(MockFastlyExtension.class)
// Beside the other classes (its own server, its own output), so that the module's tests take the
// longest class's time rather than the sum; its tests share the server, so they run in turn.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("examples-test")
class ExamplesTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void quickStartInvitesListsAndDeletes(MockFastlyServer server) {
    QuickStart.run(MockFastlyServer.DEMO_SUPERUSER_TOKEN, server.url(), out);

    assertThat(lines())
        .containsExactly(
            "Invited ada@example.com as engineer",
            "Pending: dennis@example.com (engineer)",
            "Pending: frances@example.com (user)",
            "Pending: ada@example.com (engineer)",
            "Deleted the invitation of ada@example.com");
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  @Test
  void theSdkTourCreatesListsAndTakesBackWhatItCreated(MockFastlyServer server) {
    SdkTour.run(MockFastlyServer.DEMO_SUPERUSER_TOKEN, server.url(), out);

    assertThat(lines())
        .containsExactly(
            "3 pending",
            "dennis@example.com engineer",
            "frances@example.com user",
            "ada@example.com engineer",
            "2 on page 1",
            "997 writes left");
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  @Test
  void paginationWalksThePagesThenStreams(MockFastlyServer server) {
    Pagination.run(ExampleSetup.forMockServer(server), out);

    assertThat(lines())
        .containsExactly(
            "Page 1 of 3: 3 of 7 invitations",
            "Page 2 of 3: 3 of 7 invitations",
            "Page 3 of 3: 1 of 7 invitations",
            "listAll() found pager1@example.com, pager2@example.com, pager3@example.com,"
                + " pager4@example.com, pager5@example.com",
            "Deleted the 5 invitations again");
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  @Test
  void errorHandlingMeetsEveryException(MockFastlyServer server) {
    ErrorHandling.run(ExampleSetup.forMockServer(server), out);

    assertThat(lines())
        .satisfiesExactly(
            l -> assertThat(l).startsWith("IllegalArgumentException: email 'ada@'"),
            l ->
                assertThat(l)
                    .startsWith(
                        "BadRequestException: data.attributes.email: ada@example.com already has a pending invitation"),
            l ->
                assertThat(l)
                    .startsWith(
                        "NotFoundException: HTTP 404 Record not found: Cannot find invitation"),
            l ->
                assertThat(l)
                    .isEqualTo(
                        "AuthenticationException: Provided credentials are missing or invalid -> check FASTLY_API_TOKEN"),
            l ->
                assertThat(l)
                    .startsWith(
                        "PermissionDeniedException: An engineer may only invite users and engineers"),
            l -> assertThat(l).startsWith("RateLimitException: writes allowed again at 20"),
            l -> assertThat(l).startsWith("FastlyConnectionException: ConnectException"));
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  @Test
  void rateLimitsReadsTheBudgetAndShowsRetries(MockFastlyServer server) {
    RateLimits.run(ExampleSetup.forMockServer(server), out);

    List<String> lines = lines();
    assertThat(lines.get(0)).matches("Writes left this hour: 999, renewed at 20\\d\\d-.*Z");
    assertThat(lines.get(1)).isEqualTo("After the delete: 998");
    assertThat(lines.get(2)).startsWith("Listed 2 invitations through two 503s in ");
    assertThat(lines.get(3)).startsWith("429 thrown at once; come back at 20");
    assertThat(lines.get(4))
        .startsWith("A patient client: InvitationsClient{baseUrl=")
        .contains("maxRetries=5");
    assertThat(server.requestCount("GET", "/invitations")).isEqualTo(3);
  }

  @Test
  void withoutATokenTheExamplesStartTheirOwnMockServer() {
    try (ExampleSetup setup = ExampleSetup.from(Map.of(), out)) {
      assertThat(setup.mockServer()).isPresent();
      assertThat(setup.apiToken()).isEqualTo(MockFastlyServer.DEMO_SUPERUSER_TOKEN);
      QuickStart.run(setup.apiToken(), setup.baseUrl(), out);
    }

    assertThat(lines().get(0))
        .startsWith(
            "FASTLY_API_TOKEN is not set: calling an embedded mock server at http://127.0.0.1:");
    assertThat(lines()).contains("Deleted the invitation of ada@example.com");
  }

  @Test
  void withATokenTheExamplesCallFastlyOrTheGivenUrl() {
    try (ExampleSetup real = ExampleSetup.from(Map.of("FASTLY_API_TOKEN", "t0ken"), out);
        ExampleSetup other =
            ExampleSetup.from(
                Map.of("FASTLY_API_TOKEN", "t0ken", "FASTLY_API_URL", "http://localhost:9"), out)) {
      assertThat(real.mockServer()).isEmpty();
      assertThat(real.baseUrl()).isEqualTo("https://api.fastly.com");
      assertThat(other.baseUrl()).isEqualTo("http://localhost:9");
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("t0ken");
  }

  private List<String> lines() {
    return printed.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
