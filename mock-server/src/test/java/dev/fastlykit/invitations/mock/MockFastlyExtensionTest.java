package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fastlykit.invitations.mock.junit5.MockFastlyExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each test finds the server in its starting state and leaves it changed in every way a test can:
 * whichever runs after another proves the reset, in any order.
 */
class MockFastlyExtensionTest {
  private static final String SUPERUSER = MockFastlyServer.DEMO_SUPERUSER_TOKEN;

  @RegisterExtension
  static final MockFastlyExtension FASTLY = new MockFastlyExtension(b -> b.writeLimit(7));

  @Test
  void theServerIsInjectedConfiguredAndStarted(MockFastlyServer server) {
    assertThat(server).isSameAs(FASTLY.server());
    assertThat(server.writeLimit()).isEqualTo(7);
    assertThat(new Http(server).get("/invitations", SUPERUSER).status).isEqualTo(200);

    dirty(server);
  }

  @RepeatedTest(3)
  void eachTestStartsFromTheStartingState(MockFastlyServer server) {
    assertThat(server.invitationCount()).isEqualTo(3);
    assertThat(server.remainingWrites(SUPERUSER)).isEqualTo(7);
    assertThat(server.writeLimit()).isEqualTo(7);
    assertThat(server.requests()).isEmpty();
    assertThat(new Http(server).get("/invitations", SUPERUSER).status).isEqualTo(200);

    dirty(server);
  }

  /** An invitation, a spent write, a lower limit, a fault rule and journalled requests. */
  private static void dirty(MockFastlyServer server) {
    Http http = new Http(server);
    http.post(
        "/invitations",
        SUPERUSER,
        "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"ada@example.com\"}}}");
    server.writeLimit(3);
    server.addFault(FaultRule.on("GET", "/invitations").status(503).build());
    assertThat(http.get("/invitations", SUPERUSER).status).isEqualTo(503);
    assertThat(server.invitationCount()).isEqualTo(4);
    assertThat(server.requests()).isNotEmpty();
  }
}
