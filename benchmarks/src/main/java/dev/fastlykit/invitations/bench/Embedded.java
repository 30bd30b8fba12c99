package dev.fastlykit.invitations.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * What an in-process mock server costs a test suite, side by side: this mock server, WireMock
 * (embedded, one stub), OkHttp's MockWebServer and bare Javalin answering one route. Every sample
 * runs in a fresh JVM, candidates alternate, and each measure reports the median with min and max.
 *
 * <ul>
 *   <li>cold: from {@code main} to the first answer of a new server, in a JVM that has run nothing;
 *   <li>warm: a new server to its first answer, after 30 such cycles in the same JVM;
 *   <li>reset: {@code reset()}, against WireMock's {@code resetAll()} with its one stub put back,
 *       in batches of 2,000 after at least 5 s of them and until three batches agree within 10%;
 *   <li>junit: a JUnit 5 class of ten one-GET tests run by JUnit's launcher in a cold JVM, each
 *       server through its own extension ({@link JUnitClasses}): the class's time;
 *   <li>memory: used heap after a full GC after the first start, and again after 200 restarts (a
 *       new server each time, stopped) and 1,000 resets; the threads a stopped server left; RSS.
 * </ul>
 *
 * <p>{@code java -cp fastly-invitations-benchmarks.jar dev.fastlykit.invitations.bench.Embedded}
 * prints the table and exits 1 when a target is missed.
 */
