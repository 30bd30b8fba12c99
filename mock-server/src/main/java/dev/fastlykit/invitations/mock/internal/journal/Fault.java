package dev.fastlykit.invitations.mock.internal.journal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A fault to inject into matching API requests, checked when built: an error status, a delay, or a
 * dropped connection, for the next {@code times} matching requests (0: all) or with a probability.
 *
 * @param msg the error body's {@code msg}, or null for the status's reason phrase
 * @param body the whole answer's body in place of the error body (sent as JSON), or null
 */
public record Fault(
    String method,
    String path,
    int status,
    String msg,
    String detail,
    String body,
    Map<String, String> headers,
    Duration delay,
    boolean dropConnection,
    int times,
    double probability) {

  /** The longest delay a fault may hold a request. */
  public static final Duration MAX_DELAY = Duration.ofMinutes(5);

  /** Whether a request with this method and path is one the fault applies to. */
  public boolean matches(String requestMethod, String requestPath) {
    boolean methodMatches = "*".equals(method) || method.equalsIgnoreCase(requestMethod);
    boolean pathMatches =
        path.endsWith("*")
            ? requestPath.startsWith(path.substring(0, path.length() - 1))
            : path.equals(requestPath);
    return methodMatches && pathMatches;
  }

  /** Starts a fault for this method ({@code *} for any) and path (a prefix when it ends in *). */
  public static Builder on(String method, String path) {
    return new Builder(method, path);
  }

  /** Builds a {@link Fault}; each setter refuses a value out of range at once. */
  public static final class Builder {
    private final String method;
    private final String path;
    private int status;
    private String msg;
    private String detail;
    private String body;
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

    public Builder status(int status) {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("status must be between 400 and 599");
      }
      this.status = status;
      return this;
    }

    public Builder msg(String msg) {
      this.msg = msg;
      return this;
    }

    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    public Builder body(String body) {
      this.body = Objects.requireNonNull(body, "body");
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder delay(Duration delay) {
      if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
        throw new IllegalArgumentException("delay must be between 0 and 5 minutes");
      }
      this.delay = delay;
      return this;
    }

    public Builder dropConnection() {
      this.dropConnection = true;
      return this;
    }

    public Builder times(int times) {
      if (times < 1) {
        throw new IllegalArgumentException("times must be at least 1");
      }
      this.times = times;
      return this;
    }

    public Builder probability(double probability) {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability must be between 0 and 1");
      }
      this.probability = probability;
      return this;
    }

    public Fault build() {
      if (status == 0 && !dropConnection && delay.isZero()) {
        throw new IllegalArgumentException("a fault needs a status, a delay or dropConnection()");
      }
      if (body != null && (status == 0 || msg != null || detail != null)) {
        throw new IllegalArgumentException(
            "a fault's body needs a status, and replaces msg and detail");
      }
      if (status != 0 && dropConnection) {
        throw new IllegalArgumentException("a fault cannot both answer and drop the connection");
      }
      return new Fault(
          method,
          path,
          status,
          msg,
          detail,
          body,
          Map.copyOf(headers),
          delay,
          dropConnection,
          times,
          probability);
    }
  }
}
