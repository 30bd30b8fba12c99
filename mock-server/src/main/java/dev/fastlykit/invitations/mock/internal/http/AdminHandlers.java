package dev.fastlykit.invitations.mock.internal.http;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.fastlykit.invitations.mock.internal.journal.Changes;
import dev.fastlykit.invitations.mock.internal.journal.DriftReport;
import dev.fastlykit.invitations.mock.internal.journal.Entry;
import dev.fastlykit.invitations.mock.internal.journal.Fault;
import dev.fastlykit.invitations.mock.internal.journal.Faults;
import dev.fastlykit.invitations.mock.internal.journal.Journal;
import dev.fastlykit.invitations.mock.internal.json.StrictJson;
import dev.fastlykit.invitations.mock.internal.json.Timestamps;
import dev.fastlykit.invitations.mock.internal.store.Customer;
import dev.fastlykit.invitations.mock.internal.store.Tokens;
import dev.fastlykit.invitations.mock.internal.store.User;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin API under {@code /__admin/}: reset, state export and import, the request journal, fault
 * rules and health. When an admin token is set, every call needs {@code Authorization: Bearer
 * <token>}. Its answers are cold: Gson writes them.
 */
final class AdminHandlers {
  private static final Duration DEFAULT_CHANGES_WAIT = Duration.ofSeconds(25);
  private static final Duration MAX_CHANGES_WAIT = Duration.ofSeconds(60);

  private final MockState state;
  private final String adminToken;
  private final URI proxy;

  /**
   * @param adminToken the token admin calls need, or null for none
   * @param proxy the upstream the API's requests are forwarded to, or null
   */
  AdminHandlers(MockState state, String adminToken, URI proxy) {
    this.state = state;
    this.adminToken = adminToken;
    this.proxy = proxy;
  }

  void addTo(RouteTable routes) {
    routes
        .server(POST, "/__admin/reset", "back to the starting state", this::reset)
        .server(GET, "/__admin/state", "the whole state as JSON", this::exportState)
        .server(PUT, "/__admin/state", "replace the whole state", this::importState)
        .server(
            GET,
            "/__admin/requests",
            "the request journal, oldest first (?after=ID: only the newer ones), and `kept_from`, the"
                + " id below which it keeps nothing (cleared, or dropped for room)",
            this::journal)
        .server(DELETE, "/__admin/requests", "forget the journal", this::clearJournal)
        .server(GET, "/__admin/faults", "the fault rules in force", this::faults)
        .server(POST, "/__admin/faults", "add a fault rule", this::addFault)
        .server(DELETE, "/__admin/faults", "remove every fault rule", this::clearFaults)
        .server(DELETE, "/__admin/faults/{id}", "remove one fault rule", this::removeFault)
        .server(GET, "/__admin/budgets", "each token's write budget left this hour", this::budgets)
        .server(
            DELETE,
            "/__admin/invitations/{id}",
            "withdraw any invitation, as no user",
            this::deleteInvitation)
        .server(GET, "/__admin/drift", "what the upstream answered against the spec", this::drift)
        .server(DELETE, "/__admin/drift", "forget the drift report", this::clearDrift)
        .server(GET, "/__admin/health", "status, invitation count, write limit", this::health)
        .server(
            GET,
            "/__admin/changes",
            "`changes`, a count of what changed (requests, fault rules, invitations, resets);"
                + " ?after=N&wait=S: answers once the count is not N, after S seconds at the latest"
                + " (default 25, at most 60)",
            this::changes);
  }

  void authorize(Context ctx) {
    if (adminToken == null) {
      return;
    }
    if (!Tokens.equal("Bearer " + adminToken, ctx.header("Authorization"))) {
      throw new FastlyError(
          401,
          "Provided credentials are missing or invalid",
          "admin calls need Authorization: Bearer <admin token>");
    }
  }

  private void reset(Context ctx) {
    state.reset();
    ctx.status(204);
  }

  private void exportState(Context ctx) {
    json(ctx, 200, state.exportState());
  }

  private void importState(Context ctx) {
    try {
      state.importState(ctx.body());
    } catch (IllegalArgumentException e) {
      throw FastlyError.badRequest(e.getMessage());
    }
    json(ctx, 200, state.exportState());
  }

