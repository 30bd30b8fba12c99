package dev.fastlykit.invitations.mock.internal.http;

/** The API's fixed limits, as the spec documents them. */
final class Limits {
  /** The largest request body accepted: 1 MiB. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  static final int DEFAULT_PAGE_SIZE = 20;
  static final int MAX_PAGE_SIZE = 100;

  private Limits() {}
}