public final class Embedded {
  static final List<String> CANDIDATES = List.of("mock", "wiremock", "mockwebserver", "javalin");
  private static final byte[] BODY = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);
  private static final int RUNS = 5;

  private Embedded() {}

  /** The results of one full run; each array is {median, min, max}. */
  static final class Result {
    final java.util.Map<String, double[]> cold = new java.util.LinkedHashMap<>();
    final java.util.Map<String, double[]> warm = new java.util.LinkedHashMap<>();
    final java.util.Map<String, double[]> reset = new java.util.LinkedHashMap<>();
    final java.util.Map<String, double[]> heapGrowthMb = new java.util.LinkedHashMap<>();
    final java.util.Map<String, double[]> threadsLeft = new java.util.LinkedHashMap<>();
    final java.util.Map<String, double[]> rssFirstMb = new java.util.LinkedHashMap<>();
    final java.util.Map<String, double[]> rssAfterMb = new java.util.LinkedHashMap<>();
    final java.util.Map<String, double[]> junitClass = new java.util.LinkedHashMap<>();

    /**
     * The targets' ratios, each the median of the runs' own ratios (the two samples of a run are
     * seconds apart, the runs minutes): this machine's speed drifts over minutes, so a ratio of
     * medians could set one candidate's fast minutes against another's slow ones.
     */
    final List<Double> coldRatios = new ArrayList<>();

    final List<Double> warmRatios = new ArrayList<>();
    final List<Double> resetRatios = new ArrayList<>();

    boolean coldHolds() {
      return ServerLoad.median(coldRatios) <= 1.05;
    }

    boolean warmHolds() {
      return ServerLoad.median(warmRatios) <= 1.2;
    }

    boolean resetHolds() {
      return ServerLoad.median(resetRatios) <= 1.0;
    }

    boolean memoryHolds() {
      return heapGrowthMb.get("mock")[2] <= 2.0 && threadsLeft.get("mock")[2] == 0;
    }

    boolean allHold() {
      return coldHolds() && warmHolds() && resetHolds() && memoryHolds();
    }
  }

  /** The least warm-up for {@code reset()}, in seconds of resets; then until batches agree. */
  private static final int RESET_WARM_UP_SECONDS = 5;

  public static void main(String... args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      sample(args[1], args[2]);
      return;
    }
    Result result = run(RUNS);
    print(result);
    System.exit(result.allHold() ? 0 : 1);
  }

  static Result run(int runs) throws Exception {
    Result result = new Result();
    ratios(measure(result.cold, "cold", CANDIDATES, runs, 0), "javalin", result.coldRatios);
    ratios(measure(result.warm, "warm", CANDIDATES, runs, 0), "javalin", result.warmRatios);
    ratios(
        measure(result.reset, "reset", List.of("mock", "wiremock"), runs, 0),
        "wiremock",
        result.resetRatios);
    measure(result.junitClass, "junit", List.of("mock", "wiremock"), runs, 0);
    java.util.Map<String, List<double[]>> memory = new java.util.LinkedHashMap<>();
    for (int run = 0; run < runs; run++) {
      for (String candidate : alternate(List.of("mock", "wiremock", "javalin"), run)) {
        memory.computeIfAbsent(candidate, c -> new ArrayList<>()).add(child("memory", candidate));
      }
    }
    memory.forEach(
        (candidate, samples) -> {
          result.heapGrowthMb.put(candidate, summary(samples, 0));
          result.threadsLeft.put(candidate, summary(samples, 1));
          result.rssFirstMb.put(candidate, summary(samples, 2));
          result.rssAfterMb.put(candidate, summary(samples, 3));
        });
    return result;
  }

  /** Each run's mock sample over its sample of {@code against}, in run order. */
  private static void ratios(
      java.util.Map<String, List<double[]>> samples, String against, List<Double> into) {
    List<double[]> mock = samples.get("mock");
    List<double[]> other = samples.get(against);
    for (int run = 0; run < mock.size(); run++) {
      into.add(mock.get(run)[0] / other.get(run)[0]);
    }
  }

  /** Samples every candidate {@code runs} times, alternating; returns them in run order. */
  private static java.util.Map<String, List<double[]>> measure(
      java.util.Map<String, double[]> into,
      String measure,
      List<String> candidates,
      int runs,
      int column)
      throws Exception {
    java.util.Map<String, List<double[]>> samples = new java.util.LinkedHashMap<>();
    for (int run = 0; run < runs; run++) {
      for (String candidate : alternate(candidates, run)) {
        samples.computeIfAbsent(candidate, c -> new ArrayList<>()).add(child(measure, candidate));
      }
    }
    for (String candidate : candidates) {
      into.put(candidate, summary(samples.get(candidate), column));
    }
    return samples;
  }

  /** Odd runs go in reverse order, so that no candidate always follows the same one. */
  private static List<String> alternate(List<String> candidates, int run) {
    List<String> order = new ArrayList<>(candidates);
    if (run % 2 == 1) {
      Collections.reverse(order);
    }
    return order;
  }

  private static double[] summary(List<double[]> samples, int column) {
    List<Double> values = new ArrayList<>();
    samples.forEach(s -> values.add(s[column]));
    Collections.sort(values);
    return new double[] {ServerLoad.median(values), values.get(0), values.get(values.size() - 1)};
  }

  /** Runs one sample in a fresh JVM; it prints its numbers on its last line. */
  private static double[] child(String measure, String candidate) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Processes.JVM_FLAGS);
    command.addAll(
        List.of(
            "-cp",
            Processes.benchmarksJar().toString(),
            Embedded.class.getName(),
            "child",
            measure,
            candidate));
    Path errors = Files.createTempFile("embedded", ".err");
    try {
      Process process =
          new ProcessBuilder(Processes.pinned(0, command)).redirectError(errors.toFile()).start();
      String last = null;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          last = line;
        }
      }
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || last == null) {
        throw new IllegalStateException(
            measure + " " + candidate + " failed: " + Files.readString(errors));
      }
      String[] parts = last.trim().split(" ");
      double[] numbers = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        numbers[i] = Double.parseDouble(parts[i]);
      }
      return numbers;
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  // ---- inside the child JVM ----

  /** One embedded server, as a test would use it. */
  interface Candidate extends AutoCloseable {
    int port();

    void reset();

    @Override
    void close();
  }

  private static void sample(String measure, String candidate) throws Exception {
    long start = System.nanoTime();
    switch (measure) {
      case "cold" -> {
        try (Candidate server = start(candidate)) {
          firstAnswer(server);
          System.out.println((System.nanoTime() - start) / 1e6);
        }
      }
      case "warm" -> {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          long t = System.nanoTime();
          try (Candidate server = start(candidate)) {
            firstAnswer(server);
            times.add((System.nanoTime() - t) / 1e6);
          }
        }
        System.out.println(ServerLoad.median(new ArrayList<>(times.subList(30, 50))));
      }
      case "reset" -> {
        try (Candidate server = start(candidate)) {
          firstAnswer(server);
          // On one core the JIT compiles beside the resets, and a fixed count of them (20,000
          // once) could end the warm-up mid-compilation: a change that made a compiled reset
          // faster (2.9 -> 2.6 us) read 7 -> 24 us there. Warm until three batches agree.
          long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(RESET_WARM_UP_SECONDS);
          double[] last = {Double.NaN, Double.NaN, Double.NaN};
          for (int batch = 0; ; batch++) {
            last[batch % 3] = resetBatch(server);
            double low = Math.min(last[0], Math.min(last[1], last[2]));
            double high = Math.max(last[0], Math.max(last[1], last[2]));
            boolean steady = high - low <= 0.1 * high; // false while any is NaN
            if (System.nanoTime() > warmUntil
                && (steady || System.nanoTime() > warmUntil + TimeUnit.SECONDS.toNanos(20))) {
              break;
            }
          }
          List<Double> batches = new ArrayList<>();
          for (int batch = 0; batch < 5; batch++) {
            batches.add(resetBatch(server));
          }
          firstAnswer(server); // still answering after all of them
          System.out.println(ServerLoad.median(batches));
        }
      }
      case "junit" -> System.out.println(JUnitClasses.classMillis(candidate));
      case "memory" -> memory(candidate);
      default -> throw new IllegalArgumentException(measure);
    }
  }

  /** Microseconds per reset over a batch of 2,000. */
  private static double resetBatch(Candidate server) {
    long t = System.nanoTime();
    for (int i = 0; i < 2_000; i++) {
      server.reset();
    }
    return (System.nanoTime() - t) / 1e3 / 2_000;
  }

  private static void memory(String candidate) throws Exception {
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    double first;
    double rssFirst;
    try (Candidate server = start(candidate)) {
      firstAnswer(server);
      first = usedHeapAfterGc();
      rssFirst = rssMb();
    }
    for (int i = 0; i < 200; i++) {
      try (Candidate server = start(candidate)) {
        firstAnswer(server);
      }
    }
    double after;
    double rssAfter;
    try (Candidate server = start(candidate)) {
      for (int i = 0; i < 1_000; i++) {
        server.reset();
        firstAnswer(server);
      }
      after = usedHeapAfterGc();
      rssAfter = rssMb();
    }
    // Threads a stopped server leaves behind, given half a second to finish.
    int left = 0;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
    do {
      left = 0;
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (!before.contains(thread) && thread.isAlive() && !jdkOwn(thread)) {
          left++;
        }
      }
      if (left > 0) {
        Thread.sleep(50);
      }
    } while (left > 0 && System.nanoTime() < deadline);
    System.out.printf(Locale.ROOT, "%.3f %d %.1f %.1f%n", after - first, left, rssFirst, rssAfter);
  }

  /** The JDK's own service threads, started on first use and kept for the JVM's life. */
  private static boolean jdkOwn(Thread thread) {
    String name = thread.getName();
    return name.equals("Attach Listener")
        || name.equals("Common-Cleaner")
        || name.startsWith("process reaper")
        || name.equals("Signal Dispatcher");
  }

  private static double usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
  }

  private static double rssMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  /** A raw HTTP/1.1 GET on a new connection, up to the answer's status line; it must be 200. */
  private static void firstAnswer(Candidate server) throws IOException {
    int status = status(server.port());
    if (status != 200) {
      throw new IOException("not a 200: " + status);
    }
  }

  /**
   * The status of a raw HTTP/1.1 {@code GET /invitations} on a new connection, read from the
   * answer's status line: MockWebServer keeps the connection open, so reading to the end would wait
   * on it.
   */
  static int status(int port) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /invitations HTTP/1.1\r\nHost: 127.0.0.1\r\nFastly-Key: "
                  + MockFastlyServer.DEMO_SUPERUSER_TOKEN
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] head = new byte[12];
      int read = 0;
      while (read < head.length) {
        int n = in.read(head, read, head.length - read);
        if (n < 0) {
          throw new IOException("closed before the status line");
        }
        read += n;
      }
      return Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII));
    }
  }

  static Candidate start(String candidate) throws IOException {
    return switch (candidate) {
      case "mock" -> {
        MockFastlyServer server = MockFastlyServer.builder().port(0).build().start();
        yield new Candidate() {
          public int port() {
            return server.port();
          }

          public void reset() {
            server.reset();
          }

          public void close() {
            server.close();
          }
        };
      }
      case "wiremock" -> {
        WireMockServer server =
            new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        Runnable stub =
            () ->
                server.stubFor(
                    WireMock.get("/invitations")
                        .willReturn(WireMock.aResponse().withStatus(200).withBody(BODY)));
        stub.run();
        yield new Candidate() {
          public int port() {
            return server.port();
          }

          public void reset() {
            server.resetAll();
            stub.run();
          }

          public void close() {
            server.stop();
          }
        };
      }
      case "mockwebserver" -> {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(
            new Dispatcher() {
              @Override
              public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setBody(new String(BODY, StandardCharsets.UTF_8));
              }
            });
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        yield new Candidate() {
          public int port() {
            return server.getPort();
          }

          public void reset() {
            throw new UnsupportedOperationException("MockWebServer has no reset");
          }

          public void close() {
            try {
              server.shutdown();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        };
      }
      case "javalin" -> {
        Javalin app =
            Javalin.create(
                    config -> {
                      config.startup.showJavalinBanner = false;
                      config.startup.showOldJavalinVersionWarning = false;
                      config.startup.startupWatcherEnabled = false;
                      config.routes.get("/invitations", ctx -> ctx.result(BODY));
                    })
                .start("127.0.0.1", 0);
        yield new Candidate() {
          public int port() {
            return app.port();
          }

          public void reset() {
            // Nothing to reset: it holds no state.
          }

          public void close() {
            app.stop();
          }
        };
      }
      default -> throw new IllegalArgumentException(candidate);
    };
  }

  static void print(Result r) {
    System.out.println();
    System.out.println(
        "| in-process, fresh JVMs, median (min-max) | this mock server | WireMock 3.13 |"
            + " MockWebServer 4.12 | bare Javalin |");
    System.out.println("| --- | --- | --- | --- | --- |");
    line("construction to first answer, cold JVM (ms)", r.cold, "%.0f");
    line("a new server to first answer, warm JVM (ms)", r.warm, "%.1f");
    line("`reset()` (WireMock: `resetAll()` and one stub) (us)", r.reset, "%.1f");
    line("a JUnit 5 class of 10 one-GET tests, cold JVM, class time (ms)", r.junitClass, "%.0f");
    line(
        "used heap after 200 restarts and 1,000 resets, minus after the first start (MB)",
        r.heapGrowthMb,
        "%.2f");
    line("threads left by stopped servers", r.threadsLeft, "%.0f");
    line("RSS after the first start (MB)", r.rssFirstMb, "%.0f");
    line("RSS after 200 restarts and 1,000 resets (MB)", r.rssAfterMb, "%.0f");
    System.out.println();
    System.out.println("| target | measured | holds |");
    System.out.println("| --- | --- | --- |");
    target("cold construction <= 1.05 x bare Javalin", r.coldRatios, r.coldHolds());
    target("warm construction <= 1.2 x bare Javalin", r.warmRatios, r.warmHolds());
    target("reset <= WireMock's resetAll() and one stub", r.resetRatios, r.resetHolds());
    System.out.printf(
        Locale.ROOT,
        "| heap within 2 MB after 200 restarts and 1,000 resets; no thread left | %.2f MB, %.0f"
            + " threads (worst run) | %s |%n",
        r.heapGrowthMb.get("mock")[2],
        r.threadsLeft.get("mock")[2],
        r.memoryHolds() ? "yes" : "no");
  }

  private static void line(String measure, java.util.Map<String, double[]> values, String format) {
    StringBuilder row = new StringBuilder("| " + measure + " |");
    for (String candidate : CANDIDATES) {
      double[] v = values.get(candidate);
      row.append(' ')
          .append(
              v == null
                  ? "-"
                  : String.format(Locale.ROOT, format, v[0])
                      + " ("
                      + String.format(Locale.ROOT, format, v[1])
                      + "-"
                      + String.format(Locale.ROOT, format, v[2])
                      + ")")
          .append(" |");
    }
    System.out.println(row);
  }

  /** {@code | cold ... | 1.04 x (runs 1.02 1.06 1.04 1.03 1.05) | yes |} */
  private static void target(String what, List<Double> ratios, boolean holds) {
    StringBuilder runs = new StringBuilder();
    for (double ratio : ratios) {
      runs.append(String.format(Locale.ROOT, " %.2f", ratio));
    }
    System.out.printf(
        Locale.ROOT,
        "| %s | %.2f x (runs%s) | %s |%n",
        what,
        ServerLoad.median(ratios),
        runs,
        holds ? "yes" : "no");
  }
}
