package dev.fastlykit.invitations.mock.internal.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where to forward to, and how long to wait.
 *
 * @param url an absolute http or https URL; a path in it prefixes every request's path
 * @param connectTimeout how long to wait for a connection
 * @param timeout how long to wait for the whole answer once the request is sent
 */
public record ProxyOptions(URI url, Duration connectTimeout, Duration timeout) {
  public ProxyOptions {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException(
          "the upstream must be an absolute http or https URL, not " + url);
    }
    if (url.getQuery() != null || url.getFragment() != null) {
      throw new IllegalArgumentException("the upstream URL must not have a query or fragment");
    }
    if (connectTimeout.isNegative()
        || connectTimeout.isZero()
        || timeout.isNegative()
        || timeout.isZero()) {
      throw new IllegalArgumentException("the upstream timeouts must be positive");
    }
  }
}
