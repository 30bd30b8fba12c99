package dev.fastlykit.invitations.mock.internal.http;

/**
 * Thrown once the connection is gone, closed by a fault rule or by the client while the answer was
 * being written: there is nothing left to answer.
 */
final class ConnectionDropped extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ConnectionDropped() {
    super(null, null, false, false);
  }
}
