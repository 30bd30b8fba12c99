package dev.fastlykit.invitations.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fastlykit.invitations.FastlyConnectionException;
import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.mock.FaultRule;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import dev.fastlykit.invitations.mock.junit5.MockFastlyExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Fastly's bad days for a create, which is not idempotent: the SDK sends it again only when it is
 * sure Fastly did not take it (a 429, or a request that never left), never after a dropped
 * connection or a timeout (the invitations are counted afterwards).
 */
@ExtendWith(MockFastlyExtension.class)
// Mostly waiting, so beside the other classes (SdkFaultToleranceTest's own waits included); one
// server, so its tests in turn.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("sdk-creates-once")
class SdkCreatesOnceTest {
  @Test
  void aCreateWaitsOutA429AndIsCreatedOnce(MockFastlyServer server) {
    server.addFault(
        FaultRule.on("POST", "/invitations")
            .status(429)
            .header("Retry-After", "1")
            .times(1)
            .build());

    try (InvitationsClient client = FaultyDays.client(server, Duration.ofSeconds(10))) {
      Invitation created = client.create(NewInvitation.builder().email("ada@example.com").build());
      assertThat(created.email()).isEqualTo("ada@example.com");
    }
    assertThat(server.requestCount("POST", "/invitations")).isEqualTo(2);
    assertThat(server.invitationCount()).isEqualTo(4);
  }

  @Test
  void aCreateIsNeverSentTwiceWhenTheConnectionDrops(MockFastlyServer server) throws Exception {
    server.addFault(FaultRule.on("POST", "/invitations").dropConnection().times(1).build());

    try (InvitationsClient client = FaultyDays.client(server, Duration.ofSeconds(10))) {
      assertThatThrownBy(
              () -> client.create(NewInvitation.builder().email("ada@example.com").build()))
          .isInstanceOf(FastlyConnectionException.class);
    }
    assertThat(FaultyDays.recorded(server, "POST")).isEqualTo(1);
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  @Test
  void aSlowCreateThatTimesOutIsNotSentAgain(MockFastlyServer server) throws Exception {
    server.addFault(FaultRule.on("POST", "/invitations").delay(Duration.ofSeconds(1)).build());

    try (InvitationsClient client = FaultyDays.client(server, Duration.ofMillis(300))) {
      assertThatThrownBy(
              () -> client.create(NewInvitation.builder().email("ada@example.com").build()))
          .isInstanceOf(FastlyConnectionException.class);
    }
    Thread.sleep(1_500); // the server finishes the one request it got
    assertThat(server.requestCount("POST", "/invitations")).isEqualTo(1);
    assertThat(server.invitationCount()).isEqualTo(4);
  }
}
