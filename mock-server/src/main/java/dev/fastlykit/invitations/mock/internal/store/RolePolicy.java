package dev.fastlykit.invitations.mock.internal.store;

import java.util.Set;

/**
 * Who may do what, in one place: the role table of {@code spec/README.md}.
 *
 * <ul>
 *   <li>A superuser may list, invite to any role with any service permissions, and delete any
 *       invitation of its customer.
 *   <li>An engineer without service limits may list; invite only to {@code user} or {@code
 *       engineer} (in {@code role} and every {@code roles} value), without service limits or
 *       service invitations; and delete only the invitations it sent.
 *   <li>Everyone else (an engineer with service limits, user, billing, the TLS roles) may do none
 *       of these.
 * </ul>
 */
public final class RolePolicy {
  /** What an engineer without service limits may give. */
  private static final Set<String> ENGINEER_MAY_GRANT = Set.of(Roles.USER, Roles.ENGINEER);

  private RolePolicy() {}

  /** What a caller asks to do with invitations. */
  public enum Action {
    LIST("list invitations"),
    INVITE("invite anyone"),
    DELETE("delete invitations");

    private final String phrase;

    Action(String phrase) {
      this.phrase = phrase;
    }
  }

  /** Refuses a caller whose role may not manage invitations at all. */
  public static void checkMay(User caller, Action action) {
    if (!mayManageInvitations(caller)) {
      throw new Refusal(Refusal.Reason.FORBIDDEN, describe(caller) + " may not " + action.phrase);
    }
  }

  /** Refuses an invitation that grants more than the caller may give. */
  static void checkMayGrant(User caller, NewInvitation invitation) {
    if (isSuperuser(caller)) {
      return;
    }
    if (!ENGINEER_MAY_GRANT.contains(invitation.role())) {
      throw forbidden(
          "An engineer may only invite users and engineers, not a " + invitation.role());
    }
    for (String role : invitation.roles()) {
      if (!ENGINEER_MAY_GRANT.contains(role)) {
        throw forbidden("An engineer may only give the user and engineer roles, not " + role);
      }
    }
    if (invitation.limitServices() || !invitation.grants().isEmpty()) {
      throw forbidden(
          "An engineer may not limit an invitee to services or give service permissions");
    }
  }

  /** Refuses to delete an invitation of the caller's customer that the caller may not delete. */
  static void checkMayDelete(User caller, StoredInvitation invitation) {
    if (!isSuperuser(caller) && invitation.sentBy != caller) {
      throw forbidden("An engineer may only delete the invitations it sent");
    }
  }

  private static boolean mayManageInvitations(User user) {
    return isSuperuser(user) || (Roles.ENGINEER.equals(user.role) && !user.limitServices);
  }

  private static boolean isSuperuser(User user) {
    return Roles.SUPERUSER.equals(user.role);
  }

  private static Refusal forbidden(String detail) {
    return new Refusal(Refusal.Reason.FORBIDDEN, detail);
  }

  private static String describe(User user) {
    return "A "
        + user.role
        + (Roles.ENGINEER.equals(user.role) && user.limitServices ? " with service limits" : "");
  }
}
