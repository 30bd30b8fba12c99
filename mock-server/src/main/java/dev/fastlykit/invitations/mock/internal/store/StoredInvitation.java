package dev.fastlykit.invitations.mock.internal.store;

import dev.fastlykit.invitations.mock.internal.json.JsonWriter;

/**
 * A pending invitation, as its customer's {@link InvitationIndex} holds it. Every field the API
 * shows is final, so a response can be written after the store's lock is released. Kept small: the
 * store must hold a million of these.
 */
public final class StoredInvitation {
  static final String[] NO_ROLES = new String[0];
  static final ServiceGrant[] NO_GRANTS = new ServiceGrant[0];

  public final String id;
  public final String email;

  /** The email lower-cased (the same instance when it already is), for duplicate checks. */
  public final String emailKey;

  /**
   * Whether the id and the email are printable ASCII without a quote or a backslash, as nearly all
   * are: JSON then takes them as they are, copied whole rather than checked character by character.
   */
  public final boolean plain;

  public final String role;
  public final String[] roles;
  public final boolean limitServices;
  public final byte statusCode;
  public final long createdAt;
  public final long updatedAt;
  public final Customer customer;
  public final User sentBy;
  public final ServiceGrant[] grants;

  /**
   * The bytes a list answer writes after this invitation's email, kept by the JSON writer once made
   * (shared with the invitations of the same second, role and customer): they follow from the final
   * fields above alone, so they never go stale. Null until first written; volatile, so an answer on
   * another thread reads them whole.
   */
  public volatile byte[] listTail;

  public StoredInvitation(
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
    this.plain = JsonWriter.isPlain(id) && JsonWriter.isPlain(email);
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
}
