package dev.fastlykit.invitations.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import dev.fastlykit.invitations.mock.junit5.MockFastlyExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// README:begin team-inviter-test (a README shows this region: see ReadmeSnippetTest)
@ExtendWith(MockFastlyExtension.class)
class TeamInviterTest {
  @Test
  void invitesTheTeam(MockFastlyServer fastly) { // its own server, reset before each test
    try (InvitationsClient client =
        InvitationsClient.builder()
            .apiToken(MockFastlyServer.DEMO_SUPERUSER_TOKEN)
            .baseUrl(fastly.url())
            .build()) {
      new TeamInviter(client).invite(List.of("ada@example.com", "grace@example.com"));
    }
    assertThat(fastly.requestCount("POST", "/invitations")).isEqualTo(2);
  }
}
// README:end
