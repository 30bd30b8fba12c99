package dev.fastlykit.invitations.mock;

import dev.fastlykit.invitations.mock.internal.journal.Fault;
import java.time.Duration;

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
  private final Fault fault;

  private FaultRule(Fault fault) {
    this.fault = fault;
  }

  /**
   * Starts a rule for requests with this method ({@code "*"} for any) and path: exact, or a prefix
   * when it ends with {@code *} ({@code "/invitations*"} matches every API path).
   */
  public static Builder on(String method, String path) {
    return new Builder(Fault.on(method, path));
  }

  Fault fault() {
    return fault;
  }

  @Override
  public String toString() {
    return fault.toString();
  }

  /** Builds a {@link FaultRule}. */
  public static final class Builder {
    private final Fault.Builder fault;

    private Builder(Fault.Builder fault) {
      this.fault = fault;
    }

    /** Answers with this status (400 to 599) and a Fastly-style body. */
    public Builder status(int status) {
      fault.status(status);
      return this;
    }

    /** The {@code msg} of the error body; the status's reason phrase by default. */
    public Builder msg(String msg) {
      fault.msg(msg);
      return this;
    }

    /** The {@code detail} of the error body; none by default. */
    public Builder detail(String detail) {
      fault.detail(detail);
      return this;
    }

    /**
     * The whole body to answer with, in place of Fastly's error body: a way to send what a client
     * must survive, such as malformed JSON or a shape the spec forbids. Sent as {@code
     * application/json}; needs a status, and cannot go with {@link #msg} or {@link #detail}.
     */
    public Builder body(String body) {
      fault.body(body);
      return this;
    }

    /** A header to send with the error, such as {@code Retry-After}. */
    public Builder header(String name, String value) {
      fault.header(name, value);
      return this;
    }

    /** Waits this long first (at most 5 minutes). */
    public Builder delay(Duration delay) {
      fault.delay(delay);
      return this;
    }

    /** Closes the connection without answering. */
    public Builder dropConnection() {
      fault.dropConnection();
      return this;
    }

    /** Applies to the next {@code times} matching requests only (1 or more). */
    public Builder times(int times) {
      fault.times(times);
      return this;
    }

    /** Applies to each matching request with this probability, from 0 to 1. */
    public Builder probability(double probability) {
      fault.probability(probability);
      return this;
    }

    /**
     * Builds the rule.
     *
     * @throws IllegalArgumentException when it has neither a status, a delay nor a dropped
     *     connection, both a status and a dropped connection, or a body without a status or with a
     *     msg or detail
     */
    public FaultRule build() {
      return new FaultRule(fault.build());
    }
  }
}
