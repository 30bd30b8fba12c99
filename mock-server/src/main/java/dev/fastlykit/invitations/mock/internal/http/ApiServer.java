package dev.fastlykit.invitations.mock.internal.http;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import dev.fastlykit.invitations.mock.internal.jetty.Connections;
import dev.fastlykit.invitations.mock.internal.jetty.JettyErrors;
import dev.fastlykit.invitations.mock.internal.journal.Fault;
import dev.fastlykit.invitations.mock.internal.spec.SpecValidator;
import dev.fastlykit.invitations.mock.internal.store.Refusal;
import dev.fastlykit.invitations.mock.internal.store.Tokens;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a mock server: the route table, Javalin and Jetty configured, faults applied,
 * exchanges recorded, and every error answered in Fastly's format.
 */
public final class ApiServer {
  private static final Logger LOG =
      LoggerFactory.getLogger("dev.fastlykit.invitations.mock.MockFastlyServer");

  /**
   * How the server listens and behaves.
   *
   * @param adminToken the token admin calls need, or null for none
   * @param idleTimeout how long a connection may stay silent before the server closes it
   * @param validate whether to check every exchange of the API against the spec
   * @param proxy where to forward the API's requests, or null to answer them from the state
   */
  public record Options(
      String host,
      int port,
      String adminToken,
      Duration idleTimeout,
      boolean validate,
      boolean verbose,
      ProxyOptions proxy) {
    /** The same options on another port. */
    public Options withPort(int otherPort) {
      return new Options(host, otherPort, adminToken, idleTimeout, validate, verbose, proxy);
    }
  }

  private final MockState state;
  private final Options options;
  private final RouteTable routes = new RouteTable();
  private final AdminHandlers admin;
  private final Recorder recorder;
  private final PreferredAnswers preferredAnswers;
  private final Upstream upstream;
  private final Javalin javalin;

  public ApiServer(MockState state, Clock clock, Options options) {
    this.state = state;
    this.options = options;
    boolean proxy = options.proxy() != null;
    // A proxy checks every answer of the upstream; its own answers are faults, preferences and
    // gateway errors, which are not the API's.
    SpecValidator validator =
        options.validate() || proxy ? SpecValidator.of(MockState.spec()) : null;
    this.recorder =
        new Recorder(
            state,
            clock,
            validator,
            options.validate() && !proxy,
            routes,
            options.verbose() ? System.out : null);
    this.upstream = proxy ? new Upstream(options.proxy(), recorder::record) : null;
    InvitationHandlers api =
        new InvitationHandlers(
            state.store(), state.budgets(), options.host(), options.validate(), recorder::record);
    routes
        .api(GET, "/invitations", "list the caller's pending invitations", api::list)
        .api(POST, "/invitations", "invite someone", api::create)
        .api(DELETE, "/invitations/{invitation_id}", "withdraw an invitation", api::delete)
        .server(GET, "/openapi.yaml", "the spec this server implements", this::serveSpec);
    this.preferredAnswers = new PreferredAnswers(routes, state.budgets());
    this.admin =
        new AdminHandlers(state, options.adminToken(), proxy ? options.proxy().url() : null);
    admin.addTo(routes);
    Console.addTo(routes);
    this.javalin = Javalin.create(this::configure);
  }

  /** Every route the server answers. */
  public RouteTable routes() {
    return routes;
  }

  /**
   * Starts listening.
   *
   * @throws IllegalStateException when it would listen beyond loopback without an admin token
   * @throws UncheckedIOException saying why, when the address cannot be listened on
   */
  public void start() {
    if (options.adminToken() == null && !isLoopback(options.host())) {
      throw new IllegalStateException(
          "refusing to listen on "
              + options.host()
              + " without an admin token: pass --admin-token");
    }
    state.changes().hold();
    try {
      javalin.start();
    } catch (RuntimeException e) {
      javalin.stop();
      throw new UncheckedIOException(
          new IOException(
              "cannot listen on " + options.host() + ":" + options.port() + ": " + rootMessage(e),
              e));
    }
  }

