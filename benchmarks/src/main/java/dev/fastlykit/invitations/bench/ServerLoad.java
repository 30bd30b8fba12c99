package dev.fastlykit.invitations.bench;

import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput of the mock server and of the floor, measured in one run, alternating, with wrk on
 * loopback; and startup, spawn to first answer. Needs {@code wrk} on the PATH.
 */
public final class ServerLoad {
  static final String TOKEN = MockFastlyServer.DEMO_SUPERUSER_TOKEN;
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

  /** Results, requests per second and milliseconds, medians of the rounds. */
  static final class Result {
    double floorList;
    double mockList;
    double floorCreate;
    double mockCreate;
    double floorStartup;
    double mockStartup;
  }

  private ServerLoad() {}

  public static void main(String... args) throws Exception {
    Result r =
        run(
            Path.of(
                args.length > 0
                    ? args[0]
                    : "mock-server/target/fastly-invitations-mock-server.jar"),
            3,
            8);
    System.out.printf(
        Locale.ROOT,
        "list   floor %.0f rps, mock %.0f rps, ratio %.2f%n",
        r.floorList,
        r.mockList,
        r.mockList / r.floorList);
    System.out.printf(
        Locale.ROOT,
        "create floor %.0f rps, mock %.0f rps, ratio %.2f%n",
        r.floorCreate,
        r.mockCreate,
        r.mockCreate / r.floorCreate);
    System.out.printf(
        Locale.ROOT,
        "startup floor %.0f ms, mock %.0f ms, ratio %.2f%n",
        r.floorStartup,
        r.mockStartup,
        r.mockStartup / r.floorStartup);
  }

  static Result run(Path mockJar, int rounds, int seconds) throws Exception {
    Path dir = Files.createTempDirectory("fastly-bench");
    Path seed = dir.resolve("seed.json");
    Files.writeString(seed, seedWith(1000));
    Path createScript = dir.resolve("create.lua");
    Files.writeString(createScript, CREATE_LUA);
    Result result = new Result();

    int mockPort = Processes.freePort();
    Process mock =
        Processes.start(
            List.of(
                "-jar",
                mockJar.toString(),
                "--port",
                Integer.toString(mockPort),
                "--seed",
                seed.toString(),
                "--write-limit",
                "2000000000"));
    String mockUrl = "http://127.0.0.1:" + mockPort;
    String listPath = "/invitations?page%5Bnumber%5D=2&page%5Bsize%5D=20";
    Processes.awaitOk(mockUrl + listPath, TOKEN, System.nanoTime());
    Path listBody = dir.resolve("list.json");
    Files.writeString(listBody, Processes.get(mockUrl + listPath, TOKEN));
    Path createdBody = dir.resolve("created.json");
    Files.writeString(
        createdBody,
        Processes.post(
            mockUrl + "/invitations",
            TOKEN,
            "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"sample@example.com\"}}}"));

    int floorPort = Processes.freePort();
    Process floor =
        Processes.start(
            List.of(
                "-cp",
                Processes.benchmarksJar().toString(),
                Floor.class.getName(),
                Integer.toString(floorPort),
                listBody.toString(),
                createdBody.toString()));
    String floorUrl = "http://127.0.0.1:" + floorPort;
    Processes.awaitOk(floorUrl + listPath, TOKEN, System.nanoTime());
    try {
      // Warm both up, then alternate so that neither gets the machine's better minutes.
      wrk(floorUrl + listPath, null, 3);
      wrk(mockUrl + listPath, null, 3);
      wrk(floorUrl + "/invitations", createScript, 3);
      wrk(mockUrl + "/invitations", createScript, 3);
      List<Double> fl = new ArrayList<>();
      List<Double> ml = new ArrayList<>();
      List<Double> fc = new ArrayList<>();
      List<Double> mc = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        fl.add(wrk(floorUrl + listPath, null, seconds));
        ml.add(wrk(mockUrl + listPath, null, seconds));
        fc.add(wrk(floorUrl + "/invitations", createScript, seconds));
        mc.add(wrk(mockUrl + "/invitations", createScript, seconds));
      }
      result.floorList = median(fl);
      result.mockList = median(ml);
      result.floorCreate = median(fc);
      result.mockCreate = median(mc);
    } finally {
      Processes.stop(mock);
      Processes.stop(floor);
    }

    List<Double> floorStarts = new ArrayList<>();
    List<Double> mockStarts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      floorStarts.add(
          startup(
              List.of(
                  "-cp",
                  Processes.benchmarksJar().toString(),
                  Floor.class.getName(),
                  "%PORT%",
                  listBody.toString(),
                  createdBody.toString())));
      mockStarts.add(startup(List.of("-jar", mockJar.toString(), "--port", "%PORT%")));
    }
    result.floorStartup = median(floorStarts);
    result.mockStartup = median(mockStarts);
    return result;
  }

  private static double startup(List<String> command) throws Exception {
    int port = Processes.freePort();
    List<String> withPort = new ArrayList<>();
    command.forEach(a -> withPort.add(a.replace("%PORT%", Integer.toString(port))));
    long start = System.nanoTime();
    Process process = Processes.start(withPort);
    try {
      return Processes.awaitOk("http://127.0.0.1:" + port + "/invitations", TOKEN, start);
    } finally {
      Processes.stop(process);
    }
  }

  /** Requests per second that wrk measured: one thread (two cores are shared), 16 connections. */
  static double wrk(String url, Path script, int seconds) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of("wrk", "-t1", "-c16", "-d" + seconds + "s", "-H", "Fastly-Key: " + TOKEN));
    if (script != null) {
      command.add("-s");
      command.add(script.toString());
    }
    command.add(url);
    Process wrk =
        new ProcessBuilder(Processes.pinned(1, command)).redirectErrorStream(true).start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(wrk.getInputStream(), StandardCharsets.UTF_8))) {
      reader.lines().forEach(line -> output.append(line).append('\n'));
    }
    wrk.waitFor();
    if (output.toString().contains("Non-2xx")) {
      throw new IllegalStateException("wrk saw errors from " + url + ":\n" + output);
    }
    Matcher m = RPS.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("no Requests/sec in wrk's output:\n" + output);
    }
    return Double.parseDouble(m.group(1));
  }

  /** The demo accounts with {@code count} invitations of the demo customer. */
  static String seedWith(int count) {
    try (MockFastlyServer builder = MockFastlyServer.builder().empty().build()) {
      for (int i = 0; i < count; i++) {
        builder.addInvitation(TOKEN, "seed" + i + "@example.com", i % 3 == 0 ? "engineer" : "user");
      }
      return builder.exportState();
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Each request invites a new address, so that no create is refused as a duplicate. */
  private static final String CREATE_LUA =
      String.join(
          "\n",
          "wrk.method = \"POST\"",
          "wrk.headers[\"Content-Type\"] = \"application/vnd.api+json\"",
          "local counter = 0",
          "math.randomseed(os.time() + math.floor(os.clock() * 1000000))",
          "local prefix = tostring(math.random(1, 1000000000))",
          "request = function()",
          "  counter = counter + 1",
          "  local body = '{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"load' .. prefix .. '-' .. counter .. '@example.com\"}}}'",
          "  return wrk.format(nil, nil, nil, body)",
          "end",
          "");
}
