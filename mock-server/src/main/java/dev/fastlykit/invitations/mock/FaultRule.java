package dev.fastlykit.invitations.mock;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A fault to inject into matching API requests: an error status with a Fastly-style body, a delay,
 * or a dropped connection, for the next N matching requests or with a probability.
 *
 * <pre>{@code
 * server.addFault(FaultRule.on("GET", "/invitations").status(503).times(2).build());
 * server.addFault(FaultRule.on("POST", "/invitations").dropConnection().build());
 * server.addFault(FaultRule.on("*", "/invitations*").delay(Duration.ofSeconds(3)).build());
 * }</pre>
 *
 * <p>A rule with only a delay lets the request through afterwards; one with a status answers
 * instead of the API; one that drops the connection closes it without an answer.
 */
public final class FaultRule {
  private final String method;
  private final String path;
  private final int status;
  private final String msg;
  private final String detail;
  private final Map<String, String> headers;
  private final Duration delay;
  private final boolean dropConnection;
  private final int times;
  private final double probability;

  private FaultRule(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.status = b.status;
    this.msg = b.msg != null ? b.msg : (b.status > 0 ? FastlyError.reason(b.status) : null);
    this.detail = b.detail;
    this.headers = Map.copyOf(b.headers);
    this.delay = b.delay;
    this.dropConnection = b.dropConnection;
    this.times = b.times;
    this.probability = b.probability;
  }

  /**
   * Starts a rule for requests with this method ({@code "*"} for any) and path: exact, or a prefix
   * when it ends with {@code *} ({@code "/invitations*"} matches every API path).
   */
  public static Builder on(String method, String path) {
    return new Builder(method, path);
  }

  boolean matches(String requestMethod, String requestPath) {
    boolean methodMatches = "*".equals(method) || method.equalsIgnoreCase(requestMethod);
    boolean pathMatches =
        path.endsWith("*")
            ? requestPath.startsWith(path.substring(0, path.length() - 1))
            : path.equals(requestPath);
    return methodMatches && pathMatches;
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  int status() {
    return status;
  }

  String msg() {
    return msg;
  }

  String detail() {
    return detail;
  }

  Map<String, String> headers() {
    return headers;
  }

  Duration delay() {
    return delay;
  }

  boolean dropConnection() {
    return dropConnection;
  }

  /** How many matching requests it applies to; 0 for all of them. */
  int times() {
    return times;
  }

  double probability() {
    return probability;
  }

  void toJson(JsonWriter out, String id, int remaining) {
    out.append("{\"id\":");
    out.string(id);
    out.append(",\"method\":");
    out.string(method);
    out.append(",\"path\":");
    out.string(path);
    if (status > 0) {
      out.append(",\"status\":").append(status).append(",\"msg\":");
      out.string(msg);
      if (detail != null) {
        out.append(",\"detail\":");
        out.string(detail);
      }
    }
    if (!headers.isEmpty()) {
      out.append(",\"headers\":{");
      boolean first = true;
      for (Map.Entry<String, String> header : headers.entrySet()) {
        out.append(first ? "" : ",");
        out.string(header.getKey());
        out.append(':');
        out.string(header.getValue());
        first = false;
      }
      out.append('}');
    }
    out.append(",\"delay_ms\":").append(delay.toMillis());
    out.append(",\"drop_connection\":").append(dropConnection);
    out.append(",\"times\":").append(times);
    out.append(",\"remaining\":").append(remaining);
    out.append(",\"probability\":").append(probability).append('}');
  }

  /** Builds a {@link FaultRule}. */
  public static final class Builder {
    private final String method;
    private final String path;
    private int status;
    private String msg;
    private String detail;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration delay = Duration.ZERO;
    private boolean dropConnection;
    private int times;
    private double probability = 1.0;

    private Builder(String method, String path) {
      this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
      this.path = Objects.requireNonNull(path, "path");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with '/'");
      }
    }

    /** Answers with this status (400 to 599) and a Fastly-style body. */
    public Builder status(int status) {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("status must be between 400 and 599");
      }
      this.status = status;
      return this;
    }

    /** The {@code msg} of the error body; the status's reason phrase by default. */
    public Builder msg(String msg) {
      this.msg = msg;
      return this;
    }

    /** The {@code detail} of the error body; none by default. */
    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    /** A header to send with the error, such as {@code Retry-After}. */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Waits this long first (at most 5 minutes). */
    public Builder delay(Duration delay) {
      if (delay.isNegative() || delay.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("delay must be between 0 and 5 minutes");
      }
      this.delay = delay;
      return this;
    }

    /** Closes the connection without answering. */
    public Builder dropConnection() {
      this.dropConnection = true;
      return this;
    }

    /** Applies to the next {@code times} matching requests only (1 or more). */
    public Builder times(int times) {
      if (times < 1) {
        throw new IllegalArgumentException("times must be at least 1");
      }
      this.times = times;
      return this;
    }

    /** Applies to each matching request with this probability, from 0 to 1. */
    public Builder probability(double probability) {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability must be between 0 and 1");
      }
      this.probability = probability;
      return this;
    }

    public FaultRule build() {
      if (status == 0 && !dropConnection && delay.isZero()) {
        throw new IllegalArgumentException("a fault needs a status, a delay or dropConnection()");
      }
      if (status != 0 && dropConnection) {
        throw new IllegalArgumentException("a fault cannot both answer and drop the connection");
      }
      return new FaultRule(this);
    }
  }
}