  /** The port listened on. */
  public int port() {
    return javalin.port();
  }

  public void stop() {
    state.changes().release(); // Jetty would answer a console's pending wait 500
    javalin.stop();
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    // Javalin's watcher is a thread per instance that sleeps five seconds to warn of a server never
    // started; it holds the whole server that long, and a test suite starts hundreds.
    config.startup.startupWatcherEnabled = false;
    config.http.prefer405over404 = true;
    // Javalin gives every answer this Content-Type before any handler runs: the API's 200 answers
    // are JSON:API and set none of their own; afterRequest takes it off an answer without a body.
    config.http.defaultContentType = InvitationHandlers.JSON_API;
    config.http.maxRequestSize = Limits.MAX_BODY_BYTES;
    config.jetty.addConnector(
        (server, http) ->
            Connections.connector(
                server,
                http,
                options.host(),
                options.port(),
                options.idleTimeout(),
                Limits.JETTY_HEAD_BYTES));
    JettyErrors jettyErrors = new JettyErrors(FastlyError::bodyOf);
    config.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
    config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(jettyErrors));

    // One filter for every path, dispatching on a prefix: cheaper than a pattern per filter.
    config.routes.before(
        ctx -> {
          Exchange exchange = Exchange.begin(ctx);
          exchange.startNanos = System.nanoTime();
          checkHead(ctx, exchange);
          String path = ctx.path();
          if (path.startsWith("/invitations")) {
            applyFault(ctx);
            preferredAnswers.apply(ctx, exchange);
            if (upstream != null) {
              upstream.forward(ctx);
            }
          } else if (path.startsWith("/__admin")) {
            if (!Console.isPage(path)) {
              admin.authorize(ctx);
            }
          } else if (path.equals("/")) {
            Console.redirectBrowsers(ctx);
          }
          if (ctx.method() == HandlerType.HEAD) {
            refuseHead(ctx);
          }
        });
    routes.registerOn(config);
    config.routes.after(this::afterRequest);

