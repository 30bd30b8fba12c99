package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which requests a fault rule applies to, how often, and how it is written and read. */
class FaultsTest {
  private final Faults faults = new Faults();

  @ParameterizedTest
  @CsvSource({
    "GET, /invitations, GET, /invitations, true",
    "GET, /invitations, get, /invitations, true",
    "GET, /invitations, POST, /invitations, false",
    "GET, /invitations, GET, /invitations/x, false",
    "GET, /invitations, GET, /invitation, false",
    "*, /invitations, DELETE, /invitations, true",
    "*, /invitations*, DELETE, /invitations/4Lq8Vd2Kx9Tn3Rb6Yh1WsZ, true",
    "DELETE, /invitations/*, DELETE, /invitations/x, true",
    "DELETE, /invitations/*, DELETE, /invitations, false",
    "DELETE, /invitations/*, GET, /invitations/x, false"
  })
  void aRuleMatchesItsMethodAndItsPathExactlyOrAsAPrefix(
      String method, String path, String requestMethod, String requestPath, boolean matches) {
    FaultRule rule = FaultRule.on(method, path).status(503).build();

    assertThat(rule.matches(requestMethod, requestPath)).isEqualTo(matches);
  }

  @Test
  void theFirstMatchingRuleWinsAndAnotherRequestIsLeftAlone() {
    FaultRule first = FaultRule.on("GET", "/invitations").status(503).build();
    FaultRule second = FaultRule.on("*", "/invitations*").status(500).build();
    faults.add(first);
    faults.add(second);

    assertThat(faults.match("GET", "/invitations")).isSameAs(first);
    assertThat(faults.match("POST", "/invitations")).isSameAs(second);
    assertThat(faults.match("GET", "/__admin/health")).isNull();
  }

  @Test
  void aRuleForSomeTimesAppliesThatOftenThenIsGone() {
    faults.add(FaultRule.on("GET", "/invitations").status(503).times(2).build());
    faults.add(FaultRule.on("GET", "/invitations").status(500).build());

    assertThat(faults.match("GET", "/invitations").status()).isEqualTo(503);
    assertThat(faults.toJson()).contains("\"remaining\":1");
    assertThat(faults.match("GET", "/invitations").status()).isEqualTo(503);
    assertThat(faults.match("GET", "/invitations").status()).isEqualTo(500);
    assertThat(faults.toJson()).doesNotContain("\"status\":503");
  }

  @Test
  void aRuleWithoutTimesAppliesEveryTime() {
    faults.add(FaultRule.on("GET", "/invitations").status(503).build());

    for (int i = 0; i < 5; i++) {
      assertThat(faults.match("GET", "/invitations")).isNotNull();
    }
    assertThat(faults.toJson()).contains("\"times\":0,\"remaining\":0");
  }

  @Test
  void aRuleWithProbabilityZeroNeverAppliesAndOneAlwaysDoes() {
    faults.add(FaultRule.on("GET", "/invitations").status(503).probability(0).build());
    for (int i = 0; i < 50; i++) {
      assertThat(faults.match("GET", "/invitations")).isNull();
    }

    faults.add(FaultRule.on("GET", "/invitations").status(500).probability(1).build());
    assertThat(faults.match("GET", "/invitations").status()).isEqualTo(500);
  }

  @Test
  void rulesAreRemovedByIdOrAllAtOnce() {
    String first = faults.add(FaultRule.on("GET", "/invitations").status(503).build());
    String second = faults.add(FaultRule.on("POST", "/invitations").status(500).build());

    assertThat(first).isNotEqualTo(second);
    assertThat(faults.remove(first)).isTrue();
    assertThat(faults.remove(first)).isFalse();
    assertThat(faults.match("GET", "/invitations")).isNull();
    assertThat(faults.match("POST", "/invitations")).isNotNull();

    faults.clear();
    assertThat(faults.match("POST", "/invitations")).isNull();
    assertThat(faults.toJson()).isEqualTo("{\"faults\":[]}");
  }

