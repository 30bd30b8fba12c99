package dev.fastlykit.invitations.mock;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The three operations of the Invitations API, checked in the decided order. */
final class InvitationRoutes {
  static final String JSON_API = "application/vnd.api+json";
  static final String JSON = "application/json";
  static final String BODY_ATTRIBUTE = "fastly.body";
  static final String CANONICAL_ATTRIBUTE = "fastly.canonical";

  /** The answer's body as text, kept only while validation is on, for the validator to read. */
  static final String RESPONSE_ATTRIBUTE = "fastly.response";

  private static final byte[] DATA = JsonWriter.ascii("{\"data\":[");
  private static final byte[] CREATED = JsonWriter.ascii("{\"data\":");
  private static final byte[] LINKS = JsonWriter.ascii("],\"links\":{");
  private static final byte[] FIRST = JsonWriter.ascii("\"first\":\"http://");
  private static final byte[] PREV = JsonWriter.ascii("\"prev\":\"http://");
  private static final byte[] NEXT = JsonWriter.ascii("\"next\":\"http://");
  private static final byte[] LAST = JsonWriter.ascii("\"last\":\"http://");
  private static final byte[] PAGE_NUMBER = JsonWriter.ascii("/invitations?page%5Bnumber%5D=");
  private static final byte[] PAGE_SIZE = JsonWriter.ascii("&page%5Bsize%5D=");
  private static final byte[] CURRENT_PAGE = JsonWriter.ascii("},\"meta\":{\"current_page\":");
  private static final byte[] PER_PAGE = JsonWriter.ascii(",\"per_page\":");
  private static final byte[] RECORD_COUNT = JsonWriter.ascii(",\"record_count\":");
  private static final byte[] TOTAL_PAGES = JsonWriter.ascii(",\"total_pages\":");
  private static final byte[] END = JsonWriter.ascii("}}");

  private final Store store;
  private final WriteBudgets budgets;
  private final Supplier<String> boundAddress;
  private final boolean keepBodies;
  private final Consumer<Context> recorder;

  /**
   * @param keepBodies whether to keep each answer's body as text, for the validator
   * @param recorder journals an exchange; called just before an answer is written
   */
  InvitationRoutes(
      Store store,
      WriteBudgets budgets,
      Supplier<String> boundAddress,
      boolean keepBodies,
      Consumer<Context> recorder) {
    this.store = store;
    this.budgets = budgets;
    this.boundAddress = boundAddress;
    this.keepBodies = keepBodies;
    this.recorder = recorder;
  }

  void list(Context ctx) {
    User caller = authenticate(ctx);
    if (!caller.mayManageInvitations()) {
      throw FastlyError.forbidden(describe(caller) + " may not list invitations");
    }
    PageRequest page = PageRequest.parse(ctx.queryString());
    if (!page.canonical) {
      ctx.attribute(CANONICAL_ATTRIBUTE, Boolean.FALSE);
    }
    long offset = (page.number - 1L) * page.size;
    Store.Slice slice = store.page(caller.customer, offset, page.size);
    int totalPages = (int) ((slice.total + (long) page.size - 1) / page.size);

    JsonWriter out = JsonWriter.forThisThread().raw(DATA);
    for (int i = 0; i < slice.items.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Resources.invitation(out, slice.items.get(i), false);
    }
    String host = linkHost(ctx);
    int last = Math.max(totalPages, 1);
    out.raw(LINKS);
    if (page.number > 1) {
      link(out, FIRST, host, 1, page.size).append(',');
      link(out, PREV, host, Math.min(page.number - 1, last), page.size).append(',');
    }
    if (page.number < totalPages) {
      link(out, NEXT, host, page.number + 1, page.size).append(',');
    }
    link(out, LAST, host, last, page.size)
        .raw(CURRENT_PAGE)
        .append(page.number)
        .raw(PER_PAGE)
        .append(page.size)
        .raw(RECORD_COUNT)
        .append(slice.total)
        .raw(TOTAL_PAGES)
        .append(totalPages)
        .raw(END);
    send(ctx, out);
  }

  /** {@code "next":"http://host/invitations?page%5Bnumber%5D=3&page%5Bsize%5D=20"} */
  private static JsonWriter link(JsonWriter out, byte[] name, String host, long number, int size) {
    return out.raw(name)
        .append(host)
        .raw(PAGE_NUMBER)
        .append(number)
        .raw(PAGE_SIZE)
        .append(size)
        .append('"');
  }

