package dev.fastlykit.invitations.examples;

import dev.fastlykit.invitations.ApiResponse;
import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.Page;
import dev.fastlykit.invitations.Permission;
import dev.fastlykit.invitations.Role;
import java.io.PrintStream;

/**
 * The SDK's README in one method: service permissions, one page, every page, async, the raw
 * response with its rate limit. It takes back what it creates.
 */
public final class SdkTour {
  private SdkTour() {}

  public static void main(String... args) {
    try (ExampleSetup setup = ExampleSetup.fromEnvironment()) {
      run(setup.apiToken(), setup.baseUrl(), System.out);
    }
  }

  static void run(String apiToken, String baseUrl, PrintStream out) {
    // README:begin sdk-tour (a README shows this region: see ReadmeSnippetTest)
    try (InvitationsClient client =
        InvitationsClient.builder().apiToken(apiToken).baseUrl(baseUrl).build()) {
      Invitation invitation =
          client.create(
              NewInvitation.builder()
                  .email("ada@example.com")
                  .role(Role.ENGINEER)
                  .limitServices(true)
                  .service("SU1Z0isxPaozGVKXdv0eY", Permission.PURGE_SELECT)
                  .build());

      Page<Invitation> page = client.list(1, 20); // one page: items(), hasNext(), totalRecords()
      out.println(page.totalRecords() + " pending");
      for (Invitation pending : client.listAll()) { // every page, fetched lazily 100 at a time
        out.println(pending.email() + " " + pending.role());
      }
      client.delete(invitation.id());

      client.async().list().thenAccept(p -> out.println(p.items().size() + " on page 1")).join();
      ApiResponse<Invitation> raw =
          client
              .withRawResponse()
              .create(NewInvitation.builder().email("grace@example.com").build());
      raw.rateLimit().ifPresent(limit -> out.println(limit.remaining() + " writes left"));
      client.delete(raw.body().id());
    }
    // README:end
  }
}
