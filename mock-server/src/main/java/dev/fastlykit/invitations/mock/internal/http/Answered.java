package dev.fastlykit.invitations.mock.internal.http;

/** The answer is written already (the upstream's, through the proxy): nothing more to do. */
final class Answered extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Answered() {
    super("answered", null, false, false);
  }
}
