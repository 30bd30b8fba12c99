package dev.fastlykit.invitations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The role an invitee gets in the customer account.
 *
 * <p>Fastly adds roles over time, so this is not an enum: {@link #of(String)} accepts any value, a
 * role this SDK does not know yet keeps its raw {@link #value()}, and two roles are equal when
 * their values are.
 */
public final class Role {
  private static final Map<String, Role> KNOWN = new LinkedHashMap<>();

  /** A user: reads the account's configuration. The default role of an invitation. */
  public static final Role USER = known("user");

  /** Manages billing. */
  public static final Role BILLING = known("billing");

  /** Configures services; may invite users and engineers. */
  public static final Role ENGINEER = known("engineer");

  /** Full control of the account; may invite anyone with any permission. */
  public static final Role SUPERUSER = known("superuser");

  /** Views TLS configuration. */
  public static final Role TLS_VIEWER = known("tls_viewer");

  /** Manages TLS configuration. */
  public static final Role TLS_ADMIN = known("tls_admin");

  private final String value;

  private Role(String value) {
    this.value = value;
  }

  private static Role known(String value) {
    Role role = new Role(value);
    KNOWN.put(value, role);
    return role;
  }

  /**
   * Returns the role with this wire value: one of the constants when it is known, a new value when
   * it is not.
   *
   * @throws IllegalArgumentException if {@code value} is null or empty
   */
  public static Role of(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("role must not be null or empty");
    }
    Role role = KNOWN.get(value);
    return role != null ? role : new Role(value);
  }

  /** The value on the wire, such as {@code "engineer"}. */
  public String value() {
    return value;
  }

  /** Whether this SDK has a constant for this role. */
  public boolean isKnown() {
    return KNOWN.containsKey(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Role && ((Role) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Role.class, value);
  }

  /** Returns {@link #value()}. */
  @Override
  public String toString() {
    return value;
  }
}
