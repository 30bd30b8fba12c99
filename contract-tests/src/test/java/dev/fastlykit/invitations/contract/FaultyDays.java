package dev.fastlykit.invitations.contract;

import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What the fault-tolerance tests share: a client of the demo account, and the server's count. */
final class FaultyDays {
  private FaultyDays() {}

  /**
   * The requests the server recorded, once it has: a dropped connection reaches the client before
   * the server's journal has the request.
   */
  static int recorded(MockFastlyServer server, String method) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.requestCount(method, "/invitations") == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(200); // a second request, were there one, would be recorded by now
    return server.requestCount(method, "/invitations");
  }

  static InvitationsClient client(MockFastlyServer server, Duration readTimeout) {
    return InvitationsClient.builder()
        .apiToken(MockFastlyServer.DEMO_SUPERUSER_TOKEN)
        .baseUrl(server.url())
        .readTimeout(readTimeout)
        .build();
  }
}
