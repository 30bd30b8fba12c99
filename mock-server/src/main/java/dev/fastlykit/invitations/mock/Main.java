package dev.fastlykit.invitations.mock;

import dev.fastlykit.invitations.mock.internal.store.Customer;
import dev.fastlykit.invitations.mock.internal.store.User;
import dev.fastlykit.invitations.mock.internal.store.WriteBudgets;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar fastly-invitations-mock-server.jar [options]}: the server on its own. */
public final class Main {
  static final String USAGE =
      String.join(
          "\n",
          "Usage: java -jar fastly-invitations-mock-server.jar [options]",
          "",
          "A stateful stand-in for Fastly's Invitations API, with the demo account by default.",
          "",
          "  --host HOST          address to listen on (default 127.0.0.1)",
          "  --port PORT          port to listen on, 0 for a free one (default 8080)",
          "  --seed FILE          start from this state document (the format of GET /__admin/state)",
          "  --empty              start with the demo accounts and no invitations",
          "  --write-limit N      hourly write budget of each token (default 1000)",
          "  --admin-token TOKEN  require 'Authorization: Bearer TOKEN' on /__admin/ (needed beyond loopback)",
          "  --validate           check every request and response against the spec, logging what breaks it",
          "  --verbose            print a line per request: method, path and query, status, milliseconds",
          "  --proxy URL          forward every /invitations request to URL (such as https://api.fastly.com),",
          "                       return its answers unchanged and report those that break the spec at",
          "                       GET /__admin/drift; 502 when URL cannot be reached, 504 when it is too slow",
          "  --proxy-connect-timeout MS",
          "                       how long to wait for a connection to URL (default 5000)",
          "  --proxy-timeout MS   how long to wait for URL's answer once the request is sent (default 30000)",
          "  --help               print this and exit",
          "");

  /** What the command line asked for. */
  static final class Options {
    String host = "127.0.0.1";
    int port = 8080;
    Path seed;
    boolean empty;
    int writeLimit = WriteBudgets.DEFAULT_LIMIT;
    String adminToken;
    boolean validate;
    boolean verbose;
    String proxy;
    int proxyConnectTimeoutMs = (int) MockFastlyServer.DEFAULT_PROXY_CONNECT_TIMEOUT.toMillis();
    int proxyTimeoutMs = (int) MockFastlyServer.DEFAULT_PROXY_TIMEOUT.toMillis();
    boolean help;
  }

