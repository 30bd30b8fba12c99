package dev.fastlykit.invitations.mock;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One customer account: its users, its services and its pending invitations. Guarded by the store's
 * lock.
 */
final class Customer {
  final String id;

  /** The id as a JSON string, encoded once: every invitation on a page writes it. */
  final byte[] quotedId;

  final String name;
  final Set<String> services;
  final List<User> users = new ArrayList<>();
  final InvitationIndex invitations = new InvitationIndex();

  /** Lower-cased emails of pending invitations, for the duplicate check. */
  final Set<String> pendingEmails = new HashSet<>();

  Customer(String id, String name, Set<String> services) {
    this.id = id;
    this.quotedId = new JsonWriter(32).string(id).toByteArray();
    this.name = name;
    this.services = new LinkedHashSet<>(services);
  }

  boolean isUserEmail(String emailKey) {
    for (User user : users) {
      if (user.email.toLowerCase(Locale.ROOT).equals(emailKey)) {
        return true;
      }
    }
    return false;
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