  void create(Context ctx) {
    User caller = authenticate(ctx);
    useWriteBudget(ctx, caller);
    String body = readBody(ctx);
    checkMediaType(ctx.header("Content-Type"));
    if (!caller.mayManageInvitations()) {
      throw FastlyError.forbidden(describe(caller) + " may not invite anyone");
    }
    NewInvitationRequest request = CreateRequests.parse(body);
    if (!request.canonical
        || !ctx.header("Content-Type").toLowerCase(Locale.ROOT).startsWith(JSON_API)) {
      ctx.attribute(CANONICAL_ATTRIBUTE, Boolean.FALSE);
    }
    if (!caller.isSuperuser()) {
      checkEngineerMayGrant(request);
    }
    StoredInvitation created = store.create(caller, request);
    JsonWriter out = JsonWriter.forThisThread().raw(CREATED);
    Resources.invitation(out, created, true);
    send(ctx, out.append('}'));
  }

  /**
   * Writes a 200 answer straight to the response in one write, rather than through Javalin's result
   * stream (which copies it again through a fresh 32 KB array). A client that accepts no encoding
   * gets it with its length, past Javalin's compression checks; any other goes through Javalin's
   * compressing stream, which gzips what is big enough.
   */
  private void send(Context ctx, JsonWriter body) {
    ctx.status(200).contentType(JSON_API);
    if (keepBodies) {
      ctx.attribute(RESPONSE_ATTRIBUTE, body.toString());
    }
    String accepted = ctx.header("Accept-Encoding");
    boolean plain = accepted == null || accepted.isEmpty();
    if (plain) {
      ctx.res().setContentLength(body.size());
    }
    // Once written, the answer may reach the client before an after-filter would run.
    recorder.accept(ctx);
    try {
      if (plain) {
        body.writeTo(ctx.res().getOutputStream());
      } else {
        body.writeTo(ctx.outputStream());
      }
    } catch (IOException clientGone) {
      throw new MockFastlyServer.ConnectionDropped();
    }
  }

  void delete(Context ctx) {
    User caller = authenticate(ctx);
    useWriteBudget(ctx, caller);
    if (!caller.mayManageInvitations()) {
      throw FastlyError.forbidden(describe(caller) + " may not delete invitations");
    }
    store.delete(caller, ctx.pathParam("invitation_id"));
    ctx.status(204);
  }

  private User authenticate(Context ctx) {
    User user = store.authenticate(ctx.header("Fastly-Key"));
    if (user == null) {
      throw FastlyError.unauthorized();
    }
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
              + Timestamps.format(outcome.resetEpochSecond),
          java.util.Map.of());
    }
  }

  private static String readBody(Context ctx) {
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
      ctx.attribute(BODY_ATTRIBUTE, body);
      return body;
    } catch (CharacterCodingException e) {
      ctx.attribute(BODY_ATTRIBUTE, "(not UTF-8)");
      checkMediaType(ctx.header("Content-Type")); // a wrong media type is the better answer
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

  private static void checkEngineerMayGrant(NewInvitationRequest request) {
    if (!Roles.ENGINEER_MAY_GRANT.contains(request.role)) {
      throw FastlyError.forbidden(
          "An engineer may only invite users and engineers, not a " + request.role);
    }
    for (String role : request.roles) {
      if (!Roles.ENGINEER_MAY_GRANT.contains(role)) {
        throw FastlyError.forbidden(
            "An engineer may only give the user and engineer roles, not " + role);
      }
    }
    if (request.limitServices || !request.grants.isEmpty()) {
      throw FastlyError.forbidden(
          "An engineer may not limit an invitee to services or give service permissions");
    }
  }

  private static String describe(User user) {
    return "A "
        + user.role
        + (Roles.ENGINEER.equals(user.role) && user.limitServices ? " with service limits" : "");
  }

  /** The server's own host[:port] for links: the Host header's when it is a plain one. */
  private String linkHost(Context ctx) {
    String host = ctx.header("Host");
    return host != null && isPlainHost(host) ? host : boundAddress.get();
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

  /** Allowed methods of the API's paths, for 405 answers. */
  static String allowedMethods(String path) {
    if (path.equals("/invitations")) {
      return "GET, POST";
    }
    if (path.startsWith("/invitations/") && path.indexOf('/', "/invitations/".length()) < 0) {
      return "DELETE";
    }
    return null;
  }
}
