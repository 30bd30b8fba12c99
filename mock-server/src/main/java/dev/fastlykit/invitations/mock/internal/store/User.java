package dev.fastlykit.invitations.mock.internal.store;

import java.util.List;
import java.util.Locale;

/** A user of a customer account, and the token it calls with. */
public final class User {
  public final Customer customer;
  public final String email;

  /** The email lower-cased, as invitations' are, for duplicate checks. */
  final String emailKey;

  public final String role;
  public final boolean limitServices;
  public final List<String> services;
  public final String token;

  /** The store's generation when it took this user in; guarded by the store's lock. */
  int generation;

  public User(
      Customer customer,
      String email,
      String role,
      boolean limitServices,
      List<String> services,
      String token) {
    this.customer = customer;
    this.email = email;
    this.emailKey = email.toLowerCase(Locale.ROOT);
    this.role = Roles.intern(role);
    this.limitServices = limitServices;
    this.services = List.copyOf(services);
    this.token = token;
  }
}
