package dev.fastlykit.invitations.mock;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

/** The three operations of the Invitations API, checked in the decided order. */
final class InvitationRoutes {
  static final String JSON_API = "application/vnd.api+json";
  static final String JSON = "application/json";
  static final String BODY_ATTRIBUTE = "fastly.body";
  static final String CANONICAL_ATTRIBUTE = "fastly.canonical";

  private final Store store;
  private final WriteBudgets budgets;
  private final Supplier<String> boundAddress;

  InvitationRoutes(Store store, WriteBudgets budgets, Supplier<String> boundAddress) {
    this.store = store;
    this.budgets = budgets;
    this.boundAddress = boundAddress;
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

    StringBuilder out = new StringBuilder(512 + slice.items.size() * 512).append("{\"data\":[");
    for (int i = 0; i < slice.items.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Resources.invitation(out, slice.items.get(i), false);
    }
    String base = baseUrl(ctx) + "/invitations?page%5Bnumber%5D=";
    String sizeSuffix = "&page%5Bsize%5D=" + page.size;
    int last = Math.max(totalPages, 1);
    out.append("],\"links\":{");
    if (page.number > 1) {
      out.append("\"first\":\"").append(base).append(1).append(sizeSuffix).append("\",");
      out.append("\"prev\":\"")
          .append(base)
          .append(Math.min(page.number - 1, last))
          .append(sizeSuffix)
          .append("\",");
    }
    if (page.number < totalPages) {
      out.append("\"next\":\"")
          .append(base)
          .append(page.number + 1)
          .append(sizeSuffix)
          .append("\",");
    }
    out.append("\"last\":\"").append(base).append(last).append(sizeSuffix).append("\"}");
    out.append(",\"meta\":{\"current_page\":")
        .append(page.number)
        .append(",\"per_page\":")
        .append(page.size)
        .append(",\"record_count\":")
        .append(slice.total)
        .append(",\"total_pages\":")
        .append(totalPages)
        .append("}}");
    ctx.status(200).contentType(JSON_API).result(out.toString());
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
    StringBuilder out = new StringBuilder(512).append("{\"data\":");
    Resources.invitation(out, created, true);
    ctx.status(200).contentType(JSON_API).result(out.append('}').toString());
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
      bytes = in.readNBytes(Limits.MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw FastlyError.badRequest("the request body could not be read");
    }
    if (bytes.length > Limits.MAX_BODY_BYTES) {
      throw FastlyError.tooLarge();
    }
    try {
      String body =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      ctx.attribute(BODY_ATTRIBUTE, body);
      return body;
    } catch (CharacterCodingException e) {
      ctx.attribute(BODY_ATTRIBUTE, "(not UTF-8)");
      checkMediaType(ctx.header("Content-Type")); // a wrong media type is the better answer
      throw FastlyError.badRequest("the body is not valid UTF-8");
    }
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

  /** The server's own base URL: from the Host header when it is a plain host[:port]. */
  private String baseUrl(Context ctx) {
    String host = ctx.header("Host");
    if (host != null && isPlainHost(host)) {
      return "http://" + host;
    }
    return "http://" + boundAddress.get();
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
