package dev.fastlykit.invitations.mock;

import static dev.fastlykit.invitations.mock.MockFastlyServer.DEMO_SUPERUSER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the console is served with, and the admin API's parts that only the console needed. */
class ConsoleRoutesTest {
  private static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

  private MockFastlyServer server;
  private Http http;

  @BeforeEach
  void start() {
    server = MockFastlyServer.builder().adminToken("s3cret").build().start();
    http = new Http(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Http.Reply admin(String method, String path) {
    return http.send(method, path, null, null, null, Map.of("Authorization", "Bearer s3cret"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/__admin/console", "/__admin/console.js", "/__admin/console.css"})
  void theConsolesFilesNeedNoTokenAndAllowOnlyThisServer(String path) {
    Http.Reply reply = http.get(path, null);

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.header("Content-Security-Policy"))
        .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'");
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(reply.body).isNotBlank();
    assertThat(http.get("/__admin/state", null).status)
        .as("the data still needs it")
        .isEqualTo(401);
  }

  @Test
  void aBrowserAskingForTheRootIsSentToTheConsoleAndEveryoneElseGets404() {
    Http.Reply browser = http.send("GET", "/", null, null, null, Map.of("Accept", BROWSER_ACCEPT));

    assertThat(browser.status).isEqualTo(302);
    assertThat(browser.header("Location")).isEqualTo("/__admin/console");
    assertThat(http.send("GET", "/", null, null, null, Map.of("Accept", "*/*")).status)
        .isEqualTo(404);
    assertThat(http.get("/", null).status).isEqualTo(404);
    assertThat(
            http.send(
                    "GET",
                    "/",
                    null,
                    null,
                    null,
                    Map.of("Accept", "application/json, text/html;q=0.5"))
                .status)
        .isEqualTo(404);
    assertThat(http.send("POST", "/", null, null, null, Map.of("Accept", BROWSER_ACCEPT)).status)
        .isEqualTo(404);
  }

  @Test
  void budgetsShowEveryTokensWritesLeft() {
    http.post(
        "/invitations",
        DEMO_SUPERUSER_TOKEN,
        "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"new@example.com\"}}}");

    Http.Reply budgets = admin("GET", "/__admin/budgets");

    assertThat(budgets.status).isEqualTo(200);
    assertThat(budgets.at("limit").getAsInt()).isEqualTo(1000);
    assertThat(budgets.at("reset_at").getAsString()).endsWith(":00:00Z");
    Map<String, Integer> left = new java.util.HashMap<>();
    for (JsonElement token : budgets.at("tokens").getAsJsonArray()) {
      JsonObject budget = token.getAsJsonObject();
      left.put(budget.get("token").getAsString(), budget.get("remaining").getAsInt());
    }
    assertThat(left)
        .hasSize(6)
        .containsEntry(DEMO_SUPERUSER_TOKEN, 999)
        .containsEntry(MockFastlyServer.OTHER_SUPERUSER_TOKEN, 1000);
    assertThat(http.get("/__admin/budgets", null).status).isEqualTo(401);
  }

  @Test
  void theAdminApiWithdrawsAnyInvitationAsNoUser() {
    assertThat(admin("DELETE", "/__admin/invitations/5Tz0Ue3Wr6Qa9Sd2Fg8HjK").status)
        .isEqualTo(204);
    assertThat(server.invitationCount()).isEqualTo(2);
    assertThat(server.remainingWrites(MockFastlyServer.OTHER_SUPERUSER_TOKEN)).isEqualTo(1000);

    Http.Reply again = admin("DELETE", "/__admin/invitations/5Tz0Ue3Wr6Qa9Sd2Fg8HjK");
    assertThat(again.status).isEqualTo(404);
    assertThat(again.at("detail").getAsString()).contains("5Tz0Ue3Wr6Qa9Sd2Fg8HjK");
    assertThat(http.delete("/__admin/invitations/4Lq8Vd2Kx9Tn3Rb6Yh1WsZ", null).status)
        .isEqualTo(401);
    assertThat(server.invitationCount()).isEqualTo(2);
  }

  @Test
  void theJournalNumbersItsEntriesAndAnswersOnlyTheNewerOnes() {
    http.get("/invitations", DEMO_SUPERUSER_TOKEN);
    http.get("/invitations", "nobody");
    long first = admin("GET", "/__admin/requests").at("requests.0.id").getAsLong();

    Http.Reply newer = admin("GET", "/__admin/requests?after=" + first);

    assertThat(newer.at("requests").getAsJsonArray()).hasSize(1);
    JsonObject refused = newer.at("requests.0").getAsJsonObject();
    assertThat(refused.get("id").getAsLong()).isEqualTo(first + 1);
    assertThat(refused.get("status").getAsInt()).isEqualTo(401);
    assertThat(refused.get("user").isJsonNull()).isTrue();
    assertThat(refused.get("response_body").getAsString())
        .isEqualTo("{\"msg\":\"Provided credentials are missing or invalid\"}");
    JsonObject listed = admin("GET", "/__admin/requests").at("requests.0").getAsJsonObject();
    assertThat(listed.get("user").getAsString()).isEqualTo("ada@demo.example");
    assertThat(listed.get("response_body").getAsString()).startsWith("{\"data\":[{");
    assertThat(listed.get("duration_ms").getAsDouble()).isPositive();
    assertThat(listed.toString()).doesNotContain(DEMO_SUPERUSER_TOKEN);
    assertThat(
            admin("GET", "/__admin/requests?after=" + (first + 1)).at("requests").getAsJsonArray())
        .isEmpty();
    assertThat(admin("GET", "/__admin/requests?after=x").status).isEqualTo(400);
  }

  @Test
  void theJournalShowsEachAnswerAsItWasSentAfterTheInvitationsInItAreGone() {
    for (int i = 0; i < 30; i++) {
      server.addInvitation(DEMO_SUPERUSER_TOKEN, "kept" + i + "@example.com", "user");
    }
    Http.Reply page =
        http.get("/invitations?page%5Bnumber%5D=2&page%5Bsize%5D=20", DEMO_SUPERUSER_TOKEN);
    Http.Reply created =
        http.post(
            "/invitations",
            DEMO_SUPERUSER_TOKEN,
            "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"new@example.com\"}}}");
    // Every invitation either answer showed is withdrawn: the journal must not show today's state.
    for (JsonElement shown : page.at("data").getAsJsonArray()) {
      http.delete(
          "/invitations/" + shown.getAsJsonObject().get("id").getAsString(), DEMO_SUPERUSER_TOKEN);
    }
    http.delete("/invitations/" + created.at("data.id").getAsString(), DEMO_SUPERUSER_TOKEN);

    JsonArray requests = admin("GET", "/__admin/requests").at("requests").getAsJsonArray();

    assertThat(page.body.length()).as("a page longer than the journal keeps").isGreaterThan(4096);
    assertThat(requests.get(0).getAsJsonObject().get("response_body").getAsString())
        .isEqualTo(page.body.substring(0, 4096));
    assertThat(requests.get(1).getAsJsonObject().get("response_body").getAsString())
        .isEqualTo(created.body);
    assertThat(requests.get(2).getAsJsonObject().get("status").getAsInt()).isEqualTo(204);
  }
}
