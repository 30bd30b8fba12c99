package dev.fastlykit.invitations.mock;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The admin API under {@code /__admin/}: reset, state export and import, the request journal, fault
 * rules and health. When an admin token is set, every call needs {@code Authorization: Bearer
 * <token>}.
 */
final class AdminRoutes {
  static final Map<String, List<String>> SERVED =
      Map.of(
          "/__admin/reset", List.of("POST"),
          "/__admin/state", List.of("GET", "PUT"),
          "/__admin/requests", List.of("GET", "DELETE"),
          "/__admin/faults", List.of("GET", "POST", "DELETE"),
          "/__admin/faults/{id}", List.of("DELETE"),
          "/__admin/health", List.of("GET"));

  private final MockFastlyServer server;
  private final String adminToken;

  AdminRoutes(MockFastlyServer server, String adminToken) {
    this.server = server;
    this.adminToken = adminToken;
  }

  void register(JavalinConfig config) {
    config.routes.post("/__admin/reset", this::reset);
    config.routes.get("/__admin/state", ctx -> json(ctx, 200, server.exportState()));
    config.routes.put("/__admin/state", this::importState);
    config.routes.get("/__admin/requests", ctx -> json(ctx, 200, server.journal().toJson()));
    config.routes.delete("/__admin/requests", this::clearRequests);
    config.routes.get("/__admin/faults", ctx -> json(ctx, 200, server.faults().toJson()));
    config.routes.post("/__admin/faults", this::addFault);
    config.routes.delete("/__admin/faults", this::clearFaults);
    config.routes.delete("/__admin/faults/{id}", this::removeFault);
    config.routes.get("/__admin/health", this::health);
  }

  void authorize(Context ctx) {
    if (adminToken == null) {
      return;
    }
    String expected = "Bearer " + adminToken;
    if (!Tokens.equal(expected, ctx.header("Authorization"))) {
      throw new FastlyError(
          401,
          "Provided credentials are missing or invalid",
          "admin calls need Authorization: Bearer <admin token>",
          Map.of());
    }
  }

  private void reset(Context ctx) {
    server.reset();
    ctx.status(204);
  }

  private void importState(Context ctx) {
    try {
      server.importState(ctx.body());
    } catch (IllegalArgumentException e) {
      throw FastlyError.badRequest(e.getMessage());
    }
    json(ctx, 200, server.exportState());
  }

  private void clearRequests(Context ctx) {
    server.clearRequests();
    ctx.status(204);
  }

  private void addFault(Context ctx) {
    FaultRule rule;
    try {
      rule = Faults.parse(ctx.body());
    } catch (IllegalArgumentException e) {
      throw FastlyError.badRequest(e.getMessage());
    }
    String id = server.addFault(rule);
    JsonWriter out = new JsonWriter(256);
    rule.toJson(out, id, rule.times());
    json(ctx, 201, out.toString());
  }

  private void clearFaults(Context ctx) {
    server.clearFaults();
    ctx.status(204);
  }

  private void removeFault(Context ctx) {
    String id = ctx.pathParam("id");
    if (!server.removeFault(id)) {
      throw new FastlyError(404, "Record not found", "Cannot find fault '" + id + "'", Map.of());
    }
    ctx.status(204);
  }

  private void health(Context ctx) {
    json(
        ctx,
        200,
        "{\"status\":\"ok\",\"invitations\":"
            + server.invitationCount()
            + ",\"write_limit\":"
            + server.writeLimit()
            + "}");
  }

  private static void json(Context ctx, int status, String body) {
    ctx.status(status).contentType(InvitationRoutes.JSON).result(body);
  }

  static String allowedMethods(String path) {
    List<String> methods = SERVED.get(path);
    if (methods == null && path.startsWith("/__admin/faults/")) {
      methods = SERVED.get("/__admin/faults/{id}");
    }
    return methods == null ? null : String.join(", ", methods);
  }
}
