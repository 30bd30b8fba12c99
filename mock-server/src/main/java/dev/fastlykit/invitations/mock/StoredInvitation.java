package dev.fastlykit.invitations.mock;

/**
 * A pending invitation, and its node in its customer's {@link InvitationIndex}. Every field the API
 * shows is final, so a response can be written after the store's lock is released; only the tree
 * links change, under the lock. Kept small: the store must hold a million of these.
 */
final class StoredInvitation {
  static final String[] NO_ROLES = new String[0];
  static final ServiceGrant[] NO_GRANTS = new ServiceGrant[0];

  final String id;
  final String email;

  /** The email lower-cased (the same instance when it already is), for duplicate checks. */
  final String emailKey;

  final String role;
  final String[] roles;
  final boolean limitServices;
  final byte statusCode;
  final long createdAt;
  final long updatedAt;
  final Customer customer;
  final User sentBy;
  final ServiceGrant[] grants;

  StoredInvitation(
      String id,
      String email,
      String role,
      String[] roles,
      boolean limitServices,
      int statusCode,
      long createdAt,
      long updatedAt,
      Customer customer,
      User sentBy,
      ServiceGrant[] grants) {
    this.id = id;
    this.email = email;
    this.emailKey = email.toLowerCase(java.util.Locale.ROOT);
    this.role = Roles.intern(role);
    this.roles = roles.length == 0 ? NO_ROLES : roles;
    this.limitServices = limitServices;
    this.statusCode = (byte) statusCode;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.customer = customer;
    this.sentBy = sentBy;
    this.grants = grants.length == 0 ? NO_GRANTS : grants;
  }

  /** Oldest first; ties broken by id. */
  int compareTo(StoredInvitation other) {
    int byTime = Long.compare(createdAt, other.createdAt);
    return byTime != 0 ? byTime : id.compareTo(other.id);
  }
}
