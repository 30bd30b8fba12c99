package dev.fastlykit.invitations.mock.internal.http;

import dev.fastlykit.invitations.mock.internal.journal.AnswerBody;
import dev.fastlykit.invitations.mock.internal.journal.Journal;
import dev.fastlykit.invitations.mock.internal.json.JsonWriter;
import dev.fastlykit.invitations.mock.internal.json.Timestamps;
import dev.fastlykit.invitations.mock.internal.store.RolePolicy;
import dev.fastlykit.invitations.mock.internal.store.Store;
import dev.fastlykit.invitations.mock.internal.store.StoredInvitation;
import dev.fastlykit.invitations.mock.internal.store.User;
import dev.fastlykit.invitations.mock.internal.store.WriteBudgets;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The three operations of the Invitations API. Each checks in the order {@code spec/README.md}
 * gives: the token (401), the write budget (429), the body's size, encoding and media type (413,
 * 400, 415), the caller's role (403), the body's form (400), what the role may give (403), and what
 * the account holds (400, 404).
 */
final class InvitationHandlers {
  static final String JSON_API = "application/vnd.api+json";
  static final String JSON = "application/json";

  private static final byte[] DATA = JsonWriter.ascii("{\"data\":[");
  private static final byte[] CREATED = JsonWriter.ascii("{\"data\":");
  private static final byte[] LINKS = JsonWriter.ascii("],\"links\":{");
  private static final byte[] FIRST = JsonWriter.ascii("\"first\":\"");
  private static final byte[] PREV = JsonWriter.ascii("\"prev\":\"");
  private static final byte[] NEXT = JsonWriter.ascii("\"next\":\"");
  private static final byte[] LAST = JsonWriter.ascii("\"last\":\"");
  private static final byte[] HTTP = JsonWriter.ascii("http://");
  private static final byte[] PAGE_NUMBER = JsonWriter.ascii("/invitations?page%5Bnumber%5D=");
  private static final byte[] PAGE_SIZE = JsonWriter.ascii("&page%5Bsize%5D=");
  private static final byte[] CURRENT_PAGE = JsonWriter.ascii("},\"meta\":{\"current_page\":");
  private static final byte[] PER_PAGE = JsonWriter.ascii(",\"per_page\":");
  private static final byte[] RECORD_COUNT = JsonWriter.ascii(",\"record_count\":");
  private static final byte[] TOTAL_PAGES = JsonWriter.ascii(",\"total_pages\":");
  private static final byte[] END = JsonWriter.ascii("}}");

  private final Store store;
  private final WriteBudgets budgets;
  private final String host;
  private final boolean keepBodies;
  private final BiConsumer<Context, Exchange> recorder;

  /**
   * @param host the host the server listens on, for links when a request has no usable Host header
   * @param keepBodies whether to keep each answer's body as text, for the validator
   * @param recorder journals an exchange; called just before an answer is written
   */
  InvitationHandlers(
      Store store,
      WriteBudgets budgets,
      String host,
      boolean keepBodies,
      BiConsumer<Context, Exchange> recorder) {
    this.store = store;
    this.budgets = budgets;
    this.host = host.contains(":") ? "[" + host + "]" : host;
    this.keepBodies = keepBodies;
    this.recorder = recorder;
  }

  void list(Context ctx) {
    Exchange exchange = Exchange.of(ctx);
    User caller = authenticate(exchange);
    RolePolicy.checkMay(caller, RolePolicy.Action.LIST);
    PageRequest page = PageRequest.parse(ctx.queryString());
    if (!page.canonical) {
      exchange.canonical = false;
    }
    long offset = (page.number - 1L) * page.size;
    Store.Slice slice = store.page(caller, offset, page.size);
    Page answer =
        new Page(slice.items, linkHost(ctx, exchange), page.number, page.size, slice.total);
    send(ctx, exchange, answer);
  }

  /** A 200 answer's body: what writes it, and what the journal keeps to write it again. */
  private interface Answer extends AnswerBody {
    /** Writes the whole body into {@code out}, and returns {@code out}. */
    JsonWriter writeTo(JsonWriter out);
  }

