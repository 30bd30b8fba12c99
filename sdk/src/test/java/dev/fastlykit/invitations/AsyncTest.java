package dev.fastlykit.invitations;

import static dev.fastlykit.invitations.Fixtures.created;
import static dev.fastlykit.invitations.Fixtures.error;
import static dev.fastlykit.invitations.Fixtures.jsonApi;
import static dev.fastlykit.invitations.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AsyncTest {
  private final MockWebServer server = new MockWebServer();
  private final Fixtures.RecordingTimer timer = new Fixtures.RecordingTimer();
  private InvitationsClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = Fixtures.builder(server, timer).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  @Test
  void createListAndDeleteComplete() throws Exception {
    server.enqueue(jsonApi(200, created("6Xr2Bt8Wq5Zp1Nc4Mv7KsD", "ada@example.com")));
    server.enqueue(jsonApi(200, page(1, 20, 2, true, true)));
    server.enqueue(Fixtures.noContent());

    Invitation invitation =
        client
            .async()
            .create(NewInvitation.builder().email("ada@example.com").build())
            .get(5, TimeUnit.SECONDS);
    Page<Invitation> page = client.async().list(1, 20).get(5, TimeUnit.SECONDS);
    client.async().delete(invitation.id()).get(5, TimeUnit.SECONDS);

    assertThat(invitation.email()).isEqualTo("ada@example.com");
    assertThat(page.items()).hasSize(2);
    assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
    assertThat(server.takeRequest().getPath())
        .isEqualTo("/invitations?page%5Bnumber%5D=1&page%5Bsize%5D=20");
    assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
  }

  @Test
  void retriesAreScheduledNotSlept() throws Exception {
    // Closed after the 503, so that the drop comes on a new connection and counts as a retry.
    server.enqueue(
        error(503, "Service Unavailable", null)
            .setHeader("Retry-After", "3")
            .setHeader("Connection", "close"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(jsonApi(200, page(1, 20, 1, true, true)));

    Page<Invitation> page = client.async().list().get(5, TimeUnit.SECONDS);

    assertThat(page.items()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timer.scheduled).hasSize(2).startsWith(Duration.ofSeconds(3));
    assertThat(timer.sleeps).isEmpty();
  }

  @Test
  void anAsyncCallSpendsItsRetriesThenFailsWithTheLastAnswer() {
    // More 503s than the two retries allow, then a success that only a client over budget sees.
    for (int i = 0; i < 5; i++) {
      server.enqueue(error(503, "Service Unavailable", null));
    }
    server.enqueue(jsonApi(200, page(1, 20, 1, true, true)));

    CompletableFuture<Page<Invitation>> future = client.async().list();

    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ServerException.class)
        .extracting(e -> ((ServerException) e).statusCode())
        .isEqualTo(503);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timer.scheduled).hasSize(2);
  }

  @Test
  void aCreateIsNotRetriedAfterTheRequestWasSent() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(jsonApi(200, created("6Xr2Bt8Wq5Zp1Nc4Mv7KsD", "ada@example.com")));

    CompletableFuture<Invitation> future =
        client.async().create(NewInvitation.builder().email("ada@example.com").build());

    assertThatThrownBy(future::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(FastlyConnectionException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void errorsCompleteTheFutureWithTheTypedException() {
    server.enqueue(error(404, "Record not found", "Cannot find invitation 'x'"));

    CompletableFuture<Void> future = client.async().delete("x");

    assertThatThrownBy(future::join).hasCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void badArgumentsAreRejectedAtOnce() {
    assertThatThrownBy(() -> client.async().list(0, 20))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
