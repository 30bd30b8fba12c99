package dev.fastlykit.invitations.mock.internal.store;

import java.util.List;

/**
 * An invitation to create, its form already checked (a known role, a well-formed email); what
 * depends on the account (duplicates, its services) and on the caller's role is the store's to say.
 */
public record NewInvitation(
    String email, String role, List<String> roles, boolean limitServices, List<Grant> grants) {

  /** One service invitation: a service id and the permission on it. */
  public record Grant(String serviceId, String permission) {}

  /** An invitation to the given role, without service limits. */
  public static NewInvitation of(String email, String role) {
    return new NewInvitation(email, role, List.of(), false, List.of());
  }
}
