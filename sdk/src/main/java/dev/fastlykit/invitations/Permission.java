package dev.fastlykit.invitations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an invitee limited to some services may do with one of them.
 *
 * <p>Not an enum, for the same reason as {@link Role}: {@link #of(String)} accepts values this SDK
 * does not know yet, keeps their raw {@link #value()}, and compares by value.
 */
public final class Permission {
  private static final Map<String, Permission> KNOWN = new LinkedHashMap<>();

  /** Full access to the service's configuration. The default. */
  public static final Permission FULL = known("full");

  /** May view the service but not change it. */
  public static final Permission READ_ONLY = known("read_only");

  /** May purge by URL or surrogate key. */
  public static final Permission PURGE_SELECT = known("purge_select");

  /** May purge everything, and purge by URL or surrogate key. */
  public static final Permission PURGE_ALL = known("purge_all");

  private final String value;

  private Permission(String value) {
    this.value = value;
  }

  private static Permission known(String value) {
    Permission permission = new Permission(value);
    KNOWN.put(value, permission);
    return permission;
  }

  /**
   * Returns the permission with this wire value: one of the constants when it is known, a new value
   * when it is not.
   *
   * @throws IllegalArgumentException if {@code value} is null or empty
   */
  public static Permission of(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("permission must not be null or empty");
    }
    Permission permission = KNOWN.get(value);
    return permission != null ? permission : new Permission(value);
  }

  /** The value on the wire, such as {@code "purge_select"}. */
  public String value() {
    return value;
  }

  /** Whether this SDK has a constant for this permission. */
  public boolean isKnown() {
    return KNOWN.containsKey(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Permission && ((Permission) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Permission.class, value);
  }

  /** Returns {@link #value()}. */
  @Override
  public String toString() {
    return value;
  }
}
