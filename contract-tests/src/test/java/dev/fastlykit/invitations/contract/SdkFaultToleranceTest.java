package dev.fastlykit.invitations.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fastlykit.invitations.FastlyConnectionException;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.ServerException;
import dev.fastlykit.invitations.mock.FaultRule;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import dev.fastlykit.invitations.mock.junit5.MockFastlyExtension;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Fastly's bad days, played by the mock server's fault rules: idempotent calls get through within
 * the retry budget (SdkCreatesOnceTest has the creates, which are never sent twice).
 */
@ExtendWith(MockFastlyExtension.class)
// Mostly waiting out back-offs, so beside the other classes; one server, so its tests in turn.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("sdk-fault-tolerance")
class SdkFaultToleranceTest {
  @Test
  void listsAreRetriedThroughABurstOf503s(MockFastlyServer server) {
    server.addFault(FaultRule.on("GET", "/invitations").status(503).times(2).build());

    try (InvitationsClient client = FaultyDays.client(server, Duration.ofSeconds(10))) {
      assertThat(client.list().items()).hasSize(2);
    }
    assertThat(server.requestCount("GET", "/invitations")).isEqualTo(3);
  }

  @Test
  void aBurstLongerThanTheRetryBudgetSurfacesTheLastError(MockFastlyServer server) {
    server.addFault(FaultRule.on("GET", "/invitations").status(503).times(3).build());

    try (InvitationsClient client = FaultyDays.client(server, Duration.ofSeconds(10))) {
      assertThatThrownBy(client::list).isInstanceOf(ServerException.class);
    }
    assertThat(server.requestCount("GET", "/invitations")).isEqualTo(3);
  }

  @Test
  void aDroppedConnectionIsRetriedForADelete(MockFastlyServer server) {
    server.addFault(FaultRule.on("DELETE", "/invitations/*").dropConnection().times(1).build());

    try (InvitationsClient client = FaultyDays.client(server, Duration.ofSeconds(10))) {
      client.delete("4Lq8Vd2Kx9Tn3Rb6Yh1WsZ");
    }
    assertThat(server.invitationCount()).isEqualTo(2);
  }

  @Test
  void aSlowListTimesOutIntoAConnectionExceptionAfterItsRetries(MockFastlyServer server)
      throws Exception {
    server.addFault(FaultRule.on("GET", "/invitations").delay(Duration.ofSeconds(1)).build());

    try (InvitationsClient client = FaultyDays.client(server, Duration.ofMillis(300))) {
      assertThatThrownBy(client::list)
          .isInstanceOf(FastlyConnectionException.class)
          .hasCauseInstanceOf(SocketTimeoutException.class);
    }
    // The server journals each attempt when it answers, a second on: wait for all three, so that
    // none lands in the next test's journal after its reset.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.requestCount("GET", "/invitations") < 3 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(server.requestCount("GET", "/invitations")).isEqualTo(3);
  }

  @Test
  void asyncCallsRetryTheSameWay(MockFastlyServer server) throws Exception {
    server.addFault(FaultRule.on("GET", "/invitations").status(503).times(2).build());
    server.addFault(FaultRule.on("POST", "/invitations").dropConnection().times(1).build());

    try (InvitationsClient client = FaultyDays.client(server, Duration.ofSeconds(10))) {
      assertThat(client.async().list().get(30, TimeUnit.SECONDS).items()).hasSize(2);
      assertThatThrownBy(
              () ->
                  client
                      .async()
                      .create(NewInvitation.builder().email("ada@example.com").build())
                      .join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(FastlyConnectionException.class);
    }
    assertThat(server.requestCount("GET", "/invitations")).isEqualTo(3);
    assertThat(FaultyDays.recorded(server, "POST")).isEqualTo(1);
    assertThat(server.invitationCount()).isEqualTo(3);
  }
}
