package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreateInvitationTest extends ServerTest {
  private static final String WITH_SERVICES =
      "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"ada@example.com\","
          + "\"role\":\"engineer\",\"limit_services\":true},\"relationships\":{"
          + "\"service_invitations\":{\"data\":[{\"type\":\"service_invitation\","
          + "\"attributes\":{\"permission\":\"purge_select\"},\"relationships\":{\"service\":"
          + "{\"data\":{\"type\":\"service\",\"id\":\"SU1Z0isxPaozGVKXdv0eY\"}}}},"
          + "{\"type\":\"service_invitation\",\"relationships\":{\"service\":{\"data\":"
          + "{\"type\":\"service\",\"id\":\"7i6HN3TK9wS159v2gPAZ8A\"}}}}]}}}}";

  @Test
  void aMinimalInvitationGetsEveryDefault() {
    Http.Reply reply = http.post("/invitations", SUPERUSER, invitation("ada@example.com"));

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("application/vnd.api+json");
    assertThat(reply.at("data.id").getAsString()).matches("[0-9A-Za-z]{22}");
    assertThat(reply.at("data.type").getAsString()).isEqualTo("invitation");
    assertThat(reply.at("data.attributes.role").getAsString()).isEqualTo("user");
    assertThat(reply.at("data.attributes.limit_services").getAsBoolean()).isFalse();
    assertThat(reply.at("data.attributes.roles").getAsJsonArray()).isEmpty();
    assertThat(reply.at("data.attributes.status_code").getAsInt()).isEqualTo(1);
    assertThat(reply.at("data.attributes.created_at").getAsString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")
        .isEqualTo(reply.at("data.attributes.updated_at").getAsString());
    assertThat(reply.at("data.attributes.deleted_at").isJsonNull()).isTrue();
    assertThat(reply.at("data.relationships.customer.data.id").getAsString())
        .isEqualTo(DEMO_CUSTOMER);
    assertThat(reply.at("data.relationships.service_invitations.data").getAsJsonArray()).isEmpty();
  }

  @Test
  void theCreatedInvitationIsListed() {
    String id =
        http.post("/invitations", SUPERUSER, invitation("ada@example.com"))
            .at("data.id")
            .getAsString();

    assertThat(ListInvitationsTest.ids(http.get("/invitations", SUPERUSER))).endsWith(id);
  }

  @Test
  void serviceInvitationsInJsonApiFormLimitTheInvitee() {
    Http.Reply reply = http.post("/invitations", SUPERUSER, WITH_SERVICES);

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.at("data.attributes.limit_services").getAsBoolean()).isTrue();
    assertThat(reply.at("data.relationships.service_invitations.data").getAsJsonArray()).hasSize(2);
    assertThat(reply.at("data.relationships.service_invitations.data.0.type").getAsString())
        .isEqualTo("service_invitation");
    assertThat(server.exportState())
        .contains("\"permission\":\"purge_select\"")
        .contains("\"permission\":\"full\"");
  }

  @Test
  void theWrappedFormOfFastlysGeneratedClientsIsAccepted() {
    String wrapped =
        "{\"data\":{\"attributes\":{\"email\":\"ada@example.com\",\"role\":\"engineer\"},"
            + "\"relationships\":{\"service_invitations\":{\"data\":[{\"data\":{\"attributes\":"
            + "{\"permission\":\"read_only\"},\"relationships\":{\"service\":{\"type\":\"service\","
            + "\"id\":\"SU1Z0isxPaozGVKXdv0eY\"}}}}]}}}}";

    Http.Reply reply = http.send("POST", "/invitations", SUPERUSER, "application/json", wrapped);

    assertThat(reply.status).as(reply.body).isEqualTo(200);
    assertThat(reply.at("data.attributes.limit_services").getAsBoolean()).isTrue();
    assertThat(server.exportState()).contains("\"permission\":\"read_only\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/vnd.api+json; charset=utf-8",
        "Application/JSON;charset=\"UTF-8\"",
        "application/vnd.api+json;ext=bulk"
      })
  void jsonAndJsonApiMediaTypesAreAccepted(String contentType) {
    Http.Reply reply =
        http.send("POST", "/invitations", SUPERUSER, contentType, invitation("ada@example.com"));

    assertThat(reply.status).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"text/plain", "application/xml", "application/json; charset=latin1", "*/*"})
  void otherMediaTypesAre415(String contentType) {
    Http.Reply reply =
        http.send("POST", "/invitations", SUPERUSER, contentType, invitation("ada@example.com"));

    assertThat(reply.status).isEqualTo(415);
    assertThat(reply.at("msg").getAsString()).isEqualTo("Unsupported Media Type");
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  @Test
  void aPostWithoutContentTypeIs415() {
    Http.Reply reply =
        http.send("POST", "/invitations", SUPERUSER, null, invitation("ada@example.com"));

    assertThat(reply.status).isEqualTo(415);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{| not valid JSON",
        "[]| must be an object",
        "{}| data is required",
        "{\"data\":null}| data must be an object",
        "{\"data\":{}}| data.attributes is required",
        "{\"data\":{\"attributes\":{}}}| data.attributes.email is required",
        "{\"data\":{\"attributes\":{\"email\":null}}}| must be a string",
        "{\"data\":{\"attributes\":{\"email\":42}}}| must be a string",
        "{\"data\":{\"attributes\":{\"email\":\"ada@\"}}}| not a valid email",
        "{\"data\":{\"attributes\":{\"email\":\"ada@example.com\",\"role\":\"king\"}}}| is not one of",
        "{\"data\":{\"attributes\":{\"email\":\"ada@example.com\",\"role\":null}}}| must be a string",
        "{\"data\":{\"attributes\":{\"email\":\"ada@example.com\",\"roles\":[\"\"]}}}| must not be empty",
        "{\"data\":{\"attributes\":{\"email\":\"ada@example.com\",\"roles\":\"user\"}}}| must be an array",
        "{\"data\":{\"attributes\":{\"email\":\"ada@example.com\",\"limit_services\":\"yes\"}}}| true or false",
        "{\"data\":{\"attributes\":{\"email\":\"ada@example.com\",\"status_code\":2}}}| 0 or 1",
        "{\"data\":{\"type\":\"user\",\"attributes\":{\"email\":\"ada@example.com\"}}}| must be 'invitation'",
        "{\"data\":{\"attributes\":{\"email\":\"ada@example.com\"}}} trailing| not valid JSON",
        "{'data':{}}| not valid JSON"
      })
  void malformedBodiesAre400NamingTheField(String body, String detail) {
    Http.Reply reply = http.post("/invitations", SUPERUSER, body);

    assertThat(reply.status).as(body).isEqualTo(400);
    assertThat(reply.at("msg").getAsString()).isEqualTo("Bad request");
    assertThat(reply.at("detail").getAsString()).contains(detail.strip());
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"permission\":\"root\"}|SU1Z0isxPaozGVKXdv0eY| is not one of",
        "{}|4kP8sT2vX6zB0dF5hJ9mNq| unknown service",
        "{}|nope| unknown service"
      })
  void badServiceInvitationsAre400(String attributes, String serviceId, String detail) {
    String body =
        "{\"data\":{\"attributes\":{\"email\":\"ada@example.com\"},\"relationships\":{"
            + "\"service_invitations\":{\"data\":[{\"attributes\":"
            + attributes
            + ",\"relationships\":{\"service\":{\"data\":{\"id\":\""
            + serviceId
            + "\"}}}}]}}}}";

    Http.Reply reply = http.post("/invitations", SUPERUSER, body);

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.at("detail").getAsString()).contains(detail.strip());
  }

  @Test
  void limitServicesFalseWithServiceInvitationsIs400() {
    Http.Reply reply =
        http.post(
            "/invitations",
            SUPERUSER,
            WITH_SERVICES.replace("\"limit_services\":true", "\"limit_services\":false"));

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.at("detail").getAsString()).contains("limit_services");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dennis@example.com", "DENNIS@Example.COM", "grace@demo.example"})
  void anEmailAlreadyInvitedOrAUserIs400(String email) {
    Http.Reply reply = http.post("/invitations", SUPERUSER, invitation(email));

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.at("detail").getAsString())
        .containsAnyOf("pending invitation", "already a user");
  }

  @Test
  void anotherCustomersInviteeMayBeInvitedToo() {
    assertThat(http.post("/invitations", SUPERUSER, invitation("alan@other.example")).status)
        .isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"user", "engineer"})
  void anEngineerMayInviteUsersAndEngineers(String role) {
    Http.Reply reply = http.post("/invitations", ENGINEER, invitation("ada@example.com", role));

    assertThat(reply.status).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"email\":\"ada@example.com\",\"role\":\"superuser\"}",
        "{\"email\":\"ada@example.com\",\"role\":\"billing\"}",
        "{\"email\":\"ada@example.com\",\"roles\":[\"superuser\"]}",
        "{\"email\":\"ada@example.com\",\"limit_services\":true}"
      })
  void anEngineerMayNotGiveMoreThanItMay(String attributes) {
    Http.Reply reply =
        http.post("/invitations", ENGINEER, "{\"data\":{\"attributes\":" + attributes + "}}");

    assertThat(reply.status).isEqualTo(403);
    assertThat(reply.at("msg").getAsString()).isEqualTo("Forbidden");
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  @Test
  void anEngineerMayNotGiveServicePermissions() {
    assertThat(http.post("/invitations", ENGINEER, WITH_SERVICES).status).isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(strings = {LIMITED_ENGINEER, USER, BILLING})
  void otherRolesMayNotInvite(String token) {
    Http.Reply reply = http.post("/invitations", token, invitation("ada@example.com"));

    assertThat(reply.status).isEqualTo(403);
    assertThat(reply.header("Fastly-RateLimit-Remaining")).isEqualTo("999");
  }

  @Test
  void checksComeInTheOrderTheSpecReadmeGives() {
    // 401 before 415, 415 before 403, 403 before 400, 400 (form) before 403 (grant).
    assertThat(http.send("POST", "/invitations", null, "text/plain", "x").status).isEqualTo(401);
    assertThat(http.send("POST", "/invitations", USER, "text/plain", "x").status).isEqualTo(415);
    assertThat(http.post("/invitations", USER, "not json").status).isEqualTo(403);
    assertThat(http.post("/invitations", ENGINEER, invitation("bad", "superuser")).status)
        .isEqualTo(400);
    assertThat(
            http.post("/invitations", ENGINEER, invitation("dennis@example.com", "superuser"))
                .status)
        .isEqualTo(403);
  }

  @Test
  void aBodyOver1MiBIs413AndStillUsesTheWriteBudget() {
    String huge =
        "{\"data\":{\"attributes\":{\"email\":\"" + "a".repeat(1024 * 1024) + "@example.com\"}}}";

    Http.Reply reply = http.post("/invitations", SUPERUSER, huge);

    assertThat(reply.status).isEqualTo(413);
    assertThat(reply.at("msg").getAsString()).isEqualTo("Payload Too Large");
    assertThat(reply.header("Fastly-RateLimit-Remaining")).isEqualTo("999");
  }

  @Test
  void aBodyOfExactly1MiBIsRead() {
    String prefix = "{\"data\":{\"attributes\":{\"email\":\"ada@example.com\"}},\"pad\":\"";
    String body = prefix + "x".repeat(1024 * 1024 - prefix.length() - 2) + "\"}";

    assertThat(body).hasSize(1024 * 1024);
    assertThat(http.post("/invitations", SUPERUSER, body).status).isEqualTo(200);
  }

  @Test
  void deeplyNestedJsonIs400() {
    String deep = "{\"data\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

    assertThat(http.post("/invitations", SUPERUSER, deep).status).isEqualTo(400);
  }

  @Test
  void invalidUtf8Is400() {
    byte[] body = {'{', (byte) 0xC3, (byte) 0x28, '}'};

    Http.Reply reply =
        http.sendBytes("POST", "/invitations", SUPERUSER, "application/json", body, Map.of());

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.at("detail").getAsString()).contains("UTF-8");
  }
}
