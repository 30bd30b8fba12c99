package dev.fastlykit.invitations.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The SDK against raw OkHttp, interleaved: in one JVM, blocks of SDK calls and blocks of raw calls
 * take turns (about 25 ms each, the order alternating), and a slice's ratio is its SDK block's time
 * over its raw block's. The ratio is the median of the slices' ratios, and of three JVMs.
 *
 * <p>JMH runs every fork of one benchmark before the next, so the two sides of a ratio were
 * measured a minute or more apart; on this machine the same call's time moved by 70% between two
 * such minutes, far more than the 10% being measured. Side by side in 50 ms slices, the machine's
 * drift touches both sides alike. The calls are {@link SdkBenchmark}'s, against the same floor.
 *
 * <p>{@code java -cp fastly-invitations-benchmarks.jar dev.fastlykit.invitations.bench.SdkRounds}
 * prints both rows and exits 1 when a ratio is above 1.10.
 */
public final class SdkRounds {
  static final double TARGET = 1.10;

  /** JVMs per run; each warms up for {@link #WARM_UP_SECONDS} and measures both pairs. */
  static final int FORKS = 3;

  /** As long as JMH's warm-up in {@link SdkBenchmark}: the JIT was still busy after 8 s. */
  private static final int WARM_UP_SECONDS = 30;

  private static final int SLICES = 200;
  private static final int CALLS_PER_BLOCK = 200;

  /** One pair's result over every fork: each fork's median call time per side and its ratio. */
  static final class Pair {
    final List<Double> sdk = new ArrayList<>();
    final List<Double> raw = new ArrayList<>();
    final List<Double> ratios = new ArrayList<>();

    double ratio() {
      return ServerLoad.median(ratios);
    }

    boolean holds() {
      return ratio() <= TARGET;
    }

    /** {@code 115.2 / 110.8 us; forks 1.02 1.04 1.09}: medians of the sides, then each JVM. */
    String detail() {
      StringBuilder forks = new StringBuilder();
      for (double r : ratios) {
        forks.append(String.format(Locale.ROOT, " %.2f", r));
      }
      return String.format(
          Locale.ROOT,
          "%.1f / %.1f us; forks%s",
          ServerLoad.median(sdk),
          ServerLoad.median(raw),
          forks);
    }
  }

  /** Both pairs of one run. */
  static final class Result {
    final Pair list = new Pair();
    final Pair create = new Pair();

    boolean allHold() {
      return list.holds() && create.holds();
    }
  }

  private SdkRounds() {}

  public static void main(String... args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      child();
      return;
    }
    Result result = run(FORKS);
    System.out.printf(
        Locale.ROOT,
        "SDK list / raw OkHttp   %.2f (%s)%n",
        result.list.ratio(),
        result.list.detail());
    System.out.printf(
        Locale.ROOT,
        "SDK create / raw OkHttp %.2f (%s)%n",
        result.create.ratio(),
        result.create.detail());
    System.exit(result.allHold() ? 0 : 1);
  }

  /** Runs {@code forks} JVMs one after the other; each one's medians go into the result. */
  static Result run(int forks) throws Exception {
    Result result = new Result();
    for (int fork = 0; fork < forks; fork++) {
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xms512m",
                  "-Xmx512m",
                  "-cp",
                  Processes.benchmarksJar().toString(),
                  SdkRounds.class.getName(),
                  "child"));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          String[] parts = line.trim().split(" ");
          Pair pair =
              parts[0].equals("list")
                  ? result.list
                  : parts[0].equals("create") ? result.create : null;
          if (pair == null || parts.length != 4) {
            System.out.println(line);
            continue;
          }
          pair.ratios.add(Double.parseDouble(parts[1]));
          pair.sdk.add(Double.parseDouble(parts[2]));
          pair.raw.add(Double.parseDouble(parts[3]));
          System.out.printf(Locale.ROOT, "fork %d: %s%n", fork + 1, line);
        }
      }
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("fork " + (fork + 1) + " failed");
      }
    }
    return result;
  }

  /** One side's call. */
  private interface Call {
    Object call() throws Exception;
  }

  /**
   * In a fresh JVM: warms both pairs up, then prints {@code op ratio sdkUs rawUs} for each, the
   * medians over its slices.
   */
  private static void child() throws Exception {
    SdkBenchmark bench = new SdkBenchmark();
    bench.start();
    try {
      Call sdkList = bench::sdkList;
      Call rawList = bench::rawList;
      Call sdkCreate = bench::sdkCreate;
      Call rawCreate = bench::rawCreate;
      long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
      while (System.nanoTime() < warmUntil) {
        block(sdkList);
        block(rawList);
        block(sdkCreate);
        block(rawCreate);
      }
      measure("list", sdkList, rawList);
      measure("create", sdkCreate, rawCreate);
      System.out.println("kept " + sink);
    } finally {
      bench.stop();
    }
  }

  private static void measure(String op, Call sdk, Call raw) throws Exception {
    List<Double> ratios = new ArrayList<>();
    List<Double> sdkMicros = new ArrayList<>();
    List<Double> rawMicros = new ArrayList<>();
    for (int slice = 0; slice < SLICES; slice++) {
      long s;
      long r;
      if (slice % 2 == 0) {
        s = block(sdk);
        r = block(raw);
      } else {
        r = block(raw);
        s = block(sdk);
      }
      sdkMicros.add(s / 1e3 / CALLS_PER_BLOCK);
      rawMicros.add(r / 1e3 / CALLS_PER_BLOCK);
      ratios.add((double) s / r);
    }
    // Medians throughout: a slice the machine stalled in (a GC, a neighbour) says nothing of
    // either side.
    System.out.printf(
        Locale.ROOT,
        "%s %.4f %.2f %.2f%n",
        op,
        ServerLoad.median(ratios),
        ServerLoad.median(sdkMicros),
        ServerLoad.median(rawMicros));
  }

  /** Results folded into one number that is printed, so that no call's work can be skipped. */
  private static int sink;

  private static long block(Call call) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < CALLS_PER_BLOCK; i++) {
      sink += System.identityHashCode(call.call()) & 1;
    }
    return System.nanoTime() - start;
  }
}
