package dev.fastlykit.invitations.mock.internal.http;

import static dev.fastlykit.invitations.mock.internal.json.JsonWriter.ascii;

import dev.fastlykit.invitations.mock.internal.json.JsonWriter;
import dev.fastlykit.invitations.mock.internal.store.Roles;
import dev.fastlykit.invitations.mock.internal.store.StoredInvitation;

/** Writes stored invitations as JSON:API resource objects. */
final class InvitationJson {
  // The fixed parts of an invitation, encoded once: a page of 20 is mostly these.
  private static final byte[] ID = ascii("{\"id\":\"");
  private static final byte[] EMAIL =
      ascii("\",\"type\":\"invitation\",\"attributes\":{\"email\":");
  private static final byte[] LIMIT_SERVICES = ascii(",\"limit_services\":");
  private static final byte[] ROLE = ascii(",\"role\":");
  private static final byte[] ROLES = ascii(",\"roles\":[");
  private static final byte[] STATUS_CODE = ascii("],\"status_code\":");
  private static final byte[] CREATED_AT = ascii(",\"created_at\":");

  /**
   * {@code ,"limit_services":false,"role":"user","roles":[} for each known role (interned, so found
   * by identity), without and with service limits: one copy instead of six writes.
   */
  private static final String[] KNOWN_ROLES = Roles.ALL.toArray(new String[0]);

  private static final byte[][][] ROLE_PARTS = new byte[2][KNOWN_ROLES.length][];

  /** {@code ],"status_code":1,"created_at":} for the codes 0 to 9. */
  private static final byte[][] STATUS_PARTS = new byte[10][];

  static {
    for (int limit = 0; limit < 2; limit++) {
      for (int r = 0; r < KNOWN_ROLES.length; r++) {
        ROLE_PARTS[limit][r] = rolePart(limit == 1, KNOWN_ROLES[r]);
      }
    }
    for (int code = 0; code < STATUS_PARTS.length; code++) {
      STATUS_PARTS[code] =
          new JsonWriter(64).raw(STATUS_CODE).append(code).raw(CREATED_AT).toByteArray();
    }
  }

  private static final byte[] UPDATED_AT = ascii(",\"updated_at\":");
  private static final byte[] CUSTOMER =
      ascii(
          ",\"deleted_at\":null},\"relationships\":{\"customer\":{\"data\":"
              + "{\"type\":\"customer\",\"id\":");
  private static final byte[] SERVICE_INVITATIONS = ascii("}},\"service_invitations\":{\"data\":[");
  private static final byte[] SERVICE_INVITATION =
      ascii("{\"type\":\"service_invitation\",\"id\":");
  private static final byte[] END = ascii("}}}}");
  private static final byte[] END_WITH_SERVICE_INVITATIONS = ascii("]}}}");

  private InvitationJson() {}

  private static byte[] rolePart(StoredInvitation invitation) {
    int limit = invitation.limitServices ? 1 : 0;
    for (int r = 0; r < KNOWN_ROLES.length; r++) {
      if (KNOWN_ROLES[r] == invitation.role) {
        return ROLE_PARTS[limit][r];
      }
    }
    return rolePart(invitation.limitServices, invitation.role);
  }

  private static byte[] rolePart(boolean limitServices, String role) {
    return new JsonWriter(64)
        .raw(LIMIT_SERVICES)
        .append(limitServices)
        .raw(ROLE)
        .string(role)
        .raw(ROLES)
        .toByteArray();
  }

  /**
   * Writes one invitation. A create answer always carries {@code service_invitations} (an empty
   * list when there are none); a list item carries it only when there are some, as Fastly's list
   * answers do.
   */
  static void invitation(JsonWriter out, StoredInvitation invitation, boolean created) {
    out.raw(ID)
        .append(invitation.id) // ids are alphanumeric: nothing to escape
        .raw(EMAIL)
        .string(invitation.email)
        .raw(rolePart(invitation));
    for (int i = 0; i < invitation.roles.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.string(invitation.roles[i]);
    }
    int code = invitation.statusCode;
    if (code >= 0 && code < STATUS_PARTS.length) {
      out.raw(STATUS_PARTS[code]);
    } else {
      out.raw(STATUS_CODE).append(code).raw(CREATED_AT);
    }
    out.timestamp(invitation.createdAt)
        .raw(UPDATED_AT)
        .timestamp(invitation.updatedAt)
        .raw(CUSTOMER)
        .raw(invitation.customer.quotedId);
    if (!created && invitation.grants.length == 0) {
      out.raw(END);
      return;
    }
    out.raw(SERVICE_INVITATIONS);
    for (int i = 0; i < invitation.grants.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.raw(SERVICE_INVITATION).string(invitation.grants[i].id).append('}');
    }
    out.raw(END_WITH_SERVICE_INVITATIONS);
  }
}
