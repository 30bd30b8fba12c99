package dev.fastlykit.invitations.mock.internal.http;

import dev.fastlykit.invitations.mock.internal.journal.AnswerBody;
import dev.fastlykit.invitations.mock.internal.journal.Fault;
import io.javalin.http.Context;

/**
 * What the server learns about one exchange while it answers it, for the journal and the spec check
 * that follow: kept on the request as one typed attribute, and in a slot of the thread that handles
 * the request, where it is found for less.
 */
final class Exchange {
  private static final String KEY = Exchange.class.getName();

  /**
   * Each thread's slot for the exchange of the request it handles, from the first filter to the
   * last: a slot of one, so that letting go of it is a write, not a thread-local removal.
   */
  private static final ThreadLocal<Exchange[]> CURRENT =
      ThreadLocal.withInitial(() -> new Exchange[1]);

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

  /** The request this is the exchange of: what {@link #of} checks the thread's exchange against. */
  private Context ctx;

  /** The slot of the thread that began it. */
  private Exchange[] slot;

  private Exchange() {}

  /**
   * A new exchange for a request, which the first filter makes before anything looks for it: kept
   * on the request, and as the thread's current exchange until {@link #end}.
   */
  static Exchange begin(Context ctx) {
    Exchange exchange = new Exchange();
    exchange.ctx = ctx;
    ctx.attribute(KEY, exchange);
    exchange.slot = CURRENT.get();
    exchange.slot[0] = exchange;
    return exchange;
  }

  /**
   * This request's exchange, made on first use. Found as the thread's current exchange while the
   * request is handled on the thread that began it, as nearly all are: cheaper than the request's
   * attribute, which Jetty looks up through its session manager. A request finished on another
   * thread (an answer that waited) finds it as its attribute.
   */
  static Exchange of(Context ctx) {
    Exchange current = CURRENT.get()[0];
    if (current != null && current.ctx == ctx) {
      return current;
    }
    Exchange exchange = ctx.attribute(KEY);
    if (exchange == null) {
      exchange = new Exchange();
      exchange.ctx = ctx;
      ctx.attribute(KEY, exchange);
    }
    return exchange;
  }

  /**
   * Done with the request: the thread that began it lets go of it, so that it holds no request past
   * its answer. From another thread (an answer that waited) this races with the next request's
   * {@link #begin} on that thread at worst, which then finds its exchange as its attribute.
   */
  void end() {
    Exchange[] mine = slot;
    if (mine != null && mine[0] == this) {
      mine[0] = null;
    }
  }
}
