package dev.fastlykit.invitations.mock.internal.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.fastlykit.invitations.mock.internal.spec.SpecAnswers;
import dev.fastlykit.invitations.mock.internal.store.WriteBudgets;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Enumeration;
import java.util.Locale;
import java.util.SortedMap;
import java.util.StringJoiner;

/**
 * {@code Prefer: code=NNN} on a request to an operation of the API (Prism's convention, in the
 * syntax of RFC 7240's {@code Prefer}): the server answers NNN at once when the spec documents it
 * for that operation, with Fastly's error body for an error and the spec's example for a success,
 * and with the headers the spec documents for it. Nothing is stored or deleted and no write budget
 * is used. Any other status is a 400 that names the documented ones.
 */
final class PreferredAnswers {
  private final RouteTable routes;
  private final WriteBudgets budgets;

  PreferredAnswers(RouteTable routes, WriteBudgets budgets) {
    this.routes = routes;
    this.budgets = budgets;
  }

  /**
   * Answers the status a request's {@code Prefer} header asks for, by throwing; returns when it
   * asks for none, or the request is no operation of the API.
   */
  void apply(Context ctx, Exchange exchange) {
    if (!exchange.prefer) {
      return;
    }
    String code = code(ctx.req().getHeaders("Prefer"));
    if (code == null) {
      return;
    }
    HandlerType method = ctx.method();
    RouteTable.Route route = routes.documentedRoute(method.name(), ctx.path());
    if (route == null) {
      return; // the route table answers 404 or 405
    }
    SortedMap<Integer, SpecAnswers.Answer> documented =
        SpecAnswers.get().answers(method.name(), route.path());
    SpecAnswers.Answer answer = documented.get(status(code));
    if (answer == null) {
      StringJoiner codes = new StringJoiner(", ");
      documented.keySet().forEach(status -> codes.add(Integer.toString(status)));
      throw FastlyError.badRequest(
          "Prefer: code="
              + code
              + " is not a status the spec documents for "
              + method.name()
              + " "
              + route.path()
              + "; it documents "
              + codes);
    }
    exchange.preferred = true;
    ctx.header("Preference-Applied", "code=" + answer.status());
    boolean write = method == HandlerType.POST || method == HandlerType.DELETE;
    for (String header : answer.headers()) {
      if (!isRateLimit(header)) {
        throw new IllegalStateException(
            "the spec documents a " + header + " header this server cannot fill");
      }
    }
    if (write || !answer.headers().isEmpty()) {
      String token = exchange.fastlyKey;
      long remaining =
          answer.status() == 429 ? 0 : token == null ? budgets.limit() : budgets.remaining(token);
      ctx.header("Fastly-RateLimit-Remaining", Long.toString(remaining));
      ctx.header("Fastly-RateLimit-Reset", Long.toString(budgets.resetEpochSecond()));
    }
    if (answer.status() >= 400) {
      throw new FastlyError(
          answer.status(),
          msg(answer),
          "answered as the request's Prefer header asked; nothing was changed");
    }
    throw new CannedAnswer(answer.status(), answer.mediaType(), answer.example());
  }

  /** The {@code msg} of the spec's example of this error: Fastly's words for it. */
  private static String msg(SpecAnswers.Answer answer) {
    if (answer.example() != null) {
      JsonElement example = JsonParser.parseString(answer.example());
      if (example.isJsonObject() && example.getAsJsonObject().has("msg")) {
        return example.getAsJsonObject().get("msg").getAsString();
      }
    }
    return FastlyError.reason(answer.status());
  }

  private static boolean isRateLimit(String header) {
    return header.equalsIgnoreCase("Fastly-RateLimit-Remaining")
        || header.equalsIgnoreCase("Fastly-RateLimit-Reset");
  }

  /** The status asked for, or -1 when the value is not one. */
  private static int status(String code) {
    if (code.length() != 3) {
      return -1;
    }
    for (int i = 0; i < 3; i++) {
      if (code.charAt(i) < '0' || code.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(code);
  }

  /**
   * The value of the first {@code code} preference in the {@code Prefer} headers, unquoted; null
   * when there is none. Preferences are separated by commas, a preference's parameters follow a
   * semicolon, names are case-insensitive, and only the first instance of a preference counts.
   */
  static String code(Enumeration<String> headers) {
    while (headers != null && headers.hasMoreElements()) {
      for (String preference : headers.nextElement().split(",")) {
        int semicolon = preference.indexOf(';');
        String nameAndValue = semicolon < 0 ? preference : preference.substring(0, semicolon);
        int eq = nameAndValue.indexOf('=');
        String name = (eq < 0 ? nameAndValue : nameAndValue.substring(0, eq)).strip();
        if (name.toLowerCase(Locale.ROOT).equals("code")) {
          String value = eq < 0 ? "" : nameAndValue.substring(eq + 1).strip();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          return value;
        }
      }
    }
    return null;
  }
}
