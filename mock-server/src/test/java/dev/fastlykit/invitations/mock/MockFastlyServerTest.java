package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Java API that tests and Pact state handlers drive the server with. */
// Alone: it counts the JVM's threads before and after a server.
@Isolated
class MockFastlyServerTest extends ServerTest {
  @Test
  void addInvitationAddsOneAsIfTheTokensUserSentIt() {
    String id = server.addInvitation(ENGINEER, "ada@example.com", "engineer");

    assertThat(ListInvitationsTest.ids(http.get("/invitations", SUPERUSER))).endsWith(id);
    assertThat(http.delete("/invitations/" + id, ENGINEER).status).isEqualTo(204);
    assertThatThrownBy(() -> server.addInvitation(ENGINEER, "dennis@example.com", "user"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pending invitation");
    assertThatThrownBy(() -> server.addInvitation("nope", "x@example.com", "user"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRequestIsInTheJournalAsSoonAsItsAnswerArrives() {
    for (int i = 1; i <= 100; i++) {
      http.get("/invitations", SUPERUSER);
      http.post(
          "/invitations",
          SUPERUSER,
          "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"j"
              + i
              + "@example.com\"}}}");

      assertThat(server.requestCount("GET", "/invitations")).isEqualTo(i);
      assertThat(server.requestCount("POST", "/invitations")).isEqualTo(i);
    }
  }

  @Test
  void addAccountsAddsCustomersUsersAndInvitations() {
    server.addAccounts(
        "{\"customers\":[{\"id\":\"3cD4eF5gH6iJ7kL8mN9oP0\",\"name\":\"third\",\"services\":[],"
            + "\"users\":[{\"email\":\"root@third.example\",\"role\":\"superuser\",\"token\":\"third-token\"}],"
            + "\"invitations\":[{\"id\":\"9aB8cD7eF6gH5iJ4kL3mN2\",\"email\":\"new@third.example\","
            + "\"created_at\":\"2026-02-01T00:00:00Z\",\"sent_by\":\"root@third.example\"}]}]}");

    assertThat(ListInvitationsTest.ids(http.get("/invitations", "third-token")))
        .containsExactly("9aB8cD7eF6gH5iJ4kL3mN2");
    assertThatThrownBy(() -> server.addAccounts(server.exportState()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("used twice");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"id\":\"7mH1CzgJ0wPq3n5VdYk2Lr\",\"name\":\"again\"}|customers[0].id '7mH1CzgJ0wPq3n5VdYk2Lr' is used twice",
        "{\"id\":\"3cD4eF5gH6iJ7kL8mN9oP0\",\"name\":\"third\",\"users\":[{\"email\":\"r@t.example\",\"role\":\"superuser\",\"token\":\"demo-user-token\"}]}|customers[0].users[0].token is used twice",
        "{\"id\":\"3cD4eF5gH6iJ7kL8mN9oP0\",\"name\":\"third\",\"users\":[{\"email\":\"r@t.example\",\"role\":\"superuser\",\"token\":\"t3\"}],\"invitations\":[{\"id\":\"4Lq8Vd2Kx9Tn3Rb6Yh1WsZ\",\"email\":\"n@t.example\",\"created_at\":\"2026-02-01T00:00:00Z\",\"sent_by\":\"r@t.example\"}]}|customers[0].invitations[0].id '4Lq8Vd2Kx9Tn3Rb6Yh1WsZ' is used twice"
      })
  void addedAccountsMayNotReuseAnIdOrTokenTheServerHas(String customer, String message) {
    String before = server.exportState();

    assertThatThrownBy(() -> server.addAccounts("{\"customers\":[" + customer + "]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThat(server.exportState()).isEqualTo(before);
  }

  @Test
  void theWriteLimitCanBeChangedAndRead() {
    server.writeLimit(1);

    http.delete("/invitations/nope", SUPERUSER);

    assertThat(server.writeLimit()).isEqualTo(1);
    assertThat(server.remainingWrites(SUPERUSER)).isZero();
    assertThat(http.delete("/invitations/nope", SUPERUSER).status).isEqualTo(429);
  }

  @Test
  void theEmptyStateHasTheAccountsAndNoInvitations() {
    try (MockFastlyServer empty = MockFastlyServer.builder().empty().build().start()) {
      assertThat(empty.invitationCount()).isZero();
      assertThat(new Http(empty).get("/invitations", SUPERUSER).status).isEqualTo(200);
    }
  }

  @Test
  void itRefusesToListenBeyondLoopbackWithoutAnAdminToken() {
    MockFastlyServer open = MockFastlyServer.builder().host("0.0.0.0").build();

    assertThatThrownBy(open::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("--admin-token");
  }

  @Test
  void aBusyPortIsAClearError() {
    MockFastlyServer second = MockFastlyServer.builder().port(server.port()).build();

    assertThatThrownBy(second::start)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot listen on 127.0.0.1:" + server.port());
    second.close();
  }

  @Test
  void aMalformedStateIsRefusedWithTheReason() {
    assertThatThrownBy(() -> MockFastlyServer.builder().state("{\"customers\":7}").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("customers must be an array");
  }

  @Test
  void startingTwiceIsAnError() {
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
  }

  /** A test suite starts hundreds: a closed server keeps no thread, and so none of its heap. */
  @Test
  void aClosedServerLeavesNoThreadBehind() throws Exception {
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    MockFastlyServer other = MockFastlyServer.builder().build().start();
    new Http(other).get("/invitations", MockFastlyServer.DEMO_SUPERUSER_TOKEN);
    other.close();

    List<String> left = threadsSince(before);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20); // Jetty's pool threads end as close() returns; give them a moment.
      left = threadsSince(before);
    }
    assertThat(left).isEmpty();
  }

  private static List<String> threadsSince(Set<Thread> before) {
    List<String> names = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      // The test's own HTTP client keeps its selector thread for the test JVM's life.
      if (!before.contains(thread)
          && thread.isAlive()
          && !thread.getName().startsWith("HttpClient-")) {
        names.add(thread.getName());
      }
    }
    return names;
  }
}
