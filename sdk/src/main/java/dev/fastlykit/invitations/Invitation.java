package dev.fastlykit.invitations;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pending invitation of the customer account, as the server returned it. Immutable; two
 * invitations are equal when all their fields are.
 */
public final class Invitation {
  private final String id;
  private final String email;
  private final Role role;
  private final List<String> roles;
  private final boolean limitServices;
  private final int statusCode;
  private final OffsetDateTime createdAt;
  private final OffsetDateTime updatedAt;
  private final OffsetDateTime deletedAt;
  private final String customerId;
  private final List<String> serviceInvitationIds;

  Invitation(
      String id,
      String email,
      Role role,
      List<String> roles,
      boolean limitServices,
      int statusCode,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      OffsetDateTime deletedAt,
      String customerId,
      List<String> serviceInvitationIds) {
    this.id = Objects.requireNonNull(id, "id");
    this.email = email;
    this.role = role;
    this.roles = List.copyOf(roles);
    this.limitServices = limitServices;
    this.statusCode = statusCode;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.deletedAt = deletedAt;
    this.customerId = customerId;
    this.serviceInvitationIds = List.copyOf(serviceInvitationIds);
  }

  /** The invitation's id, which {@link InvitationsClient#delete(String)} takes. */
  public String id() {
    return id;
  }

  /** The invitee's email address. */
  public String email() {
    return email;
  }

  /** The role the invitee will have. */
  public Role role() {
    return role;
  }

  /** Further role ids the invitee will have; empty when there are none. */
  public List<String> roles() {
    return roles;
  }

  /** Whether the invitee will only have access to the services of its service invitations. */
  public boolean limitServices() {
    return limitServices;
  }

  /** The raw status: 1 for an active invitation, 0 for an inactive one. */
  public int statusCode() {
    return statusCode;
  }

  /** Whether the invitation is active ({@code statusCode() == 1}). */
  public boolean active() {
    return statusCode == 1;
  }

  /** When the invitation was created. */
  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** When the invitation was last changed. */
  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  /** When the invitation was deleted; empty for a live invitation. */
  public Optional<OffsetDateTime> deletedAt() {
    return Optional.ofNullable(deletedAt);
  }

  /** The id of the customer account the invitation belongs to. */
  public String customerId() {
    return customerId;
  }

  /** The ids of the invitation's service invitations; empty when the server sends none. */
  public List<String> serviceInvitationIds() {
    return serviceInvitationIds;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Invitation)) {
      return false;
    }
    Invitation that = (Invitation) o;
    return limitServices == that.limitServices
        && statusCode == that.statusCode
        && id.equals(that.id)
        && Objects.equals(email, that.email)
        && Objects.equals(role, that.role)
        && roles.equals(that.roles)
        && Objects.equals(createdAt, that.createdAt)
        && Objects.equals(updatedAt, that.updatedAt)
        && Objects.equals(deletedAt, that.deletedAt)
        && Objects.equals(customerId, that.customerId)
        && serviceInvitationIds.equals(that.serviceInvitationIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id,
        email,
        role,
        roles,
        limitServices,
        statusCode,
        createdAt,
        updatedAt,
        deletedAt,
        customerId,
        serviceInvitationIds);
  }

  /**
   * A one-line summary for logs, such as {@code Invitation{id=..., email=..., role=engineer, ...}}.
   */
  @Override
  public String toString() {
    return "Invitation{id="
        + id
        + ", email="
        + email
        + ", role="
        + role
        + (roles.isEmpty() ? "" : ", roles=" + roles)
        + ", limitServices="
        + limitServices
        + ", statusCode="
        + statusCode
        + ", createdAt="
        + createdAt
        + (deletedAt == null ? "" : ", deletedAt=" + deletedAt)
        + ", customerId="
        + customerId
        + (serviceInvitationIds.isEmpty() ? "" : ", serviceInvitationIds=" + serviceInvitationIds)
        + '}';
  }
}
