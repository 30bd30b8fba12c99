package dev.fastlykit.invitations.mock;

import java.util.List;

/**
 * What a proxying server found (see {@link MockFastlyServer.Builder#proxy}): how many of the
 * upstream's answers to the API's operations it checked against the spec, and those that broke it,
 * oldest first (at most the last 1000). The same report as {@code GET /__admin/drift}.
 *
 * @param exchanges the upstream's answers checked since the last reset or clear
 * @param violations the exchanges that broke the spec
 */
public record Drift(long exchanges, List<Drift.Violation> violations) {
  public Drift {
    violations = List.copyOf(violations);
  }

  /**
   * One exchange the upstream answered in a way the spec does not allow, or one whose request the
   * spec forbids and the upstream accepted.
   *
   * @param path the path as requested, such as {@code /invitations/4Lq8Vd2Kx9Tn3Rb6Yh1WsZ}
   * @param messages what broke the spec, one line each
   */
  public record Violation(String method, String path, int status, List<String> messages) {
    public Violation {
      messages = List.copyOf(messages);
    }
  }
}
