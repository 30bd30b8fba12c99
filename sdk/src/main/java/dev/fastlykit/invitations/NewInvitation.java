package dev.fastlykit.invitations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An invitation to create: who to invite, as what, and to which services. Build one with {@link
 * #builder()}; only the email address is required.
 *
 * <pre>{@code
 * NewInvitation invitation = NewInvitation.builder()
 *     .email("ada@example.com")
 *     .role(Role.ENGINEER)
 *     .limitServices(true)
 *     .service("SU1Z0isxPaozGVKXdv0eY", Permission.PURGE_SELECT)
 *     .build();
 * }</pre>
 *
 * <p>Whatever is left unset is left to the server's defaults: role {@code user}, no service limits
 * (or limits when services are given), no further roles, and {@link Permission#FULL} for a service.
 */
public final class NewInvitation {
  private final String email;
  private final Role role;
  private final List<String> roles;
  private final Boolean limitServices;
  private final Map<String, Permission> services;

  private NewInvitation(Builder builder) {
    this.email = builder.email;
    this.role = builder.role;
    this.roles = builder.roles == null ? null : List.copyOf(builder.roles);
    this.limitServices = builder.limitServices;
    this.services = Collections.unmodifiableMap(new LinkedHashMap<>(builder.services));
  }

  /** Starts a new invitation. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this invitation's values, to derive another one. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.email = email;
    builder.role = role;
    builder.roles = roles == null ? null : new ArrayList<>(roles);
    builder.limitServices = limitServices;
    builder.services.putAll(services);
    return builder;
  }

  /** The invitee's email address. */
  public String email() {
    return email;
  }

  /** The role to give; empty to leave it to the server ({@code user}). */
  public Optional<Role> role() {
    return Optional.ofNullable(role);
  }

  /** Further role ids to give; empty when none were set. */
  public List<String> roles() {
    return roles == null ? List.of() : roles;
  }

  /** Whether to limit the invitee to the given services; empty to leave it to the server. */
  public Optional<Boolean> limitServices() {
    return Optional.ofNullable(limitServices);
  }

  /** The services to give access to, by service id, in the order they were added. */
  public Map<String, Permission> services() {
    return services;
  }

  // The wire form keeps "not set" apart from "set to the default".
  List<String> rolesOrNull() {
    return roles;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NewInvitation)) {
      return false;
    }
    NewInvitation that = (NewInvitation) o;
    return email.equals(that.email)
        && Objects.equals(role, that.role)
        && Objects.equals(roles, that.roles)
        && Objects.equals(limitServices, that.limitServices)
        && services.equals(that.services);
  }

  @Override
  public int hashCode() {
    return Objects.hash(email, role, roles, limitServices, services);
  }

  @Override
  public String toString() {
    return "NewInvitation{email="
        + email
        + (role == null ? "" : ", role=" + role)
        + (roles == null ? "" : ", roles=" + roles)
        + (limitServices == null ? "" : ", limitServices=" + limitServices)
        + (services.isEmpty() ? "" : ", services=" + services)
        + '}';
  }

  /** Builds a {@link NewInvitation}. Not thread-safe. */
  public static final class Builder {
    private String email;
    private Role role;
    private List<String> roles;
    private Boolean limitServices;
    private final Map<String, Permission> services = new LinkedHashMap<>();

    private Builder() {}

    /** The invitee's email address (required). */
    public Builder email(String email) {
      this.email = email;
      return this;
    }

    /**
     * The role to give the invitee. Superusers may give any role; engineers only user or engineer.
     */
    public Builder role(Role role) {
      this.role = Objects.requireNonNull(role, "role");
      return this;
    }

    /** Further role ids to give the invitee, replacing any set before. */
    public Builder roles(List<String> roles) {
      for (String roleId : Objects.requireNonNull(roles, "roles")) {
        if (roleId == null || roleId.isEmpty()) {
          throw new IllegalArgumentException("roles must not contain null or empty ids");
        }
      }
      this.roles = new ArrayList<>(roles);
      return this;
    }

    /** Whether to limit the invitee to the services added with {@link #service}. */
    public Builder limitServices(boolean limitServices) {
      this.limitServices = limitServices;
      return this;
    }

    /** Gives access to one service with the given permission; a later call for the same id wins. */
    public Builder service(String serviceId, Permission permission) {
      if (serviceId == null || serviceId.isEmpty()) {
        throw new IllegalArgumentException("serviceId must not be null or empty");
      }
      services.put(serviceId, Objects.requireNonNull(permission, "permission"));
      return this;
    }

    /** Gives {@link Permission#FULL} access to one service. */
    public Builder service(String serviceId) {
      return service(serviceId, Permission.FULL);
    }

    /**
     * Checks the invitation and builds it, before any request is sent.
     *
     * @throws IllegalStateException if no email address was set, or services were added while
     *     {@code limitServices(false)} was set
     * @throws IllegalArgumentException if the email address is not one Fastly accepts
     */
    public NewInvitation build() {
      if (email == null || email.isEmpty()) {
        throw new IllegalStateException("email is required");
      }
      String problem = Emails.problem(email);
      if (problem != null) {
        throw new IllegalArgumentException("email '" + email + "' " + problem);
      }
      if (Boolean.FALSE.equals(limitServices) && !services.isEmpty()) {
        throw new IllegalStateException(
            "limitServices(false) contradicts the services added; leave it unset or set it true");
      }
      return new NewInvitation(this);
    }
  }
}
