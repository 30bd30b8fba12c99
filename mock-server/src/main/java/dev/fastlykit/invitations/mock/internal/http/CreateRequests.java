package dev.fastlykit.invitations.mock.internal.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.fastlykit.invitations.mock.internal.json.StrictJson;
import dev.fastlykit.invitations.mock.internal.store.Emails;
import dev.fastlykit.invitations.mock.internal.store.NewInvitation;
import dev.fastlykit.invitations.mock.internal.store.Roles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a create body in either form: the JSON:API form of Fastly's examples, and the wrapped form
 * Fastly's generated clients send ({@code {data: {...}}} items, {@code service: {type, id}}).
 * Checks the form only; whether the account owns a service or has the email is the store's to say.
 */
final class CreateRequests {
  /**
   * A create body read.
   *
   * @param canonical whether it was in the JSON:API form the spec documents
   */
  record Parsed(NewInvitation invitation, boolean canonical) {}

  private CreateRequests() {}

  static Parsed parse(String body) {
    JsonElement json;
    try {
      json = StrictJson.parse(body);
    } catch (IllegalArgumentException e) {
      throw FastlyError.badRequest("the body is " + e.getMessage());
    }
    boolean[] canonical = {true};
    JsonObject root = object(json, "body");
    JsonObject data = object(required(root, "data", ""), "data");
    type(data, "data", "invitation", canonical);
    JsonObject attributes = object(required(data, "attributes", "data"), "data.attributes");

    String email =
        string(required(attributes, "email", "data.attributes"), "data.attributes.email");
    String problem = Emails.problem(email);
    if (problem != null) {
      throw FastlyError.badRequest(
          "data.attributes.email: '" + email + "' is not a valid email address (" + problem + ")");
    }
    String role = Roles.USER;
    if (attributes.has("role")) {
      role = string(attributes.get("role"), "data.attributes.role");
      if (!Roles.ALL.contains(role)) {
        throw FastlyError.badRequest(
            "data.attributes.role: '" + role + "' is not one of " + sorted(Roles.ALL));
      }
    }
    List<String> roles = List.of();
    if (attributes.has("roles")) {
      JsonArray array = array(attributes.get("roles"), "data.attributes.roles");
      roles = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        String value = string(array.get(i), "data.attributes.roles[" + i + "]");
        if (value.isEmpty()) {
          throw FastlyError.badRequest("data.attributes.roles[" + i + "] must not be empty");
        }
        roles.add(value);
      }
    }
    Boolean limitServices = null;
    if (attributes.has("limit_services")) {
      limitServices = bool(attributes.get("limit_services"), "data.attributes.limit_services");
    }
    if (attributes.has("status_code")) {
      JsonElement status = attributes.get("status_code");
      if (!(status.isJsonPrimitive()
          && status.getAsJsonPrimitive().isNumber()
          && ("1".equals(status.getAsString()) || "0".equals(status.getAsString())))) {
        throw FastlyError.badRequest("data.attributes.status_code must be 0 or 1");
      }
    }

