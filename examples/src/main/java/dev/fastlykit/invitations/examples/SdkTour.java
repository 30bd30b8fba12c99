package dev.fastlykit.invitations.examples;

import dev.fastlykit.invitations.ApiResponse;
import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.Page;
import dev.fastlykit.invitations.Permission;
import dev.fastlykit.invitations.Role;

/**
 * The SDK's README in one method: every call it shows, compiled. It calls Fastly itself with the
 * token in {@code FASTLY_API_TOKEN}; {@link QuickStart} runs against the mock server instead.
 */
public final class SdkTour {
  private SdkTour() {}

  public static void main(String... args) {
    // README:begin sdk-tour (a README shows this region: see ReadmeSnippetTest)
    try (InvitationsClient client =
        InvitationsClient.builder().apiToken(System.getenv("FASTLY_API_TOKEN")).build()) {
      Invitation invitation =
          client.create(
              NewInvitation.builder()
                  .email("ada@example.com")
                  .role(Role.ENGINEER)
                  .limitServices(true)
                  .service("SU1Z0isxPaozGVKXdv0eY", Permission.PURGE_SELECT)
                  .build());

      Page<Invitation> page = client.list(1, 20); // one page: items(), hasNext(), totalRecords()
      for (Invitation pending : client.listAll()) { // every page, fetched lazily 100 at a time
        System.out.println(pending);
      }
      client.delete(invitation.id());

      client.async().list().thenAccept(p -> System.out.println(p.items().size()));
      ApiResponse<Invitation> raw =
          client
              .withRawResponse()
              .create(NewInvitation.builder().email("grace@example.com").build());
      raw.rateLimit().ifPresent(limit -> System.out.println(limit.remaining() + " writes left"));
    }
    // README:end
  }
}
