package dev.fastlykit.invitations;

import static dev.fastlykit.invitations.Fixtures.error;
import static dev.fastlykit.invitations.Fixtures.jsonApi;
import static dev.fastlykit.invitations.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How calls are run: what a failure says, where requests go, and what a client owns. */
class TransportTest {
  private final MockWebServer server = new MockWebServer();
  private final Fixtures.RecordingTimer timer = new Fixtures.RecordingTimer();
  @RegisterExtension final SdkLogs logs = new SdkLogs();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void everyOutcomeOfACallIsLoggedOnceWithItsDurationAndRetries(boolean async) {
    server.enqueue(error(503, "Service Unavailable", null));
    server.enqueue(jsonApi(200, page(1, 20, 0, true, true)));
    server.enqueue(error(404, "Record not found", null));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(jsonApi(200, "{\"data\":\"not a list\"}"));
    try (InvitationsClient client = Fixtures.builder(server, timer).maxRetries(1).build()) {
      call(async, () -> client.list(), () -> client.async().list());
      call(async, () -> client.delete("x"), () -> client.async().delete("x"));
      call(
          async,
          () -> client.create(NewInvitation.builder().email("a@b.co").build()),
          () -> client.async().create(NewInvitation.builder().email("a@b.co").build()));
      call(async, () -> client.list(), () -> client.async().list());
    }

    List<String> lines = logs.events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).matches("GET http://\\S+/invitations -> 200 in (\\d+) ms, 1 retry");
    assertThat(lines.get(1))
        .matches("DELETE http://\\S+/invitations/x -> 404 in (\\d+) ms, 0 retries");
    assertThat(lines.get(2))
        .matches("POST http://\\S+/invitations -> \\w+Exception in (\\d+) ms, 0 retries");
    assertThat(lines.get(3))
        .matches("GET http://\\S+/invitations -> unreadable body in (\\d+) ms, 0 retries");
    for (String line : lines) {
      long millis = Long.parseLong(line.replaceAll(".* in (\\d+) ms.*", "$1"));
      assertThat(millis).as(line).isBetween(0L, 60_000L);
    }
  }

  /** Runs one call, blocking or not, and lets its failure pass: the log is what is checked. */
  private static void call(
      boolean async, Runnable blocking, Supplier<CompletableFuture<?>> nonBlocking) {
    try {
      if (async) {
        nonBlocking.get().get(5, TimeUnit.SECONDS);
      } else {
        blocking.run();
      }
    } catch (FastlyException | ExecutionException expected) {
      // logged
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anErrorBodyIsReleasedBeforeARetryAndOwnedConnectionsAreClosedWithTheClient() {
    OkHttpClient http = new OkHttpClient();
    Transport transport =
        new Transport(
            http,
            true,
            server.url("/").toString(),
            new RetryPolicy(2, Duration.ofSeconds(30), java.time.Clock.systemUTC()),
            timer);
    server.enqueue(error(503, "Service Unavailable", null));
    server.enqueue(jsonApi(200, page(1, 20, 0, true, true)));

    transport.execute(transport.api.listInvitations(null, null));

    // Both answers came on one connection: the 503's body was read and released first.
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(http.connectionPool().connectionCount()).isEqualTo(1);
    assertThat(http.connectionPool().idleConnectionCount()).isEqualTo(1);
    transport.close();
    assertThat(http.connectionPool().connectionCount()).isZero();
    assertThat(http.dispatcher().executorService().isShutdown()).isTrue();
  }

  @Test
  void aConnectionFailureSaysHowManyAttemptsWereMade() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    }
    try (InvitationsClient client = Fixtures.builder(server, timer).build()) {
      FastlyConnectionException e =
          catchThrowableOfType(FastlyConnectionException.class, client::list);

      assertThat(e.getMessage())
          .startsWith("GET " + server.url("/invitations") + " failed after 3 attempts: ");
      assertThat(e.getCause()).isNotNull();
    }
  }

  @Test
  void aFailureOfTheOnlyAttemptSaysNoCount() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    try (InvitationsClient client = Fixtures.builder(server, timer).maxRetries(0).build()) {
      FastlyConnectionException e =
          catchThrowableOfType(FastlyConnectionException.class, client::list);

      assertThat(e.getMessage()).startsWith("GET " + server.url("/invitations") + " failed: ");
    }
  }

  @Test
  void aBodyThatCannotBeReadSaysSoForSyncAndAsyncCalls() {
    server.enqueue(jsonApi(200, "{\"data\":\"not a list\"}"));
    server.enqueue(jsonApi(200, "{\"data\":\"not a list\"}"));
    try (InvitationsClient client = Fixtures.builder(server, timer).build()) {
      FastlyException sync = catchThrowableOfType(FastlyException.class, client::list);
      Throwable async =
          catchThrowableOfType(CompletionException.class, () -> client.async().list().join())
              .getCause();

      for (Throwable e : List.of(sync, async)) {
        assertThat(e.getCause()).isNotNull().isNotInstanceOf(UnreadableBody.class);
        assertThat(e)
            .isExactlyInstanceOf(InvalidResponseException.class)
            .hasMessageStartingWith(
                "GET " + server.url("/invitations") + " answered with a body this SDK cannot read");
      }
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/prefix", "/prefix/"})
  void requestsGoBelowTheBaseUrlsPathWithOrWithoutItsSlash(String path) throws Exception {
    server.enqueue(jsonApi(200, page(1, 20, 0, true, true)));
    try (InvitationsClient client =
        Fixtures.builder(server, timer).baseUrl(server.url(path).toString()).build()) {
      client.list();
    }

    assertThat(server.takeRequest().getPath()).isEqualTo("/prefix/invitations");
  }

  @Test
  void closingAClientStopsTheConnectionsItOwnsButNotACallersClient() throws Exception {
    OkHttpClient callers = new OkHttpClient();
    server.enqueue(jsonApi(200, page(1, 20, 0, true, true)));
    server.enqueue(jsonApi(200, page(1, 20, 0, true, true)));

    try (InvitationsClient client = Fixtures.builder(server, timer).okHttpClient(callers).build()) {
      client.async().list().get(5, TimeUnit.SECONDS);
    }
    assertThat(callers.dispatcher().executorService().isShutdown()).isFalse();

    InvitationsClient owning = Fixtures.builder(server, timer).build();
    owning.async().list().get(5, TimeUnit.SECONDS);
    owning.close();
    assertThatThrownBy(() -> owning.async().list().join())
        .hasCauseInstanceOf(FastlyConnectionException.class);
    callers.dispatcher().executorService().shutdown();
  }

  @Test
  void aThreadInterruptedWhileWaitingToRetryStopsAndStaysInterrupted() {
    server.enqueue(error(503, "Service Unavailable", null));
    RetryTimer interrupted =
        new RetryTimer() {
          @Override
          public void sleep(Duration delay) throws InterruptedException {
            throw new InterruptedException();
          }

          @Override
          public void schedule(Duration delay, Runnable task) {
            task.run();
          }
        };
    try (InvitationsClient client =
        InvitationsClient.builder()
            .apiToken(Fixtures.TOKEN)
            .baseUrl(server.url("/").toString())
            .retryTimer(interrupted)
            .build()) {
      assertThatThrownBy(client::list)
          .isInstanceOf(FastlyConnectionException.class)
          .hasMessage("Interrupted while waiting to retry");
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  @Test
  void aClientSaysWhereItCallsAndHowOftenItRetriesButNeverItsToken() {
    try (InvitationsClient client = Fixtures.builder(server, timer).maxRetries(4).build()) {
      assertThat(client)
          .hasToString("InvitationsClient{baseUrl=" + server.url("/") + ", maxRetries=4}");
    }
  }

  @Test
  void responseHeadersAreMatchedWithoutRegardToCaseAndCannotBeChanged() {
    Map<String, List<String>> headers =
        Transport.headers(Headers.of("Retry-After", "3", "fastly-ratelimit-remaining", "9"));

    assertThat(headers.get("retry-after")).containsExactly("3");
    assertThat(headers.get("Fastly-RateLimit-Remaining")).containsExactly("9");
    assertThatThrownBy(() -> headers.put("x", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
