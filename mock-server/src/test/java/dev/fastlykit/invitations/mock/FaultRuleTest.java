package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which requests a fault rule applies to, and the limits its builder states. */
class FaultRuleTest {
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

    assertThat(rule.fault().matches(requestMethod, requestPath)).isEqualTo(matches);
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
