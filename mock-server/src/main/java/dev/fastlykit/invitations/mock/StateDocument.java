package dev.fastlykit.invitations.mock;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server's whole state as one JSON document: the format of {@code --seed}, of {@code GET/PUT
 * /__admin/state} and of {@link MockFastlyServer#exportState()}.
 *
 * <pre>
 * {"customers": [{"id", "name", "services": [ids],
 *   "users": [{"email", "role", "limit_services", "services": [ids], "token"}],
 *   "invitations": [{"id", "email", "role", "roles", "limit_services", "status_code",
 *     "created_at", "updated_at", "sent_by": email,
 *     "service_invitations": [{"id", "service_id", "permission"}]}]}]}
 * </pre>
 */
final class StateDocument {
  private final JsonObject root;

  private StateDocument(JsonObject root) {
    this.root = root;
  }

  /** Parses and checks a state document; the message of the exception says what is wrong. */
  static StateDocument parse(String json) {
    JsonElement element = JsonBodies.parse(json);
    if (!element.isJsonObject()) {
      throw new IllegalArgumentException("the state must be a JSON object");
    }
    StateDocument state = new StateDocument(element.getAsJsonObject());
    state.check(new Store(java.time.Clock.systemUTC(), Ids.fast()), new HashSet<>());
    return state;
  }

  /** Checks this document against what a store already holds (for adding to it). */
  void checkAgainst(Store store) {
    Set<String> ids = new HashSet<>();
    store.read(
        s -> {
          check(s, ids);
          return null;
        });
  }

  private void check(Store existing, Set<String> seenIds) {
    JsonArray customers = array(root, "customers", "state");
    Set<String> tokens = new HashSet<>();
    Set<String> customerIds = new HashSet<>();
    for (int c = 0; c < customers.size(); c++) {
      String where = "customers[" + c + "]";
      JsonObject customer = object(customers.get(c), where);
      String id = id(customer, "id", where);
      if (!customerIds.add(id) || existing.customer(id) != null) {
        throw new IllegalArgumentException(where + ".id '" + id + "' is used twice");
      }
      text(customer, "name", where);
      Set<String> services = new HashSet<>();
      JsonArray serviceIds = optionalArray(customer, "services", where);
      for (int s = 0; s < serviceIds.size(); s++) {
        services.add(idValue(serviceIds.get(s), where + ".services[" + s + "]"));
      }
      Map<String, Boolean> users = new HashMap<>();
      JsonArray userList = optionalArray(customer, "users", where);
      for (int u = 0; u < userList.size(); u++) {
        String at = where + ".users[" + u + "]";
        JsonObject user = object(userList.get(u), at);
        String email = email(user, at);
        role(user, at);
        bool(user, "limit_services", at);
        JsonArray limited = optionalArray(user, "services", at);
        for (int s = 0; s < limited.size(); s++) {
          String service = idValue(limited.get(s), at + ".services[" + s + "]");
          if (!services.contains(service)) {
            throw new IllegalArgumentException(at + ".services: unknown service '" + service + "'");
          }
        }
        String token = text(user, "token", at);
        if (!tokens.add(token) || existing.hasToken(token)) {
          throw new IllegalArgumentException(at + ".token is used twice");
        }
        if (users.put(email.toLowerCase(Locale.ROOT), Boolean.TRUE) != null) {
          throw new IllegalArgumentException(at + ".email '" + email + "' is used twice");
        }
      }
      Set<String> pending = new HashSet<>();
      JsonArray invitations = optionalArray(customer, "invitations", where);
      for (int i = 0; i < invitations.size(); i++) {
        String at = where + ".invitations[" + i + "]";
        JsonObject invitation = object(invitations.get(i), at);
        String invitationId = id(invitation, "id", at);
        if (!seenIds.add(invitationId) || existing.hasInvitation(invitationId)) {
          throw new IllegalArgumentException(at + ".id '" + invitationId + "' is used twice");
        }
        String email = email(invitation, at);
        String key = email.toLowerCase(Locale.ROOT);
        if (!pending.add(key) || users.containsKey(key)) {
          throw new IllegalArgumentException(
              at + ".email '" + email + "' is already invited or a user");
        }
        role(invitation, at);
        roles(invitation, at);
        bool(invitation, "limit_services", at);
        statusCode(invitation, at);
        timestamp(invitation, "created_at", at);
        if (invitation.has("updated_at")) {
          timestamp(invitation, "updated_at", at);
        }
        String sentBy = text(invitation, "sent_by", at);
        if (!users.containsKey(sentBy.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException(
              at + ".sent_by '" + sentBy + "' is not a user of " + id);
        }
        JsonArray grants = optionalArray(invitation, "service_invitations", at);
        for (int g = 0; g < grants.size(); g++) {
          String gat = at + ".service_invitations[" + g + "]";
          JsonObject grant = object(grants.get(g), gat);
          String grantId = id(grant, "id", gat);
          if (!seenIds.add(grantId)) {
            throw new IllegalArgumentException(gat + ".id '" + grantId + "' is used twice");
          }
          String service = id(grant, "service_id", gat);
          if (!services.contains(service)) {
            throw new IllegalArgumentException(
                gat + ".service_id: unknown service '" + service + "'");
          }
          permission(grant, gat);
        }
      }
    }
  }

  /** Builds the accounts and invitations into the store; called under its write lock. */
  void applyTo(Store store) {
    for (JsonElement c : root.getAsJsonArray("customers")) {
      JsonObject customerJson = c.getAsJsonObject();
      Set<String> services = new LinkedHashSet<>();
      for (JsonElement s : optionalArray(customerJson, "services", "")) {
        services.add(s.getAsString());
      }
      Customer customer =
          new Customer(
              customerJson.get("id").getAsString(),
              customerJson.get("name").getAsString(),
              services);
      store.putCustomer(customer);
      Map<String, User> users = new HashMap<>();
      for (JsonElement u : optionalArray(customerJson, "users", "")) {
        JsonObject userJson = u.getAsJsonObject();
        User user =
            new User(
                customer,
                userJson.get("email").getAsString(),
                userJson.get("role").getAsString(),
                bool(userJson, "limit_services", ""),
                strings(optionalArray(userJson, "services", "")),
                userJson.get("token").getAsString());
        store.putUser(user);
        users.put(user.email.toLowerCase(Locale.ROOT), user);
      }
      for (JsonElement i : optionalArray(customerJson, "invitations", "")) {
        JsonObject json = i.getAsJsonObject();
        List<ServiceGrant> grants = new ArrayList<>();
        for (JsonElement g : optionalArray(json, "service_invitations", "")) {
          JsonObject grant = g.getAsJsonObject();
          grants.add(
              new ServiceGrant(
                  grant.get("id").getAsString(),
                  grant.get("service_id").getAsString(),
                  grant.has("permission") ? grant.get("permission").getAsString() : Roles.FULL));
        }
        long created = Timestamps.parse(json.get("created_at").getAsString());
        long updated =
            json.has("updated_at")
                ? Timestamps.parse(json.get("updated_at").getAsString())
                : created;
        store.putInvitation(
            new StoredInvitation(
                json.get("id").getAsString(),
                json.get("email").getAsString(),
                json.has("role") ? json.get("role").getAsString() : Roles.USER,
                strings(optionalArray(json, "roles", "")).toArray(new String[0]),
                bool(json, "limit_services", "") || !grants.isEmpty(),
                json.has("status_code") ? json.get("status_code").getAsInt() : 1,
                created,
                updated,
                customer,
                users.get(json.get("sent_by").getAsString().toLowerCase(Locale.ROOT)),
                grants.toArray(new ServiceGrant[0])));
      }
    }
  }

  /** The same document with every customer's invitations removed ({@code --empty}). */
  static String withoutInvitations(String json) {
    JsonObject root = JsonBodies.parse(json).getAsJsonObject();
    for (JsonElement customer : root.getAsJsonArray("customers")) {
      customer.getAsJsonObject().add("invitations", new JsonArray());
    }
    return root.toString();
  }

  /** Writes the store's state in this format. */
  static String export(Store store) {
    return store.read(
        s -> {
          JsonWriter out = new JsonWriter(256).append("{\"customers\":[");
          List<Customer> customers = s.customers();
          for (int c = 0; c < customers.size(); c++) {
            Customer customer = customers.get(c);
            out.append(c == 0 ? "" : ",").append("{\"id\":");
            out.string(customer.id);
            out.append(",\"name\":");
            out.string(customer.name);
            out.append(",\"services\":");
            strings(out, customer.services);
            out.append(",\"users\":[");
            for (int u = 0; u < customer.users.size(); u++) {
              User user = customer.users.get(u);
              out.append(u == 0 ? "" : ",").append("{\"email\":");
              out.string(user.email);
              out.append(",\"role\":");
              out.string(user.role);
              out.append(",\"limit_services\":").append(user.limitServices);
              out.append(",\"services\":");
              strings(out, user.services);
              out.append(",\"token\":");
              out.string(user.token);
              out.append('}');
            }
            out.append("],\"invitations\":[");
            List<StoredInvitation> invitations = customer.invitations.all();
            for (int i = 0; i < invitations.size(); i++) {
              StoredInvitation invitation = invitations.get(i);
              out.append(i == 0 ? "" : ",").append("{\"id\":");
              out.string(invitation.id);
              out.append(",\"email\":");
              out.string(invitation.email);
              out.append(",\"role\":");
              out.string(invitation.role);
              out.append(",\"roles\":");
              strings(out, List.of(invitation.roles));
              out.append(",\"limit_services\":").append(invitation.limitServices);
              out.append(",\"status_code\":").append(invitation.statusCode);
              out.append(",\"created_at\":");
              out.timestamp(invitation.createdAt);
              out.append(",\"updated_at\":");
              out.timestamp(invitation.updatedAt);
              out.append(",\"sent_by\":");
              out.string(invitation.sentBy.email);
              out.append(",\"service_invitations\":[");
              for (int g = 0; g < invitation.grants.length; g++) {
                ServiceGrant grant = invitation.grants[g];
                out.append(g == 0 ? "" : ",").append("{\"id\":");
                out.string(grant.id);
                out.append(",\"service_id\":");
                out.string(grant.serviceId);
                out.append(",\"permission\":");
                out.string(grant.permission);
                out.append('}');
              }
              out.append("]}");
            }
            out.append("]}");
          }
          return out.append("]}").toString();
        });
  }

  private static void strings(JsonWriter out, Iterable<String> values) {
    out.append('[');
    boolean first = true;
    for (String value : values) {
      out.append(first ? "" : ",");
      out.string(value);
      first = false;
    }
    out.append(']');
  }

  private static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    for (JsonElement element : array) {
      values.add(element.getAsString());
    }
    return values;
  }

  private static JsonObject object(JsonElement element, String where) {
    if (element == null || !element.isJsonObject()) {
      throw new IllegalArgumentException(where + " must be an object");
    }
    return element.getAsJsonObject();
  }

  private static JsonArray array(JsonObject object, String name, String where) {
    JsonElement element = object.get(name);
    if (element == null || !element.isJsonArray()) {
      throw new IllegalArgumentException(where + "." + name + " must be an array");
    }
    return element.getAsJsonArray();
  }

  private static JsonArray optionalArray(JsonObject object, String name, String where) {
    return object.has(name) ? array(object, name, where) : new JsonArray();
  }

  private static String text(JsonObject object, String name, String where) {
    JsonElement element = object.get(name);
    if (element == null
        || !element.isJsonPrimitive()
        || !element.getAsJsonPrimitive().isString()
        || element.getAsString().isEmpty()) {
      throw new IllegalArgumentException(where + "." + name + " must be a non-empty string");
    }
    return element.getAsString();
  }

  private static String id(JsonObject object, String name, String where) {
    return idValue(object.get(name), where + "." + name);
  }

  private static String idValue(JsonElement element, String where) {
    if (element == null
        || !element.isJsonPrimitive()
        || !element.getAsJsonPrimitive().isString()
        || !Ids.looksLikeId(element.getAsString())) {
      throw new IllegalArgumentException(where + " must be an alphanumeric id");
    }
    return element.getAsString();
  }

  private static String email(JsonObject object, String where) {
    String email = text(object, "email", where);
    String problem = Emails.problem(email);
    if (problem != null) {
      throw new IllegalArgumentException(where + ".email '" + email + "' " + problem);
    }
    return email;
  }

  private static void role(JsonObject object, String where) {
    if (object.has("role") && !Roles.ALL.contains(text(object, "role", where))) {
      throw new IllegalArgumentException(where + ".role must be one of " + Roles.ALL);
    }
  }

  private static void roles(JsonObject object, String where) {
    JsonArray roles = optionalArray(object, "roles", where);
    for (int r = 0; r < roles.size(); r++) {
      JsonElement role = roles.get(r);
      if (!role.isJsonPrimitive()
          || !role.getAsJsonPrimitive().isString()
          || role.getAsString().isEmpty()) {
        throw new IllegalArgumentException(where + ".roles[" + r + "] must be a non-empty string");
      }
    }
  }

  private static void permission(JsonObject object, String where) {
    if (object.has("permission")
        && !Roles.PERMISSIONS.contains(text(object, "permission", where))) {
      throw new IllegalArgumentException(where + ".permission must be one of " + Roles.PERMISSIONS);
    }
  }

  private static boolean bool(JsonObject object, String name, String where) {
    JsonElement element = object.get(name);
    if (element == null) {
      return false;
    }
    if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isBoolean()) {
      throw new IllegalArgumentException(where + "." + name + " must be true or false");
    }
    return element.getAsBoolean();
  }

  private static void statusCode(JsonObject object, String where) {
    JsonElement element = object.get("status_code");
    if (element != null
        && !(element.isJsonPrimitive()
            && element.getAsJsonPrimitive().isNumber()
            && ("0".equals(element.getAsString()) || "1".equals(element.getAsString())))) {
      throw new IllegalArgumentException(where + ".status_code must be 0 or 1");
    }
  }

  private static void timestamp(JsonObject object, String name, String where) {
    if (Timestamps.parse(text(object, name, where)) == null) {
      throw new IllegalArgumentException(where + "." + name + " must be an ISO 8601 instant");
    }
  }
}
