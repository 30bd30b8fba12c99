package dev.fastlykit.invitations.examples;

import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.Role;
import java.util.List;

/**
 * The code under test in the examples of testing with the mock server: yours. It only knows the
 * SDK.
 */
final class TeamInviter {
  private final InvitationsClient client;

  TeamInviter(InvitationsClient client) {
    this.client = client;
  }

  int invite(List<String> emails) {
    emails.forEach(
        email -> client.create(NewInvitation.builder().email(email).role(Role.ENGINEER).build()));
    return emails.size();
  }
}
