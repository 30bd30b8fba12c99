package dev.fastlykit.invitations;

import static dev.fastlykit.invitations.Fixtures.TOKEN;
import static dev.fastlykit.invitations.Fixtures.jsonApi;
import static dev.fastlykit.invitations.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationTest {
  private final MockWebServer server = new MockWebServer();
  @RegisterExtension final SdkLogs logs = new SdkLogs();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  @Test
  void buildWithoutATokenFailsAtOnceSayingHowToGiveOne() {
    assertThatThrownBy(() -> InvitationsClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apiToken(...)")
        .hasMessageContaining("FASTLY_API_TOKEN");
  }

  @Test
  void fromEnvironmentPrefersFastlyApiTokenThenFastlyApiKey() throws Exception {
    server.enqueue(jsonApi(200, page(1, 20, 0, true, true)));
    server.enqueue(jsonApi(200, page(1, 20, 0, true, true)));
    String url = server.url("/").toString();

    try (InvitationsClient both =
            InvitationsClient.builder()
                .environment(
                    Map.of(
                        "FASTLY_API_TOKEN", "from-token",
                        "FASTLY_API_KEY", "from-key",
                        "FASTLY_API_URL", url))
                .fromEnvironment()
                .build();
        InvitationsClient keyOnly =
            InvitationsClient.builder()
                .environment(Map.of("FASTLY_API_KEY", "from-key", "FASTLY_API_URL", url))
                .fromEnvironment()
                .build()) {
      both.list();
      keyOnly.list();
    }

    assertThat(server.takeRequest().getHeader("Fastly-Key")).isEqualTo("from-token");
    assertThat(server.takeRequest().getHeader("Fastly-Key")).isEqualTo("from-key");
  }

  @Test
  void fromEnvironmentWithoutATokenFailsClearly() {
    assertThatThrownBy(
            () -> InvitationsClient.builder().environment(Map.of()).fromEnvironment().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FASTLY_API_KEY");
  }

  @Test
  void theDefaultBaseUrlIsFastlysApi() {
    try (InvitationsClient client = InvitationsClient.builder().apiToken(TOKEN).build()) {
      assertThat(client.toString()).contains("baseUrl=https://api.fastly.com/");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080",
        "http://127.0.0.1:8080",
        "http://127.8.9.10",
        "http://[::1]:8080"
      })
  void plainHttpIsAllowedToLoopbackHosts(String url) {
    InvitationsClient.builder().apiToken(TOKEN).baseUrl(url).build().close();
  }

  @Test
  void plainHttpToAnyOtherHostIsRefusedUnlessAllowed() {
    assertThatThrownBy(
            () ->
                InvitationsClient.builder()
                    .apiToken(TOKEN)
                    .baseUrl("http://api.example.com")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http")
        .hasMessageNotContaining(TOKEN);
    InvitationsClient.builder()
        .apiToken(TOKEN)
        .baseUrl("http://api.example.com")
        .allowPlainHttp(true)
        .build()
        .close();
  }

  @Test
  void aBaseUrlThatIsNotHttpIsRejected() {
    assertThatThrownBy(() -> InvitationsClient.builder().apiToken(TOKEN).baseUrl("ftp://x").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void redirectsAreNotFollowedSoTheTokenStaysWithTheApi() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      server.enqueue(
          new MockResponse()
              .setResponseCode(302)
              .setHeader("Location", elsewhere.url("/steal").toString()));
      try (InvitationsClient client =
          Fixtures.builder(server, new Fixtures.RecordingTimer()).build()) {
        FastlyApiException e = catchThrowableOfType(FastlyApiException.class, client::list);
        assertThat(e.statusCode()).isEqualTo(302);
      }
      assertThat(elsewhere.getRequestCount()).isZero();
    }
  }

  @Test
  void aCallersOkHttpClientIsSharedAndItsInterceptorsNeverSeeTheToken() throws Exception {
    List<String> seenKeys = new CopyOnWriteArrayList<>();
    OkHttpClient mine =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  seenKeys.add(String.valueOf(chain.request().header("Fastly-Key")));
                  return chain.proceed(chain.request());
                })
            .build();
    server.enqueue(jsonApi(200, page(1, 20, 0, true, true)));

    try (InvitationsClient client =
        Fixtures.builder(server, new Fixtures.RecordingTimer()).okHttpClient(mine).build()) {
      client.list();
    }

    assertThat(seenKeys).containsExactly("null");
    assertThat(server.takeRequest().getHeader("Fastly-Key")).isEqualTo(TOKEN);
    // close() left the caller's own client usable.
    assertThat(mine.dispatcher().executorService().isShutdown()).isFalse();
    assertThat(mine.retryOnConnectionFailure()).isTrue();
  }

  @Test
  void eachCallLogsOneDebugLineWithMethodUrlStatusDurationAndRetries() {
    server.enqueue(Fixtures.error(503, "Service Unavailable", null));
    server.enqueue(jsonApi(200, page(1, 20, 0, true, true)));

    try (InvitationsClient client =
        Fixtures.builder(server, new Fixtures.RecordingTimer()).build()) {
      client.list(1, 20);
    }

    assertThat(logs.events()).hasSize(1);
    ILoggingEvent line = logs.events().get(0);
    assertThat(line.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(line.getFormattedMessage())
        .matches(
            "GET http://.*/invitations\\?page%5Bnumber%5D=1&page%5Bsize%5D=20 -> 200 in \\d+ ms, 1 retry");
  }

  @Test
  void theTokenNeverAppearsInLogsMessagesOrToString() {
    server.enqueue(Fixtures.error(401, "Provided credentials are missing or invalid", null));
    server.enqueue(Fixtures.error(404, "Record not found", "Cannot find invitation 'x'"));

    InvitationsClient.Builder builder = Fixtures.builder(server, new Fixtures.RecordingTimer());
    StringBuilder everything = new StringBuilder(builder.toString());
    try (InvitationsClient client = builder.build()) {
      everything.append(client).append(client.async()).append(client.withRawResponse());
      for (Runnable call : List.<Runnable>of(client::list, () -> client.delete("x"))) {
        FastlyException e = catchThrowableOfType(FastlyException.class, call::run);
        everything.append(e).append(e.getMessage());
        if (e instanceof FastlyApiException) {
          everything.append(((FastlyApiException) e).headers());
        }
      }
    }
    logs.events().forEach(event -> everything.append(event.getFormattedMessage()));

    assertThat(logs.events()).hasSize(2);
    assertThat(everything.toString()).doesNotContain(TOKEN).contains("(redacted)");
  }
}
