package dev.fastlykit.invitations.mock.internal.http;

import dev.fastlykit.invitations.mock.internal.journal.AnswerBody;
import dev.fastlykit.invitations.mock.internal.journal.Fault;
import io.javalin.http.Context;

/**
 * What the server learns about one exchange while it answers it, for the journal and the spec check
 * that follow: kept on the request as one typed attribute.
 */
final class Exchange {
  private static final String KEY = Exchange.class.getName();

  /**
   * The request headers as name and value pairs, tokens redacted; null when the request was refused
   * before they were read (an over-long target).
   */
  String[] headerPairs;

  /**
   * The first value of each header the API's handlers read, taken in the same pass as {@link
   * #headerPairs}; null when absent (or not read: see there).
   */
  String fastlyKey;

  String host;
  String contentType;
  String acceptEncoding;

  /** Whether the request has a {@code Prefer} header. */
  boolean prefer;

  /** The request body as text; null when none was read. */
  String requestBody;

  /** Whether the request was in the form the spec documents (not a lenient one accepted). */
  boolean canonical = true;

  /** The answer's body as text, kept only while validation is on, or the proxy's to check. */
  String responseBody;

  /** The answer's body for the journal, when the handler wrote it itself. */
  AnswerBody journalBody;

  /** When the request arrived, in {@link System#nanoTime()}'s terms; 0 when unknown. */
  long startNanos;

  /** The email of the user whose token the request carried, once authenticated. */
  String user;

  /** The fault rule that answered or delayed the request, if any. */
  Fault fault;

  /** Whether the answer is the one a {@code Prefer: code=NNN} header asked for. */
  boolean preferred;

  /** Whether the answer is the upstream's, forwarded by the proxy. */
  boolean upstream;

  /** Whether a fault closed the connection without an answer. */
  boolean dropped;

  /** Whether the exchange is in the journal already. */
  boolean recorded;

  private Exchange() {}

  /** A new exchange for a request, which the first filter makes before anything looks for it. */
  static Exchange begin(Context ctx) {
    Exchange exchange = new Exchange();
    ctx.attribute(KEY, exchange);
    return exchange;
  }

  /** This request's exchange, made on first use. */
  static Exchange of(Context ctx) {
    Exchange exchange = ctx.attribute(KEY);
    if (exchange == null) {
      exchange = new Exchange();
      ctx.attribute(KEY, exchange);
    }
    return exchange;
  }
}
