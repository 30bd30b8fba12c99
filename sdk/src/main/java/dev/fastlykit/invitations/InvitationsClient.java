package dev.fastlykit.invitations;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The entry point to Fastly's Invitations API: invite collaborators into a customer account, list
 * the pending invitations, and delete them.
 *
 * <pre>{@code
 * InvitationsClient client = InvitationsClient.builder().apiToken(token).build();
 * Invitation invitation = client.create(NewInvitation.builder()
 *     .email("ada@example.com").role(Role.ENGINEER).build());
 * for (Invitation pending : client.listAll()) {
 *   System.out.println(pending);
 * }
 * client.delete(invitation.id());
 * }</pre>
 *
 * <p>A client is thread-safe and holds a connection pool: build one and share it. {@link #close()}
 * releases the threads and connections it created itself (not those of an {@link OkHttpClient}
 * passed to {@link Builder#okHttpClient}).
 *
 * <p>Failed calls throw an unchecked {@link FastlyException}: {@link FastlyApiException} and its
 * subclasses for error statuses, {@link FastlyConnectionException} when the server could not be
 * reached. Lists and deletes are retried on connection failures, timeouts, 408, 429 and 5xx;
 * creates only on 429 and when the request never left this machine, so an invitation is never sent
 * twice.
 */
public final class InvitationsClient implements AutoCloseable {
  /** Where Fastly's API lives. */
  public static final String DEFAULT_BASE_URL = "https://api.fastly.com";

  static final String TOKEN_VARIABLE = "FASTLY_API_TOKEN";
  static final String KEY_VARIABLE = "FASTLY_API_KEY";
  static final String URL_VARIABLE = "FASTLY_API_URL";

  private final String baseUrl;
  private final Transport transport;
  private final RawInvitationsClient raw;
  private final AsyncInvitationsClient async;

  private InvitationsClient(String baseUrl, Transport transport) {
    this.baseUrl = baseUrl;
    this.transport = transport;
    Operations operations = new Operations(transport);
    this.raw = new RawInvitationsClient(operations);
    this.async = new AsyncInvitationsClient(operations);
  }

  /** Starts configuring a client; {@link Builder#apiToken(String)} is the one required setting. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from the environment: the token from {@code FASTLY_API_TOKEN} (or else
   * {@code FASTLY_API_KEY}), the base URL from {@code FASTLY_API_URL} when it is set.
   *
   * @throws IllegalStateException if neither token variable is set
   */
  public static InvitationsClient fromEnvironment() {
    return builder().fromEnvironment().build();
  }

  /**
   * Sends an invitation to join the caller's account.
   *
   * @return the new invitation, as the server stored it
   * @throws BadRequestException if the server rejects it, for example because the email address
   *     already has a pending invitation or belongs to a user
   * @throws PermissionDeniedException if the caller's role may not send this invitation
   * @throws RateLimitException if the hourly write budget is spent
   * @throws FastlyException for any other failure
   */
  public Invitation create(NewInvitation invitation) {
    return raw.create(invitation).body();
  }

  /**
   * Fetches the first page of pending invitations, with the server's default page size (20).
   *
   * @throws PermissionDeniedException if the caller's role may not list invitations
   * @throws FastlyException for any other failure
   */
  public Page<Invitation> list() {
    return raw.list().body();
  }

  /**
   * Fetches one page of pending invitations, oldest first. A page past the end is empty.
   *
   * @param pageNumber the page, from 1
   * @param pageSize items per page, from 1 to 100
   * @throws IllegalArgumentException if {@code pageNumber < 1} or {@code pageSize} is not in 1..100
   * @throws PermissionDeniedException if the caller's role may not list invitations
   * @throws FastlyException for any other failure
   */
  public Page<Invitation> list(int pageNumber, int pageSize) {
    return raw.list(pageNumber, pageSize).body();
  }

  /**
   * Every pending invitation, fetched lazily 100 at a time as the iteration goes on. Nothing is
   * fetched until the first item is asked for.
   */
  public AutoPager<Invitation> listAll() {
    return new AutoPager<>(pageNumber -> list(pageNumber, Operations.MAX_PAGE_SIZE));
  }

  /**
   * Deletes a pending invitation.
   *
   * @throws NotFoundException if the account has no such invitation (any more)
   * @throws PermissionDeniedException if the caller's role may not delete it
   * @throws FastlyException for any other failure
   */
  public void delete(String invitationId) {
    raw.delete(invitationId);
  }

  /** The same calls, returning {@link java.util.concurrent.CompletableFuture}s. */
  public AsyncInvitationsClient async() {
    return async;
  }

  /** The same calls, returning the status code, headers and rate limit with the body. */
  public RawInvitationsClient withRawResponse() {
    return raw;
  }

  /** Releases the threads and idle connections of the OkHttp client this client created. */
  @Override
  public void close() {
    transport.close();
  }

  /** Names the base URL; never the token. */
  @Override
  public String toString() {
    return "InvitationsClient{baseUrl=" + baseUrl + ", maxRetries=" + transport.maxRetries() + '}';
  }

  /**
   * Configures an {@link InvitationsClient}. Not thread-safe; the token never shows in {@code
   * toString()}.
   */
  public static final class Builder {
    private String apiToken;
    private String baseUrl = DEFAULT_BASE_URL;
    private int maxRetries = 2;
    private Duration maxRetryDelay = Duration.ofSeconds(30);
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration writeTimeout;
    private Duration callTimeout;
    private OkHttpClient okHttpClient;
    private String userAgentSuffix;
    private boolean allowPlainHttp;
    private Map<String, String> environment = System.getenv();
    private Clock clock = Clock.systemUTC();
    private RetryTimer retryTimer = RetryTimer.SYSTEM;

    private Builder() {}

    /** The Fastly API token to send in the {@code Fastly-Key} header (required). */
    public Builder apiToken(String apiToken) {
      this.apiToken = apiToken;
      return this;
    }

    /** The API's base URL; {@value InvitationsClient#DEFAULT_BASE_URL} by default. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * Takes the token from {@code FASTLY_API_TOKEN} (or else {@code FASTLY_API_KEY}) and the base
     * URL from {@code FASTLY_API_URL}, where they are set; later calls still override them.
     */
    public Builder fromEnvironment() {
      String token = variable(TOKEN_VARIABLE);
      if (token == null) {
        token = variable(KEY_VARIABLE);
      }
      if (token != null) {
        apiToken = token;
      }
      String url = variable(URL_VARIABLE);
      if (url != null) {
        baseUrl = url;
      }
      return this;
    }

    /** How many times a failed call is tried again; 2 by default, 0 to turn retries off. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative");
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The longest wait the client accepts before a retry (30 s by default). When the server asks
     * for a longer one (Retry-After, or the rate-limit reset on a 429), the error is thrown at
     * once.
     */
    public Builder maxRetryDelay(Duration maxRetryDelay) {
      this.maxRetryDelay = nonNegative(maxRetryDelay, "maxRetryDelay");
      return this;
    }

    /** How long to wait for a connection; 10 s by default. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = nonNegative(connectTimeout, "connectTimeout");
      return this;
    }

    /** How long to wait for each read from the server; 30 s by default. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = nonNegative(readTimeout, "readTimeout");
      return this;
    }

    /** How long to wait for each write to the server; 30 s by default. */
    public Builder writeTimeout(Duration writeTimeout) {
      this.writeTimeout = nonNegative(writeTimeout, "writeTimeout");
      return this;
    }

    /**
     * The most one attempt may take from start to end (connect, send, wait, read); 60 s by default.
     * Retries each get this much again. Zero turns it off, which spares each call a lock and a
     * wake-up of OkHttp's timeout thread (a few microseconds, which show only against a local
     * server).
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = nonNegative(callTimeout, "callTimeout");
      return this;
    }

    /**
     * An OkHttp client to build on, for its connection pool, dispatcher, proxy, TLS settings and
     * interceptors. The SDK derives its own client with {@code newBuilder()}, so pools are shared
     * and the caller's client is left as it is. The derived client follows no redirects (they would
     * carry the token to another host) and leaves retries to the SDK; timeouts set on this builder
     * override the given client's, and the given client's are kept otherwise.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
      return this;
    }

    /** Text appended to the User-Agent, such as {@code "my-app/1.2"}. */
    public Builder userAgentSuffix(String userAgentSuffix) {
      this.userAgentSuffix = userAgentSuffix;
      return this;
    }

    /**
     * Allows sending the token over plain {@code http://} to hosts other than loopback ones. Off by
     * default: a token sent in the clear can be read by anyone on the path.
     */
    public Builder allowPlainHttp(boolean allowPlainHttp) {
      this.allowPlainHttp = allowPlainHttp;
      return this;
    }

    Builder environment(Map<String, String> environment) {
      this.environment = environment;
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    Builder retryTimer(RetryTimer retryTimer) {
      this.retryTimer = retryTimer;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if no token was given
     * @throws IllegalArgumentException if the base URL is not an http(s) URL, or is plain http to a
     *     host that is not loopback without {@link #allowPlainHttp(boolean)}
     */
    public InvitationsClient build() {
      if (apiToken == null || apiToken.isBlank()) {
        throw new IllegalStateException(
            "No API token: call apiToken(...), or set "
                + TOKEN_VARIABLE
                + " (or "
                + KEY_VARIABLE
                + ") and use fromEnvironment()");
      }
      HttpUrl url = HttpUrl.parse(baseUrl);
      if (url == null) {
        throw new IllegalArgumentException("baseUrl is not an http or https URL: " + baseUrl);
      }
      if (!url.isHttps() && !allowPlainHttp && !isLoopback(url.host())) {
        throw new IllegalArgumentException(
            "Refusing to send the API token over plain http to "
                + url.host()
                + ": use https, or allowPlainHttp(true) if you mean it");
      }
      boolean ownsHttp = okHttpClient == null;
      OkHttpClient.Builder http =
          ownsHttp
              ? new OkHttpClient.Builder()
                  .connectTimeout(Duration.ofSeconds(10))
                  .readTimeout(Duration.ofSeconds(30))
                  .writeTimeout(Duration.ofSeconds(30))
                  .callTimeout(Duration.ofSeconds(60))
              : okHttpClient.newBuilder();
      if (connectTimeout != null) {
        http.connectTimeout(connectTimeout);
      }
      if (readTimeout != null) {
        http.readTimeout(readTimeout);
      }
      if (writeTimeout != null) {
        http.writeTimeout(writeTimeout);
      }
      if (callTimeout != null) {
        http.callTimeout(callTimeout);
      }
      http.retryOnConnectionFailure(false) // it would resend a POST the server may have processed
          .followRedirects(false)
          .followSslRedirects(false)
          .addInterceptor(Interceptors.headers(apiToken, userAgent()))
          .addInterceptor(Interceptors.TRACK_SENDING)
          .addNetworkInterceptor(Interceptors.MARK_SENT);
      Transport transport =
          new Transport(
              http.build(),
              ownsHttp,
              url.toString(),
              new RetryPolicy(maxRetries, maxRetryDelay, clock),
              retryTimer);
      return new InvitationsClient(url.toString(), transport);
    }

    /** Names what is set; never the token. */
    @Override
    public String toString() {
      return "InvitationsClient.Builder{baseUrl="
          + baseUrl
          + ", apiToken="
          + (apiToken == null ? "unset" : "(redacted)")
          + ", maxRetries="
          + maxRetries
          + '}';
    }

    private String userAgent() {
      String agent =
          "fastly-invitations-java/" + Version.SDK + " Java/" + System.getProperty("java.version");
      return userAgentSuffix == null || userAgentSuffix.isBlank()
          ? agent
          : agent + " " + userAgentSuffix.strip();
    }

    private String variable(String name) {
      String value = environment.get(name);
      return value == null || value.isBlank() ? null : value.strip();
    }

    private static Duration nonNegative(Duration duration, String name) {
      if (Objects.requireNonNull(duration, name).isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return duration;
    }

    static boolean isLoopback(String host) {
      if (host.equalsIgnoreCase("localhost")) {
        return true;
      }
      // Only literal addresses are checked: no name is looked up here.
      if (!host.matches("[0-9.]+") && !host.contains(":")) {
        return false;
      }
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
  }

  /** The SDK's version, for the User-Agent. */
  static final class Version {
    static final String SDK = load();

    private Version() {}

    private static String load() {
      Properties properties = new Properties();
      try (InputStream in = Version.class.getResourceAsStream("sdk.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        // Falls back below: a missing version must not stop the client.
      }
      return properties.getProperty("version", "unknown");
    }
  }
}
