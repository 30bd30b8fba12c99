package dev.fastlykit.invitations.mock.internal.store;

/** A service invitation: access to one service with one permission. */
public final class ServiceGrant {
  public final String id;
  public final String serviceId;
  public final String permission;

  public ServiceGrant(String id, String serviceId, String permission) {
    this.id = id;
    this.serviceId = serviceId;
    this.permission = Roles.intern(permission);
  }
}