  /** A command line the server cannot run with; the message is the one line to print. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private Main() {}

  public static void main(String... args) {
    configureLibraries();
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Starts the server and waits for it to be stopped; returns the exit status on failure. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = parse(args);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage() + " (see --help)");
      return 2;
    }
    if (options.help) {
      out.print(USAGE);
      return 0;
    }
    MockFastlyServer server;
    try {
      server = start(options);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "fastly-mock-shutdown"));
    printBanner(server, options, out);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  static MockFastlyServer start(Options options) throws UsageException {
    MockFastlyServer.Builder builder =
        MockFastlyServer.builder()
            .host(options.host)
            .port(options.port)
            .writeLimit(options.writeLimit)
            .adminToken(options.adminToken)
            .validate(options.validate)
            .verbose(options.verbose);
    if (options.proxy != null) {
      builder
          .proxyConnectTimeout(Duration.ofMillis(options.proxyConnectTimeoutMs))
          .proxyTimeout(Duration.ofMillis(options.proxyTimeoutMs))
          .proxy(options.proxy);
    }
    if (options.seed != null) {
      String state;
      try {
        if (Files.isDirectory(options.seed)) {
          throw new UsageException("seed file " + options.seed + " is a directory");
        }
        state = Files.readString(options.seed, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new UsageException("seed file " + options.seed + " does not exist");
      } catch (AccessDeniedException e) {
        throw new UsageException(
            "seed file " + options.seed + " cannot be read: permission denied");
      } catch (MalformedInputException e) {
        throw new UsageException("seed file " + options.seed + " is not UTF-8 text");
      } catch (IOException e) {
        throw new UsageException(
            "seed file "
                + options.seed
                + " cannot be read"
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
      builder.state(state);
    }
    if (options.empty) {
      builder.empty();
    }
    MockFastlyServer server;
    try {
      server = builder.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "seed file " + options.seed + " is not a valid state: " + e.getMessage());
    }
    try {
      return server.start();
    } catch (IllegalStateException e) {
      throw new UsageException(e.getMessage());
    } catch (UncheckedIOException e) {
      throw new UsageException(e.getCause().getMessage());
    }
  }

  static Options parse(String[] args) throws UsageException {
    Options options = new Options();
    List<String> list = new ArrayList<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        list.add(arg.substring(0, eq));
        list.add(arg.substring(eq + 1));
      } else {
        list.add(arg);
      }
    }
    for (int i = 0; i < list.size(); i++) {
      String flag = list.get(i);
      switch (flag) {
        case "--help":
        case "-h":
          options.help = true;
          break;
        case "--host":
          options.host = value(list, ++i, flag);
          break;
        case "--port":
          options.port = number(value(list, ++i, flag), flag, 0, 65535);
          break;
        case "--seed":
          options.seed = Path.of(value(list, ++i, flag));
          break;
        case "--empty":
          options.empty = true;
          break;
        case "--write-limit":
          options.writeLimit = number(value(list, ++i, flag), flag, 0, Integer.MAX_VALUE);
          break;
        case "--admin-token":
          options.adminToken = value(list, ++i, flag);
          break;
        case "--validate":
          options.validate = true;
          break;
        case "--verbose":
          options.verbose = true;
          break;
        case "--proxy":
          options.proxy = value(list, ++i, flag);
          break;
        case "--proxy-connect-timeout":
          options.proxyConnectTimeoutMs = number(value(list, ++i, flag), flag, 1, 3_600_000);
          break;
        case "--proxy-timeout":
          options.proxyTimeoutMs = number(value(list, ++i, flag), flag, 1, 3_600_000);
          break;
        default:
          throw new UsageException("unknown option " + flag);
      }
    }
    if (options.seed != null && options.empty) {
      throw new UsageException("--seed and --empty cannot be used together");
    }
    if (options.proxy != null && (options.seed != null || options.empty)) {
      throw new UsageException(
          "--proxy answers from the upstream, not from a state: drop --seed and --empty");
    }
    if (options.proxy != null) {
      try {
        MockFastlyServer.builder().proxy(options.proxy);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--proxy: " + e.getMessage());
      }
    }
    return options;
  }

  private static String value(List<String> args, int i, String flag) throws UsageException {
    if (i >= args.size() || args.get(i).startsWith("--") || args.get(i).isEmpty()) {
      throw new UsageException(flag + " needs a value");
    }
    return args.get(i);
  }

  private static int number(String value, String flag, int min, int max) throws UsageException {
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(
          flag + " must be a number from " + min + " to " + max + ", not " + value);
    }
  }

  private static void printBanner(MockFastlyServer server, Options options, PrintStream out) {
    if (options.proxy != null) {
      printProxyBanner(server, options, out);
      return;
    }
    String url = server.url();
    StringBuilder text = new StringBuilder();
    text.append("Fastly Invitations mock server listening on ").append(url).append('\n');
    text.append('\n').append(String.format("  %-30s %-26s %s%n", "Fastly-Key", "user", "role"));
    server.readAccounts(
        customers -> {
          for (Customer customer : customers) {
            for (User user : customer.users) {
              String role =
                  user.role
                      + (user.limitServices ? " (limited to services)" : "")
                      + " of "
                      + customer.name;
              text.append(String.format("  %-30s %-26s %s%n", user.token, user.email, role));
            }
          }
          return null;
        });
    text.append('\n')
        .append("Invitations: ")
        .append(server.invitationCount())
        .append("; write limit: ")
        .append(server.writeLimit())
        .append(" per token per hour")
        .append(options.validate ? "; validating against the spec" : "")
        .append('\n');
    text.append("Admin API: ")
        .append(url)
        .append("/__admin/health")
        .append(options.adminToken == null ? "" : " (Authorization: Bearer <admin token>)")
        .append('\n');
    text.append("Try: curl -H 'Fastly-Key: ")
        .append(MockFastlyServer.DEMO_SUPERUSER_TOKEN)
        .append("' ")
        .append(url)
        .append("/invitations\n");
    out.print(text);
    out.flush();
  }

  private static void printProxyBanner(MockFastlyServer server, Options options, PrintStream out) {
    String url = server.url();
    out.print(
        "Fastly Invitations mock server listening on "
            + url
            + "\n"
            + "Forwarding /invitations to "
            + options.proxy
            + "\n"
            + "Every answer is checked against the spec; what breaks it: "
            + url
            + "/__admin/drift\n"
            + "Fault rules and 'Prefer: code=NNN' are still answered here; the admin API stays"
            + " local.\n"
            + "Try: curl -H \"Fastly-Key: $FASTLY_API_TOKEN\" "
            + url
            + "/invitations\n");
    out.flush();
  }

  /**
   * Jetty and Javalin log their start at INFO, and the banner says what matters; a system property
   * set on the command line wins.
   */
  private static void configureLibraries() {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
    setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.io.javalin", "warn");
    // Its "Failed to start Javalin" would come before the one line that says why.
    setIfAbsent("org.slf4j.simpleLogger.log.io.javalin.Javalin", "off");
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    // Jetty pads its thread pool's queue to a cache line of references; unless told how many fit
    // in one, it starts the JMX platform server to ask HotSpot whether references are compressed
    // (a tenth of a second of every start). They are below 32 GB of heap: 64 bytes hold 16.
    setIfAbsent(
        "org.eclipse.jetty.util.referencesPerCacheLine",
        Runtime.getRuntime().maxMemory() < (32L << 30) ? "16" : "8");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
