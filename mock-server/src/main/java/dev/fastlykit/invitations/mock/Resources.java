package dev.fastlykit.invitations.mock;

/** Writes stored invitations as JSON:API resource objects. */
final class Resources {
  private Resources() {}

  /**
   * Writes one invitation. A create answer always carries {@code service_invitations} (an empty
   * list when there are none); a list item carries it only when there are some, as Fastly's list
   * answers do.
   */
  static void invitation(StringBuilder out, StoredInvitation invitation, boolean created) {
    out.append("{\"id\":\"")
        .append(invitation.id) // ids are alphanumeric: nothing to escape
        .append("\",\"type\":\"invitation\",\"attributes\":{\"email\":");
    Json.string(out, invitation.email);
    out.append(",\"limit_services\":")
        .append(invitation.limitServices)
        .append(",\"role\":\"")
        .append(invitation.role)
        .append("\",\"roles\":[");
    for (int i = 0; i < invitation.roles.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      Json.string(out, invitation.roles[i]);
    }
    out.append("],\"status_code\":").append(invitation.statusCode).append(",\"created_at\":");
    Json.timestamp(out, invitation.createdAt);
    out.append(",\"updated_at\":");
    Json.timestamp(out, invitation.updatedAt);
    out.append(
            ",\"deleted_at\":null},\"relationships\":{\"customer\":{\"data\":{\"type\":\"customer\",\"id\":\"")
        .append(invitation.customer.id)
        .append("\"}}");
    if (created || invitation.grants.length > 0) {
      out.append(",\"service_invitations\":{\"data\":[");
      for (int i = 0; i < invitation.grants.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append("{\"type\":\"service_invitation\",\"id\":\"")
            .append(invitation.grants[i].id)
            .append("\"}");
      }
      out.append("]}");
    }
    out.append("}}");
  }
}
