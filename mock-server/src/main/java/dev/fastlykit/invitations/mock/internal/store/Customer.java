package dev.fastlykit.invitations.mock.internal.store;

import dev.fastlykit.invitations.mock.internal.json.JsonWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One customer account: its users, its services and its pending invitations. Guarded by the store's
 * lock.
 */
public final class Customer {
  public final String id;

  /** The id as a JSON string, encoded once: every invitation on a page writes it. */
  public final byte[] quotedId;

  public final String name;
  public final Set<String> services;
  public final List<User> users = new ArrayList<>();
  final InvitationIndex invitations = new InvitationIndex();

  /** Lower-cased emails of pending invitations, for the duplicate check. */
  final Set<String> pendingEmails = new HashSet<>();

  public Customer(String id, String name, Set<String> services) {
    this.id = id;
    this.quotedId = new JsonWriter(32).string(id).toByteArray();
    this.name = name;
    this.services = new LinkedHashSet<>(services);
  }

  boolean isUserEmail(String emailKey) {
    for (User user : users) {
      if (user.emailKey.equals(emailKey)) {
        return true;
      }
    }
    return false;
  }

  /** The pending invitations in list order; read under the store's lock. */
  public List<StoredInvitation> pending() {
    return invitations.all();
  }

  void add(StoredInvitation invitation) {
    invitations.add(invitation);
    pendingEmails.add(invitation.emailKey);
  }

  void remove(StoredInvitation invitation) {
    invitations.remove(invitation);
    pendingEmails.remove(invitation.emailKey);
  }
}
