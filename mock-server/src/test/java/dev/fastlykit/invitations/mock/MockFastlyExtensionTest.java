package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MockFastlyExtensionTest {
  @RegisterExtension
  static final MockFastlyExtension FASTLY = new MockFastlyExtension(b -> b.writeLimit(7));

  @Test
  @Order(1)
  void theServerIsInjectedAndConfigured(MockFastlyServer server) {
    assertThat(server).isSameAs(FASTLY.server());
    assertThat(server.writeLimit()).isEqualTo(7);
    server.addInvitation(MockFastlyServer.DEMO_SUPERUSER_TOKEN, "ada@example.com", "user");
    assertThat(server.invitationCount()).isEqualTo(4);
  }

  @Test
  @Order(2)
  void eachTestStartsFromTheStartingState(MockFastlyServer server) {
    assertThat(server.invitationCount()).isEqualTo(3);
    assertThat(new Http(server).get("/invitations", MockFastlyServer.DEMO_SUPERUSER_TOKEN).status)
        .isEqualTo(200);
  }
}
