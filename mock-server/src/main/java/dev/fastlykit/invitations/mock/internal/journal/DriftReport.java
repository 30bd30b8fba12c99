package dev.fastlykit.invitations.mock.internal.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What proxying to the real API found: how many forwarded exchanges were checked against the spec,
 * and the last {@value Journal#CAPACITY} of those that broke it, oldest first.
 */
public final class DriftReport {
  /**
   * One exchange the upstream answered in a way the spec does not allow.
   *
   * @param messages what broke the spec, each one line
   */
  public record Violation(String method, String path, int status, List<String> messages) {
    public Violation {
      messages = List.copyOf(messages);
    }
  }

  /** A copy of the report at one moment. */
  public record Snapshot(long exchanges, List<Violation> violations) {}

  private long exchanges;
  private final ArrayDeque<Violation> violations = new ArrayDeque<>();

  /** Counts one checked exchange, and keeps its violations, if it has any. */
  public synchronized void checked(String method, String path, int status, List<String> messages) {
    exchanges++;
    if (messages.isEmpty()) {
      return;
    }
    if (violations.size() == Journal.CAPACITY) {
      violations.removeFirst();
    }
    violations.addLast(new Violation(method, path, status, messages));
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(exchanges, List.copyOf(new ArrayList<>(violations)));
  }

  public synchronized void clear() {
    exchanges = 0;
    violations.clear();
  }
}
