package dev.fastlykit.invitations.mock.internal.http;

import static dev.fastlykit.invitations.mock.internal.json.JsonWriter.ascii;

import dev.fastlykit.invitations.mock.internal.json.JsonWriter;
import dev.fastlykit.invitations.mock.internal.store.Customer;
import dev.fastlykit.invitations.mock.internal.store.Roles;
import dev.fastlykit.invitations.mock.internal.store.StoredInvitation;

/**
 * Writes stored invitations as JSON:API resource objects. A page of 20 is mostly fixed text, so the
 * fixed parts are encoded once, joined where no value comes between them, and what follows the
 * email is shared by the items of one second and kept with each invitation once written: a typical
 * list item is three copies with room made for each, its id and its email each after the literal
 * before it, then its tail.
 */
final class InvitationJson {
  private static final byte[] ID = ascii("{\"id\":\"");
  private static final byte[] EMAIL =
      ascii("\",\"type\":\"invitation\",\"attributes\":{\"email\":");
  private static final byte[] EMAIL_QUOTE =
      ascii("\",\"type\":\"invitation\",\"attributes\":{\"email\":\"");
  private static final byte[] LIMIT_SERVICES = ascii(",\"limit_services\":");
  private static final byte[] ROLE = ascii(",\"role\":");
  private static final byte[] ROLES = ascii(",\"roles\":[");
  private static final byte[] STATUS_CODE = ascii("],\"status_code\":");
  private static final byte[] CREATED_AT = ascii(",\"created_at\":");
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

  /** The known roles, interned, so that an invitation's is found by identity. */
  private static final String[] KNOWN_ROLES = Roles.ALL.toArray(new String[0]);

  /** Status codes 0 to 9 have their parts made in advance; others are written field by field. */
  private static final int KNOWN_CODES = 10;

  /**
   * {@code ,"limit_services":false,"role":"user","roles":[} for each known role, without and with
   * service limits.
   */
  private static final byte[][][] ROLE_PARTS = new byte[2][KNOWN_ROLES.length][];

  /** {@code ],"status_code":1,"created_at":} for the known codes. */
  private static final byte[][] STATUS_PARTS = new byte[KNOWN_CODES][];

  /**
   * The two joined for an invitation without roles, which is most: {@code
   * ,"limit_services":false,"role":"user","roles":[],"status_code":1,"created_at":}.
   */
  private static final byte[][][][] ATTRIBUTE_PARTS =
      new byte[2][KNOWN_ROLES.length][KNOWN_CODES][];

  static {
    for (int code = 0; code < KNOWN_CODES; code++) {
      STATUS_PARTS[code] =
          new JsonWriter(64).raw(STATUS_CODE).append(code).raw(CREATED_AT).toByteArray();
    }
    for (int limit = 0; limit < 2; limit++) {
      for (int r = 0; r < KNOWN_ROLES.length; r++) {
        ROLE_PARTS[limit][r] = rolePart(limit == 1, KNOWN_ROLES[r]);
        for (int code = 0; code < KNOWN_CODES; code++) {
          ATTRIBUTE_PARTS[limit][r][code] =
              new JsonWriter(128).raw(ROLE_PARTS[limit][r]).raw(STATUS_PARTS[code]).toByteArray();
        }
      }
    }
  }

  /**
   * The timestamps and what follows them up to the customer's id, for one pair of seconds: {@code
   * "2026-01-05T09:00:00Z","updated_at":"2026-01-05T09:00:00Z","deleted_at":null},... "id":}.
   * Immutable, so sharing it across threads races benignly.
   */
  private static final class TimesPart {
    final long createdAt;
    final long updatedAt;
    final byte[] bytes;

    TimesPart(long createdAt, long updatedAt) {
      this.createdAt = createdAt;
      this.updatedAt = updatedAt;
      this.bytes =
          new JsonWriter(160)
              .timestamp(createdAt)
              .raw(UPDATED_AT)
              .timestamp(updatedAt)
              .raw(CUSTOMER)
              .toByteArray();
    }
  }

  // Invitations made in the same second share the part, and a page has runs of those: a small
  // cache of recent pairs, by the creation second.
  private static final TimesPart[] TIMES = new TimesPart[256];

  /**
   * Everything of a usual list item after its email's text, to its last brace: the email's closing
   * quote, its prepared attributes ({@link #ATTRIBUTE_PARTS}), its timestamps ({@link TimesPart})
   * and its customer's relationship, for one set of attributes, pair of seconds and customer.
   * Immutable, so sharing it across threads races benignly.
   */
  private static final class Tail {
    final byte[] attributes;
    final long createdAt;
    final long updatedAt;
    final Customer customer;
    final byte[] bytes;