  /**
   * A page of the list as answered: what writes it, and writes it again, byte for byte, when the
   * journal is read.
   */
  private record Page(List<StoredInvitation> items, String host, int number, int size, int total)
      implements Answer {
    @Override
    public JsonWriter writeTo(JsonWriter out) {
      out.raw(DATA);
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        InvitationJson.invitation(out, items.get(i), false);
      }
      int totalPages = (int) ((total + (long) size - 1) / size);
      int last = Math.max(totalPages, 1);
      out.raw(LINKS);
      Links links = new Links(out, host, size);
      if (number > 1) {
        links.link(FIRST, 1).append(',');
        links.link(PREV, Math.min(number - 1, last)).append(',');
      }
      if (number < totalPages) {
        links.link(NEXT, number + 1).append(',');
      }
      return links
          .link(LAST, last)
          .raw(CURRENT_PAGE)
          .append(number)
          .raw(PER_PAGE)
          .append(size)
          .raw(RECORD_COUNT)
          .append(total)
          .raw(TOTAL_PAGES)
          .append(totalPages)
          .raw(END);
    }

    @Override
    public byte[] bytes() {
      return writeTo(new JsonWriter(Journal.BODY_CHARS)).prefix(Journal.BODY_CHARS);
    }
  }

  /** A created invitation as answered, written again when the journal is read. */
  private record Created(StoredInvitation invitation) implements Answer {
    @Override
    public JsonWriter writeTo(JsonWriter out) {
      out.raw(CREATED);
      InvitationJson.invitation(out, invitation, true);
      return out.append('}');
    }

    @Override
    public byte[] bytes() {
      return writeTo(new JsonWriter(1024)).prefix(Journal.BODY_CHARS);
    }
  }

  /**
   * Writes the links of one page, such as {@code
   * "next":"http://host/invitations?page%5Bnumber%5D=3&page%5Bsize%5D=20"}. They differ only in
   * their name and page number: the first one written gives the others its host and path, and its
   * size, copied from what is written already rather than written again.
   */
  private static final class Links {
    private final JsonWriter out;
    private final String host;
    private final int size;

    /** Where the first link's {@code http://host/...number%5D=} starts, or -1 before it. */
    private int prefixStart = -1;

    private int prefixLength;

    /** Where its {@code &page%5Bsize%5D=20"} starts. */
    private int suffixStart;

    private int suffixLength;

    Links(JsonWriter out, String host, int size) {
      this.out = out;
      this.host = host;
      this.size = size;
    }

    JsonWriter link(byte[] name, long number) {
      out.raw(name);
      if (prefixStart >= 0) {
        return out.repeat(prefixStart, prefixLength)
            .append(number)
            .repeat(suffixStart, suffixLength);
      }
      prefixStart = out.size();
      out.raw(HTTP).append(host).raw(PAGE_NUMBER);
      prefixLength = out.size() - prefixStart;
      out.append(number);
      suffixStart = out.size();
      out.raw(PAGE_SIZE).append(size).append('"');
      suffixLength = out.size() - suffixStart;
      return out;
    }
  }

  void create(Context ctx) {
    Exchange exchange = Exchange.of(ctx);
    User caller = authenticate(exchange);
    useWriteBudget(ctx, caller);
    String body = readBody(ctx, exchange);
    checkMediaType(exchange.contentType);
    RolePolicy.checkMay(caller, RolePolicy.Action.INVITE);
    CreateRequests.Parsed request = CreateRequests.parse(body);
    if (!request.canonical()
        || !exchange.contentType.toLowerCase(Locale.ROOT).startsWith(JSON_API)) {
      exchange.canonical = false;
    }
    Created answer = new Created(store.create(caller, request.invitation(), true));
    send(ctx, exchange, answer);
  }

  /**
   * Writes a 200 answer straight to the response in one write, rather than through Javalin's result
   * stream (which copies it again through a fresh 32 KB array). A client that accepts no encoding
   * gets it with its length, past Javalin's compression checks; any other goes through Javalin's
   * compressing stream, which gzips what is big enough. The body is written into a borrowed writer,
   * given back once written out.
   */
  private void send(Context ctx, Exchange exchange, Answer answer) {
    JsonWriter body = answer.writeTo(JsonWriter.borrow());
    try {
      send(ctx, exchange, answer, body);
    } finally {
      body.giveBack();
    }
  }

  private void send(Context ctx, Exchange exchange, AnswerBody journalBody, JsonWriter body) {
    ctx.status(200); // its Content-Type, JSON_API, is the default ApiServer gives Javalin
    exchange.journalBody = journalBody;
    if (keepBodies) {
      exchange.responseBody = body.toString();
    }
    String accepted = exchange.acceptEncoding;
    boolean plain = accepted == null || accepted.isEmpty();
    if (plain) {
      ctx.res().setContentLength(body.size());
    }
    // Once written, the answer may reach the client before an after-filter would run.
    recorder.accept(ctx, exchange);
    try {
      if (plain) {
        body.writeTo(ctx.res().getOutputStream());
      } else {
        body.writeTo(ctx.outputStream());
      }
    } catch (IOException clientGone) {
      throw new ConnectionDropped();
    }
  }

  void delete(Context ctx) {
    User caller = authenticate(Exchange.of(ctx));
    useWriteBudget(ctx, caller);
    RolePolicy.checkMay(caller, RolePolicy.Action.DELETE);
    store.delete(caller, RouteTable.pathParam(ctx, "invitation_id"));
    ctx.status(204);
  }

  private User authenticate(Exchange exchange) {
    User user = store.authenticate(exchange.fastlyKey);
    if (user == null) {
      throw FastlyError.unauthorized();
    }
    exchange.user = user.email;
    return user;
  }

  /** Uses one unit of the caller's budget, and says so on the response, errors included. */
  private void useWriteBudget(Context ctx, User caller) {
    WriteBudgets.Outcome outcome = budgets.use(caller.token);
    ctx.header("Fastly-RateLimit-Remaining", Long.toString(Math.max(outcome.remaining, 0)));
    ctx.header("Fastly-RateLimit-Reset", Long.toString(outcome.resetEpochSecond));
    if (outcome.spent()) {
      throw new FastlyError(
          429,
          "Too Many Requests",
          "The hourly limit of "
              + budgets.limit()
              + " write requests is spent; it is renewed at "
              + Timestamps.format(outcome.resetEpochSecond));
    }
  }

  private static String readBody(Context ctx, Exchange exchange) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > Limits.MAX_BODY_BYTES) {
      throw FastlyError.tooLarge();
    }
    byte[] bytes;
    try (InputStream in = ctx.req().getInputStream()) {
      // Sized by the declared length when there is one; one byte more tells a longer body.
      bytes = in.readNBytes(declared >= 0 ? (int) declared + 1 : Limits.MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw FastlyError.badRequest("the request body could not be read");
    }
    if (bytes.length > Limits.MAX_BODY_BYTES) {
      throw FastlyError.tooLarge();
    }
    try {
      String body = isAscii(bytes) ? new String(bytes, StandardCharsets.ISO_8859_1) : utf8(bytes);
      exchange.requestBody = body;
      return body;
    } catch (CharacterCodingException e) {
      exchange.requestBody = "(not UTF-8)";
      checkMediaType(exchange.contentType); // a wrong media type is the better answer
      throw FastlyError.badRequest("the body is not valid UTF-8");
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(bytes))
        .toString();
  }

  /** JSON or JSON:API, compared without parameters; a charset, if any, must be UTF-8. */
  static void checkMediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      throw FastlyError.unsupportedMediaType(
          "Content-Type is missing: send application/vnd.api+json or application/json");
    }
    String[] parts = contentType.split(";");
    String type = parts[0].strip().toLowerCase(Locale.ROOT);
    if (!type.equals(JSON_API) && !type.equals(JSON)) {
      throw FastlyError.unsupportedMediaType(
          "Content-Type must be application/vnd.api+json or application/json");
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      int eq = parameter.indexOf('=');
      if (eq > 0 && parameter.substring(0, eq).strip().equalsIgnoreCase("charset")) {
        String charset = parameter.substring(eq + 1).strip().replace("\"", "");
        if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
          throw FastlyError.unsupportedMediaType("charset must be utf-8, not " + charset);
        }
      }
    }
  }

  /**
   * The server's own host[:port] for links: the Host header's when it is a plain one, otherwise the
   * host the server listens on with the port the request came in on.
   */
  private String linkHost(Context ctx, Exchange exchange) {
    String header = exchange.host;
    return header != null && isPlainHost(header) ? header : host + ":" + ctx.req().getLocalPort();
  }

  /** A host[:port] or [v6]:port of plain characters: nothing a link could be abused with. */
  static boolean isPlainHost(String host) {
    if (host.isEmpty() || host.length() > 261) {
      return false;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == ':'
              || c == '['
              || c == ']';
      if (!plain) {
        return false;
      }
    }
    return true;
  }
}
