package dev.fastlykit.invitations.mock.internal.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything the server knows: customer accounts, their users and tokens, and the pending
 * invitations. Thread-safe: one read-write lock; reads (lists) run in parallel.
 *
 * <p>A caller authenticated before a {@link #replace} (a reset, a state import) may reach the store
 * after it: every operation finds the caller's user again in the state it runs on, so a write lands
 * wholly in the new state, or is refused as the new state says, and never in the accounts that were
 * replaced.
 */
public final class Store {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Clock clock;
  private final Ids ids;
  private final Map<String, Customer> customers = new LinkedHashMap<>();
  private final Map<Tokens.Key, User> usersByToken = new HashMap<>();
  private final Map<String, StoredInvitation> invitationsById = new HashMap<>();

  /** Counts replacements, so that a user from before one is recognised. Guarded by the lock. */
  private int generation;

  public Store(Clock clock, Ids ids) {
    this.clock = clock;
    this.ids = ids;
  }

  /** The user a token belongs to, or null. */
  public User authenticate(String token) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    lock.readLock().lock();
    try {
      return find(token);
    } finally {
      lock.readLock().unlock();
    }
  }

  private User find(String token) {
    return usersByToken.get(new Tokens.Key(token));
  }

  /**
   * The caller as the current state knows it; called under the lock. A user from before the last
   * replacement is found again by its token and checked again for what it asks to do.
   */
  private User current(User caller, RolePolicy.Action action) {
    if (caller.generation == generation) {
      return caller;
    }
    User now = find(caller.token);
    if (now == null) {
      throw new Refusal(Refusal.Reason.UNAUTHENTICATED, "the token's user is gone");
    }
    if (action != null) {
      RolePolicy.checkMay(now, action);
    }
    return now;
  }

  /** One page of a customer's invitations, with the total count, read atomically. */
  public static final class Slice {
    public final List<StoredInvitation> items;
    public final int total;

    Slice(List<StoredInvitation> items, int total) {
      this.items = items;
      this.total = total;
    }
  }

  /** One page of the caller's customer's invitations; the caller's role was checked before. */
  public Slice page(User caller, long offset, int limit) {
    lock.readLock().lock();
    try {
      Customer customer = current(caller, RolePolicy.Action.LIST).customer;
      return new Slice(customer.invitations.slice(offset, limit), customer.invitations.size());
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Creates an invitation as sent by the caller, now. With {@code asCaller}, the role policy
   * decides what the caller may give (whether it may invite at all was checked before); without,
   * anything goes, as for a test's fixture.
   *
   * @throws Refusal when the role policy or the account's state refuses it
   */
  public StoredInvitation create(User caller, NewInvitation request, boolean asCaller) {
    long now = clock.instant().getEpochSecond();
    String emailKey = request.email().toLowerCase(Locale.ROOT);
    lock.writeLock().lock();
    try {
      User sender = current(caller, asCaller ? RolePolicy.Action.INVITE : null);
      if (asCaller) {
        RolePolicy.checkMayGrant(sender, request);
      }
      Customer customer = sender.customer;
      if (customer.pendingEmails.contains(emailKey)) {
        throw invalid(
            "data.attributes.email: " + request.email() + " already has a pending invitation");
      }
      if (customer.isUserEmail(emailKey)) {
        throw invalid(
            "data.attributes.email: " + request.email() + " is already a user of this account");
      }
      ServiceGrant[] grants = new ServiceGrant[request.grants().size()];
      for (int i = 0; i < grants.length; i++) {
        NewInvitation.Grant grant = request.grants().get(i);
        if (!customer.services.contains(grant.serviceId())) {
          throw invalid(
              "data.relationships.service_invitations.data["
                  + i
                  + "]: unknown service '"
                  + grant.serviceId()
                  + "'");
        }
        grants[i] = new ServiceGrant(uniqueId(), grant.serviceId(), grant.permission());
      }
      StoredInvitation invitation =
          new StoredInvitation(
              uniqueId(),
              request.email(),
              request.role(),
              request.roles().toArray(new String[0]),
              request.limitServices(),
              1,
              now,
              now,
              customer,
              sender,
              grants);
      put(invitation);
      return invitation;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Deletes an invitation of the caller's customer that the caller may delete.
   *
   * @throws Refusal when there is none with this id (another customer's is not even there) or the
   *     role policy refuses it
   */
  public void delete(User caller, String invitationId) {
    lock.writeLock().lock();
    try {
      User deleter = current(caller, RolePolicy.Action.DELETE);
      StoredInvitation invitation = invitationsById.get(invitationId);
      if (invitation == null || invitation.customer != deleter.customer) {
        throw new Refusal(
            Refusal.Reason.NOT_FOUND, "Cannot find invitation '" + invitationId + "'");
      }
      RolePolicy.checkMayDelete(deleter, invitation);
      invitation.customer.remove(invitation);
      invitationsById.remove(invitationId);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Deletes an invitation of any customer, whoever sent it: for the admin API.
   *
   * @return whether there was one with this id
   */
  public boolean deleteAny(String invitationId) {
    lock.writeLock().lock();
    try {
      StoredInvitation invitation = invitationsById.remove(invitationId);
      if (invitation == null) {
        return false;
      }
      invitation.customer.remove(invitation);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** How many invitations are stored, all customers together. */
  public int invitationCount() {
    lock.readLock().lock();
    try {
      return invitationsById.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Reads the accounts under the read lock, for an export or a listing. */
  public <T> T read(Function<List<Customer>, T> reader) {
    lock.readLock().lock();
    try {
      return reader.apply(new ArrayList<>(customers.values()));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Replaces everything with what {@code builder} puts in; in one step, so that no request sees a
   * half-built state.
   */
  public void replace(Consumer<Builder> builder) {
    lock.writeLock().lock();
    try {
      customers.clear();
      usersByToken.clear();
      invitationsById.clear();
      generation++;
      builder.accept(new Builder());
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Adds what {@code builder} puts in to what is there, in one step: the builder checks against
   * what is there and throws before it puts anything in when something clashes.
   */
  public void add(Consumer<Builder> builder) {
    lock.writeLock().lock();
    try {
      builder.accept(new Builder());
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Puts accounts into the store; lives only while the store's write lock is held. */
  public final class Builder {
    private Builder() {}

    public boolean hasCustomer(String id) {
      return customers.containsKey(id);
    }

    public boolean hasToken(String token) {
      return usersByToken.containsKey(new Tokens.Key(token));
    }

    public boolean hasInvitation(String id) {
      return invitationsById.containsKey(id);
    }

    public void put(Customer customer) {
      customers.put(customer.id, customer);
    }

    public void put(User user) {
      user.generation = generation;
      user.customer.users.add(user);
      usersByToken.put(new Tokens.Key(user.token), user);
    }

    public void put(StoredInvitation invitation) {
      Store.this.put(invitation);
    }
  }

  private void put(StoredInvitation invitation) {
    invitation.customer.add(invitation);
    invitationsById.put(invitation.id, invitation);
  }

  private static Refusal invalid(String detail) {
    return new Refusal(Refusal.Reason.INVALID, detail);
  }

  private String uniqueId() {
    String id;
    do {
      id = ids.next();
    } while (invitationsById.containsKey(id));
    return id;
  }
}
