package dev.fastlykit.invitations.mock;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Everything the server knows: customer accounts, their users and tokens, and the pending
 * invitations. Thread-safe: one read-write lock; reads (lists) run in parallel.
 */
final class Store {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Clock clock;
  private final Ids ids;
  private final Map<String, Customer> customers = new LinkedHashMap<>();
  private final Map<String, User> usersByTokenDigest = new HashMap<>();
  private final Map<String, StoredInvitation> invitationsById = new HashMap<>();

  Store(Clock clock, Ids ids) {
    this.clock = clock;
    this.ids = ids;
  }

  /** The user a token belongs to, or null. */
  User authenticate(String token) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    String digest = Tokens.digest(token);
    lock.readLock().lock();
    try {
      User user = usersByTokenDigest.get(digest);
      return user != null && Tokens.equal(user.token, token) ? user : null;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** One page of a customer's invitations, with the total count, read atomically. */
  static final class Slice {
    final List<StoredInvitation> items;
    final int total;

    Slice(List<StoredInvitation> items, int total) {
      this.items = items;
      this.total = total;
    }
  }

  Slice page(Customer customer, long offset, int limit) {
    lock.readLock().lock();
    try {
      return new Slice(customer.invitations.slice(offset, limit), customer.invitations.size());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Creates an invitation, checking what depends on state; the form was checked before. */
  StoredInvitation create(User caller, NewInvitationRequest request) {
    long now = clock.instant().getEpochSecond();
    Customer customer = caller.customer;
    String emailKey = request.email.toLowerCase(Locale.ROOT);
    lock.writeLock().lock();
    try {
      if (customer.pendingEmails.contains(emailKey)) {
        throw FastlyError.badRequest(
            "data.attributes.email: " + request.email + " already has a pending invitation");
      }
      if (customer.isUserEmail(emailKey)) {
        throw FastlyError.badRequest(
            "data.attributes.email: " + request.email + " is already a user of this account");
      }
      ServiceGrant[] grants = new ServiceGrant[request.grants.size()];
      for (int i = 0; i < grants.length; i++) {
        NewInvitationRequest.Grant grant = request.grants.get(i);
        if (!customer.services.contains(grant.serviceId)) {
          throw FastlyError.badRequest(
              "data.relationships.service_invitations.data["
                  + i
                  + "]: unknown service '"
                  + grant.serviceId
                  + "'");
        }
        grants[i] = new ServiceGrant(uniqueId(), grant.serviceId, grant.permission);
      }
      StoredInvitation invitation =
          new StoredInvitation(
              uniqueId(),
              request.email,
              request.role,
              request.roles.toArray(new String[0]),
              request.limitServices,
              1,
              now,
              now,
              customer,
              caller,
              grants);
      customer.add(invitation);
      invitationsById.put(invitation.id, invitation);
      return invitation;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Deletes an invitation of the caller's account that the caller may delete. */
  void delete(User caller, String invitationId) {
    lock.writeLock().lock();
    try {
      StoredInvitation invitation = invitationsById.get(invitationId);
      if (invitation == null || invitation.customer != caller.customer) {
        throw FastlyError.notFound(invitationId); // another customer's is not even there
      }
      if (!caller.isSuperuser() && invitation.sentBy != caller) {
        throw FastlyError.forbidden("An engineer may only delete the invitations it sent");
      }
      invitation.customer.remove(invitation);
      invitationsById.remove(invitationId);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** How many invitations are stored, all customers together. */
  int invitationCount() {
    lock.readLock().lock();
    try {
      return invitationsById.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Replaces everything with the given state (already validated). */
  void replace(StateDocument state) {
    lock.writeLock().lock();
    try {
      customers.clear();
      usersByTokenDigest.clear();
      invitationsById.clear();
      state.applyTo(this);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Reads everything under the read lock, for an export. */
  <T> T read(java.util.function.Function<Store, T> reader) {
    lock.readLock().lock();
    try {
      return reader.apply(this);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Adds accounts and invitations to what is there (state checked by the caller). */
  void add(StateDocument state) {
    lock.writeLock().lock();
    try {
      state.applyTo(this);
    } finally {
      lock.writeLock().unlock();
    }
  }

  // Package-private mutators for StateDocument, called under the write lock.

  Customer customer(String id) {
    return customers.get(id);
  }

  List<Customer> customers() {
    return new ArrayList<>(customers.values());
  }

  void putCustomer(Customer customer) {
    customers.put(customer.id, customer);
  }

  boolean hasToken(String token) {
    return usersByTokenDigest.containsKey(Tokens.digest(token));
  }

  void putUser(User user) {
    user.customer.users.add(user);
    usersByTokenDigest.put(Tokens.digest(user.token), user);
  }

  boolean hasInvitation(String id) {
    return invitationsById.containsKey(id);
  }

  void putInvitation(StoredInvitation invitation) {
    invitation.customer.add(invitation);
    invitationsById.put(invitation.id, invitation);
  }

  private String uniqueId() {
    String id;
    do {
      id = ids.next();
    } while (invitationsById.containsKey(id));
    return id;
  }
}
