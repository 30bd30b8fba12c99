package dev.fastlykit.invitations.mock;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The active fault rules, first added first matched. */
final class Faults {
  private static final class Active {
    final String id;
    final FaultRule rule;
    int remaining;

    Active(String id, FaultRule rule) {
      this.id = id;
      this.rule = rule;
      this.remaining = rule.times();
    }
  }

  private final List<Active> rules = new ArrayList<>();
  private int nextId = 1;
  private volatile boolean any;

  synchronized String add(FaultRule rule) {
    String id = "fault-" + nextId++;
    rules.add(new Active(id, rule));
    any = true;
    return id;
  }

  synchronized boolean remove(String id) {
    boolean removed = rules.removeIf(a -> a.id.equals(id));
    any = !rules.isEmpty();
    return removed;
  }

  synchronized void clear() {
    rules.clear();
    any = false;
  }

  /** The rule that applies to this request, using up one of its times; or null. */
  FaultRule match(String method, String path) {
    if (!any) {
      return null; // the common case costs one volatile read
    }
    synchronized (this) {
      for (Iterator<Active> it = rules.iterator(); it.hasNext(); ) {
        Active active = it.next();
        if (!active.rule.matches(method, path)) {
          continue;
        }
        if (active.rule.probability() < 1
            && ThreadLocalRandom.current().nextDouble() >= active.rule.probability()) {
          continue;
        }
        if (active.remaining > 0 && --active.remaining == 0) {
          it.remove();
          any = !rules.isEmpty();
        }
        return active.rule;
      }
      return null;
    }
  }

  synchronized String toJson() {
    JsonWriter out = new JsonWriter(128).append("{\"faults\":[");
    for (int i = 0; i < rules.size(); i++) {
      out.append(i == 0 ? "" : ",");
      rules.get(i).rule.toJson(out, rules.get(i).id, rules.get(i).remaining);
    }
    return out.append("]}").toString();
  }

  /** Reads a rule from the admin API's JSON; the message says what is wrong. */
  static FaultRule parse(String body) {
    JsonElement element = JsonBodies.parse(body);
    if (!element.isJsonObject()) {
      throw new IllegalArgumentException("a fault rule must be a JSON object");
    }
    JsonObject json = element.getAsJsonObject();
    try {
      FaultRule.Builder rule =
          FaultRule.on(
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
