package dev.fastlykit.invitations;

import java.io.IOException;

/**
 * An I/O failure on a pooled connection that had carried an exchange before, with no answer read:
 * the server (or a proxy) closed it while it sat idle. Every HTTP client meets these; a GET or
 * DELETE is sent again at once on another connection, without using a retry.
 */
final class StaleConnectionException extends IOException {
  private static final long serialVersionUID = 1L;

  StaleConnectionException(IOException cause) {
    super(cause.getMessage(), cause);
  }
}