    List<NewInvitation.Grant> grants = grants(data, canonical);
    if (Boolean.FALSE.equals(limitServices) && !grants.isEmpty()) {
      throw FastlyError.badRequest(
          "data.attributes.limit_services: false contradicts the service invitations given");
    }
    boolean limited = limitServices != null ? limitServices : !grants.isEmpty();
    return new Parsed(new NewInvitation(email, role, roles, limited, grants), canonical[0]);
  }

  private static List<NewInvitation.Grant> grants(JsonObject data, boolean[] canonical) {
    if (!data.has("relationships")) {
      return List.of();
    }
    JsonObject relationships = object(data.get("relationships"), "data.relationships");
    if (!relationships.has("service_invitations")) {
      return List.of();
    }
    String where = "data.relationships.service_invitations";
    JsonObject serviceInvitations = object(relationships.get("service_invitations"), where);
    JsonElement items = required(serviceInvitations, "data", where);
    if (items.isJsonNull()) {
      return List.of();
    }
    JsonArray array = array(items, where + ".data");
    List<NewInvitation.Grant> grants = new ArrayList<>(array.size());
    Set<String> services = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String at = where + ".data[" + i + "]";
      JsonObject item = object(array.get(i), at);
      if (item.has("data") && !item.has("relationships")) {
        canonical[0] = false; // the wrapped form of Fastly's generated clients
        item = object(item.get("data"), at + ".data");
        at = at + ".data";
      }
      type(item, at, "service_invitation", canonical);
      String permission = Roles.FULL;
      if (item.has("attributes")) {
        JsonObject attributes = object(item.get("attributes"), at + ".attributes");
        if (attributes.has("permission")) {
          permission = string(attributes.get("permission"), at + ".attributes.permission");
          if (!Roles.PERMISSIONS.contains(permission)) {
            throw FastlyError.badRequest(
                at
                    + ".attributes.permission: '"
                    + permission
                    + "' is not one of "
                    + sorted(Roles.PERMISSIONS));
          }
        }
      }
      JsonObject links = object(required(item, "relationships", at), at + ".relationships");
      JsonObject service =
          object(required(links, "service", at + ".relationships"), at + ".relationships.service");
      String serviceAt = at + ".relationships.service";
      if (service.has("data")) {
        service = object(service.get("data"), serviceAt + ".data");
        serviceAt = serviceAt + ".data";
      } else {
        canonical[0] = false; // service: {type, id}, as the generated clients write it
      }
      type(service, serviceAt, "service", canonical);
      String serviceId = string(required(service, "id", serviceAt), serviceAt + ".id");
      if (serviceId.isEmpty()) {
        throw FastlyError.badRequest(serviceAt + ".id must not be empty");
      }
      if (!services.add(serviceId)) {
        throw FastlyError.badRequest(serviceAt + ".id: service '" + serviceId + "' is given twice");
      }
      grants.add(new NewInvitation.Grant(serviceId, Roles.intern(permission)));
    }
    return grants;
  }

  private static void type(JsonObject object, String where, String expected, boolean[] canonical) {
    if (!object.has("type")) {
      canonical[0] = false;
      return;
    }
    String type = string(object.get("type"), where + ".type");
    if (!expected.equals(type)) {
      throw FastlyError.badRequest(where + ".type must be '" + expected + "', not '" + type + "'");
    }
  }

  private static JsonElement required(JsonObject object, String name, String where) {
    JsonElement element = object.get(name);
    if (element == null) {
      throw FastlyError.badRequest((where.isEmpty() ? "" : where + ".") + name + " is required");
    }
    return element;
  }

  private static JsonObject object(JsonElement element, String where) {
    if (!element.isJsonObject()) {
      throw FastlyError.badRequest(where + " must be an object, not " + kind(element));
    }
    return element.getAsJsonObject();
  }

  private static JsonArray array(JsonElement element, String where) {
    if (!element.isJsonArray()) {
      throw FastlyError.badRequest(where + " must be an array, not " + kind(element));
    }
    return element.getAsJsonArray();
  }

  private static String string(JsonElement element, String where) {
    if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
      throw FastlyError.badRequest(where + " must be a string, not " + kind(element));
    }
    return element.getAsString();
  }

  private static boolean bool(JsonElement element, String where) {
    if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isBoolean()) {
      throw FastlyError.badRequest(where + " must be true or false, not " + kind(element));
    }
    return element.getAsBoolean();
  }

  private static String kind(JsonElement element) {
    if (element.isJsonNull()) {
      return "null";
    }
    if (element.isJsonObject()) {
      return "an object";
    }
    if (element.isJsonArray()) {
      return "an array";
    }
    JsonPrimitive primitive = element.getAsJsonPrimitive();
    return primitive.isBoolean() ? "a boolean" : primitive.isNumber() ? "a number" : "a string";
  }

  private static List<String> sorted(Set<String> values) {
    List<String> list = new ArrayList<>(values);
    list.sort(null);
    return list;
  }
}
