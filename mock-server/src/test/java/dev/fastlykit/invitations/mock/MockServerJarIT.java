package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The executable jar as users run it: {@code java -XX:SharedArchiveFile=... -jar
 * fastly-invitations-mock-server.jar}, the class-data archive the build writes beside it included.
 * Its tests run two at a time: each waits on a JVM of its own starting, and nothing else of the
 * build runs while they do (the modules after this one wait for it).
 */
@Execution(ExecutionMode.CONCURRENT)
class MockServerJarIT {
  private static final Path JAR = Path.of("target/fastly-invitations-mock-server.jar");
  private static final Path ARCHIVE = Path.of("target/fastly-invitations-mock-server.jsa");
  private static final Map<Process, Path> stderrFiles = new ConcurrentHashMap<>();
  private final List<Process> processes = new ArrayList<>();

  /**
   * The documented command with the demo account, started once for the tests that only read from it
   * (each start is a second of CPU), logging where its classes came from.
   */
  private static Process demo;

  private static String demoUrl;
  private static Path demoClassLoads;

  @AfterEach
  void killTheTestsOwn() {
    processes.forEach(Process::destroyForcibly);
  }

  @AfterAll
  static void killTheDemo() throws Exception {
    if (demo != null) {
      demo.destroyForcibly();
      Files.deleteIfExists(demoClassLoads);
    }
  }

  private static synchronized String demo() throws Exception {
    if (demo == null) {
      demoClassLoads = Files.createTempFile("class-load", ".log");
      Process started =
          launch(List.of("-Xlog:class+load=info:file=" + demoClassLoads), "--port", "0");
      demoUrl = awaitUrl(started);
      demo = started;
    }
    return demoUrl;
  }

  @Test
  void startsTheDemoAccountAndAnswersWithTheDemoToken() throws Exception {
    HttpResponse<String> list = get(demo() + "/invitations", MockFastlyServer.DEMO_SUPERUSER_TOKEN);

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("dennis@example.com", "frances@example.com");
  }

