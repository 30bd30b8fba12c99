package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminApiTest extends ServerTest {
  @Test
  void healthSaysOk() {
    Http.Reply reply = http.get("/__admin/health", null);

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.body).isEqualTo("{\"status\":\"ok\",\"invitations\":3,\"write_limit\":1000}");
  }

  @Test
  void resetGoesBackToTheStartingState() {
    http.post("/invitations", SUPERUSER, invitation("ada@example.com"));
    http.delete("/invitations/" + DENNIS, SUPERUSER);
    server.addFault(FaultRule.on("GET", "/invitations").status(503).build());

    Http.Reply reply = http.send("POST", "/__admin/reset", null, null, null);

    assertThat(reply.status).isEqualTo(204);
    assertThat(reply.header("Content-Type")).as("no body, no media type").isNull();
    assertThat(server.invitationCount()).isEqualTo(3);
    assertThat(server.remainingWrites(SUPERUSER)).isEqualTo(1000);
    assertThat(server.requests()).isEmpty();
    assertThat(http.get("/invitations", SUPERUSER).status).isEqualTo(200);
  }

  @Test
  void resetForgetsTheTokensAddedSinceTheStart() {
    server.addAccounts(
        "{\"customers\":[{\"id\":\"3cD4eF5gH6iJ7kL8mN9oP0\",\"name\":\"third\",\"services\":[],"
            + "\"users\":[{\"email\":\"root@third.example\",\"role\":\"superuser\","
            + "\"token\":\"third-token\"}]}]}");
    assertThat(http.get("/invitations", "third-token").status).isEqualTo(200);

    assertThat(http.send("POST", "/__admin/reset", null, null, null).status).isEqualTo(204);

    assertThat(http.get("/invitations", "third-token").status).isEqualTo(401);
    assertThat(http.get("/invitations", SUPERUSER).status).isEqualTo(200);
  }

  @Test
  void anImportedStateReplacesTheTokensToo() {
    String rotated =
        server.exportState().replace("\"demo-superuser-token\"", "\"rotated-superuser-token\"");

    Http.Reply imported = http.send("PUT", "/__admin/state", null, "application/json", rotated);

    assertThat(imported.status).isEqualTo(200);
    assertThat(http.get("/invitations", SUPERUSER).status).isEqualTo(401);
    assertThat(http.get("/invitations", "rotated-superuser-token").status).isEqualTo(200);
    assertThat(http.get("/invitations", ENGINEER).status).isEqualTo(200);
  }

  @Test
  void anImportedStateReplacesTheAccountsToo() {
    String demoOnly =
        "{\"customers\":[{\"id\":\""
            + DEMO_CUSTOMER
            + "\",\"name\":\"demo\",\"services\":[],"
            + "\"users\":[{\"email\":\"ada@demo.example\",\"role\":\"superuser\","
            + "\"token\":\"demo-superuser-token\"}]}]}";

    assertThat(http.send("PUT", "/__admin/state", null, "application/json", demoOnly).status)
        .isEqualTo(200);

    assertThat(server.exportState()).doesNotContain("other").doesNotContain("grace@demo.example");
    assertThat(http.get("/invitations", OTHER).status).isEqualTo(401);
    assertThat(ListInvitationsTest.ids(http.get("/invitations", SUPERUSER))).isEmpty();
  }

  @Test
  void stateExportsAndImportsInTheSeedFormat() {
    http.post("/invitations", SUPERUSER, invitation("ada@example.com"));
    String exported = http.get("/__admin/state", null).body;
    server.reset();

    Http.Reply imported = http.send("PUT", "/__admin/state", null, "application/json", exported);

    assertThat(imported.status).isEqualTo(200);
    assertThat(imported.body).isEqualTo(exported);
    assertThat(server.invitationCount()).isEqualTo(4);
    assertThat(exported)
        .contains("\"token\":\"demo-superuser-token\"")
        .contains("\"sent_by\":\"ada@demo.example\"");
  }

  @Test
  void aBadStateIs400AndChangesNothing() {
    String before = server.exportState();

    Http.Reply reply =
        http.send(
            "PUT", "/__admin/state", null, "application/json", "{\"customers\":[{\"id\":\"x\"}]}");

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.at("detail").getAsString()).contains("customers[0].name");
    assertThat(server.exportState()).isEqualTo(before);
  }

  @Test
  void theJournalKeepsRequestsWithTokensRedacted() {
    http.get("/invitations?page[size]=5", SUPERUSER);
    http.post("/invitations", SUPERUSER, invitation("ada@example.com"));

    Http.Reply reply = http.get("/__admin/requests", null);

    assertThat(reply.at("requests").getAsJsonArray()).hasSize(2);
    assertThat(reply.at("requests.0.query").getAsString()).isEqualTo("page[size]=5");
    assertThat(reply.at("requests.1.status").getAsInt()).isEqualTo(200);
    assertThat(reply.at("requests.1.body").getAsString()).contains("ada@example.com");
    assertThat(reply.body).doesNotContain(SUPERUSER).contains("[redacted]");
    assertThat(server.requestCount("POST", "/invitations")).isEqualTo(1);

    assertThat(http.send("DELETE", "/__admin/requests", null, null, null).status).isEqualTo(204);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void theJournalSaysWhereItStartsSoThatAPollerSeesItCleared() {
    http.get("/invitations", SUPERUSER);
    http.get("/invitations", null);
    Http.Reply both = http.get("/__admin/requests", null);
    long first = both.at("requests.0.id").getAsLong();
    long last = both.at("requests.1.id").getAsLong();
    assertThat(both.at("kept_from").getAsLong()).isEqualTo(first);

    http.send("DELETE", "/__admin/requests", null, null, null);
    Http.Reply cleared = http.get("/__admin/requests?after=" + last, null);
    assertThat(cleared.at("requests").getAsJsonArray()).isEmpty();
    assertThat(cleared.at("kept_from").getAsLong()).isEqualTo(last + 1);

    http.get("/invitations", SUPERUSER);
    Http.Reply newer = http.get("/__admin/requests?after=" + last, null);
    assertThat(newer.at("requests.0.id").getAsLong()).isEqualTo(last + 1);
    assertThat(newer.at("kept_from").getAsLong()).isEqualTo(last + 1);
  }

  @Test
  void faultRulesInjectAStatusForTheNextRequests() {
    Http.Reply added =
        http.send(
            "POST",
            "/__admin/faults",
            null,
            "application/json",
            "{\"method\":\"GET\",\"path\":\"/invitations\",\"status\":503,\"times\":2,"
                + "\"headers\":{\"Retry-After\":\"1\"}}");

    Http.Reply first = http.get("/invitations", SUPERUSER);
    Http.Reply second = http.get("/invitations", SUPERUSER);
    Http.Reply third = http.get("/invitations", SUPERUSER);

    assertThat(added.status).isEqualTo(201);
    assertThat(added.at("id").getAsString()).startsWith("fault-");
    assertThat(first.status).isEqualTo(503);
    assertThat(first.body).isEqualTo("{\"msg\":\"Service Unavailable\"}");
    assertThat(first.header("Retry-After")).isEqualTo("1");
    assertThat(second.status).isEqualTo(503);
    assertThat(third.status).isEqualTo(200);
    assertThat(http.get("/__admin/faults", null).at("faults").getAsJsonArray()).isEmpty();
  }

  @Test
  void aFaultCanDropTheConnection() {
    server.addFault(FaultRule.on("POST", "/invitations").dropConnection().times(1).build());

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> http.post("/invitations", SUPERUSER, invitation("ada@example.com")))
        .hasRootCauseInstanceOf(java.io.IOException.class);
    assertThat(server.invitationCount()).isEqualTo(3);
    assertThat(http.post("/invitations", SUPERUSER, invitation("ada@example.com")).status)
        .isEqualTo(200);
  }

  @Test
  void aFaultCanDelayAndThenLetTheRequestThrough() {
    server.addFault(
        FaultRule.on("*", "/invitations*").delay(java.time.Duration.ofMillis(300)).build());

    long start = System.nanoTime();
    Http.Reply reply = http.get("/invitations", SUPERUSER);

    assertThat(reply.status).isEqualTo(200);
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
  }

  @Test
  void faultRulesAreListedAndRemoved() {
    String id = server.addFault(FaultRule.on("DELETE", "/invitations/*").status(500).build());

    assertThat(http.get("/__admin/faults", null).at("faults.0.path").getAsString())
        .isEqualTo("/invitations/*");
    assertThat(http.delete("/__admin/faults/" + id, null).status).isEqualTo(204);
    assertThat(http.delete("/__admin/faults/" + id, null).status).isEqualTo(404);
    server.addFault(FaultRule.on("GET", "/invitations").status(500).build());
    assertThat(http.send("DELETE", "/__admin/faults", null, null, null).status).isEqualTo(204);
    assertThat(http.get("/invitations", SUPERUSER).status).isEqualTo(200);
  }

  @Test
  void aMalformedFaultRuleIs400() {
    Http.Reply reply =
        http.send("POST", "/__admin/faults", null, "application/json", "{\"status\":200}");

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.at("detail").getAsString()).contains("status");
  }

  @Test
  void withAnAdminTokenEveryAdminCallNeedsIt() {
    try (MockFastlyServer guarded =
        MockFastlyServer.builder().adminToken("s3cret").build().start()) {
      Http admin = new Http(guarded);

      assertThat(admin.get("/__admin/health", null).status).isEqualTo(401);
      assertThat(
              admin.send(
                      "GET",
                      "/__admin/state",
                      null,
                      null,
                      null,
                      Map.of("Authorization", "Bearer wrong"))
                  .status)
          .isEqualTo(401);
      assertThat(
              admin.send(
                      "GET",
                      "/__admin/health",
                      null,
                      null,
                      null,
                      Map.of("Authorization", "Bearer s3cret"))
                  .status)
          .isEqualTo(200);
      assertThat(admin.get("/invitations", SUPERUSER).status).isEqualTo(200);
    }
  }
}
