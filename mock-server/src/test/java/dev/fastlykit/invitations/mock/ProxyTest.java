package dev.fastlykit.invitations.mock;

import static dev.fastlykit.invitations.mock.MockFastlyServer.DEMO_SUPERUSER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server built with {@code proxy(url)} in front of a second mock server, made to drift from the
 * spec with fault rules: what it forwards, what it returns, and what it reports.
 */
class ProxyTest {
  private static final String NEW_INVITATION =
      "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"new@example.com\"}}}";

  private MockFastlyServer upstream;
  private MockFastlyServer proxy;
  private Http http;

  @BeforeEach
  void start() {
    upstream = MockFastlyServer.builder().build().start();
    // Room for a first exchange in a JVM whose two cores the rest of the build keeps busy; the
    // timeout's own test makes a proxy with a short one.
    proxy =
        MockFastlyServer.builder()
            .proxyTimeout(Duration.ofSeconds(5))
            .proxy(upstream.url())
            .build()
            .start();
    http = new Http(proxy);
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  @Test
  void forwardsEachOperationAndReturnsTheUpstreamsAnswerUnchanged() {
    Http.Reply direct =
        new Http(upstream).get("/invitations?page%5Bsize%5D=1", DEMO_SUPERUSER_TOKEN);
    Http.Reply listed = http.get("/invitations?page%5Bsize%5D=1", DEMO_SUPERUSER_TOKEN);
    Http.Reply created = http.post("/invitations", DEMO_SUPERUSER_TOKEN, NEW_INVITATION);
    Http.Reply deleted =
        http.delete("/invitations/" + created.at("data.id").getAsString(), DEMO_SUPERUSER_TOKEN);

    assertThat(listed.status).isEqualTo(200);
    assertThat(listed.body).isEqualTo(direct.body);
    assertThat(listed.header("Content-Type")).isEqualTo(direct.header("Content-Type"));
    assertThat(created.status).isEqualTo(200);
    assertThat(created.header("Fastly-RateLimit-Remaining")).isEqualTo("999");
    assertThat(deleted.status).isEqualTo(204);
    assertThat(deleted.header("Content-Type")).as("the upstream's: none").isNull();
    assertThat(upstream.requests())
        .extracting(RecordedRequest::toString)
        .containsExactly(
            "GET /invitations?page%5Bsize%5D=1 -> 200",
            "GET /invitations?page%5Bsize%5D=1 -> 200",
            "POST /invitations -> 200",
            "DELETE /invitations/" + created.at("data.id").getAsString() + " -> 204");
    assertThat(upstream.requests().get(2).headers().get("Fastly-Key")).hasSize(1);
    assertThat(upstream.requests().get(2).body()).isEqualTo(NEW_INVITATION);
    assertThat(upstream.remainingWrites(DEMO_SUPERUSER_TOKEN)).isEqualTo(998);
    assertThat(proxy.invitationCount()).as("nothing stored locally").isEqualTo(3);
    assertThat(proxy.requests()).hasSize(3);
  }

  @Test
  void aSpecValidExchangeIsCountedAndNotReported() {
    http.get("/invitations", DEMO_SUPERUSER_TOKEN);
    http.get("/invitations", "not-a-token");
    http.delete("/invitations/nope", DEMO_SUPERUSER_TOKEN);

    assertThat(proxy.drift()).isEqualTo(new Drift(3, java.util.List.of()));
  }

  @Test
  void anUndocumentedStatusIsReported() {
    upstream.addFault(FaultRule.on("GET", "/invitations").status(418).build());

    Http.Reply reply = http.get("/invitations", DEMO_SUPERUSER_TOKEN);

    assertThat(reply.status).isEqualTo(418);
    Drift drift = proxy.drift();
    assertThat(drift.exchanges()).isEqualTo(1);
    assertThat(drift.violations()).hasSize(1);
    Drift.Violation violation = drift.violations().get(0);
    assertThat(violation.method()).isEqualTo("GET");
    assertThat(violation.path()).isEqualTo("/invitations");
    assertThat(violation.status()).isEqualTo(418);
    assertThat(violation.messages()).anyMatch(m -> m.contains("418"));
  }

  @Test
  void aBodyTheSpecForbidsIsReportedAndReturnedAsItCame() {
    upstream.addFault(
        FaultRule.on("POST", "/invitations").status(400).body("{\"error\":\"nope\"}").build());

    Http.Reply reply = http.post("/invitations", DEMO_SUPERUSER_TOKEN, NEW_INVITATION);

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.body).isEqualTo("{\"error\":\"nope\"}");
    assertThat(proxy.drift().violations())
        .singleElement()
        .satisfies(v -> assertThat(String.join(" ", v.messages())).contains("msg"));
  }

