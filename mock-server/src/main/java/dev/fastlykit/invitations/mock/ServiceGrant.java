package dev.fastlykit.invitations.mock;

/** A service invitation: access to one service with one permission. */
final class ServiceGrant {
  final String id;
  final String serviceId;
  final String permission;

  ServiceGrant(String id, String serviceId, String permission) {
    this.id = id;
    this.serviceId = serviceId;
    this.permission = Roles.intern(permission);
  }
}