  @Test
  void aRuleIsWrittenWithEveryFieldItHas() {
    String id =
        faults.add(
            FaultRule.on("get", "/invitations")
                .status(429)
                .msg("Slow down")
                .detail("try later")
                .header("Retry-After", "3")
                .delay(Duration.ofMillis(250))
                .times(4)
                .probability(0.5)
                .build());
    faults.add(FaultRule.on("POST", "/invitations").dropConnection().build());

    assertThat(faults.toJson())
        .isEqualTo(
            "{\"faults\":[{\"id\":\""
                + id
                + "\",\"method\":\"GET\",\"path\":\"/invitations\",\"status\":429,"
                + "\"msg\":\"Slow down\",\"detail\":\"try later\",\"headers\":{\"Retry-After\":\"3\"},"
                + "\"delay_ms\":250,\"drop_connection\":false,\"times\":4,\"remaining\":4,"
                + "\"probability\":0.5},"
                + "{\"id\":\"fault-2\",\"method\":\"POST\",\"path\":\"/invitations\","
                + "\"delay_ms\":0,\"drop_connection\":true,\"times\":0,\"remaining\":0,"
                + "\"probability\":1.0}]}");
  }

  @Test
  void aRuleReadFromJsonHasEveryFieldItWasGiven() {
    FaultRule rule =
        Faults.parse(
            "{\"method\":\"DELETE\",\"path\":\"/invitations/*\",\"status\":503,\"msg\":\"Down\","
                + "\"detail\":\"for a while\",\"headers\":{\"Retry-After\":\"1\"},\"delay_ms\":20,"
                + "\"times\":3,\"probability\":0.25}");

    assertThat(rule.method()).isEqualTo("DELETE");
    assertThat(rule.path()).isEqualTo("/invitations/*");
    assertThat(rule.status()).isEqualTo(503);
    assertThat(rule.msg()).isEqualTo("Down");
    assertThat(rule.detail()).isEqualTo("for a while");
    assertThat(rule.headers()).containsEntry("Retry-After", "1");
    assertThat(rule.delay()).isEqualTo(Duration.ofMillis(20));
    assertThat(rule.times()).isEqualTo(3);
    assertThat(rule.probability()).isEqualTo(0.25);
    assertThat(rule.dropConnection()).isFalse();
  }

  @Test
  void aRuleReadFromJsonDefaultsToEveryApiRequestAndTheStatusReason() {
    FaultRule rule = Faults.parse("{\"status\":503}");

    assertThat(rule.method()).isEqualTo("*");
    assertThat(rule.path()).isEqualTo("/invitations*");
    assertThat(rule.msg()).isEqualTo("Service Unavailable");
    assertThat(rule.detail()).isNull();
    assertThat(rule.times()).isZero();
    assertThat(rule.probability()).isEqualTo(1.0);
    FaultRule drop = Faults.parse("{\"drop_connection\":true}");
    assertThat(drop.dropConnection()).isTrue();
    assertThat(drop.status()).isZero();
    assertThat(drop.msg()).isNull();
    assertThat(Faults.parse("{\"drop_connection\":false,\"delay_ms\":5}").dropConnection())
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "{}",
        "{\"status\":200}",
        "{\"status\":600}",
        "{\"status\":\"soon\"}",
        "{\"status\":503,\"drop_connection\":true}",
        "{\"status\":503,\"times\":0}",
        "{\"status\":503,\"probability\":1.5}",
        "{\"status\":503,\"probability\":-0.1}",
        "{\"delay_ms\":-1}",
        "{\"delay_ms\":300001}",
        "{\"status\":503,\"path\":\"invitations\"}",
        "{\"status\":503,\"headers\":[]}",
        "{\"status\":503,\"method\":{}}"
      })
  void aMalformedRuleIsRefusedWithTheReason(String json) {
    assertThatThrownBy(() -> Faults.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("Exception");
  }

  @Test
  void theBuilderStatesItsLimits() {
    FaultRule.Builder rule = FaultRule.on("GET", "/invitations");

    assertThatThrownBy(() -> rule.status(399)).hasMessageContaining("between 400 and 599");
    assertThatThrownBy(() -> rule.status(600)).hasMessageContaining("between 400 and 599");
    assertThatThrownBy(() -> rule.times(0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> rule.probability(Double.NaN)).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> rule.delay(Duration.ofMinutes(5).plusMillis(1)))
        .hasMessageContaining("between 0 and 5 minutes");
    assertThat(rule.status(400).status(599).times(1).probability(0).delay(Duration.ofMinutes(5)))
        .isSameAs(rule);
    assertThatThrownBy(() -> FaultRule.on("GET", "/invitations").build())
        .hasMessageContaining("needs a status, a delay or dropConnection()");
  }
}
