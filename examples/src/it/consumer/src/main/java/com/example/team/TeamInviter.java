package com.example.team;

import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.Role;
import java.util.ArrayList;
import java.util.List;

/** The application's own code: invites a team as engineers. */
public final class TeamInviter {
  private final InvitationsClient client;

  public TeamInviter(InvitationsClient client) {
    this.client = client;
  }

  public List<Invitation> invite(List<String> emails) {
    List<Invitation> sent = new ArrayList<>();
    for (String email : emails) {
      sent.add(client.create(NewInvitation.builder().email(email).role(Role.ENGINEER).build()));
    }
    return sent;
  }
}
