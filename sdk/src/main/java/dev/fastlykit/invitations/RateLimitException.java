package dev.fastlykit.invitations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 429 Too Many Requests: the caller's hourly write budget is spent. Thrown at once when the wait
 * would be longer than the client's {@code maxRetryDelay}, or after the retries the call allows.
 * Wait until {@link #resetAt()} before writing again.
 */
public final class RateLimitException extends FastlyApiException {
  private static final long serialVersionUID = 1L;

  RateLimitException(int statusCode, String msg, String detail, Map<String, List<String>> headers) {
    super(statusCode, msg, detail, headers);
  }

  /** When the budget is renewed, from {@code Fastly-RateLimit-Reset}; empty when not sent. */
  public Optional<Instant> resetAt() {
    Long reset = RateLimit.firstNumber(headers(), RateLimit.RESET);
    return reset == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(reset));
  }
}
