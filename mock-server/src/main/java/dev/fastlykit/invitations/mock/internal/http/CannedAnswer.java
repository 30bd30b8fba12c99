package dev.fastlykit.invitations.mock.internal.http;

/**
 * An answer decided before the operation's handler runs (a fault rule's body, a success that a
 * {@code Prefer} header asked for): thrown, so that the handler is skipped, and written as it is.
 */
final class CannedAnswer extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String mediaType;

  /** The body, or null for none. */
  final String body;

  CannedAnswer(int status, String mediaType, String body) {
    super(status + " " + mediaType, null, false, false);
    this.status = status;
    this.mediaType = mediaType;
    this.body = body;
  }
}
