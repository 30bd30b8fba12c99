package dev.fastlykit.invitations.mock;

import java.util.Set;

/** Fastly's role and permission values, interned so that stored invitations share them. */
final class Roles {
  static final String USER = "user";
  static final String BILLING = "billing";
  static final String ENGINEER = "engineer";
  static final String SUPERUSER = "superuser";
  static final String TLS_VIEWER = "tls_viewer";
  static final String TLS_ADMIN = "tls_admin";

  static final Set<String> ALL = Set.of(USER, BILLING, ENGINEER, SUPERUSER, TLS_VIEWER, TLS_ADMIN);

  /** What an engineer without service limits may give. */
  static final Set<String> ENGINEER_MAY_GRANT = Set.of(USER, ENGINEER);

  static final String FULL = "full";
  static final Set<String> PERMISSIONS = Set.of(FULL, "read_only", "purge_select", "purge_all");

  private Roles() {}

  /** The shared instance of a known role or permission, so that a million copies cost nothing. */
  static String intern(String value) {
    for (String known : ALL) {
      if (known.equals(value)) {
        return known;
      }
    }
    for (String known : PERMISSIONS) {
      if (known.equals(value)) {
        return known;
      }
    }
    return value;
  }
}
