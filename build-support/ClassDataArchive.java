import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the class-data archive the mock server's documented command starts with: {@code java
 * -XX:SharedArchiveFile=mock-server/target/fastly-invitations-mock-server.jsa -jar
 * mock-server/target/fastly-invitations-mock-server.jar}.
 *
 * <p>It runs the executable jar once with {@code -XX:ArchiveClassesAtExit}, sends it the requests a
 * first session sends (list, create, delete, a refusal, the admin API and the console), stops it
 * with SIGTERM, and checks that the JVM wrote the archive on its way out. The next start maps those
 * classes, already parsed and verified, instead of reading them from the jar: about a third less
 * time to the first answer. The archive names the jar by its absolute path, size and time, so it
 * serves this jar from any working directory; a JVM given it with another jar (or another JDK)
 * prints one warning line and starts as without it.
 *
 * <p>Run by the mock server's POM in the {@code package} phase, after the shade plugin, as {@code
 * java build-support/ClassDataArchive.java JAR ARCHIVE}. A JVM that cannot write archives (not
 * HotSpot) gets a warning, not a failed build, since the archive only saves time.
 */
public final class ClassDataArchive {
  private static final String TOKEN = "demo-superuser-token";
  private static final Pattern BANNER =
      Pattern.compile("Fastly Invitations mock server listening on (http://\\S+)");

  private ClassDataArchive() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: java build-support/ClassDataArchive.java JAR ARCHIVE");
      System.exit(2);
    }
    Path jar = Path.of(args[0]).toAbsolutePath().normalize();
    Path archive = Path.of(args[1]).toAbsolutePath().normalize();
    Files.deleteIfExists(archive);
    long began = System.nanoTime();

    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:ArchiveClassesAtExit=" + archive,
            // The archive holds classes, not compiled code: C2 would only slow a run this short.
            "-XX:TieredStopAtLevel=1",
            "-jar",
            jar.toString(),
            "--port",
            "0");
    Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    try {
      String url = awaitBanner(server, output);
      train(url);
    } catch (Exception | AssertionError e) {
      server.destroyForcibly();
      fail("the training run failed: " + e.getMessage(), output);
    } finally {
      server.destroy(); // SIGTERM: the JVM writes the archive as it exits
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly();
        fail("the training run did not stop within a minute of SIGTERM", output);
      }
    }

    if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
      String vm = System.getProperty("java.vm.name", "");
      String message = "no class-data archive was written by " + vm;
      if (vm.contains("HotSpot") || vm.contains("OpenJDK")) {
        fail(message, output);
      }
      System.out.println(
          "[class-data-archive] WARNING: " + message + "; the jar starts without one");
      return;
    }
    System.out.printf(
        "[class-data-archive] %s: %.1f MB in %d ms%n",
        archive.getFileName(),
        Files.size(archive) / 1e6,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
  }

  private static String awaitBanner(Process server, List<String> output) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      output.add(line);
      Matcher banner = BANNER.matcher(line);
      if (banner.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    out.lines().forEach(output::add);
                  } catch (RuntimeException closedWithTheProcess) {
                    // Nothing left to read.
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return banner.group(1);
      }
    }
    throw new IOException("the server exited before it listened");
  }

  /** What a first session does: every operation, a refusal, the admin API, the console. */
  private static void train(String url) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    expect(http, get(url + "/invitations", TOKEN), 200);
    expect(http, get(url + "/invitations?page%5Bnumber%5D=1&page%5Bsize%5D=2", TOKEN), 200);
    expect(http, get(url + "/invitations", null), 401);
    String created =
        expect(
            http,
            HttpRequest.newBuilder(URI.create(url + "/invitations"))
                .header("Fastly-Key", TOKEN)
                .header("Content-Type", "application/vnd.api+json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"data\":{\"type\":\"invitation\",\"attributes\":"
                            + "{\"email\":\"training@example.com\",\"role\":\"engineer\"}}}")),
            200,
            201);
    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created);
    if (!id.find()) {
      throw new AssertionError("no id in the created invitation: " + created);
    }
    expect(
        http,
        HttpRequest.newBuilder(URI.create(url + "/invitations/" + id.group(1)))
            .header("Fastly-Key", TOKEN)
            .DELETE(),
        204);
    expect(http, get(url + "/invitations/nothing-here", TOKEN), 404, 405);
    expect(http, get(url + "/__admin/health", null), 200);
    expect(http, get(url + "/__admin/requests", null), 200);
    expect(http, get(url + "/__admin/console", null), 200);
  }

  private static HttpRequest.Builder get(String url, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    return token == null ? request : request.header("Fastly-Key", token);
  }

  private static String expect(HttpClient http, HttpRequest.Builder request, int... statuses)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    for (int status : statuses) {
      if (response.statusCode() == status) {
        return response.body();
      }
    }
    throw new AssertionError(
        response.request().method()
            + " "
            + response.request().uri()
            + " answered "
            + response.statusCode()
            + ": "
            + response.body());
  }

  private static void fail(String message, List<String> output) {
    System.err.println("[class-data-archive] " + message);
    synchronized (output) {
      output.forEach(line -> System.err.println("  | " + line));
    }
    System.exit(1);
  }
}