  private void journal(Context ctx) {
    String after = ctx.queryParam("after");
    Journal journal = state.journal();
    List<Entry> entries;
    long keptFrom;
    synchronized (journal) { // the entries and where they start, from the same moment
      if (after == null) {
        entries = journal.all();
      } else {
        try {
          entries = journal.after(Long.parseLong(after));
        } catch (NumberFormatException e) {
          throw FastlyError.badRequest("after must be a request's id, a whole number");
        }
      }
      keptFrom = journal.keptFrom();
    }
    List<Map<String, Object>> requests = new ArrayList<>();
    for (Entry entry : entries) {
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("id", entry.seq());
      request.put("received_at", Timestamps.format(entry.receivedAt().getEpochSecond()));
      request.put("method", entry.method());
      request.put("path", entry.path());
      request.put("query", entry.query());
      request.put("headers", entry.headers());
      request.put("body", entry.body());
      request.put("status", entry.status());
      request.put("preferred", entry.preferred());
      request.put("duration_ms", entry.durationMicros() / 1000.0);
      request.put("user", entry.user());
      request.put("response_body", entry.responseText());
      requests.add(request);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requests", requests);
    body.put("kept_from", keptFrom);
    json(ctx, 200, StrictJson.gson().toJson(body));
  }

  private void clearJournal(Context ctx) {
    state.journal().clear();
    ctx.status(204);
  }

  private void faults(Context ctx) {
    List<Map<String, Object>> faults = new ArrayList<>();
    for (Faults.InForce rule : state.faults().all()) {
      faults.add(describe(rule.id(), rule.fault(), rule.remaining()));
    }
    json(ctx, 200, StrictJson.gson().toJson(Map.of("faults", faults)));
  }

  private void addFault(Context ctx) {
    Fault fault;
    try {
      fault = parseFault(ctx.body());
    } catch (IllegalArgumentException e) {
      throw FastlyError.badRequest(e.getMessage());
    }
    String id = state.faults().add(fault);
    json(ctx, 201, StrictJson.gson().toJson(describe(id, fault, fault.times())));
  }

  private void clearFaults(Context ctx) {
    state.faults().clear();
    ctx.status(204);
  }

  private void removeFault(Context ctx) {
    String id = RouteTable.pathParam(ctx, "id");
    if (!state.faults().remove(id)) {
      throw new FastlyError(404, "Record not found", "Cannot find fault '" + id + "'");
    }
    ctx.status(204);
  }

  private void budgets(Context ctx) {
    List<Map<String, Object>> tokens =
        state
            .store()
            .read(
                customers -> {
                  List<Map<String, Object>> all = new ArrayList<>();
                  for (Customer customer : customers) {
                    for (User user : customer.users) {
                      Map<String, Object> budget = new LinkedHashMap<>();
                      budget.put("token", user.token);
                      budget.put("remaining", state.budgets().remaining(user.token));
                      all.add(budget);
                    }
                  }
                  return all;
                });
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("limit", state.budgets().limit());
    json.put("reset_at", Timestamps.format(state.budgets().resetEpochSecond()));
    json.put("tokens", tokens);
    json(ctx, 200, StrictJson.gson().toJson(json));
  }

  private void deleteInvitation(Context ctx) {
    String id = RouteTable.pathParam(ctx, "id");
    if (!state.withdraw(id)) {
      throw new FastlyError(404, "Record not found", "Cannot find invitation '" + id + "'");
    }
    ctx.status(204);
  }

  private void drift(Context ctx) {
    DriftReport.Snapshot drift = state.drift().snapshot();
    List<Map<String, Object>> violations = new ArrayList<>();
    for (DriftReport.Violation violation : drift.violations()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("method", violation.method());
      json.put("path", violation.path());
      json.put("status", violation.status());
      json.put("messages", violation.messages());
      violations.add(json);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("exchanges", drift.exchanges());
    json.put("violations", violations);
    json(ctx, 200, StrictJson.gson().toJson(json));
  }

  private void clearDrift(Context ctx) {
    state.drift().clear();
    ctx.status(204);
  }

  private void health(Context ctx) {
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("status", "ok");
    health.put("invitations", state.store().invitationCount());
    health.put("write_limit", state.budgets().limit());
    if (proxy != null) {
      health.put("proxy", proxy.toString());
    }
    json(ctx, 200, StrictJson.gson().toJson(health));
  }

  private void changes(Context ctx) {
    Changes changes = state.changes();
    String after = ctx.queryParam("after");
    String wait = ctx.queryParam("wait");
    if (after == null) {
      if (wait != null) {
        throw FastlyError.badRequest("wait needs after, the count last seen");
      }
      json(ctx, 200, changesBody(changes.count()));
      return;
    }
    long seen;
    try {
      seen = Long.parseLong(after);
    } catch (NumberFormatException e) {
      throw FastlyError.badRequest("after must be a count of changes, a whole number");
    }
    Duration waitFor = changesWait(wait);
    ctx.future(
        () ->
            changes
                .next(seen, waitFor)
                .thenRun(() -> json(ctx, 200, changesBody(changes.count()))));
  }

  /** The wait a query asks for, or the default when it asks for none. */
  private static Duration changesWait(String wait) {
    if (wait == null) {
      return DEFAULT_CHANGES_WAIT;
    }
    int seconds;
    try {
      seconds = Integer.parseInt(wait);
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 0 || seconds > MAX_CHANGES_WAIT.toSeconds()) {
      throw FastlyError.badRequest(
          "wait must be a whole number of seconds from 0 to " + MAX_CHANGES_WAIT.toSeconds());
    }
    return Duration.ofSeconds(seconds);
  }

  private static String changesBody(long count) {
    return "{\"changes\":" + count + "}";
  }

  private static void json(Context ctx, int status, String body) {
    ctx.status(status).contentType(InvitationHandlers.JSON).result(body);
  }

  /** A fault as the admin API shows it. */
  static Map<String, Object> describe(String id, Fault fault, int remaining) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("method", fault.method());
    json.put("path", fault.path());
    if (fault.body() != null) {
      json.put("status", fault.status());
      json.put("body", fault.body());
    } else if (fault.status() > 0) {
      json.put("status", fault.status());
      json.put("msg", fault.msg() != null ? fault.msg() : FastlyError.reason(fault.status()));
      if (fault.detail() != null) {
        json.put("detail", fault.detail());
      }
    }
    if (!fault.headers().isEmpty()) {
      json.put("headers", fault.headers());
    }
    json.put("delay_ms", fault.delay().toMillis());
    json.put("drop_connection", fault.dropConnection());
    json.put("times", fault.times());
    json.put("remaining", remaining);
    json.put("probability", fault.probability());
    return json;
  }

  /** Reads a rule from the admin API's JSON; the message says what is wrong. */
  static Fault parseFault(String body) {
    JsonElement element;
    try {
      element = StrictJson.parse(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the body is " + e.getMessage(), e);
    }
    if (!element.isJsonObject()) {
      throw new IllegalArgumentException("a fault rule must be a JSON object");
    }
    JsonObject json = element.getAsJsonObject();
    try {
      Fault.Builder rule =
          Fault.on(
              json.has("method") ? json.get("method").getAsString() : "*",
              json.has("path") ? json.get("path").getAsString() : "/invitations*");
      if (json.has("status")) {
        rule.status(json.get("status").getAsInt());
      }
      if (json.has("msg")) {
        rule.msg(json.get("msg").getAsString());
      }
      if (json.has("detail")) {
        rule.detail(json.get("detail").getAsString());
      }
      if (json.has("body")) {
        rule.body(json.get("body").getAsString());
      }
      if (json.has("headers")) {
        for (Map.Entry<String, JsonElement> h : json.getAsJsonObject("headers").entrySet()) {
          rule.header(h.getKey(), h.getValue().getAsString());
        }
      }
      if (json.has("delay_ms")) {
        rule.delay(Duration.ofMillis(json.get("delay_ms").getAsLong()));
      }
      if (json.has("drop_connection") && json.get("drop_connection").getAsBoolean()) {
        rule.dropConnection();
      }
      if (json.has("times")) {
        rule.times(json.get("times").getAsInt());
      }
      if (json.has("probability")) {
        rule.probability(json.get("probability").getAsDouble());
      }
      return rule.build();
    } catch (UnsupportedOperationException | IllegalStateException | ClassCastException e) {
      throw new IllegalArgumentException(
          "a fault rule field has the wrong type: " + e.getMessage());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a fault rule number is malformed: " + e.getMessage());
    }
  }
}
