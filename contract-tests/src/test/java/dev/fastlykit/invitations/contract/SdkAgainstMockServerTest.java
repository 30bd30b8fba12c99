package dev.fastlykit.invitations.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fastlykit.invitations.ApiResponse;
import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.Page;
import dev.fastlykit.invitations.Permission;
import dev.fastlykit.invitations.PermissionDeniedException;
import dev.fastlykit.invitations.RateLimitException;
import dev.fastlykit.invitations.Role;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import dev.fastlykit.invitations.mock.junit5.MockFastlyExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A program written only against the SDK's public names, run against the mock server. */
@ExtendWith(MockFastlyExtension.class)
class SdkAgainstMockServerTest {
  @Test
  void createListListAllAndDeleteWorkEndToEnd(MockFastlyServer server) throws Exception {
    try (InvitationsClient client = client(server, MockFastlyServer.DEMO_SUPERUSER_TOKEN)) {
      Invitation grace =
          client.create(
              NewInvitation.builder()
                  .email("grace@example.com")
                  .role(Role.ENGINEER)
                  .limitServices(true)
                  .service("SU1Z0isxPaozGVKXdv0eY", Permission.PURGE_SELECT)
                  .build());
      for (int i = 0; i < 150; i++) {
        client.create(NewInvitation.builder().email("person" + i + "@example.com").build());
      }

      Page<Invitation> first = client.list(1, 20);
      List<String> everyone =
          client.listAll().stream().map(Invitation::email).collect(Collectors.toList());
      client.delete(grace.id());
      Page<Invitation> asyncPage = client.async().list(1, 5).get(10, TimeUnit.SECONDS);

      assertThat(grace.role()).isEqualTo(Role.ENGINEER);
      assertThat(grace.serviceInvitationIds()).hasSize(1);
      assertThat(grace.customerId()).isEqualTo("7mH1CzgJ0wPq3n5VdYk2Lr");
      assertThat(first.totalRecords()).isEqualTo(153);
      assertThat(first.hasNext()).isTrue();
      // Oldest first; invitations created in the same second are ordered by their random ids.
      assertThat(everyone).hasSize(153).startsWith("dennis@example.com", "frances@example.com");
      assertThat(everyone).contains("grace@example.com").doesNotHaveDuplicates();
      assertThat(client.list().totalRecords()).isEqualTo(152);
      assertThat(asyncPage.items()).hasSize(5);
    }
  }

  @Test
  void rawResponsesShowTheWriteBudget(MockFastlyServer server) {
    try (InvitationsClient client = client(server, MockFastlyServer.DEMO_SUPERUSER_TOKEN)) {
      ApiResponse<Invitation> response =
          client.withRawResponse().create(NewInvitation.builder().email("ada@example.com").build());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.rateLimit().get().remaining()).isEqualTo(999);
    }
  }

  @Test
  void theRoleRulesSurfaceAsTypedExceptions(MockFastlyServer server) {
    try (InvitationsClient engineer = client(server, MockFastlyServer.DEMO_ENGINEER_TOKEN)) {
      assertThatThrownBy(
              () ->
                  engineer.create(
                      NewInvitation.builder()
                          .email("ada@example.com")
                          .role(Role.SUPERUSER)
                          .build()))
          .isInstanceOf(PermissionDeniedException.class)
          .hasMessageContaining("HTTP 403 Forbidden");
    }
  }

  @Test
  void aSpentBudgetIsARateLimitException(MockFastlyServer server) {
    server.writeLimit(0);

    try (InvitationsClient client = client(server, MockFastlyServer.DEMO_SUPERUSER_TOKEN)) {
      RateLimitException e =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              RateLimitException.class, () -> client.delete("4Lq8Vd2Kx9Tn3Rb6Yh1WsZ"));
      assertThat(e.resetAt()).isPresent();
    }
  }

  private static InvitationsClient client(MockFastlyServer server, String token) {
    return InvitationsClient.builder().apiToken(token).baseUrl(server.url()).build();
  }
}
