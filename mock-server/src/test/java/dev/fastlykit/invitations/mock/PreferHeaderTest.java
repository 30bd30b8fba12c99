package dev.fastlykit.invitations.mock;

import static dev.fastlykit.invitations.mock.MockFastlyServer.DEMO_SUPERUSER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fastlykit.invitations.mock.internal.spec.SpecAnswers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Prefer: code=NNN}: any status the spec documents for an operation, answered at once, valid
 * by the spec, with nothing changed.
 */
class PreferHeaderTest {
  private static final String NEW_INVITATION =
      "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"new@example.com\"}}}";
  private static final String SEEDED_ID_PATH = "/invitations/";

  private static MockFastlyServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = MockFastlyServer.builder().port(0).validate(true).build().start();
    http = new Http(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  private static Http.Reply send(String method, String path, String token, String prefer) {
    String body = method.equals("POST") ? NEW_INVITATION : null;
    String type = body == null ? null : "application/vnd.api+json";
    return http.send(method, path, token, type, body, Map.of("Prefer", prefer));
  }

  private static String seededId() {
    return http.get("/invitations", DEMO_SUPERUSER_TOKEN).at("data.0.id").getAsString();
  }

  @Test
  void aPreferredErrorIsAnsweredInFastlysFormatAndChangesNothing() {
    long budget = server.remainingWrites(DEMO_SUPERUSER_TOKEN);

    Http.Reply reply = send("POST", "/invitations", DEMO_SUPERUSER_TOKEN, "code=429");

    assertThat(reply.status).isEqualTo(429);
    assertThat(reply.at("msg").getAsString()).isEqualTo("Too Many Requests");
    assertThat(reply.at("detail").getAsString()).contains("Prefer");
    assertThat(reply.header("Fastly-RateLimit-Remaining")).isEqualTo("0");
    assertThat(Long.parseLong(reply.header("Fastly-RateLimit-Reset")) % 3600).isZero();
    assertThat(reply.header("Preference-Applied")).isEqualTo("code=429");
    assertThat(server.invitationCount()).isEqualTo(3);
    assertThat(server.remainingWrites(DEMO_SUPERUSER_TOKEN)).isEqualTo(budget);
    assertThat(server.specViolations()).isEmpty();
  }

  @Test
  void aPreferredSuccessIsTheSpecsExampleAndStoresNothing() {
    Http.Reply created = send("POST", "/invitations", DEMO_SUPERUSER_TOKEN, "code=200");

    assertThat(created.status).isEqualTo(200);
    assertThat(created.header("Content-Type")).startsWith("application/vnd.api+json");
    assertThat(created.at("data.type").getAsString()).isEqualTo("invitation");
    assertThat(created.at("data.attributes.email").getAsString()).isEqualTo("ada@example.com");
    assertThat(created.header("Fastly-RateLimit-Remaining"))
        .isEqualTo(Long.toString(server.writeLimit()));
    assertThat(server.invitationCount()).isEqualTo(3);
    assertThat(server.requests().get(0).preferred()).isTrue();
    assertThat(server.specViolations()).isEmpty();
  }

  @Test
  void aPreferredDeleteDeletesNothing() {
    String id = seededId();

    Http.Reply reply = send("DELETE", SEEDED_ID_PATH + id, DEMO_SUPERUSER_TOKEN, "code=204");

    assertThat(reply.status).isEqualTo(204);
    assertThat(reply.body).isEmpty();
    assertThat(reply.header("Fastly-RateLimit-Remaining")).isNotNull();
    assertThat(http.get("/invitations", DEMO_SUPERUSER_TOKEN).at("data.0.id").getAsString())
        .isEqualTo(id);
  }

  @Test
  void everyDocumentedStatusOfEveryOperationCanBeAskedForAndIsValidBySpec() {
    List<String> asked = new ArrayList<>();
    String[][] operations = {
      {"GET", "/invitations", "/invitations"},
      {"POST", "/invitations", "/invitations"},
      {"DELETE", "/invitations/{invitation_id}", SEEDED_ID_PATH + "4Lq8Vd2Kx9Tn3Rb6Yh1WsZ"}
    };
    for (String[] operation : operations) {
      for (int status : SpecAnswers.get().answers(operation[0], operation[1]).keySet()) {
        Http.Reply reply = send(operation[0], operation[2], null, "code=" + status);
        assertThat(reply.status).as(operation[0] + " code=" + status).isEqualTo(status);
        asked.add(operation[0] + " " + status);
      }
    }

    assertThat(asked).contains("GET 200", "POST 413", "POST 415", "DELETE 204", "DELETE 404");
    assertThat(send("DELETE", "/invitations/x", null, "code=404").at("msg").getAsString())
        .isEqualTo("Record not found");
    assertThat(send("GET", "/invitations", null, "code=401").at("msg").getAsString())
        .isEqualTo("Provided credentials are missing or invalid");
    assertThat(server.specViolations()).isEmpty();
    assertThat(server.requests()).allMatch(RecordedRequest::preferred);
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"code=418", "code=abc", "code=", "code", "code=2000", "code=20"})
  void anUndocumentedOrMalformedCodeIsA400NamingTheDocumentedOnes(String prefer) {
    Http.Reply reply = send("POST", "/invitations", DEMO_SUPERUSER_TOKEN, prefer);

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.at("detail").getAsString())
        .contains("POST /invitations")
        .contains("200, 400, 401, 403, 413, 414, 415, 429, 431");
    assertThat(server.invitationCount()).isEqualTo(3);
    assertThat(server.requests().get(0).preferred()).isFalse();
    assertThat(server.specViolations()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "code=401",
        "CODE=401",
        "code=\"401\"",
        "return=minimal, code=401",
        "code=401; lenient",
        "code=401, code=500"
      })
  void theCodeIsReadAsRfc7240WritesPreferences(String prefer) {
    assertThat(send("GET", "/invitations", DEMO_SUPERUSER_TOKEN, prefer).status).isEqualTo(401);
  }

  @Test
  void otherPreferencesChangeNothing() {
    Http.Reply reply = send("GET", "/invitations", DEMO_SUPERUSER_TOKEN, "return=minimal");

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.at("meta.record_count").getAsInt()).isEqualTo(2);
    assertThat(reply.header("Preference-Applied")).isNull();
    assertThat(server.requests().get(0).preferred()).isFalse();
  }

  @Test
  void routingComesFirstAndAFaultRuleWins() {
    assertThat(send("GET", "/invitations/a/b", DEMO_SUPERUSER_TOKEN, "code=200").status)
        .isEqualTo(404);
    assertThat(send("PUT", "/invitations", DEMO_SUPERUSER_TOKEN, "code=200").status).isEqualTo(405);

    server.addFault(FaultRule.on("GET", "/invitations").status(503).times(1).build());
    assertThat(send("GET", "/invitations", DEMO_SUPERUSER_TOKEN, "code=200").status).isEqualTo(503);
    assertThat(send("GET", "/invitations", DEMO_SUPERUSER_TOKEN, "code=200").status).isEqualTo(200);
  }

  @Test
  void theJournalAndTheAdminApiMarkAPreferredAnswer() {
    send("GET", "/invitations", null, "code=403");

    assertThat(server.requests().get(0).toString()).endsWith("-> 403 (preferred)");
    assertThat(http.get("/__admin/requests", null).at("requests.0.preferred").getAsBoolean())
        .isTrue();
  }
}
