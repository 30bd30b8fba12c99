package dev.fastlykit.invitations;

import java.io.IOException;

/** An I/O failure before the request was written: safe to retry even for a POST. */
final class RequestNotSentException extends IOException {
  private static final long serialVersionUID = 1L;

  RequestNotSentException(IOException cause) {
    super(cause.getMessage(), cause);
  }
}
