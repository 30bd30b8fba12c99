package dev.fastlykit.invitations.bench;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.Page;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SDK's list and create, end to end against a local server answering fixed bytes, next to a raw
 * OkHttp + Gson call doing the same; the difference is what the SDK costs.
 *
 * <p>The warm-up is long on purpose: with the server, OkHttp and the SDK in one JVM on two cores,
 * the JIT was still compiling after 8 s (a fifth of the CPU in a profile of the SDK's create, a
 * tenth of the raw call's), which charged compilation to whichever side had more code. Two forks,
 * so that one JVM's luck does not decide.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SdkBenchmark {
  private static final MediaType JSON_API = MediaType.get("application/vnd.api+json");
  private static final String EMAIL = "ada@example.com";
  private static final String NEW_INVITATION =
      "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"" + EMAIL + "\"}}}";

  private Javalin server;
  private InvitationsClient client;
  private OkHttpClient raw;
  private Gson gson;
  private String base;
  private NewInvitation invitation;
  private byte[] page;
  private InvitationsClient fromMemory;

  @Setup
  public void start() throws Exception {
    // The bytes the mock server answers with, served by the floor so that only client costs differ.
    byte[] list;
    byte[] created;
    try (MockFastlyServer mock = MockFastlyServer.builder().empty().build().start()) {
      for (int i = 0; i < 40; i++) {
        mock.addInvitation(MockFastlyServer.DEMO_SUPERUSER_TOKEN, "p" + i + "@example.com", "user");
      }
      list =
          Processes.get(
                  mock.url() + "/invitations?page%5Bnumber%5D=2&page%5Bsize%5D=20",
                  MockFastlyServer.DEMO_SUPERUSER_TOKEN)
              .getBytes(StandardCharsets.UTF_8);
      created =
          Processes.post(
                  mock.url() + "/invitations",
                  MockFastlyServer.DEMO_SUPERUSER_TOKEN,
                  NEW_INVITATION)
              .getBytes(StandardCharsets.UTF_8);
    }
    server = Floor.start(0, list, created);
    base = "http://127.0.0.1:" + server.port();
    client =
        InvitationsClient.builder()
            .apiToken(MockFastlyServer.DEMO_SUPERUSER_TOKEN)
            .baseUrl(base)
            .build();
    // The SDK's default timeouts, so that both sides pay for the same guarantees: OkHttp's call
    // timeout in particular costs each call a lock and a wake-up of Okio's watchdog thread.
    raw =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .writeTimeout(Duration.ofSeconds(30))
            .callTimeout(Duration.ofSeconds(60))
            .build();
    gson = new Gson();
    page = list;
    // The same page answered from memory, before any socket: what is left is the SDK's own work
    // between the bytes and a Page<Invitation> (Retrofit, Gson into the generated model, mapping).
    OkHttpClient memory =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    new Response.Builder()
                        .request(chain.request())
                        .protocol(Protocol.HTTP_1_1)
                        .code(200)
                        .message("OK")
                        .body(ResponseBody.create(page, JSON_API))
                        .build())
            .build();
    fromMemory =
        InvitationsClient.builder()
            .apiToken(MockFastlyServer.DEMO_SUPERUSER_TOKEN)
            .baseUrl("http://127.0.0.1:9")
            .okHttpClient(memory)
            .build();
    invitation = NewInvitation.builder().email(EMAIL).build();
  }

  @TearDown
  public void stop() {
    client.close();
    fromMemory.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    server.stop();
  }

  @Benchmark
  public Page<Invitation> sdkList() {
    return client.list(2, 20);
  }

  @Benchmark
  public JsonObject rawList() throws IOException {
    Request request =
        new Request.Builder()
            .url(base + "/invitations?page%5Bnumber%5D=2&page%5Bsize%5D=20")
            .header("Fastly-Key", MockFastlyServer.DEMO_SUPERUSER_TOKEN)
            .header("Accept", "application/vnd.api+json")
            .build();
    try (Response response = raw.newCall(request).execute()) {
      return gson.fromJson(response.body().charStream(), JsonObject.class);
    }
  }

  /** The SDK's JSON mapping of one page of 20, without the network. */
  @Benchmark
  public Page<Invitation> sdkMapPage() {
    return fromMemory.list(2, 20);
  }

  /** Gson reading the same page into its tree, for scale. */
  @Benchmark
  public JsonObject rawMapPage() {
    return gson.fromJson(
        new InputStreamReader(new ByteArrayInputStream(page), StandardCharsets.UTF_8),
        JsonObject.class);
  }

  @Benchmark
  public Invitation sdkCreate() {
    return client.create(invitation);
  }

  /**
   * What a hand-written client would do for a create: build the body from the address with Gson,
   * send it, read the answer with Gson. (An earlier version sent a constant string, which spared
   * the raw side the serializing that the SDK must do.)
   */
  @Benchmark
  public JsonObject rawCreate() throws IOException {
    JsonObject attributes = new JsonObject();
    attributes.addProperty("email", EMAIL);
    JsonObject data = new JsonObject();
    data.addProperty("type", "invitation");
    data.add("attributes", attributes);
    JsonObject body = new JsonObject();
    body.add("data", data);
    Request request =
        new Request.Builder()
            .url(base + "/invitations")
            .header("Fastly-Key", MockFastlyServer.DEMO_SUPERUSER_TOKEN)
            .header("Accept", "application/vnd.api+json")
            .post(RequestBody.create(gson.toJson(body), JSON_API))
            .build();
    try (Response response = raw.newCall(request).execute()) {
      return gson.fromJson(response.body().charStream(), JsonObject.class);
    }
  }
}
