package dev.fastlykit.invitations.mock.internal.http;

/** The API's fixed limits, as the spec documents them. */
final class Limits {
  /** The largest request body accepted: 1 MiB. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  /** The longest request target (path and query, as sent): longer ones are 414. */
  static final int MAX_TARGET_CHARS = 8 * 1024;

  /** The most header bytes a request may carry (each line with its CRLF): more is 431. */
  static final int MAX_HEADER_BYTES = 8 * 1024;

  /**
   * What Jetty reads of a request head before it refuses it itself (414 while still in the target,
   * 431 after): well above the two limits above, so that the server applies those.
   */
  static final int JETTY_HEAD_BYTES = 64 * 1024;

  static final int DEFAULT_PAGE_SIZE = 20;
  static final int MAX_PAGE_SIZE = 100;

  private Limits() {}
}