  @Test
  void writeLimitAndEmptyFlagsTakeEffect() throws Exception {
    String url = awaitUrl(start("--port", "0", "--write-limit", "1", "--empty"));
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest delete =
        HttpRequest.newBuilder(URI.create(url + "/invitations/x"))
            .header("Fastly-Key", MockFastlyServer.DEMO_SUPERUSER_TOKEN)
            .DELETE()
            .build();

    assertThat(get(url + "/invitations", MockFastlyServer.DEMO_SUPERUSER_TOKEN).body())
        .contains("\"record_count\":0");
    assertThat(client.send(delete, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(404);
    assertThat(client.send(delete, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(429);
  }

  @Test
  void sigtermStopsItCleanly() throws Exception {
    Process process = start("--port", "0");
    awaitUrl(process);

    process.destroy(); // SIGTERM

    assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isIn(0, 143);
    assertThat(stderr(process)).doesNotContain("Exception");
  }

  @Test
  void aBadFlagIsOneLineAndANonZeroExit() throws Exception {
    Process process = start("--nope");

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(stderr(process).lines())
        .containsExactly("error: unknown option --nope (see --help)");
  }

  @Test
  void aBusyPortIsTheOnlyLineOnStandardError() throws Exception {
    try (MockFastlyServer busy = new MockFastlyServer().start()) {
      Process process = start("--port", Integer.toString(busy.port()));

      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(1);
      assertThat(stderr(process).lines())
          .containsExactly(
              "error: cannot listen on 127.0.0.1:" + busy.port() + ": address already in use");
    }
  }

  @Test
  void verbosePrintsALinePerRequestWithoutTheToken() throws Exception {
    Process process = start("--port", "0", "--verbose");
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    String url = first.substring(first.lastIndexOf(' ') + 1);

    get(url + "/invitations?page%5Bsize%5D=1", MockFastlyServer.DEMO_SUPERUSER_TOKEN);

    String line = out.readLine();
    while (line != null && !line.startsWith("GET ")) {
      line = out.readLine(); // the rest of the banner
    }
    assertThat(line).matches("GET /invitations\\?page%5Bsize%5D=1 -> 200 in [0-9.]+ ms");
    assertThat(line).doesNotContain(MockFastlyServer.DEMO_SUPERUSER_TOKEN);
  }

  @Test
  void theDocumentedCommandLoadsTheServerFromTheClassDataArchive() throws Exception {
    assertThat(ARCHIVE).as("written by the package phase").isNotEmptyFile();
    String url = demo();
    assertThat(get(url + "/invitations", MockFastlyServer.DEMO_SUPERUSER_TOKEN).statusCode())
        .isEqualTo(200);

    // A stale or foreign archive would print a warning before the banner (awaitUrl checks the
    // first line) and load every class from the jar instead.
    List<String> lines = Files.readAllLines(demoClassLoads);
    assertThat(lines)
        .filteredOn(
            line ->
                line.contains(" io.javalin.Javalin ") || line.contains(Main.class.getName() + " "))
        .hasSize(2)
        .allMatch(line -> line.endsWith("source: shared objects file (top)"), "from the archive");
    long fromTheJar =
        lines.stream()
            .filter(
                line ->
                    line.contains("source: file:") && line.endsWith(JAR.getFileName().toString()))
            .count();
    long fromTheArchive = lines.stream().filter(line -> line.endsWith("(top)")).count();
    assertThat(fromTheArchive).as("classes mapped from the archive").isGreaterThan(10 * fromTheJar);
  }

  @Test
  void aPreferHeaderGetsTheStatusItAsksFor() throws Exception {
    String url = demo();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/invitations"))
            .header("Fastly-Key", MockFastlyServer.DEMO_SUPERUSER_TOKEN)
            .header("Prefer", "code=403")
            .build();

    HttpResponse<String> reply =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(reply.statusCode()).isEqualTo(403);
    assertThat(reply.body()).contains("\"msg\":\"Forbidden\"");
  }

  @Test
  void proxyForwardsToTheUpstreamAndReportsDrift() throws Exception {
    try (MockFastlyServer upstream = MockFastlyServer.builder().build().start()) {
      upstream.addFault(FaultRule.on("GET", "/invitations").status(418).times(1).build());
      String url = awaitUrl(start("--port", "0", "--proxy", upstream.url()));

      HttpResponse<String> drifted =
          get(url + "/invitations", MockFastlyServer.DEMO_SUPERUSER_TOKEN);
      HttpResponse<String> listed =
          get(url + "/invitations", MockFastlyServer.DEMO_SUPERUSER_TOKEN);
      HttpResponse<String> drift = get(url + "/__admin/drift", "");

      assertThat(drifted.statusCode()).isEqualTo(418);
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.body()).contains("dennis@example.com");
      assertThat(upstream.requests()).hasSize(2);
      assertThat(drift.body()).startsWith("{\"exchanges\":2,\"violations\":[{\"method\":\"GET\"");
      assertThat(drift.body()).contains("\"status\":418");
    }
  }

  /**
   * The jar leaves out libraries the server never runs, so validation gets its own check here: an
   * upstream whose answers break every format the spec uses (date-time, int32) and which accepts an
   * address the spec's pattern forbids. JSON Schema's formats and ECMA 262 patterns are evaluated
   * by libraries of their own (Joda-Time, Rhino), loaded only at that moment.
   */
  @Test
  void validationInTheJarChecksEveryFormatAndPatternTheSpecUses() throws Exception {
    HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext(
        "/invitations",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          boolean create = exchange.getRequestMethod().equals("POST");
          byte[] body =
              (create
                      ? "{\"data\":" + invitation("\"2026-01-05T09:00:00Z\"") + "}"
                      : "{\"data\":["
                          + invitation("\"yesterday\"")
                          + "],\"links\":{\"last\":\"x\"},\"meta\":{\"current_page\":1,"
                          + "\"per_page\":3000000000,\"record_count\":1,\"total_pages\":1}}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/vnd.api+json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    upstream.start();
    try {
      String upstreamUrl = "http://127.0.0.1:" + upstream.getAddress().getPort();
      String url = awaitUrl(start("--port", "0", "--proxy", upstreamUrl));

      get(url + "/invitations", MockFastlyServer.DEMO_SUPERUSER_TOKEN);
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url + "/invitations"))
                  .header("Fastly-Key", MockFastlyServer.DEMO_SUPERUSER_TOKEN)
                  .header("Content-Type", "application/vnd.api+json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"data\":{\"type\":\"invitation\",\"attributes\":"
                              + "{\"email\":\"two words@example.com\"}}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String drift = get(url + "/__admin/drift", "").body();

      assertThat(drift)
          .contains("\"exchanges\":2")
          .contains("String \\\"yesterday\\\" is invalid against requested date format")
          .contains("Value for int32 leads to overflow (found: 3000000000)")
          .contains("request accepted although the spec forbids it")
          .contains("ECMA 262 regex")
          .contains("does not match input string \\\"two words@example.com\\\"");
    } finally {
      upstream.stop(0);
    }
  }

  /**
   * What the jar leaves out: nothing the server runs needs it (the test above checks what it does).
   */
  @Test
  void theJarHoldsNoLibraryTheServerNeverRuns() throws Exception {
    List<String> entries = new ArrayList<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      jar.stream().forEach(entry -> entries.add(entry.getName()));
    }

    assertThat(entries)
        .contains(
            "dev/fastlykit/invitations/mock/Main.class", "org/mozilla/javascript/Context.class")
        .noneMatch(name -> name.startsWith("io/swagger/v3/parser/converter/")) // Swagger 2
        .noneMatch(name -> name.startsWith("io/swagger/models/")) // Swagger 1
        .noneMatch(name -> name.startsWith("org/apache/http/"))
        .noneMatch(name -> name.startsWith("joptsimple/"))
        .noneMatch(name -> name.startsWith("org/eclipse/jetty/websocket/"))
        .noneMatch(name -> name.startsWith("org/eclipse/jetty/ee10/webapp/"))
        .noneMatch(name -> name.startsWith("jakarta/servlet/resources/"))
        .noneMatch(name -> name.startsWith("META-INF/maven/"));
  }

  private static String invitation(String createdAt) {
    return "{\"id\":\"x\",\"type\":\"invitation\",\"attributes\":{\"email\":\"a@example.com\","
        + "\"role\":\"user\",\"roles\":[],\"status_code\":1,\"limit_services\":false,"
        + "\"created_at\":"
        + createdAt
        + ",\"updated_at\":\"2026-01-05T09:00:00Z\",\"deleted_at\":null},"
        + "\"relationships\":{\"customer\":{\"data\":{\"type\":\"customer\",\"id\":\"c\"}}}}";
  }

  /**
   * The console's page works the same from any server (ConsoleBrowserTest drives it in Chromium);
   * what only the jar can get wrong is its three files, so each is fetched from it, as a browser
   * that opens the root would.
   */
  @Test
  void theConsoleIsServedFromTheJar() throws Exception {
    String url = demo();
    HttpClient client = HttpClient.newHttpClient();

    HttpResponse<String> root =
        client.send(
            HttpRequest.newBuilder(URI.create(url + "/")).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location")).hasValue("/__admin/console");
    HttpResponse<String> page = get(url + "/__admin/console", "");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("/__admin/console.js", "/__admin/console.css");
    for (String file : List.of("console.js", "console.css")) {
      HttpResponse<String> served = get(url + "/__admin/" + file, "");
      assertThat(served.statusCode()).as(file).isEqualTo(200);
      assertThat(served.body())
          .as(file)
          .isEqualTo(resource("/dev/fastlykit/invitations/mock/console/" + file));
    }
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = MockServerJarIT.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The documented command with C1 alone, as this build's other test JVMs: these tests are about
   * flags and answers, which the JIT does not change, and C2 would compile for the second of each
   * start.
   */
  private Process start(String... args) throws Exception {
    return start(List.of("-XX:TieredStopAtLevel=1"), args);
  }

  private Process start(List<String> jvmFlags, String... args) throws Exception {
    Process process = launch(jvmFlags, args);
    processes.add(process);
    return process;
  }

  private static Process launch(List<String> jvmFlags, String... args) throws Exception {
    assertThat(Files.exists(JAR)).as("built by the package phase").isTrue();
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmFlags);
    command.addAll(List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path errors = Files.createTempFile("mock-server", ".err");
    errors.toFile().deleteOnExit();
    Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    stderrFiles.put(process, errors);
    return process;
  }

  private static String stderr(Process process) throws Exception {
    return Files.readString(stderrFiles.get(process), StandardCharsets.UTF_8);
  }

  private static String awaitUrl(Process process) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    assertThat(first)
        .as("the first line of the banner")
        .startsWith("Fastly Invitations mock server listening on ");
    // Keep draining the banner so the process never blocks on a full pipe.
    Thread drain =
        new Thread(
            () -> {
              try {
                out.lines().forEach(l -> {});
              } catch (java.io.UncheckedIOException closedWithTheProcess) {
                // Nothing left to drain.
              }
            });
    drain.setDaemon(true);
    drain.start();
    return first.substring(first.lastIndexOf(' ') + 1);
  }

  private static HttpResponse<String> get(String url, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).header("Fastly-Key", token).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
