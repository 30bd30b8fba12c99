package dev.fastlykit.invitations;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Decides whether a failed attempt is tried again, and after how long.
 *
 * <p>GET and DELETE are idempotent: they are retried on connection failures, timeouts, 408, 429,
 * 500, 502, 503 and 504. A POST is retried only on 429 (the server did not process it) and when the
 * request never left this machine; anything else could create the invitation twice.
 */
final class RetryPolicy {
  static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

  private final int maxRetries;
  private final Duration maxRetryDelay;
  private final Clock clock;

  RetryPolicy(int maxRetries, Duration maxRetryDelay, Clock clock) {
    this.maxRetries = maxRetries;
    this.maxRetryDelay = maxRetryDelay;
    this.clock = clock;
  }

  int maxRetries() {
    return maxRetries;
  }

  /** The delay before retrying after an HTTP response, or null to stop here. */
  Duration afterResponse(
      String method, int status, Map<String, List<String>> headers, int retriesSoFar) {
    if (retriesSoFar >= maxRetries || !retryableStatus(method, status)) {
      return null;
    }
    Duration suggested = suggestedDelay(status, headers);
    if (suggested == null) {
      return backoff(retriesSoFar);
    }
    return suggested.compareTo(maxRetryDelay) > 0 ? null : suggested;
  }

  /** The delay before retrying after an I/O failure, or null to stop here. */
  Duration afterFailure(String method, IOException failure, int retriesSoFar) {
    if (retriesSoFar >= maxRetries || !retryableFailure(method, failure)) {
      return null;
    }
    return backoff(retriesSoFar);
  }

  private static boolean retryableStatus(String method, int status) {
    if (status == 429) {
      return true;
    }
    if (!idempotent(method)) {
      return false;
    }
    return status == 408 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  private static boolean retryableFailure(String method, IOException failure) {
    if (failure instanceof SSLPeerUnverifiedException
        || failure instanceof SSLHandshakeException
        || "Canceled".equals(failure.getMessage())) {
      return false; // a wrong certificate or a cancelled call does not get better with time
    }
    return idempotent(method) || failure instanceof RequestNotSentException;
  }

  private static boolean idempotent(String method) {
    return !"POST".equals(method) && !"PATCH".equals(method);
  }

  /** What the server asked for: Retry-After, or on 429 the rate-limit reset. */
  private Duration suggestedDelay(int status, Map<String, List<String>> headers) {
    Duration retryAfter = retryAfter(headers);
    if (retryAfter != null) {
      return retryAfter;
    }
    if (status == 429) {
      Long reset = RateLimit.firstNumber(headers, RateLimit.RESET);
      if (reset != null) {
        Duration untilReset = Duration.between(clock.instant(), Instant.ofEpochSecond(reset));
        return untilReset.isNegative() ? Duration.ZERO : untilReset;
      }
    }
    return null;
  }

  private Duration retryAfter(Map<String, List<String>> headers) {
    List<String> values = headers.get("Retry-After");
    if (values == null || values.isEmpty()) {
      return null;
    }
    String value = values.get(0).trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration until = Duration.between(clock.instant(), at);
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  /** 0.5 s, 1 s, 2 s, ... up to 8 s, each shortened by up to a quarter at random. */
  private static Duration backoff(int retriesSoFar) {
    long base = INITIAL_BACKOFF.toMillis() << Math.min(retriesSoFar, 10);
    long capped = Math.min(base, MAX_BACKOFF.toMillis());
    double jitter = 1 - ThreadLocalRandom.current().nextDouble() * 0.25;
    return Duration.ofMillis(Math.round(capped * jitter));
  }
}
