package dev.fastlykit.invitations.mock.internal.state;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.fastlykit.invitations.mock.internal.state.StateDocument.Account;
import dev.fastlykit.invitations.mock.internal.state.StateDocument.Grant;
import dev.fastlykit.invitations.mock.internal.state.StateDocument.Invite;
import dev.fastlykit.invitations.mock.internal.state.StateDocument.Member;
import dev.fastlykit.invitations.mock.internal.state.StateDocument.State;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the state format's records from a strict {@link JsonReader}, field by field.
 *
 * <p>Every embedded server reads the demo state when it is built, in the test JVM's first second:
 * binding the records by reflection cost about a hundred milliseconds there (Gson's set-up and its
 * reflective adapters), most of what the server added to bare Javalin's cold start. This reader
 * takes the values as they are written: a string must be a string, a boolean {@code true} or {@code
 * false}, a number an integer, no field or list item {@code null}, a list an array and a record an
 * object; each refusal names where it is, as {@code customers[0].users[1].token must be a string}.
 * A field the format does not have is skipped, and of a field given twice the last one counts, as
 * Gson's binding does; a missing field is {@code null}, for {@link StateDocument} to check.
 */
final class StateReader {
  private final JsonReader in;

  private StateReader(JsonReader in) {
    this.in = in;
  }

  /** The document's state; {@code null} for an empty text. */
  static State read(JsonReader in) throws IOException {
    try {
      in.peek();
    } catch (EOFException empty) {
      return null;
    }
    return new StateReader(in).state();
  }

  private State state() throws IOException {
    if (in.peek() != JsonToken.BEGIN_OBJECT) {
      throw new IllegalArgumentException("the state must be a JSON object");
    }
    List<Account> customers = null;
    in.beginObject();
    while (in.hasNext()) {
      if (in.nextName().equals("customers")) {
        customers = list(this::account);
      } else {
        in.skipValue();
      }
    }
    in.endObject();
    return new State(customers);
  }

  private Account account() throws IOException {
    String id = null;
    String name = null;
    List<String> services = null;
    List<Member> users = null;
    List<Invite> invitations = null;
    beginRecord();
    while (in.hasNext()) {
      switch (in.nextName()) {
        case "id" -> id = string();
        case "name" -> name = string();
        case "services" -> services = list(this::string);
        case "users" -> users = list(this::member);
        case "invitations" -> invitations = list(this::invite);
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new Account(id, name, services, users, invitations);
  }

  private Member member() throws IOException {
    String email = null;
    String role = null;
    Boolean limitServices = null;
    List<String> services = null;
    String token = null;
    beginRecord();
    while (in.hasNext()) {
      switch (in.nextName()) {
        case "email" -> email = string();
        case "role" -> role = string();
        case "limit_services" -> limitServices = bool();
        case "services" -> services = list(this::string);
        case "token" -> token = string();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new Member(email, role, limitServices, services, token);
  }

  private Invite invite() throws IOException {
    String id = null;
    String email = null;
    String role = null;
    List<String> roles = null;
    Boolean limitServices = null;
    Integer statusCode = null;
    String createdAt = null;
    String updatedAt = null;
    String sentBy = null;
    List<Grant> serviceInvitations = null;
    beginRecord();
    while (in.hasNext()) {
      switch (in.nextName()) {
        case "id" -> id = string();
        case "email" -> email = string();
        case "role" -> role = string();
        case "roles" -> roles = list(this::string);
        case "limit_services" -> limitServices = bool();
        case "status_code" -> statusCode = integer();
        case "created_at" -> createdAt = string();
        case "updated_at" -> updatedAt = string();
        case "sent_by" -> sentBy = string();
        case "service_invitations" -> serviceInvitations = list(this::grant);
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new Invite(
        id,
        email,
        role,
        roles,
        limitServices,
        statusCode,
        createdAt,
        updatedAt,
        sentBy,
        serviceInvitations);
  }

  private Grant grant() throws IOException {
    String id = null;
    String serviceId = null;
    String permission = null;
    beginRecord();
    while (in.hasNext()) {
      switch (in.nextName()) {
        case "id" -> id = string();
        case "service_id" -> serviceId = string();
        case "permission" -> permission = string();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new Grant(id, serviceId, permission);
  }

  private interface Item<T> {
    T read() throws IOException;
  }

  private <T> List<T> list(Item<T> item) throws IOException {
    expect(JsonToken.BEGIN_ARRAY, "an array");
    List<T> items = new ArrayList<>();
    in.beginArray();
    while (in.hasNext()) {
      items.add(item.read());
    }
    in.endArray();
    return items;
  }

  private void beginRecord() throws IOException {
    expect(JsonToken.BEGIN_OBJECT, "an object");
    in.beginObject();
  }

  private String string() throws IOException {
    expect(JsonToken.STRING, "a string");
    return in.nextString();
  }

  private Boolean bool() throws IOException {
    expect(JsonToken.BOOLEAN, "true or false");
    return in.nextBoolean();
  }

  private Integer integer() throws IOException {
    expect(JsonToken.NUMBER, "a number");
    String path = in.getPath();
    String text = in.nextString();
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where(path) + " must be an integer, not " + text);
    }
  }

  private void expect(JsonToken token, String what) throws IOException {
    if (in.peek() != token) {
      throw new IllegalArgumentException(where(in.getPath()) + " must be " + what);
    }
  }

  /** {@code $.customers[0].name} as {@code customers[0].name}. */
  private static String where(String path) {
    return path.substring(path.startsWith("$.") ? 2 : 1);
  }
}
