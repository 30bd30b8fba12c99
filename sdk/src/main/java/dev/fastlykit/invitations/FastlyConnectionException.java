package dev.fastlykit.invitations;

/**
 * The server could not be reached or did not answer in time: a refused or dropped connection, a DNS
 * failure, a TLS failure or a timeout. Thrown after the retries this call allows. A create that
 * fails this way after the request was sent may or may not have taken effect: list before creating
 * again.
 */
public final class FastlyConnectionException extends FastlyException {
  private static final long serialVersionUID = 1L;

  FastlyConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