  @Test
  void aRequestTheSpecForbidsIsReportedWhenTheUpstreamAcceptsIt() {
    // The spec's page[size] stops at 100; the upstream clamps larger sizes instead of refusing.
    Http.Reply reply = http.get("/invitations?page%5Bsize%5D=500", DEMO_SUPERUSER_TOKEN);

    assertThat(reply.status).isEqualTo(200);
    assertThat(proxy.drift().violations())
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.messages())
                    .allMatch(m -> m.startsWith("request accepted although the spec forbids it")));
  }

  @Test
  void theReportIsServedByTheAdminApiAndCleared() {
    upstream.addFault(FaultRule.on("GET", "/invitations").status(418).times(1).build());
    http.get("/invitations", DEMO_SUPERUSER_TOKEN);
    http.get("/invitations", DEMO_SUPERUSER_TOKEN);

    Http.Reply report = http.get("/__admin/drift", null);

    assertThat(report.status).isEqualTo(200);
    assertThat(report.at("exchanges").getAsInt()).isEqualTo(2);
    assertThat(report.at("violations.0.method").getAsString()).isEqualTo("GET");
    assertThat(report.at("violations.0.path").getAsString()).isEqualTo("/invitations");
    assertThat(report.at("violations.0.status").getAsInt()).isEqualTo(418);
    assertThat(report.at("violations.0.messages").getAsJsonArray()).isNotEmpty();
    assertThat(report.json().keySet()).containsExactly("exchanges", "violations");

    assertThat(http.delete("/__admin/drift", null).status).isEqualTo(204);
    assertThat(proxy.drift()).isEqualTo(new Drift(0, java.util.List.of()));
  }

  @Test
  void aDroppedUpstreamConnectionIsA502InFastlysFormat() {
    upstream.addFault(FaultRule.on("GET", "/invitations").dropConnection().build());

    Http.Reply reply = http.get("/invitations", DEMO_SUPERUSER_TOKEN);

    assertThat(reply.status).isEqualTo(502);
    assertThat(reply.at("msg").getAsString()).isEqualTo("Bad Gateway");
    assertThat(reply.at("detail").getAsString()).contains(upstream.url());
    assertThat(proxy.drift().exchanges()).as("the proxy's own answer").isZero();
    assertThat(proxy.requests().get(0).status()).isEqualTo(502);
  }

  @Test
  void aSlowUpstreamIsA504AfterTheTimeout() {
    // Three times the proxy's timeout: the upstream's answer comes long after the 504.
    Duration upstreamDelay = Duration.ofMillis(1500);
    upstream.addFault(FaultRule.on("GET", "/invitations").delay(upstreamDelay).build());

    try (MockFastlyServer impatient =
        MockFastlyServer.builder()
            .proxyTimeout(Duration.ofMillis(500))
            .proxy(upstream.url())
            .build()
            .start()) {
      long start = System.nanoTime();
      Http.Reply reply = new Http(impatient).get("/invitations", DEMO_SUPERUSER_TOKEN);

      assertThat(reply.status).isEqualTo(504);
      assertThat(reply.at("detail").getAsString()).contains("500 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(upstreamDelay);
    }
  }

  @Test
  void anUpstreamThatIsNotListeningIsA502() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (MockFastlyServer nowhere =
        MockFastlyServer.builder().proxy("http://127.0.0.1:" + closed).build().start()) {
      Http.Reply reply = new Http(nowhere).get("/invitations", DEMO_SUPERUSER_TOKEN);

      assertThat(reply.status).isEqualTo(502);
      assertThat(reply.at("detail").getAsString()).contains("could not be reached");
    }
  }

  @Test
  void faultRulesPreferencesAndTheAdminApiStayLocal() {
    proxy.addFault(FaultRule.on("DELETE", "/invitations/*").status(503).build());

    assertThat(http.delete("/invitations/x", DEMO_SUPERUSER_TOKEN).status).isEqualTo(503);
    assertThat(
            http.send(
                    "GET",
                    "/invitations",
                    DEMO_SUPERUSER_TOKEN,
                    null,
                    null,
                    Map.of("Prefer", "code=403"))
                .status)
        .isEqualTo(403);
    assertThat(http.get("/__admin/health", null).at("proxy").getAsString())
        .isEqualTo(upstream.url());
    assertThat(http.get("/openapi.yaml", null).status).isEqualTo(200);
    assertThat(upstream.requests()).isEmpty();
    assertThat(proxy.drift().exchanges()).isZero();
  }

  @Test
  void theBuilderRefusesWhatCannotBeAnUpstream() {
    MockFastlyServer.Builder builder = MockFastlyServer.builder();

    assertThatThrownBy(() -> builder.proxy("api.fastly.com"))
        .hasMessageContaining("absolute http or https URL");
    assertThatThrownBy(() -> builder.proxy("ftp://api.fastly.com"))
        .hasMessageContaining("absolute http or https URL");
    assertThatThrownBy(() -> builder.proxy("https://api.fastly.com/?x=1"))
        .hasMessageContaining("query");
    assertThatThrownBy(() -> builder.proxy("http://[bad")).hasMessageContaining("malformed");
    assertThatThrownBy(() -> builder.proxyTimeout(Duration.ZERO)).hasMessageContaining("positive");
  }
}
