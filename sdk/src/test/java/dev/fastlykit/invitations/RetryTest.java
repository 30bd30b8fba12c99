package dev.fastlykit.invitations;

import static dev.fastlykit.invitations.Fixtures.created;
import static dev.fastlykit.invitations.Fixtures.error;
import static dev.fastlykit.invitations.Fixtures.jsonApi;
import static dev.fastlykit.invitations.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {
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

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void listIsRetriedOnTransientStatuses(int status) {
    server.enqueue(error(status, "Try again", null));
    server.enqueue(jsonApi(200, page(1, 20, 3, true, true)));

    assertThat(client.list().items()).hasSize(3);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 500, 502, 503, 504})
  void deleteIsRetriedOnTransientStatuses(int status) {
    server.enqueue(error(status, "Try again", null));
    server.enqueue(Fixtures.noContent());

    client.delete("4Lq8Vd2Kx9Tn3Rb6Yh1WsZ");

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 405, 413, 415, 501})
  void otherStatusesAreNotRetried(int status) {
    server.enqueue(error(status, "No", null));

    assertThatThrownBy(() -> client.list()).isInstanceOf(FastlyApiException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timer.sleeps).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 500, 502, 503, 504})
  void createIsNotRetriedOnStatusesAfterTheServerMayHaveActed(int status) {
    server.enqueue(error(status, "Oops", null));

    assertThatThrownBy(
            () -> client.create(NewInvitation.builder().email("ada@example.com").build()))
        .isInstanceOf(FastlyApiException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createIsRetriedOn429() {
    server.enqueue(error(429, "Too Many Requests", null).setHeader("Retry-After", "2"));
    server.enqueue(jsonApi(200, created("6Xr2Bt8Wq5Zp1Nc4Mv7KsD", "ada@example.com")));

    Invitation invitation = client.create(NewInvitation.builder().email("ada@example.com").build());

    assertThat(invitation.id()).isEqualTo("6Xr2Bt8Wq5Zp1Nc4Mv7KsD");
    assertThat(timer.sleeps).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void createIsNotRetriedWhenTheConnectionDropsAfterTheRequestWasSent() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(jsonApi(200, created("6Xr2Bt8Wq5Zp1Nc4Mv7KsD", "ada@example.com")));

    assertThatThrownBy(
            () -> client.create(NewInvitation.builder().email("ada@example.com").build()))
        .isInstanceOf(FastlyConnectionException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void listIsRetriedWhenTheConnectionDrops() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(jsonApi(200, page(1, 20, 1, true, true)));

    assertThat(client.list().items()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void createIsRetriedWhenTheConnectionCouldNotBeMade() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (InvitationsClient unreachable =
        Fixtures.builder(server, timer).baseUrl("http://127.0.0.1:" + closedPort).build()) {
      assertThatThrownBy(
              () -> unreachable.create(NewInvitation.builder().email("ada@example.com").build()))
          .isInstanceOf(FastlyConnectionException.class)
          .hasMessageContaining("after 3 attempts");
    }
    assertThat(timer.sleeps).hasSize(2);
  }

  @Test
  void givesUpAfterMaxRetriesWithTheLastError() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(error(503, "Service Unavailable", "attempt " + i));
    }

    assertThatThrownBy(() -> client.list())
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("attempt 2");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void backoffGrowsExponentiallyWithJitter() throws Exception {
    client.close();
    client = Fixtures.builder(server, timer).maxRetries(5).build();
    for (int i = 0; i < 6; i++) {
      server.enqueue(error(503, "Service Unavailable", null));
    }

    assertThatThrownBy(() -> client.list()).isInstanceOf(ServerException.class);

    assertThat(timer.sleeps).hasSize(5);
    long[] ceilings = {500, 1000, 2000, 4000, 8000};
    for (int i = 0; i < 5; i++) {
      assertThat(timer.sleeps.get(i).toMillis()).isBetween(ceilings[i] * 3 / 4, ceilings[i]);
    }
  }

  @Test
  void maxRetriesZeroTurnsRetriesOff() throws Exception {
    client.close();
    client = Fixtures.builder(server, timer).maxRetries(0).build();
    server.enqueue(error(503, "Service Unavailable", null));

    assertThatThrownBy(() -> client.list()).isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    server.enqueue(error(503, "Service Unavailable", null).setHeader("Retry-After", "7"));
    server.enqueue(jsonApi(200, page(1, 20, 0, true, true)));

    client.list();

    assertThat(timer.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    String in12Seconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.ofInstant(Fixtures.NOW.plusSeconds(12), ZoneOffset.UTC));
    server.enqueue(error(503, "Service Unavailable", null).setHeader("Retry-After", in12Seconds));
    server.enqueue(jsonApi(200, page(1, 20, 0, true, true)));

    client.list();

    assertThat(timer.sleeps).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void aRateLimitWaitsUntilTheReset() {
    server.enqueue(
        error(429, "Too Many Requests", null)
            .setHeader("Fastly-RateLimit-Remaining", "0")
            .setHeader("Fastly-RateLimit-Reset", Fixtures.NOW.plusSeconds(20).getEpochSecond()));
    server.enqueue(Fixtures.noContent());

    client.delete("4Lq8Vd2Kx9Tn3Rb6Yh1WsZ");

    assertThat(timer.sleeps).containsExactly(Duration.ofSeconds(20));
  }

  @Test
  void aRateLimitResetBeyondMaxRetryDelayThrowsAtOnce() {
    server.enqueue(
        error(429, "Too Many Requests", null)
            .setHeader("Fastly-RateLimit-Remaining", "0")
            .setHeader("Fastly-RateLimit-Reset", Fixtures.NOW.plusSeconds(1800).getEpochSecond()));

    assertThatThrownBy(
            () -> client.create(NewInvitation.builder().email("ada@example.com").build()))
        .isInstanceOf(RateLimitException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timer.sleeps).isEmpty();
  }

  @Test
  void aReadTimeoutIsRetriedForAListAndSurfacesAsAConnectionException() throws Exception {
    client.close();
    client = Fixtures.builder(server, timer).readTimeout(Duration.ofMillis(200)).build();
    for (int i = 0; i < 3; i++) {
      server.enqueue(jsonApi(200, page(1, 20, 0, true, true)).setHeadersDelay(2, TimeUnit.SECONDS));
    }

    assertThatThrownBy(() -> client.list())
        .isInstanceOf(FastlyConnectionException.class)
        .hasCauseInstanceOf(SocketTimeoutException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aCallTimeoutBoundsEachAttempt() throws Exception {
    client.close();
    client =
        Fixtures.builder(server, timer).maxRetries(0).callTimeout(Duration.ofMillis(300)).build();
    server.enqueue(
        jsonApi(200, page(1, 20, 0, true, true)).throttleBody(10, 100, TimeUnit.MILLISECONDS));

    long start = System.nanoTime();
    assertThatThrownBy(() -> client.list()).isInstanceOf(FastlyConnectionException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aCallTimeoutOfZeroIsNoDeadline() throws Exception {
    client.close();
    client = Fixtures.builder(server, timer).maxRetries(0).callTimeout(Duration.ZERO).build();
    // Slower than the 300 ms that cuts the answer above off: about three quarters of a second.
    server.enqueue(
        jsonApi(200, page(1, 20, 0, true, true)).throttleBody(10, 50, TimeUnit.MILLISECONDS));

    long start = System.nanoTime();
    assertThat(client.list().items()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(300));
  }
}
