package dev.fastlykit.invitations.mock;

import java.util.List;

/** A create request after parsing and validation of its form; state checks come later. */
final class NewInvitationRequest {
  /** One service invitation: a service id and the permission on it. */
  static final class Grant {
    final String serviceId;
    final String permission;

    Grant(String serviceId, String permission) {
      this.serviceId = serviceId;
      this.permission = permission;
    }
  }

  final String email;
  final String role;
  final List<String> roles;
  final boolean limitServices;
  final List<Grant> grants;

  /** Whether the body was in the canonical JSON:API form the spec documents. */
  final boolean canonical;

  NewInvitationRequest(
      String email,
      String role,
      List<String> roles,
      boolean limitServices,
      List<Grant> grants,
      boolean canonical) {
    this.email = email;
    this.role = role;
    this.roles = roles;
    this.limitServices = limitServices;
    this.grants = grants;
    this.canonical = canonical;
  }
}