    Tail(byte[] attributes, long createdAt, long updatedAt, Customer customer) {
      this.attributes = attributes;
      this.createdAt = createdAt;
      this.updatedAt = updatedAt;
      this.customer = customer;
      this.bytes =
          new JsonWriter(attributes.length + 200)
              .append('"')
              .raw(attributes)
              .raw(timesPart(createdAt, updatedAt))
              .raw(customer.quotedId)
              .raw(END)
              .toByteArray();
    }
  }

  // The items of a page share a few of these (one per role among invitations made in the same
  // second): one copy an item instead of four, in a small cache by the seconds and attributes, so
  // that the invitations which keep theirs (StoredInvitation.listTail) share its bytes.
  private static final Tail[] TAILS = new Tail[256];

  private InvitationJson() {}

  private static int knownRole(String role) {
    for (int r = 0; r < KNOWN_ROLES.length; r++) {
      if (KNOWN_ROLES[r] == role) {
        return r;
      }
    }
    return -1;
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

  private static byte[] timesPart(long createdAt, long updatedAt) {
    int slot = (int) (createdAt & (TIMES.length - 1));
    TimesPart part = TIMES[slot];
    if (part == null || part.createdAt != createdAt || part.updatedAt != updatedAt) {
      part = new TimesPart(createdAt, updatedAt);
      TIMES[slot] = part;
    }
    return part.bytes;
  }

  /**
   * Writes one invitation. A create answer always carries {@code service_invitations} (an empty
   * list when there are none); a list item carries it only when there are some, as Fastly's list
   * answers do.
   */
  static void invitation(JsonWriter out, StoredInvitation invitation, boolean created) {
    boolean listed = !created && invitation.grants.length == 0;
    if (invitation.plain) {
      out.rawPlain(ID, invitation.id).rawPlain(EMAIL_QUOTE, invitation.email);
      byte[] tail = listed ? listTail(invitation) : null;
      if (tail != null) {
        out.raw(tail);
        return;
      }
      out.append('"');
    } else {
      out.raw(ID).append(invitation.id).raw(EMAIL).string(invitation.email);
    }
    byte[] attributes = preparedAttributes(invitation);
    if (attributes != null) {
      out.raw(attributes);
    } else {
      attributes(out, invitation);
    }
    out.raw(timesPart(invitation.createdAt, invitation.updatedAt))
        .raw(invitation.customer.quotedId);
    if (listed) {
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

  /**
   * Everything of a listed item after its email's opening quote: its email's closing quote and its
   * {@link Tail}, kept with the invitation once made; null when its attributes are not prepared.
   */
  private static byte[] listTail(StoredInvitation invitation) {
    byte[] tail = invitation.listTail;
    if (tail == null) {
      byte[] attributes = preparedAttributes(invitation);
      if (attributes == null) {
        return null;
      }
      tail = tail(attributes, invitation);
      invitation.listTail = tail;
    }
    return tail;
  }

  private static byte[] tail(byte[] attributes, StoredInvitation invitation) {
    long createdAt = invitation.createdAt;
    int slot = (int) ((createdAt * 31 + System.identityHashCode(attributes)) & (TAILS.length - 1));
    Tail tail = TAILS[slot];
    if (tail == null
        || tail.attributes != attributes
        || tail.createdAt != createdAt
        || tail.updatedAt != invitation.updatedAt
        || tail.customer != invitation.customer) {
      tail = new Tail(attributes, createdAt, invitation.updatedAt, invitation.customer);
      TAILS[slot] = tail;
    }
    return tail.bytes;
  }

  /**
   * From {@code ,"limit_services"} to {@code "created_at":} as prepared, for the usual invitation
   * (a known role, no roles, a status code below ten); null for any other.
   */
  private static byte[] preparedAttributes(StoredInvitation invitation) {
    int role = knownRole(invitation.role);
    int code = invitation.statusCode;
    if (role >= 0 && code >= 0 && code < KNOWN_CODES && invitation.roles.length == 0) {
      return ATTRIBUTE_PARTS[invitation.limitServices ? 1 : 0][role][code];
    }
    return null;
  }

  /** From {@code ,"limit_services"} to {@code "created_at":}, for an invitation not prepared. */
  private static void attributes(JsonWriter out, StoredInvitation invitation) {
    int limit = invitation.limitServices ? 1 : 0;
    int role = knownRole(invitation.role);
    int code = invitation.statusCode;
    boolean knownCode = code >= 0 && code < KNOWN_CODES;
    out.raw(
        role >= 0 ? ROLE_PARTS[limit][role] : rolePart(invitation.limitServices, invitation.role));
    for (int i = 0; i < invitation.roles.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.string(invitation.roles[i]);
    }
    if (knownCode) {
      out.raw(STATUS_PARTS[code]);
    } else {
      out.raw(STATUS_CODE).append(code).raw(CREATED_AT);
    }
  }
}
