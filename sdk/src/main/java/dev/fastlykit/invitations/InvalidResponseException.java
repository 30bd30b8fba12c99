package dev.fastlykit.invitations;

/**
 * The server answered with success, but with a body this SDK cannot read: malformed JSON, or JSON
 * of another shape than the API's (a missing {@code data}, an invitation without an id). Never
 * retried: asking again would get the same answer. Seen when something between the SDK and Fastly
 * (a proxy, a captive portal) answers in its place, or when Fastly's API changed.
 */
public final class InvalidResponseException extends FastlyException {
  private static final long serialVersionUID = 1L;

  InvalidResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
