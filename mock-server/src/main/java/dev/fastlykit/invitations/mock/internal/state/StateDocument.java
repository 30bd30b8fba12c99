package dev.fastlykit.invitations.mock.internal.state;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.stream.JsonReader;
import dev.fastlykit.invitations.mock.internal.json.StrictJson;
import dev.fastlykit.invitations.mock.internal.json.Timestamps;
import dev.fastlykit.invitations.mock.internal.store.Customer;
import dev.fastlykit.invitations.mock.internal.store.Emails;
import dev.fastlykit.invitations.mock.internal.store.Ids;
import dev.fastlykit.invitations.mock.internal.store.Roles;
import dev.fastlykit.invitations.mock.internal.store.ServiceGrant;
import dev.fastlykit.invitations.mock.internal.store.Store;
import dev.fastlykit.invitations.mock.internal.store.StoredInvitation;
import dev.fastlykit.invitations.mock.internal.store.User;
import java.io.IOException;
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
 * /__admin/state} and of {@code MockFastlyServer.exportState()}. The records below are the format:
 * {@link StateReader} reads them, Gson writes them, and {@link #check} says what else a document
 * must hold. Immutable once parsed, so a server keeps its starting state parsed and a reset only
 * rebuilds the store.
 */
public final class StateDocument {
  record State(List<Account> customers) {}

  record Account(
      String id,
      String name,
      List<String> services,
      List<Member> users,
      List<Invite> invitations) {}

  record Member(
      String email, String role, Boolean limitServices, List<String> services, String token) {}

  record Invite(
      String id,
      String email,
      String role,
      List<String> roles,
      Boolean limitServices,
      Integer statusCode,
      String createdAt,
      String updatedAt,
      String sentBy,
      List<Grant> serviceInvitations) {}

  record Grant(String id, String serviceId, String permission) {}

  /** Writes the records; made on the first export, since building a server only reads. */
  private static final class Writer {
    static final Gson GSON =
        new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .serializeNulls()
            .disableHtmlEscaping()
            .create();
  }

  private final State state;

  private StateDocument(State state) {
    this.state = state;
  }

  /**
   * Reads and checks a state document.
   *
   * @throws IllegalArgumentException saying what is wrong and where, such as {@code
   *     customers[0].users[1].token is used twice}
   */
  public static StateDocument parse(String json) {
    State state;
    try (JsonReader reader = StrictJson.reader(json)) {
      state = StateReader.read(reader);
      StrictJson.requireEnd(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("the state is " + StrictJson.describe(e), e);
    }
    if (state == null) {
      throw new IllegalArgumentException("the state must be a JSON object");
    }
    StateDocument document = new StateDocument(state);
    document.check(null);
    return document;
  }

  /** Replaces everything in the store with this state, in one step. */
  public void replaceIn(Store store) {
    store.replace(this::putInto);
  }

  /**
   * Adds these accounts to what the store holds, in one step.
   *
   * @throws IllegalArgumentException, adding nothing, when an id or a token is taken already
   */
  public void addTo(Store store) {
    store.add(
        builder -> {
          check(builder);
          putInto(builder);
        });
  }

  /** The same document with every customer's invitations removed ({@code --empty}). */
  public StateDocument withoutInvitations() {
    List<Account> accounts = new ArrayList<>();
    for (Account a : state.customers()) {
      accounts.add(new Account(a.id(), a.name(), a.services(), a.users(), List.of()));
    }
    return new StateDocument(new State(accounts));
  }

  /** The store's state in this format. */
  public static String export(Store store) {
    return Writer.GSON.toJson(store.read(StateDocument::snapshot));
  }

  @Override
  public String toString() {
    return Writer.GSON.toJson(state);
  }

  private static State snapshot(List<Customer> customers) {
    List<Account> accounts = new ArrayList<>(customers.size());
    for (Customer customer : customers) {
      List<Member> members = new ArrayList<>();
      for (User user : customer.users) {
        members.add(
            new Member(
                user.email, user.role, user.limitServices, List.copyOf(user.services), user.token));
      }
      List<Invite> invites = new ArrayList<>();
      for (StoredInvitation invitation : customer.pending()) {
        List<Grant> grants = new ArrayList<>(invitation.grants.length);
        for (ServiceGrant grant : invitation.grants) {
          grants.add(new Grant(grant.id, grant.serviceId, grant.permission));
        }
        invites.add(
            new Invite(
                invitation.id,
                invitation.email,
                invitation.role,
                List.of(invitation.roles),
                invitation.limitServices,
                (int) invitation.statusCode,
                Timestamps.format(invitation.createdAt),
                Timestamps.format(invitation.updatedAt),
                invitation.sentBy.email,
                grants));
      }
      accounts.add(
          new Account(
              customer.id, customer.name, List.copyOf(customer.services), members, invites));
    }
    return new State(accounts);
  }

  /** Checks what the types alone do not say, against what the store holds when adding to it. */
  private void check(Store.Builder existing) {
    List<Account> customers = state.customers();
    if (customers == null) {
      throw new IllegalArgumentException("state.customers must be an array");
    }
    Set<String> tokens = new HashSet<>();
    Set<String> customerIds = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (int c = 0; c < customers.size(); c++) {
      String where = "customers[" + c + "]";
      Account customer = customers.get(c);
      String id = id(customer.id(), where + ".id");
      if (!customerIds.add(id) || (existing != null && existing.hasCustomer(id))) {
        throw new IllegalArgumentException(where + ".id '" + id + "' is used twice");
      }
      text(customer.name(), where + ".name");
      Set<String> services = new HashSet<>();
      List<String> serviceIds = list(customer.services());
      for (int s = 0; s < serviceIds.size(); s++) {
        services.add(id(serviceIds.get(s), where + ".services[" + s + "]"));
      }
      Set<String> users = new HashSet<>();
      List<Member> members = list(customer.users());
      for (int u = 0; u < members.size(); u++) {
        String at = where + ".users[" + u + "]";
        Member user = members.get(u);
        String email = email(user.email(), at);
        role(user.role(), at);
        for (String service : list(user.services())) {
          if (!services.contains(service)) {
            throw new IllegalArgumentException(at + ".services: unknown service '" + service + "'");
          }
        }
        String token = text(user.token(), at + ".token");
        if (!tokens.add(token) || (existing != null && existing.hasToken(token))) {
          throw new IllegalArgumentException(at + ".token is used twice");
        }
        if (!users.add(email.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException(at + ".email '" + email + "' is used twice");
        }
      }
      Set<String> pending = new HashSet<>();
      List<Invite> invites = list(customer.invitations());
      for (int i = 0; i < invites.size(); i++) {
        String at = where + ".invitations[" + i + "]";
        Invite invitation = invites.get(i);
        String invitationId = id(invitation.id(), at + ".id");
        if (!ids.add(invitationId) || (existing != null && existing.hasInvitation(invitationId))) {
          throw new IllegalArgumentException(at + ".id '" + invitationId + "' is used twice");
        }
        String email = email(invitation.email(), at);
        String key = email.toLowerCase(Locale.ROOT);
        if (!pending.add(key) || users.contains(key)) {
          throw new IllegalArgumentException(
              at + ".email '" + email + "' is already invited or a user");
        }
        role(invitation.role(), at);
        List<String> roles = list(invitation.roles());
        for (int r = 0; r < roles.size(); r++) {
          text(roles.get(r), at + ".roles[" + r + "]");
        }
        Integer code = invitation.statusCode();
        if (code != null && code != 0 && code != 1) {
          throw new IllegalArgumentException(at + ".status_code must be 0 or 1");
        }
        timestamp(invitation.createdAt(), at + ".created_at");
        if (invitation.updatedAt() != null) {
          timestamp(invitation.updatedAt(), at + ".updated_at");
        }
        String sentBy = text(invitation.sentBy(), at + ".sent_by");
        if (!users.contains(sentBy.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException(
              at + ".sent_by '" + sentBy + "' is not a user of " + id);
        }
        List<Grant> grants = list(invitation.serviceInvitations());
        for (int g = 0; g < grants.size(); g++) {
          String gat = at + ".service_invitations[" + g + "]";
          Grant grant = grants.get(g);
          String grantId = id(grant.id(), gat + ".id");
          if (!ids.add(grantId)) {
            throw new IllegalArgumentException(gat + ".id '" + grantId + "' is used twice");
          }
          String service = id(grant.serviceId(), gat + ".service_id");
          if (!services.contains(service)) {
            throw new IllegalArgumentException(
                gat + ".service_id: unknown service '" + service + "'");
          }
          if (grant.permission() != null && !Roles.PERMISSIONS.contains(grant.permission())) {
            throw new IllegalArgumentException(
                gat + ".permission must be one of " + Roles.PERMISSIONS);
          }
        }
      }
    }
  }

  /** Builds the checked accounts into the store, absent optional fields taking their defaults. */
  private void putInto(Store.Builder store) {
    for (Account account : state.customers()) {
      Customer customer =
          new Customer(account.id(), account.name(), new LinkedHashSet<>(list(account.services())));
      store.put(customer);
      Map<String, User> users = new HashMap<>();
      for (Member member : list(account.users())) {
        User user =
            new User(
                customer,
                member.email(),
                member.role() != null ? member.role() : Roles.USER,
                Boolean.TRUE.equals(member.limitServices()),
                list(member.services()),
                member.token());
        store.put(user);
        users.put(user.email.toLowerCase(Locale.ROOT), user);
      }
      for (Invite invite : list(account.invitations())) {
        List<Grant> grants = list(invite.serviceInvitations());
        ServiceGrant[] stored = new ServiceGrant[grants.size()];
        for (int g = 0; g < stored.length; g++) {
          Grant grant = grants.get(g);
          stored[g] =
              new ServiceGrant(
                  grant.id(),
                  grant.serviceId(),
                  grant.permission() != null ? grant.permission() : Roles.FULL);
        }
        long created = Timestamps.parse(invite.createdAt());
        store.put(
            new StoredInvitation(
                invite.id(),
                invite.email(),
                invite.role() != null ? invite.role() : Roles.USER,
                list(invite.roles()).toArray(new String[0]),
                Boolean.TRUE.equals(invite.limitServices()) || stored.length > 0,
                invite.statusCode() != null ? invite.statusCode() : 1,
                created,
                invite.updatedAt() != null ? Timestamps.parse(invite.updatedAt()) : created,
                customer,
                users.get(invite.sentBy().toLowerCase(Locale.ROOT)),
                stored));
      }
    }
  }

  private static <T> List<T> list(List<T> values) {
    return values != null ? values : List.of();
  }

  private static String text(String value, String where) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(where + " must be a non-empty string");
    }
    return value;
  }

  private static String id(String value, String where) {
    if (!Ids.looksLikeId(value)) {
      throw new IllegalArgumentException(where + " must be an alphanumeric id");
    }
    return value;
  }

  private static String email(String value, String where) {
    String email = text(value, where + ".email");
    String problem = Emails.problem(email);
    if (problem != null) {
      throw new IllegalArgumentException(where + ".email '" + email + "' " + problem);
    }
    return email;
  }

  private static void role(String role, String where) {
    if (role != null && !Roles.ALL.contains(role)) {
      throw new IllegalArgumentException(where + ".role must be one of " + Roles.ALL);
    }
  }

  private static void timestamp(String value, String where) {
    if (Timestamps.parse(text(value, where)) == null) {
      throw new IllegalArgumentException(where + " must be an ISO 8601 instant");
    }
  }
}
