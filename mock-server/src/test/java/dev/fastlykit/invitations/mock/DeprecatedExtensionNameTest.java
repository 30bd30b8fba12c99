package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tests written against the extension's old name still get a started server, for one release. */
@SuppressWarnings("removal")
@ExtendWith(MockFastlyExtension.class)
class DeprecatedExtensionNameTest {
  @Test
  void theOldNameStillRunsAServer(MockFastlyServer server) {
    assertThat(new Http(server).get("/invitations", ServerTest.SUPERUSER).status).isEqualTo(200);
  }
}
