package dev.fastlykit.invitations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The caller's hourly write budget as the server reported it on a POST or DELETE response, from its
 * {@code Fastly-RateLimit-Remaining} and {@code Fastly-RateLimit-Reset} headers.
 */
public final class RateLimit {
  static final String REMAINING = "Fastly-RateLimit-Remaining";
  static final String RESET = "Fastly-RateLimit-Reset";

  private final long remaining;
  private final Instant resetAt;

  RateLimit(long remaining, Instant resetAt) {
    this.remaining = remaining;
    this.resetAt = resetAt;
  }

  /** Reads the two headers; empty when either is missing or not a number (as on every GET). */
  static Optional<RateLimit> from(Map<String, List<String>> headers) {
    Long remaining = firstNumber(headers, REMAINING);
    Long reset = firstNumber(headers, RESET);
    if (remaining == null || reset == null) {
      return Optional.empty();
    }
    return Optional.of(new RateLimit(remaining, Instant.ofEpochSecond(reset)));
  }

  static Long firstNumber(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(values.get(0).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Write requests left in the current hour, after the one this came with. */
  public long remaining() {
    return remaining;
  }

  /** When the budget is renewed (the next top of the hour). */
  public Instant resetAt() {
    return resetAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateLimit
        && ((RateLimit) o).remaining == remaining
        && ((RateLimit) o).resetAt.equals(resetAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(remaining, resetAt);
  }

  @Override
  public String toString() {
    return "RateLimit{remaining=" + remaining + ", resetAt=" + resetAt + '}';
  }
}
