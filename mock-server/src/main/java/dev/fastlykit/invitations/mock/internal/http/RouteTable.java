package dev.fastlykit.invitations.mock.internal.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Every route the server answers, in one place: the dispatch of each request, the {@code Allow}
 * header of a 405, which exchanges the spec check looks at, and the route list in the module README
 * all come from here. A path's other methods answer 405, any other path 404.
 *
 * <p>Javalin gets one handler per method, which dispatches on this table: Javalin turns every path
 * it is given into two regular expressions each time a server is made, and a test suite makes
 * hundreds; the table matches segment by segment instead, as Javalin would.
 */
public final class RouteTable {
  /**
   * One route.
   *
   * @param path a Javalin path, such as {@code /invitations/{invitation_id}}
   * @param documented whether the spec documents it as an operation of the API
   * @param summary what it does, for the README
   */
  public record Route(
      HandlerType method, String path, Handler handler, boolean documented, String summary) {}

  /** The request attribute that holds the route answering it, when that route has parameters. */
  private static final String MATCHED = RouteTable.class.getName() + ".matched";

  private final List<Route> routes = new ArrayList<>();

  /** Adds a route of the API the spec documents. */
  RouteTable api(HandlerType method, String path, String summary, Handler handler) {
    routes.add(new Route(method, path, handler, true, summary));
    return this;
  }

  /** Adds a route of the server itself (the spec, the admin API). */
  RouteTable server(HandlerType method, String path, String summary, Handler handler) {
    routes.add(new Route(method, path, handler, false, summary));
    return this;
  }

  /** The routes, in the order they were added. */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  /** Gives Javalin one handler for each method of the table, which dispatches on the table. */
  void registerOn(JavalinConfig config) {
    Map<HandlerType, List<Route>> byMethod = new LinkedHashMap<>();
    for (Route route : routes) {
      byMethod.computeIfAbsent(route.method(), m -> new ArrayList<>()).add(route);
    }
    byMethod.forEach(
        (method, routesOfMethod) -> {
          Candidate[] inOrder = new Candidate[routesOfMethod.size()];
          for (int i = 0; i < inOrder.length; i++) {
            Route route = routesOfMethod.get(i);
            inOrder[i] = new Candidate(route, route.path().indexOf('{') >= 0);
          }
          config.routes.addHttpHandler(method, "*", ctx -> dispatch(ctx, inOrder));
        });
  }

  /** A route as the dispatch tries it, with whether its path has parameters worked out once. */
  private record Candidate(Route route, boolean withParameters) {}

  /** Runs the first route of the method that matches the path; refuses the request if none does. */
  private void dispatch(Context ctx, Candidate[] candidates) throws Exception {
    String path = ctx.path();
    for (Candidate candidate : candidates) {
      Route route = candidate.route();
      if (matches(route.path(), path)) {
        if (candidate.withParameters()) {
          ctx.attribute(MATCHED, route);
        }
        route.handler().handle(ctx);
        return;
      }
    }
    throw refusal(ctx);
  }

  /**
   * The refusal of a request no route of its method serves: 405, with {@code Allow} set on the
   * answer, when the path has other methods; else 404.
   */
  FastlyError refusal(Context ctx) {
    String allow = allow(ctx.path());
    if (allow == null) {
      return FastlyError.of(404);
    }
    ctx.header("Allow", allow);
    return FastlyError.of(405);
  }

  /**
   * The value of a {@code {name}} segment of the route that answers the request, URL-decoded as
   * Javalin decodes path parameters ({@code +} stays {@code +}).
   *
   * @throws IllegalStateException when the request's route has no such segment
   */
  static String pathParam(Context ctx, String name) {
    Route route = ctx.attribute(MATCHED);
    String value = route == null ? null : segment(route.path(), ctx.path(), "{" + name + "}");
    if (value == null) {
      throw new IllegalStateException("no path parameter " + name + " in " + ctx.path());
    }
    return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The segment of a request path where a route's path has {@code wanted}; null when none. */
  private static String segment(String pattern, String requestPath, String wanted) {
    int p = 0;
    int r = 0;
    while (p < pattern.length() && r < requestPath.length()) {
      int patternEnd = end(pattern, p + 1);
      int pathEnd = end(requestPath, r + 1);
      if (pattern.regionMatches(p + 1, wanted, 0, wanted.length())
          && patternEnd - p - 1 == wanted.length()) {
        return requestPath.substring(r + 1, pathEnd);
      }
      p = patternEnd;
      r = pathEnd;
    }
    return null;
  }

  /** The methods a request path is served with, as an {@code Allow} value; null for none. */
  String allow(String requestPath) {
    StringJoiner methods = new StringJoiner(", ");
    for (Route route : routes) {
      if (matches(route.path(), requestPath)) {
        methods.add(route.method().name());
      }
    }
    return methods.length() == 0 ? null : methods.toString();
  }

  /** Whether a request is an operation of the spec. */
  boolean documented(String method, String requestPath) {
    return documentedRoute(method, requestPath) != null;
  }

  /** The operation of the spec a request is, or null when it is none. */
  Route documentedRoute(String method, String requestPath) {
    for (Route route : routes) {
      if (route.documented()
          && route.method().name().equals(method)
          && matches(route.path(), requestPath)) {
        return route;
      }
    }
    return null;
  }

  /**
   * Whether a request path matches a route's path as Javalin matches it: segment by segment, a
   * {@code {name}} segment matching any one non-empty segment, a trailing slash ignored.
   */
  static boolean matches(String pattern, String requestPath) {
    String path =
        requestPath.length() > 1 && requestPath.endsWith("/")
            ? requestPath.substring(0, requestPath.length() - 1)
            : requestPath;
    int p = 0;
    int r = 0;
    while (p < pattern.length() && r < path.length()) {
      int patternEnd = end(pattern, p + 1);
      int pathEnd = end(path, r + 1);
      if (pattern.charAt(p + 1) == '{') {
        if (pathEnd == r + 1) {
          return false; // an empty segment
        }
      } else if (!pattern.regionMatches(p, path, r, Math.max(patternEnd - p, pathEnd - r))) {
        return false;
      }
      p = patternEnd;
      r = pathEnd;
    }
    return p == pattern.length() && r == path.length();
  }

  private static int end(String path, int from) {
    int slash = path.indexOf('/', from);
    return slash < 0 ? path.length() : slash;
  }
}
