package dev.fastlykit.invitations.mock;

import dev.fastlykit.invitations.mock.internal.http.ApiServer;
import dev.fastlykit.invitations.mock.internal.http.MockState;
import dev.fastlykit.invitations.mock.internal.http.ProxyOptions;
import dev.fastlykit.invitations.mock.internal.journal.DriftReport;
import dev.fastlykit.invitations.mock.internal.state.StateDocument;
import dev.fastlykit.invitations.mock.internal.store.Customer;
import dev.fastlykit.invitations.mock.internal.store.WriteBudgets;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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

  /** How long a proxy waits for a connection to its upstream unless told otherwise. */
  public static final Duration DEFAULT_PROXY_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** How long a proxy waits for its upstream's answer unless told otherwise. */
  public static final Duration DEFAULT_PROXY_TIMEOUT = Duration.ofSeconds(30);

  private final ApiServer.Options options;
  private final Clock clock;
  private final MockState state;
  private volatile ApiServer server;

  /** A server with the demo account, on a random port of 127.0.0.1 once started. */
  public MockFastlyServer() {
    this(builder());
  }

  private MockFastlyServer(Builder b) {
    this.options =
        new ApiServer.Options(
            b.host,
            b.port,
            b.adminToken,
            b.idleTimeout,
            b.validate,
            b.verbose,
            b.proxy == null
                ? null
                : new ProxyOptions(b.proxy, b.proxyConnectTimeout, b.proxyTimeout));
    this.clock = b.clock;
    StateDocument initial = b.state != null ? StateDocument.parse(b.state) : MockState.demo(false);
    this.state =
        new MockState(b.empty ? initial.withoutInvitations() : initial, clock, b.writeLimit);
  }

  /** Configures a server: address, starting state, write limit, admin token, validation, proxy. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts on the configured port (a random free one by default). */
  public synchronized MockFastlyServer start() {
    return start(options.port());
  }

  /**
   * Starts on the given port; 0 picks a free one.
   *
   * @throws IllegalStateException if it is already started, or would listen beyond loopback without
   *     an admin token
   * @throws java.io.UncheckedIOException if the port is taken
   */
  public synchronized MockFastlyServer start(int port) {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    ApiServer started = new ApiServer(state, clock, options.withPort(port));
    started.start();
    server = started;
    return this;
  }

  /** The base URL, such as {@code http://127.0.0.1:8080}. */
  public String url() {
    String host = options.host();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  /** The port it listens on. */
  public int port() {
    ApiServer running = server;
    if (running == null) {
      throw new IllegalStateException("not started");
    }
    return running.port();
  }

  /** Goes back to the starting state: invitations, write budgets, journal and fault rules. */
  public void reset() {
    state.reset();
  }

  /** The whole state (accounts, users, tokens, services, invitations) as a JSON document. */
  public String exportState() {
    return state.exportState();
  }

  /**
   * Replaces the whole state with a document in the {@link #exportState()} format.
   *
   * @throws IllegalArgumentException saying what is wrong with the document
   */
  public void importState(String state) {
    this.state.importState(state);
  }

  /**
   * Adds accounts (and their users and invitations) in the {@link #exportState()} format to what is
   * there.
   *
   * @throws IllegalArgumentException if the document is malformed or clashes with what is there
   */
  public void addAccounts(String state) {
    this.state.addAccounts(state);
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
    return state.addInvitation(senderToken, email, role);
  }

  /** How many invitations are pending, all customers together. */
  public int invitationCount() {
    return state.store().invitationCount();
  }

  /** The hourly write budget of every token. */
  public int writeLimit() {
    return state.budgets().limit();
  }

  /** Changes the hourly write budget of every token; what was used this hour still counts. */
  public void writeLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("the write limit must not be negative");
    }
    state.writeLimit(limit);
  }

  /** The writes a token has left this hour. */
  public long remainingWrites(String token) {
    return state.budgets().remaining(token);
  }

  /** Adds a fault rule; returns its id. */
  public String addFault(FaultRule rule) {
    return state.faults().add(Objects.requireNonNull(rule, "rule").fault());
  }

  /** Removes one fault rule; false when there was none with this id. */
  public boolean removeFault(String id) {
    return state.faults().remove(id);
  }

  /** Removes every fault rule. */
  public void clearFaults() {
    state.faults().clear();
  }

  /** The requests the API received (at most the last 1000), oldest first. */
  public List<RecordedRequest> requests() {
    List<RecordedRequest> requests = new ArrayList<>();
    state.journal().all().forEach(entry -> requests.add(new RecordedRequest(entry)));
    return requests;
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    state.journal().clear();
  }

  /** How many recorded requests had this method and path. */
  public int requestCount(String method, String path) {
    int count = 0;
    for (RecordedRequest request : requests()) {
      if (request.method().equalsIgnoreCase(method) && request.path().equals(path)) {
        count++;
      }
    }
    return count;
  }

  /**
   * With validation on, every way the server's own answers broke the spec since the last reset, and
   * every request in the form the spec documents that it accepted although the spec forbids it;
   * otherwise empty. Anything here is the mock server's mistake, not the caller's.
   */
  public List<String> specViolations() {
    return state.violations();
  }

  /**
   * With validation on, every request since the last reset that the spec forbids, whatever the
   * server answered (a {@code Prefer} request excepted: its answer is canned), such as {@code "POST
   * /invitations -> 400: request: [Path '/data/attributes/role'] Instance value (\"admin\") not
   * found in enum ..."}; otherwise empty. Refused or not, such a request would be the caller's
   * mistake against Fastly too.
   */
  public List<String> requestViolations() {
    return state.requestViolations();
  }

  /**
   * With {@link Builder#proxy} set, what the upstream answered against the spec since the last
   * reset or {@link #clearDrift()}; otherwise no exchanges.
   */
  public Drift drift() {
    DriftReport.Snapshot report = state.drift().snapshot();
    List<Drift.Violation> violations = new ArrayList<>();
    for (DriftReport.Violation v : report.violations()) {
      violations.add(new Drift.Violation(v.method(), v.path(), v.status(), v.messages()));
    }
    return new Drift(report.exchanges(), violations);
  }

  /** Forgets the drift report. */
  public void clearDrift() {
    state.drift().clear();
  }

  /** Stops the server. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** The accounts as the store holds them, for the banner of {@link Main}. */
  <T> T readAccounts(Function<List<Customer>, T> reader) {
    return state.store().read(reader);
  }

  /** Configures a {@link MockFastlyServer}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private String state;
    private boolean empty;
    private int writeLimit = WriteBudgets.DEFAULT_LIMIT;
    private String adminToken;
    private boolean validate;
    private boolean verbose;
    private Clock clock = Clock.systemUTC();
    private Duration idleTimeout = Duration.ofSeconds(30);
    private URI proxy;
    private Duration proxyConnectTimeout = DEFAULT_PROXY_CONNECT_TIMEOUT;
    private Duration proxyTimeout = DEFAULT_PROXY_TIMEOUT;

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

    /**
     * Checks every exchange against the spec: what the server answered ({@link #specViolations()})
     * and what it was asked ({@link #requestViolations()}), logging both.
     */
    public Builder validate(boolean validate) {
      this.validate = validate;
      return this;
    }

    /**
     * Prints one line per request on standard output: method, path and query, status (0 when a
     * fault dropped the connection) and milliseconds. Never a token: they travel in headers.
     */
    public Builder verbose(boolean verbose) {
      this.verbose = verbose;
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
    public Builder idleTimeout(Duration idleTimeout) {
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("the idle timeout must be positive");
      }
      this.idleTimeout = idleTimeout;
      return this;
    }

    /**
     * Forwards every request of the API to this upstream (such as {@code https://api.fastly.com})
     * instead of answering it from the state, and returns the upstream's answers unchanged; each is
     * checked against the spec and reported by {@link #drift()} and {@code GET /__admin/drift}. An
     * upstream that cannot be reached is a 502, one that does not answer in time a 504, both in
     * Fastly's error format. Fault rules and {@code Prefer: code=NNN} are still answered here, and
     * the admin API stays local. Checking needs swagger-request-validator on the classpath, as
     * {@link #validate} does.
     *
     * @param url an absolute http or https URL; a path in it prefixes every request's path
     * @throws IllegalArgumentException when it is not one
     */
    public Builder proxy(String url) {
      URI uri;
      try {
        uri = new URI(Objects.requireNonNull(url, "url"));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("the upstream URL is malformed: " + e.getMessage(), e);
      }
      new ProxyOptions(uri, proxyConnectTimeout, proxyTimeout); // checks it now
      this.proxy = uri;
      return this;
    }

    /** How long the proxy waits for a connection to the upstream; 5 seconds by default. */
    public Builder proxyConnectTimeout(Duration timeout) {
      this.proxyConnectTimeout = positive(timeout, "proxy connect timeout");
      return this;
    }

    /**
     * How long the proxy waits for the upstream's whole answer once the request is sent; 30 seconds
     * by default.
     */
    public Builder proxyTimeout(Duration timeout) {
      this.proxyTimeout = positive(timeout, "proxy timeout");
      return this;
    }

    private static Duration positive(Duration duration, String what) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("the " + what + " must be positive");
      }
      return duration;
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
}
