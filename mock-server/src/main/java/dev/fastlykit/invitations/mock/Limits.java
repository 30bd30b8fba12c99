package dev.fastlykit.invitations.mock;

/** The server's fixed limits. */
final class Limits {
  /** The largest request body accepted: 1 MiB. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  static final int DEFAULT_PAGE_SIZE = 20;
  static final int MAX_PAGE_SIZE = 100;
  static final int DEFAULT_WRITE_LIMIT = 1000;

  /** Recorded requests kept by the journal; older ones are dropped. */
  static final int JOURNAL_SIZE = 1000;

  /** Bodies are recorded in the journal up to this many characters. */
  static final int JOURNAL_BODY_CHARS = 4096;

  private Limits() {}
}
