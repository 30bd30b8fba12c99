package dev.fastlykit.invitations.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.PermissionDeniedException;
import dev.fastlykit.invitations.Role;
import dev.fastlykit.invitations.mock.FaultRule;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import dev.fastlykit.invitations.mock.junit5.MockFastlyExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How to test your own code that calls Fastly: MockFastlyExtension gives the class a mock server on
 * a free port, back to the demo account before each test.
 */
@ExtendWith(MockFastlyExtension.class)
class UsingTheMockServerInTests {
  @Test
  void invitesTheWholeTeam(MockFastlyServer fastly) {
    try (InvitationsClient client = client(fastly, MockFastlyServer.DEMO_SUPERUSER_TOKEN)) {
      new TeamInviter(client).invite(List.of("ada@example.com", "grace@example.com"));

      assertThat(fastly.requestCount("POST", "/invitations")).isEqualTo(2);
      assertThat(client.list().totalRecords()).isEqualTo(4); // the demo account had 2
    }
  }

  @Test
  void anEngineerCannotInviteASuperuser(MockFastlyServer fastly) {
    try (InvitationsClient client = client(fastly, MockFastlyServer.DEMO_ENGINEER_TOKEN)) {
      assertThatThrownBy(
              () ->
                  client.create(
                      NewInvitation.builder()
                          .email("ada@example.com")
                          .role(Role.SUPERUSER)
                          .build()))
          .isInstanceOf(PermissionDeniedException.class);
    }
  }

  @Test
  void survivesABadMinuteAtFastly(MockFastlyServer fastly) {
    fastly.addFault(FaultRule.on("GET", "/invitations").status(503).times(2).build());

    try (InvitationsClient client = client(fastly, MockFastlyServer.DEMO_SUPERUSER_TOKEN)) {
      assertThat(client.list().items()).hasSize(2); // the SDK retried twice
    }
  }

  @Test
  void eachTestStartsFromTheDemoAccount(MockFastlyServer fastly) {
    assertThat(fastly.invitationCount()).isEqualTo(3); // whatever the other tests did
  }

  private static InvitationsClient client(MockFastlyServer fastly, String token) {
    return InvitationsClient.builder().apiToken(token).baseUrl(fastly.url()).build();
  }
}
