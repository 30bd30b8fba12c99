package dev.fastlykit.invitations.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import dev.fastlykit.invitations.AuthenticationException;
import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.NotFoundException;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Schemathesis's stateful checks, ported, run through the SDK: what is created is listed, what is
 * deleted is gone, and the errors that cost nothing (401, 404, 400) come as the spec says.
 *
 * <p>In every build they run against the in-process mock server, which checks each answer against
 * the spec. With {@code -Plive} they run against the API named by {@code FASTLY_API_URL} ({@code
 * https://api.fastly.com} by default) with {@code FASTLY_API_TOKEN}, through a local mock server in
 * proxy mode, whose drift report must stay empty: one create to an address under {@code
 * example.com}, the list that shows it, its delete, and the errors.
 */
class StatefulChecksTest {
  private static Target target;

  /** Where the checks run: the SDK talks to {@code server} with {@code token}. */
  record Target(MockFastlyServer server, String token, boolean live) {
    static Target choose() {
      if (!Boolean.getBoolean("fastly.live")) {
        MockFastlyServer mock = MockFastlyServer.builder().validate(true).build().start();
        return new Target(mock, MockFastlyServer.DEMO_SUPERUSER_TOKEN, false);
      }
      String token = System.getenv("FASTLY_API_TOKEN");
      if (token == null || token.isBlank()) {
        throw new IllegalStateException("-Plive needs FASTLY_API_TOKEN set");
      }
      String url = System.getenv().getOrDefault("FASTLY_API_URL", "https://api.fastly.com");
      MockFastlyServer proxy = MockFastlyServer.builder().proxy(url).build().start();
      return new Target(proxy, token, true);
    }

    /** What broke the spec so far: the server's own answers, or the upstream's. */
    String violations() {
      return live ? server.drift().violations().toString() : server.specViolations().toString();
    }
  }

  @BeforeAll
  static void start() {
    target = Target.choose();
  }

  @AfterAll
  static void stop() {
    target.server().close();
  }

  @AfterEach
  void everyAnswerConformedToTheSpec() {
    assertThat(target.violations()).isEqualTo("[]");
  }

  @Test
  void aCreatedInvitationIsListedAndOnceDeletedIsGone() {
    String email = "fastlykit-parity-" + UUID.randomUUID() + "@example.com";
    try (InvitationsClient client = client(target.token())) {
      Invitation created = client.create(NewInvitation.builder().email(email).build());
      try {
        assertThat(created.email()).isEqualTo(email);
        assertThat(client.listAll().stream()).contains(created);
      } finally {
        client.delete(created.id());
      }

      assertThat(client.listAll().stream().map(Invitation::id)).doesNotContain(created.id());
      assertThatThrownBy(() -> client.delete(created.id())).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void anUnknownTokenIsRefusedWith401() {
    try (InvitationsClient client = client("fastlykit-parity-not-a-token")) {
      assertThatThrownBy(client::list).isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void anUnknownInvitationIs404() {
    try (InvitationsClient client = client(target.token())) {
      assertThatThrownBy(() -> client.delete("0fastlykitParityNoSuchId"))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void aBodyThatIsNotJsonIs400AndCreatesNothing() throws Exception {
    HttpResponse<String> response = send("POST", "/invitations", target.token(), "{\"data\":");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JsonParser.parseString(response.body()).getAsJsonObject().has("msg")).isTrue();
    if (!target.live()) {
      assertThat(target.server().invitationCount()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /invitations",
    "POST, /invitations",
    "DELETE, /invitations/4Lq8Vd2Kx9Tn3Rb6Yh1WsZ"
  })
  void everyOperationWithoutATokenAnswers401(String method, String path) throws Exception {
    HttpResponse<String> response =
        send(method, path, null, "{\"data\":{\"attributes\":{\"email\":\"a@example.com\"}}}");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(JsonParser.parseString(response.body()).getAsJsonObject().get("msg").getAsString())
        .isEqualTo("Provided credentials are missing or invalid");
    if (!target.live()) {
      assertThat(target.server().invitationCount()).isEqualTo(3);
    }
  }

  private static HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target.server().url() + path))
            .header("Content-Type", "application/vnd.api+json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Fastly-Key", token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static InvitationsClient client(String token) {
    return InvitationsClient.builder()
        .apiToken(token)
        .baseUrl(target.server().url())
        .maxRetries(0)
        .build();
  }
}
