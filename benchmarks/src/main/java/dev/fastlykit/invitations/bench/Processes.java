package dev.fastlykit.invitations.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starting servers in their own JVMs, with the same flags, and waiting for their first answer. */
final class Processes {
  /** The same for the mock server and the floor, so that only the code differs. */
  static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseParallelGC");

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofMillis(200))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private Processes() {}

  static Path benchmarksJar() throws Exception {
    return Path.of(Floor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /**
   * Servers run on core 0 and wrk on core 1 when {@code taskset} is there, so that the load driver
   * never takes the server's core; otherwise they share.
   */
  static final boolean PIN =
      new File("/usr/bin/taskset").canExecute() && Runtime.getRuntime().availableProcessors() >= 2;

  static List<String> pinned(int core, List<String> command) {
    List<String> full = new ArrayList<>();
    if (PIN) {
      full.addAll(List.of("taskset", "-c", Integer.toString(core)));
    }
    full.addAll(command);
    return full;
  }

  static Process start(List<String> command) throws IOException {
    List<String> full = new ArrayList<>();
    if (PIN) {
      full.addAll(List.of("taskset", "-c", "0"));
    }
    full.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    full.addAll(JVM_FLAGS);
    full.addAll(command);
    return new ProcessBuilder(full)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(new File("/dev/null"))
        .start();
  }

  /** Milliseconds from now until the URL answers 200, polling every 2 ms. */
  static long awaitOk(String url, String token, long startNanos) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Fastly-Key", token)
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return (System.nanoTime() - startNanos) / 1_000_000;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException(url + " did not answer within 60 s");
  }

  static String get(String url, String token) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).header("Fastly-Key", token).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .body();
  }

  static String post(String url, String token, String body) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Fastly-Key", token)
                .header("Content-Type", "application/vnd.api+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .body();
  }

  /** POSTs nothing and returns the status. */
  static int postStatus(String url) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
