package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void helpListsEveryFlagAndExitsZero() {
    int status = run("--help");

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "--host",
            "--port",
            "--seed",
            "--empty",
            "--write-limit",
            "--admin-token",
            "--validate",
            "--verbose",
            "--proxy URL",
            "--proxy-connect-timeout MS",
            "--proxy-timeout MS",
            "--help");
  }

  @Test
  void proxyFlagsAreReadAndCheckedAtOnce() throws Exception {
    Main.Options options =
        Main.parse(
            new String[] {
              "--proxy=https://api.fastly.com",
              "--proxy-connect-timeout",
              "250",
              "--proxy-timeout=900"
            });

    assertThat(options.proxy).isEqualTo("https://api.fastly.com");
    assertThat(options.proxyConnectTimeoutMs).isEqualTo(250);
    assertThat(options.proxyTimeoutMs).isEqualTo(900);
    assertThat(run("--proxy", "api.fastly.com")).isEqualTo(2);
    assertThat(run("--proxy", "https://api.fastly.com", "--empty")).isEqualTo(2);
    assertThat(run("--proxy", "https://api.fastly.com", "--proxy-timeout", "0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "error: --proxy: the upstream must be an absolute http or https URL, not"
                + " api.fastly.com (see --help)",
            "error: --proxy answers from the upstream, not from a state: drop --seed and --empty"
                + " (see --help)",
            "error: --proxy-timeout must be a number from 1 to 3600000, not 0 (see --help)");
  }

  @Test
  void anUnknownFlagIsOneLineAndExit2() {
    int status = run("--colour", "blue");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("error: unknown option --colour (see --help)\n");
  }

  @Test
  void badValuesAreOneLineAndExit2() {
    assertThat(run("--port", "http")).isEqualTo(2);
    assertThat(run("--write-limit")).isEqualTo(2);
    assertThat(run("--seed", "a.json", "--empty")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .hasSize(3)
        .allMatch(l -> l.startsWith("error: "));
  }

  @Test
  void aMissingSeedFileOrADirectoryIsOnePlainLineAndExit1(@TempDir Path dir) {
    Path missing = dir.resolve("missing.json");

    assertThat(run("--seed", missing.toString(), "--port", "0")).isEqualTo(1);
    assertThat(run("--seed", dir.toString(), "--port", "0")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "error: seed file " + missing + " does not exist",
            "error: seed file " + dir + " is a directory");
  }

  @Test
  void anUnknownHostIsOnePlainLineAndExit1() {
    int status = run("--host", "no-such-host.invalid", "--admin-token", "t", "--port", "0");

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("error: cannot listen on no-such-host.invalid:0: unknown host");
  }

  @Test
  void noStartUpFailureNamesAJavaClass(@TempDir Path dir) throws Exception {
    run("--seed", dir.resolve("missing.json").toString());
    run("--seed", dir.toString());
    run("--seed", Files.writeString(dir.resolve("bad.json"), "{\"customers\": [").toString());
    run("--host", "no-such-host.invalid", "--admin-token", "t", "--port", "0");

    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .hasSize(4)
        .allMatch(l -> l.startsWith("error: "))
        .noneMatch(l -> l.matches(".*[A-Z][a-z]+(Exception|Error).*"));
  }

  @Test
  void anInvalidSeedFileIsOneLineAndExit1(@TempDir Path dir) throws Exception {
    Path seed = Files.writeString(dir.resolve("seed.json"), "{\"customers\":[{}]}");

    int status = run("--seed", seed.toString(), "--port", "0");

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("is not a valid state")
        .hasLineCount(1);
  }

  @Test
  void aBusyPortIsOneLineAndExit1() {
    try (MockFastlyServer busy = new MockFastlyServer().start()) {
      int status = run("--port", Integer.toString(busy.port()));

      assertThat(status).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .startsWith("error: cannot listen on 127.0.0.1:" + busy.port())
          .hasLineCount(1);
    }
  }

  @Test
  void aNonLoopbackHostWithoutAdminTokenIsRefused() {
    int status = run("--host", "0.0.0.0", "--port", "0");

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--admin-token");
  }

  @Test
  void flagsAreParsedInBothForms(@TempDir Path dir) throws Exception {
    Main.Options options =
        Main.parse(
            new String[] {
              "--host=::1",
              "--port",
              "0",
              "--write-limit=5",
              "--admin-token",
              "t",
              "--validate",
              "--verbose",
              "--empty"
            });

    assertThat(options.host).isEqualTo("::1");
    assertThat(options.port).isZero();
    assertThat(options.writeLimit).isEqualTo(5);
    assertThat(options.adminToken).isEqualTo("t");
    assertThat(options.validate).isTrue();
    assertThat(options.verbose).isTrue();
    assertThat(options.empty).isTrue();
    assertThatThrownBy(() -> Main.parse(new String[] {"--port", "70000"}))
        .hasMessageContaining("--port must be a number from 0 to 65535");
  }

  @Test
  void aSeedFileStartsTheServerFromIt(@TempDir Path dir) throws Exception {
    Path seed =
        Files.writeString(
            dir.resolve("seed.json"), MockFastlyServer.builder().empty().build().exportState());
    Main.Options options = Main.parse(new String[] {"--seed", seed.toString(), "--port", "0"});

    try (MockFastlyServer server = Main.start(options)) {
      assertThat(server.invitationCount()).isZero();
    }
  }

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
