package dev.fastlykit.invitations.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every benchmark and prints the results tables of {@code benchmarks/README.md}. From the
 * repository root, after {@code ./mvnw -B -q package -DskipTests}: {@code java -jar
 * benchmarks/target/fastly-invitations-benchmarks.jar}. Exits 1 when a target is missed, so that
 * the run can gate a release.
 */
public final class Report {
  private static boolean missed;

  private Report() {}

  public static void main(String... args) throws Exception {
    Path mockJar =
        Path.of(
            args.length > 0 ? args[0] : "mock-server/target/fastly-invitations-mock-server.jar");
    ServerLoad.Result load = ServerLoad.run(mockJar, ServerLoad.SLICES, ServerLoad.SLICE_SECONDS);
    Scale.Result scale = Scale.run(1_000_000, 100_000);
    SdkRounds.Result sdk = SdkRounds.run(SdkRounds.FORKS);
    SdkRounds.Pair list = sdk.list;
    SdkRounds.Pair create = sdk.create;
    // Reported, not a target: JMH's own way, two forks each.
    Collection<RunResult> mapping =
        new Runner(
                new OptionsBuilder()
                    .include(Pattern.quote(SdkBenchmark.class.getName()) + "\\.(sdk|raw)MapPage$")
                    .build())
            .run();

    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Run on %s, %d cores, Java %s (%s)%n%n",
        LocalDate.now(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"));
    System.out.println("| measure | result | target | holds |");
    System.out.println("| --- | --- | --- | --- |");
    row(
        "mock list throughput / floor",
        load.listRatio,
        ">= 0.90",
        load.listHolds(),
        String.format(
            Locale.ROOT,
            "%.0f / %.0f rps; slices' quartiles %.2f-%.2f",
            load.mockList,
            load.floorList,
            load.listQuartiles[0],
            load.listQuartiles[1]));
    row(
        "mock create throughput / floor",
        load.createRatio,
        ">= 0.80",
        load.createHolds(),
        String.format(
            Locale.ROOT,
            "%.0f / %.0f rps; slices' quartiles %.2f-%.2f",
            load.mockCreate,
            load.floorCreate,
            load.createQuartiles[0],
            load.createQuartiles[1]));
    row(
        "mock startup / floor",
        load.startupRatio(),
        "<= 1.0",
        load.startupHolds(),
        String.format(Locale.ROOT, "%.0f / %.0f ms", load.mockStartup, load.floorStartup));
    missed |= scale.bytesPerInvitation > 400;
    System.out.printf(
        Locale.ROOT,
        "| heap per stored invitation | %.0f bytes | <= 400 bytes | %s |%n",
        scale.bytesPerInvitation,
        scale.bytesPerInvitation <= 400 ? "yes" : "no");
    row(
        "list page 25,000 latency / page 1",
        scale.deepPageMicros / scale.page1Micros,
        "<= 2",
        scale.deepPageMicros / scale.page1Micros <= 2,
        String.format(Locale.ROOT, "%.0f / %.0f us", scale.deepPageMicros, scale.page1Micros));
    row("SDK list latency / raw OkHttp", list.ratio(), "<= 1.10", list.holds(), list.detail());
    row(
        "SDK create latency / raw OkHttp",
        create.ratio(),
        "<= 1.10",
        create.holds(),
        create.detail());
    System.out.printf(
        Locale.ROOT,
        "| SDK JSON mapping of a page of 20, no network | %.1f ± %.1f us (Gson's own tree of the"
            + " same bytes: %.1f us) | reported | - |%n",
        score(mapping, "sdkMapPage"),
        error(mapping, "sdkMapPage"),
        score(mapping, "rawMapPage"));
    System.out.printf(
        Locale.ROOT,
        "| listAll() over %,d invitations: heap growth | %.1f MB | flat | %s |%n",
        scale.listAllCount,
        scale.listAllGrowthMb,
        scale.listAllGrowthMb < 32 ? "yes" : "no");
    missed |= scale.listAllGrowthMb >= 32;

    Embedded.Result embedded = Embedded.run(5);
    Embedded.print(embedded);
    missed |= !embedded.allHold();
    if (missed) {
      System.out.println();
      System.out.println("A target was missed (a row above says no).");
    }
    System.exit(missed ? 1 : 0);
  }

  private static void row(
      String measure, double ratio, String target, boolean holds, String detail) {
    missed |= !holds;
    System.out.printf(
        Locale.ROOT,
        "| %s | %.2f (%s) | %s | %s |%n",
        measure,
        ratio,
        detail,
        target,
        holds ? "yes" : "no");
  }

  private static double score(Collection<RunResult> results, String method) {
    return result(results, method).getPrimaryResult().getScore();
  }

  /** JMH's 99.9% confidence half-width. */
  private static double error(Collection<RunResult> results, String method) {
    return result(results, method).getPrimaryResult().getScoreError();
  }

  private static RunResult result(Collection<RunResult> results, String method) {
    for (RunResult result : results) {
      if (result.getParams().getBenchmark().endsWith("." + method)) {
        return result;
      }
    }
    throw new IllegalStateException("no JMH result for " + method);
  }
}
