package dev.fastlykit.invitations.mock.internal.store;

import java.util.Set;

/** Fastly's role and permission values, interned so that stored invitations share them. */
public final class Roles {
  public static final String USER = "user";
  public static final String BILLING = "billing";
  public static final String ENGINEER = "engineer";
  public static final String SUPERUSER = "superuser";
  public static final String TLS_VIEWER = "tls_viewer";
  public static final String TLS_ADMIN = "tls_admin";

  public static final Set<String> ALL =
      Set.of(USER, BILLING, ENGINEER, SUPERUSER, TLS_VIEWER, TLS_ADMIN);

  public static final String FULL = "full";
  public static final Set<String> PERMISSIONS =
      Set.of(FULL, "read_only", "purge_select", "purge_all");

  private Roles() {}

  /** The shared instance of a known role or permission, so that a million copies cost nothing. */
  public static String intern(String value) {
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
