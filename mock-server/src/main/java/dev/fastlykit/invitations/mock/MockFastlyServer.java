package dev.fastlykit.invitations.mock;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful, in-memory stand-in for Fastly's Invitations API, with Fastly's auth, roles, error
 * bodies, pagination and rate limits.
 *
 * <pre>{@code
 * try (MockFastlyServer fastly = new MockFastlyServer()) {
 *   fastly.start();                                  // a random free port on 127.0.0.1
 *   InvitationsClient client = InvitationsClient.builder()
 *       .apiToken(MockFastlyServer.DEMO_SUPERUSER_TOKEN).baseUrl(fastly.url()).build();
 *   ...
 *   assertEquals(1, fastly.requestCount("POST", "/invitations"));
 * }
 * }</pre>
 *
 * <p>It starts with the demo account (see the module README for its users, tokens and invitations)
 * unless {@link Builder#state(String)} or {@link Builder#empty()} says otherwise, and {@link
 * #reset()} goes back to that starting state. Thread-safe.
 */
public final class MockFastlyServer implements AutoCloseable {
  /** A superuser of the demo customer: may do anything. */
  public static final String DEMO_SUPERUSER_TOKEN = "demo-superuser-token";

  /** An engineer of the demo customer without service limits: may invite users and engineers. */
  public static final String DEMO_ENGINEER_TOKEN = "demo-engineer-token";

  /** An engineer of the demo customer limited to some services: may not manage invitations. */
  public static final String DEMO_LIMITED_ENGINEER_TOKEN = "demo-limited-engineer-token";

  /** A user of the demo customer: may not manage invitations. */
  public static final String DEMO_USER_TOKEN = "demo-user-token";

  /** A billing user of the demo customer: may not manage invitations. */
  public static final String DEMO_BILLING_TOKEN = "demo-billing-token";

  /** A superuser of a second customer, "other": sees none of the demo customer's invitations. */
  public static final String OTHER_SUPERUSER_TOKEN = "other-superuser-token";

  private static final Logger LOG = LoggerFactory.getLogger(MockFastlyServer.class);
  private static final String SPEC_RESOURCE = "openapi/fastly-invitations.yaml";
  private static final String RECORDED_ATTRIBUTE = "fastly.recorded";

  private final String host;
  private final int configuredPort;
  private final String initialState;
  private final String adminToken;
  private final boolean validate;
  private final Clock clock;
  private final int initialWriteLimit;
  private final java.time.Duration idleTimeout;
  private final Store store;
  private final WriteBudgets budgets;
  private final Journal journal = new Journal(Limits.JOURNAL_SIZE);
  private final Faults faults = new Faults();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private Javalin app;
  private SpecValidator validator;

  /** A server with the demo account, on a random port of 127.0.0.1 once started. */
  public MockFastlyServer() {
    this(builder());
  }

  private MockFastlyServer(Builder b) {
    this.host = b.host;
    this.configuredPort = b.port;
    this.adminToken = b.adminToken;
    this.validate = b.validate;
    this.clock = b.clock;
    this.initialWriteLimit = b.writeLimit;
    this.idleTimeout = b.idleTimeout;
    this.initialState = b.state != null ? b.state : demoState(b.empty);
    this.store = new Store(clock, Ids.fast());
    this.budgets = new WriteBudgets(clock, b.writeLimit);
    store.replace(StateDocument.parse(initialState));
  }

  /** Configures a server: address, starting state, write limit, admin token, validation. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts on the configured port (a random free one by default). */
  public synchronized MockFastlyServer start() {
    return start(configuredPort);
  }

  /**
   * Starts on the given port; 0 picks a free one.
   *
   * @throws IllegalStateException if it is already started, or would listen beyond loopback without
   *     an admin token
   * @throws java.io.UncheckedIOException if the port is taken
   */
  public synchronized MockFastlyServer start(int port) {
    if (app != null) {
      throw new IllegalStateException("already started");
    }
    if (adminToken == null && !isLoopback(host)) {
      throw new IllegalStateException(
          "refusing to listen on " + host + " without an admin token: pass --admin-token");
    }
    if (validate) {
      validator = new OpenApiValidator(specText());
    }
    InvitationRoutes routes =
        new InvitationRoutes(
            store,
            budgets,
            () -> url().substring("http://".length()),
            validator != null,
            this::record);
    Javalin javalin = Javalin.create(config -> configure(config, routes));
    try {
      javalin.start(host, port);
      // A client that stalls mid-request (slowloris) holds its connection this long, no longer.
      for (org.eclipse.jetty.server.Connector connector :
          javalin.jettyServer().server().getConnectors()) {
        if (connector instanceof org.eclipse.jetty.server.AbstractConnector) {
          ((org.eclipse.jetty.server.AbstractConnector) connector)
              .setIdleTimeout(idleTimeout.toMillis());
        }
      }
    } catch (RuntimeException e) {
      javalin.stop();
      throw new UncheckedIOException(
          new IOException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e));
    }
    app = javalin;
    return this;
  }

  /** The base URL, such as {@code http://127.0.0.1:8080}. */
  public String url() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  /** The port it listens on. */
  public int port() {
    if (app == null) {
      throw new IllegalStateException("not started");
    }
    return app.port();
  }

  /** Goes back to the starting state: invitations, write budgets, journal and fault rules. */
  public void reset() {
    store.replace(StateDocument.parse(initialState));
    budgets.clear();
    budgets.limit(initialWriteLimit);
    journal.clear();
    faults.clear();
    violations.clear();
  }

  /** The whole state (accounts, users, tokens, services, invitations) as a JSON document. */
  public String exportState() {
    return StateDocument.export(store);
  }

  /**
   * Replaces the whole state with a document in the {@link #exportState()} format.
   *
   * @throws IllegalArgumentException saying what is wrong with the document
   */
  public void importState(String state) {
    store.replace(StateDocument.parse(state));
  }

  /**
   * Adds accounts (and their users and invitations) in the {@link #exportState()} format to what is
   * there.
   *
   * @throws IllegalArgumentException if the document is malformed or clashes with what is there
   */
  public void addAccounts(String state) {
    StateDocument document = StateDocument.parse(state);
    document.checkAgainst(store);
    store.add(document);
  }

  /**
   * Adds a pending invitation as if the token's user had sent it now, without checks of role or
   * write budget.
   *
   * @return the new invitation's id
   * @throws IllegalArgumentException for an unknown token, a malformed email or role, or an email
   *     the account already has
   */
  public String addInvitation(String senderToken, String email, String role) {
    User sender = store.authenticate(senderToken);
    if (sender == null) {
      throw new IllegalArgumentException("unknown token");
    }
    String problem = Emails.problem(Objects.requireNonNull(email, "email"));
    if (problem != null) {
      throw new IllegalArgumentException("email '" + email + "' " + problem);
    }
    if (!Roles.ALL.contains(role)) {
      throw new IllegalArgumentException("unknown role '" + role + "'");
    }
    try {
      return store.create(
              sender, new NewInvitationRequest(email, role, List.of(), false, List.of(), true))
          .id;
    } catch (FastlyError e) {
      throw new IllegalArgumentException(e.detail, e);
    }
  }

  /** How many invitations are pending, all customers together. */
  public int invitationCount() {
    return store.invitationCount();
  }

  /** The hourly write budget of every token. */
  public int writeLimit() {
    return budgets.limit();
  }

  /** Changes the hourly write budget of every token; what was used this hour still counts. */
  public void writeLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("the write limit must not be negative");
    }
    budgets.limit(limit);
  }

  /** The writes a token has left this hour. */
  public long remainingWrites(String token) {
    return budgets.remaining(token);
  }

  /** Adds a fault rule; returns its id. */
  public String addFault(FaultRule rule) {
    return faults.add(Objects.requireNonNull(rule, "rule"));
  }

  /** Removes one fault rule; false when there was none with this id. */
  public boolean removeFault(String id) {
    return faults.remove(id);
  }

  /** Removes every fault rule. */
  public void clearFaults() {
    faults.clear();
  }

  /** The requests the API received (at most the last 1000), oldest first. */
  public List<RecordedRequest> requests() {
    return journal.all();
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    journal.clear();
  }

  /** How many recorded requests had this method and path. */
  public int requestCount(String method, String path) {
    int count = 0;
    for (RecordedRequest request : journal.all()) {
      if (request.method().equalsIgnoreCase(method) && request.path().equals(path)) {
        count++;
      }
    }
    return count;
  }

  /** With validation on, every spec violation seen since the last reset; otherwise empty. */
  public List<String> specViolations() {
    return Collections.unmodifiableList(new ArrayList<>(violations));
  }

  /** Stops the server. */
  @Override
  public synchronized void close() {
    if (app != null) {
      app.stop();
      app = null;
    }
  }

  private void configure(JavalinConfig config, InvitationRoutes routes) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.prefer405over404 = true;
    config.http.maxRequestSize = Limits.MAX_BODY_BYTES;
    config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
    config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyErrors()));

    AdminRoutes admin = new AdminRoutes(this, adminToken);
    // One filter for every path, dispatching on a prefix: cheaper than a pattern per filter.
    config.routes.before(
        ctx -> {
          String path = ctx.path();
          if (path.startsWith("/invitations")) {
            applyFaults(ctx);
          } else if (path.startsWith("/__admin")) {
            admin.authorize(ctx);
          }
        });

    config.routes.get("/invitations", routes::list);
    config.routes.post("/invitations", routes::create);
    config.routes.delete("/invitations/{invitation_id}", routes::delete);
    config.routes.get("/openapi.yaml", this::serveSpec);
    admin.register(config);
    refuseOtherMethods(config);

    config.routes.after(this::afterRequest);
    config.routes.exception(FastlyError.class, (e, ctx) -> writeError(ctx, e));
    config.routes.exception(ConnectionDropped.class, (e, ctx) -> {});
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          int status = e.getStatus() >= 400 ? e.getStatus() : 400;
          if (status == 405) {
            String allow = allow(ctx.path());
            if (allow != null) {
              ctx.header("Allow", allow);
            }
          }
          writeError(ctx, new FastlyError(status, FastlyError.reason(status), null, Map.of()));
        });
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          writeError(ctx, new FastlyError(500, "Internal Server Error", null, Map.of()));
        });
  }

  /** Every method a path does not serve answers 405 with Allow, HEAD and OPTIONS included. */
  private void refuseOtherMethods(JavalinConfig config) {
    List<HandlerType> methods =
        List.of(
            HandlerType.GET,
            HandlerType.POST,
            HandlerType.PUT,
            HandlerType.PATCH,
            HandlerType.DELETE,
            HandlerType.HEAD,
            HandlerType.OPTIONS,
            HandlerType.TRACE,
            HandlerType.QUERY);
    Map<String, List<String>> served = new TreeMap<>();
    served.put("/invitations", List.of("GET", "POST"));
    served.put("/invitations/{invitation_id}", List.of("DELETE"));
    served.put("/openapi.yaml", List.of("GET"));
    served.putAll(AdminRoutes.SERVED);
    for (Map.Entry<String, List<String>> path : served.entrySet()) {
      String allow = String.join(", ", path.getValue());
      for (HandlerType method : methods) {
        if (!path.getValue().contains(method.name())) {
          config.routes.addHttpHandler(
              method,
              path.getKey(),
              ctx -> {
                ctx.header("Allow", allow);
                throw new FastlyError(405, "Method Not Allowed", null, Map.of());
              });
        }
      }
    }
  }

  private static String allow(String path) {
    String api = InvitationRoutes.allowedMethods(path);
    return api != null ? api : AdminRoutes.allowedMethods(path);
  }

  private void applyFaults(Context ctx) throws InterruptedException {
    FaultRule fault = faults.match(ctx.method().name(), ctx.path());
    if (fault == null) {
      return;
    }
    ctx.attribute("fastly.fault", fault);
    if (!fault.delay().isZero()) {
      Thread.sleep(fault.delay().toMillis());
    }
    if (fault.dropConnection()) {
      ctx.attribute("fastly.dropped", Boolean.TRUE);
      ConnectionDropped.drop(ctx);
      throw new ConnectionDropped();
    }
    if (fault.status() > 0) {
      fault.headers().forEach(ctx::header);
      throw new FastlyError(fault.status(), fault.msg(), fault.detail(), Map.of());
    }
  }

  private void serveSpec(Context ctx) {
    ctx.status(200).contentType("application/yaml").result(specText());
  }

  private static void writeError(Context ctx, FastlyError e) {
    ctx.status(e.status).contentType(InvitationRoutes.JSON).result(e.body());
  }

  private void afterRequest(Context ctx) {
    if (!ctx.path().startsWith("/__admin") && ctx.attribute(RECORDED_ATTRIBUTE) == null) {
      record(ctx);
    }
  }

  /**
   * Journals the exchange and checks it against the spec. Runs before the answer goes out, so that
   * a test sees the request in {@link #requests()} as soon as its call returns: the API's own
   * answers call it just before they write, and every other answer is written after this filter.
   */
  private void record(Context ctx) {
    ctx.attribute(RECORDED_ATTRIBUTE, Boolean.TRUE);
    String path = ctx.path();
    String body = ctx.attribute(InvitationRoutes.BODY_ATTRIBUTE);
    journal.add(
        new RecordedRequest(
            Instant.now(clock),
            ctx.method().name(),
            path,
            ctx.queryString(),
            redactedHeaders(ctx),
            body == null ? "" : shorten(body),
            Boolean.TRUE.equals(ctx.attribute("fastly.dropped")) ? 0 : ctx.statusCode()));
    // An injected fault is not the API's behaviour: it is not checked against the spec.
    if (validator != null && ctx.attribute("fastly.fault") == null) {
      boolean canonical =
          !Boolean.FALSE.equals(ctx.attribute(InvitationRoutes.CANONICAL_ATTRIBUTE));
      for (String violation : validator.check(ctx, body, canonical)) {
        String line =
            ctx.method().name() + " " + path + " -> " + ctx.statusCode() + ": " + violation;
        LOG.warn("Spec violation: {}", line);
        if (violations.size() < Limits.JOURNAL_SIZE) {
          violations.add(line);
        }
      }
    }
  }

  /** Name and value pairs, tokens redacted; the journal builds its map only when read. */
  private static String[] redactedHeaders(Context ctx) {
    List<String> pairs = new ArrayList<>(24);
    for (java.util.Enumeration<String> names = ctx.req().getHeaderNames();
        names.hasMoreElements(); ) {
      String name = names.nextElement();
      boolean secret =
          name.equalsIgnoreCase("Fastly-Key") || name.equalsIgnoreCase("Authorization");
      for (java.util.Enumeration<String> values = ctx.req().getHeaders(name);
          values.hasMoreElements(); ) {
        String value = values.nextElement();
        pairs.add(name);
        pairs.add(secret ? Tokens.redact(value) : value);
      }
    }
    return pairs.toArray(new String[0]);
  }

  private static String shorten(String body) {
    return body.length() <= Limits.JOURNAL_BODY_CHARS
        ? body
        : body.substring(0, Limits.JOURNAL_BODY_CHARS);
  }

  Store store() {
    return store;
  }

  Journal journal() {
    return journal;
  }

  Faults faults() {
    return faults;
  }

  WriteBudgets budgets() {
    return budgets;
  }

  static String specText() {
    return resource(SPEC_RESOURCE);
  }

  static String demoState(boolean empty) {
    String state = resource("dev/fastlykit/invitations/mock/demo-state.json");
    return empty ? StateDocument.withoutInvitations(state) : state;
  }

  private static String resource(String name) {
    try (InputStream in = MockFastlyServer.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** Configures a {@link MockFastlyServer}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private String state;
    private boolean empty;
    private int writeLimit = Limits.DEFAULT_WRITE_LIMIT;
    private String adminToken;
    private boolean validate;
    private Clock clock = Clock.systemUTC();
    private java.time.Duration idleTimeout = java.time.Duration.ofSeconds(30);

    private Builder() {}

    /** The address to listen on; {@code 127.0.0.1} by default. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535");
      }
      this.port = port;
      return this;
    }

    /** Starts from this state document instead of the demo account. */
    public Builder state(String state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    /** Starts with the demo accounts and no invitations. */
    public Builder empty() {
      this.empty = true;
      return this;
    }

    /** Each token's hourly write budget; 1000 by default. */
    public Builder writeLimit(int writeLimit) {
      if (writeLimit < 0) {
        throw new IllegalArgumentException("the write limit must not be negative");
      }
      this.writeLimit = writeLimit;
      return this;
    }

    /** Requires {@code Authorization: Bearer <token>} on the admin API. */
    public Builder adminToken(String adminToken) {
      this.adminToken = adminToken;
      return this;
    }

    /** Checks every response and canonical request against the spec, logging violations. */
    public Builder validate(boolean validate) {
      this.validate = validate;
      return this;
    }

    /** The clock for timestamps and write budgets; the system's UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a connection may stay silent, mid-request or between requests, before the server
     * closes it; 30 seconds by default.
     */
    public Builder idleTimeout(java.time.Duration idleTimeout) {
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("the idle timeout must be positive");
      }
      this.idleTimeout = idleTimeout;
      return this;
    }

    /**
     * Builds the server, not yet started.
     *
     * @throws IllegalArgumentException if the state document is malformed
     */
    public MockFastlyServer build() {
      return new MockFastlyServer(this);
    }
  }

  /**
   * Thrown once the connection is gone, closed by a fault rule or by the client while the answer
   * was being written: there is nothing left to answer.
   */
  static final class ConnectionDropped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectionDropped() {
      super(null, null, false, false);
    }

    static void drop(Context ctx) {
      jakarta.servlet.ServletRequest request = ctx.req();
      while (request instanceof jakarta.servlet.ServletRequestWrapper) {
        request = ((jakarta.servlet.ServletRequestWrapper) request).getRequest();
      }
      if (request instanceof org.eclipse.jetty.ee10.servlet.ServletApiRequest) {
        // Closing the connection under Jetty: whatever is written next goes nowhere.
        ((org.eclipse.jetty.ee10.servlet.ServletApiRequest) request)
            .getRequest()
            .getConnectionMetaData()
            .getConnection()
            .getEndPoint()
            .close();
      }
    }
  }
}
