package dev.fastlykit.invitations.mock.internal.http;

import static io.javalin.http.HandlerType.GET;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * The console: one page, its style sheet and its script, served from the jar, that show and steer
 * the server through the admin API alone. The files hold no data, so they need no admin token; the
 * page asks for one when the admin API refuses it. A browser's {@code GET /} is sent to the page.
 */
final class Console {
  static final String PAGE = "/__admin/console";
  private static final String SCRIPT = "/__admin/console.js";
  private static final String STYLE = "/__admin/console.css";
  private static final String FOLDER = "dev/fastlykit/invitations/mock/console/";

  /** Nothing but this server's own files, and no framing: the page shows what clients sent. */
  private static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " img-src 'self' data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

  private Console() {}

  static void addTo(RouteTable routes) {
    routes
        .server(GET, PAGE, "the console, a page for a browser", file(Files.HTML, "text/html"))
        .server(GET, SCRIPT, "the console's script", file(Files.SCRIPT, "text/javascript"))
        .server(GET, STYLE, "the console's style sheet", file(Files.STYLE, "text/css"));
  }

  /** Whether a path is one of the console's files, which need no admin token. */
  static boolean isPage(String path) {
    return path.equals(PAGE) || path.equals(SCRIPT) || path.equals(STYLE);
  }

  /**
   * Sends a browser that asks for {@code /} to the console (302); any other request to it, such as
   * curl's, keeps its 404.
   */
  static void redirectBrowsers(Context ctx) {
    if (ctx.method() == GET && prefersHtml(ctx.header("Accept"))) {
      ctx.header("Location", PAGE);
      throw new CannedAnswer(302, null, null);
    }
  }

  /**
   * Whether an {@code Accept} header names {@code text/html} with a weight no other type it names
   * outweighs: a browser's, not a client's that takes anything ({@code *}{@code /*}).
   */
  static boolean prefersHtml(String accept) {
    if (accept == null) {
      return false;
    }
    double html = -1;
    double best = 0;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].strip();
        if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
          try {
            q = Double.parseDouble(parameter.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (type.equals("text/html")) {
        html = Math.max(html, q);
      } else {
        best = Math.max(best, q);
      }
    }
    return html > 0 && html >= best;
  }

  /** The three files, read once for every server of the JVM (the handlers never change them). */
  private static final class Files {
    static final byte[] HTML = MockState.resourceBytes(FOLDER + "console.html");
    static final byte[] SCRIPT = MockState.resourceBytes(FOLDER + "console.js");
    static final byte[] STYLE = MockState.resourceBytes(FOLDER + "console.css");
  }

  private static io.javalin.http.Handler file(byte[] bytes, String type) {
    return ctx -> {
      ctx.status(200)
          .contentType(type + "; charset=utf-8")
          .header("Cache-Control", "no-store")
          .header("X-Content-Type-Options", "nosniff")
          .header("Content-Security-Policy", POLICY)
          .result(bytes);
    };
  }
}
