package dev.fastlykit.invitations.mock;

import java.util.List;

/** A user of a customer account, and the token it calls with. */
final class User {
  final Customer customer;
  final String email;
  final String role;
  final boolean limitServices;
  final List<String> services;
  final String token;

  User(
      Customer customer,
      String email,
      String role,
      boolean limitServices,
      List<String> services,
      String token) {
    this.customer = customer;
    this.email = email;
    this.role = Roles.intern(role);
    this.limitServices = limitServices;
    this.services = List.copyOf(services);
    this.token = token;
  }

  /** Superusers, and engineers without service limits, may list, invite and delete. */
  boolean mayManageInvitations() {
    return Roles.SUPERUSER.equals(role) || (Roles.ENGINEER.equals(role) && !limitServices);
  }

  boolean isSuperuser() {
    return Roles.SUPERUSER.equals(role);
  }
}
