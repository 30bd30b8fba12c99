package dev.fastlykit.invitations.mock.internal.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Every route the server answers, in one place: Javalin's registration, the {@code Allow} header of
 * a 405, which exchanges the spec check looks at, and the route list in the module README all come
 * from here. A path's other methods answer 405 (Javalin's 405-over-404).
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

  void registerOn(JavalinConfig config) {
    for (Route route : routes) {
      config.routes.addHttpHandler(route.method(), route.path(), route.handler());
    }
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
