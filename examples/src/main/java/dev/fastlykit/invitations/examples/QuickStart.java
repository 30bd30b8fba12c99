package dev.fastlykit.invitations.examples;

import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.Role;
import java.io.PrintStream;

/** Invite someone, list every pending invitation, and take the invitation back. */
public final class QuickStart {
  public static void main(String... args) {
    try (ExampleSetup setup = ExampleSetup.fromEnvironment()) {
      run(setup.apiToken(), setup.baseUrl(), System.out);
    }
  }

  static void run(String apiToken, String baseUrl, PrintStream out) {
    // README:begin quick-start (a README shows this region: see ReadmeSnippetTest)
    try (InvitationsClient client =
        InvitationsClient.builder().apiToken(apiToken).baseUrl(baseUrl).build()) {
      Invitation invitation =
          client.create(
              NewInvitation.builder().email("ada@example.com").role(Role.ENGINEER).build());
      out.println("Invited " + invitation.email() + " as " + invitation.role());

      for (Invitation pending : client.listAll()) {
        out.println("Pending: " + pending.email() + " (" + pending.role() + ")");
      }

      client.delete(invitation.id());
      out.println("Deleted the invitation of " + invitation.email());
    }
    // README:end
  }
}