    config.routes.exception(FastlyError.class, (e, ctx) -> writeError(ctx, e));
    config.routes.exception(Refusal.class, (e, ctx) -> writeError(ctx, FastlyError.of(e)));
    config.routes.exception(ConnectionDropped.class, (e, ctx) -> {});
    config.routes.exception(Answered.class, (e, ctx) -> {});
    config.routes.exception(
        CannedAnswer.class,
        (e, ctx) -> {
          ctx.status(e.status);
          if (e.body != null) {
            ctx.contentType(e.mediaType).result(e.body);
          }
        });
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          int status = e.getStatus() >= 400 ? e.getStatus() : 400;
          // Javalin's 405 is for a method the table has no route of: the table says 405 or 404.
          writeError(ctx, status == 405 ? routes.refusal(ctx) : FastlyError.of(status));
        });
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          writeError(ctx, FastlyError.of(500));
        });
  }

  /**
   * A target longer than the server takes is 414, more header bytes than it takes 431. Reads each
   * header once, keeping them (tokens redacted) for the journal.
   */
  private static void checkHead(Context ctx, Exchange exchange) {
    String query = ctx.req().getQueryString();
    int target = ctx.req().getRequestURI().length() + (query == null ? 0 : query.length() + 1);
    if (target > Limits.MAX_TARGET_CHARS) {
      throw FastlyError.of(414);
    }
    HeadReader head = new HeadReader(exchange);
    Connections.eachHeader(ctx.req(), head);
    if (head.bytes > Limits.MAX_HEADER_BYTES) {
      throw FastlyError.of(431);
    }
    exchange.headerPairs = head.pairs();
  }

  /**
   * Reads the headers in one pass: counts their bytes, keeps them (tokens redacted) for the
   * journal, and takes the ones the handlers read.
   */
  private static final class HeadReader implements Connections.HeaderVisitor {
    final Exchange exchange;

    /** Each header's name and value, in the order they came: {@code filled} of them so far. */
    private String[] pairs = new String[0];

    private int filled;
    int bytes;

    HeadReader(Exchange exchange) {
      this.exchange = exchange;
    }

    @Override
    public void count(int fields) {
      pairs = new String[2 * fields];
    }

    /** The pairs read, in an array of their size: the one sized by {@link #count}, as a rule. */
    String[] pairs() {
      return filled == pairs.length ? pairs : Arrays.copyOf(pairs, filled);
    }

    @Override
    public void header(String name, String value) {
      bytes += name.length() + value.length() + 4; // ": " and CRLF
      if (filled + 2 > pairs.length) {
        pairs = Arrays.copyOf(pairs, Math.max(16, 2 * pairs.length));
      }
      pairs[filled++] = name;
      if (name.equalsIgnoreCase("Fastly-Key")) {
        exchange.fastlyKey = first(exchange.fastlyKey, value);
        pairs[filled++] = Tokens.redact(value);
      } else if (name.equalsIgnoreCase("Authorization")) {
        pairs[filled++] = Tokens.redact(value);
      } else {
        pairs[filled++] = value;
        if (name.equalsIgnoreCase("Host")) {
          exchange.host = first(exchange.host, value);
        } else if (name.equalsIgnoreCase("Content-Type")) {
          exchange.contentType = first(exchange.contentType, value);
        } else if (name.equalsIgnoreCase("Accept-Encoding")) {
          exchange.acceptEncoding = first(exchange.acceptEncoding, value);
        } else if (name.equalsIgnoreCase("Prefer")) {
          exchange.prefer = true;
        }
      }
    }

    /** A header's first value wins, as the servlet API's {@code getHeader} gives it. */
    private static String first(String seen, String value) {
      return seen != null ? seen : value;
    }
  }

  /**
   * Finishes an answer that its handler did not write itself: one without a body (a 204, a
   * redirect) loses the Content-Type Javalin gave it, and the exchange is journaled.
   */
  private void afterRequest(Context ctx) {
    Exchange exchange = Exchange.of(ctx);
    exchange.end();
    if (exchange.recorded) {
      return; // written and journaled by its handler (the API's 200s, the proxy's answers)
    }
    if (ctx.resultInputStream() == null) {
      ctx.res().setContentType(null);
    }
    recorder.afterRequest(ctx, exchange);
  }

  /**
   * Javalin would answer HEAD with a GET route; the spec documents no HEAD, so it is refused as
   * every other method a path does not serve.
   */
  private void refuseHead(Context ctx) {
    throw routes.refusal(ctx);
  }

  private void applyFault(Context ctx) throws InterruptedException {
    Fault fault = state.faults().match(ctx.method().name(), ctx.path());
    if (fault == null) {
      return;
    }
    Exchange exchange = Exchange.of(ctx);
    exchange.fault = fault;
    if (!fault.delay().isZero()) {
      Thread.sleep(fault.delay().toMillis());
    }
    if (fault.dropConnection()) {
      exchange.dropped = true;
      Connections.drop(ctx.req());
      throw new ConnectionDropped();
    }
    if (fault.status() > 0) {
      fault.headers().forEach(ctx::header);
      if (fault.body() != null) {
        throw new CannedAnswer(fault.status(), InvitationHandlers.JSON, fault.body());
      }
      String msg = fault.msg() != null ? fault.msg() : FastlyError.reason(fault.status());
      throw new FastlyError(fault.status(), msg, fault.detail());
    }
  }

  private void serveSpec(Context ctx) {
    ctx.status(200).contentType("application/yaml").result(MockState.spec());
  }

  private static void writeError(Context ctx, FastlyError e) {
    ctx.status(e.status).contentType(InvitationHandlers.JSON).result(e.body());
  }

  /** Whether a host names this machine only: the admin API is open there without a token. */
  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Why listening failed, in words: never a class name. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
      return "unknown host";
    }
    String message = root.getMessage();
    return message == null || message.isBlank()
        ? "the address cannot be listened on"
        : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
  }
}
