package com.example.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import dev.fastlykit.invitations.mock.junit5.MockFastlyExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application's test, with the spec checked on every exchange: had a request of the SDK or an
 * answer of the mock server broken the spec, the extension would fail the test and name it.
 */
class TeamInviterTest {
  // README:begin validating-extension
  @RegisterExtension
  static final MockFastlyExtension FASTLY = new MockFastlyExtension(b -> b.validate(true));
  // README:end

  @Test
  void invitesEachAddressAsAnEngineer(MockFastlyServer fastly) {
    try (InvitationsClient client =
        InvitationsClient.builder()
            .apiToken(MockFastlyServer.DEMO_SUPERUSER_TOKEN)
            .baseUrl(fastly.url())
            .build()) {
      new TeamInviter(client).invite(List.of("ada@example.com", "grace@example.com"));

      assertEquals(2, fastly.requestCount("POST", "/invitations"));
      assertTrue(client.listAll().stream().anyMatch(i -> i.email().equals("grace@example.com")));
    }
  }
}
