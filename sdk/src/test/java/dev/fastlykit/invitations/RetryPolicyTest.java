package dev.fastlykit.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/** When a failed attempt is tried again, and after how long, decided without a network. */
class RetryPolicyTest {
  private static final Instant NOW = Instant.parse("2026-01-08T11:22:33Z");
  private final RetryPolicy policy =
      new RetryPolicy(2, Duration.ofSeconds(3), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aRetryAfterOfExactlyTheLongestWaitIsWaitedAndOneSecondMoreIsNot() {
    assertThat(policy.afterResponse("GET", 503, retryAfter("3"), 0))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.afterResponse("GET", 503, retryAfter("4"), 0)).isNull();
  }

  @Test
  void aRetryAfterOfZeroRetriesAtOnceAndANegativeOneIsIgnored() {
    assertThat(policy.afterResponse("GET", 503, retryAfter("0"), 0)).isEqualTo(Duration.ZERO);
    assertThat(policy.afterResponse("GET", 503, retryAfter("-1"), 0))
        .isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
    assertThat(policy.afterResponse("GET", 503, retryAfter("soon"), 0))
        .isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
  }

  @Test
  void theRetryBudgetIsSpentAfterMaxRetries() {
    assertThat(policy.maxRetries()).isEqualTo(2);
    assertThat(policy.afterResponse("GET", 503, Map.of(), 1)).isNotNull();
    assertThat(policy.afterResponse("GET", 503, Map.of(), 2)).isNull();
    assertThat(policy.afterFailure("GET", new IOException("reset"), 1)).isNotNull();
    assertThat(policy.afterFailure("GET", new IOException("reset"), 2)).isNull();
  }

  @Test
  void aFailureIsRetriedForAListOrDeleteAndForACreateOnlyIfItWasNeverSent() {
    IOException reset = new IOException("connection reset");

    assertThat(policy.afterFailure("GET", reset, 0)).isNotNull();
    assertThat(policy.afterFailure("DELETE", reset, 0)).isNotNull();
    assertThat(policy.afterFailure("POST", reset, 0)).isNull();
    assertThat(policy.afterFailure("PATCH", reset, 0)).isNull();
    assertThat(policy.afterFailure("POST", new RequestNotSentException(reset), 0)).isNotNull();
  }

  @Test
  void aWrongCertificateOrACancelledCallIsNeverRetried() {
    assertThat(policy.afterFailure("GET", new SSLHandshakeException("bad certificate"), 0))
        .isNull();
    assertThat(policy.afterFailure("GET", new SSLPeerUnverifiedException("wrong host"), 0))
        .isNull();
    assertThat(policy.afterFailure("GET", new IOException("Canceled"), 0)).isNull();
  }

  @Test
  void aRateLimitWaitsUntilTheResetAndAPastResetRetriesAtOnce() {
    long inTwoSeconds = NOW.getEpochSecond() + 2;
    long aMinuteAgo = NOW.getEpochSecond() - 60;

    assertThat(policy.afterResponse("POST", 429, reset(inTwoSeconds), 0))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.afterResponse("POST", 429, reset(aMinuteAgo), 0)).isEqualTo(Duration.ZERO);
    assertThat(policy.afterResponse("POST", 503, reset(inTwoSeconds), 0)).isNull();
  }

  private static Map<String, List<String>> retryAfter(String value) {
    return Map.of("Retry-After", List.of(value));
  }

  private static Map<String, List<String>> reset(long epochSecond) {
    return Map.of(RateLimit.RESET, List.of(Long.toString(epochSecond)));
  }
}
