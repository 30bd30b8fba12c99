package dev.fastlykit.invitations.mock;

import dev.fastlykit.invitations.mock.internal.journal.Entry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request the server received, as its journal keeps it: tokens are redacted and the body is cut
 * at 4096 characters.
 */
public final class RecordedRequest {
  private final Entry entry;

  RecordedRequest(Entry entry) {
    this.entry = entry;
  }

  /** When the request arrived. */
  public Instant receivedAt() {
    return entry.receivedAt();
  }

  /** The HTTP method, such as {@code POST}. */
  public String method() {
    return entry.method();
  }

  /** The path, such as {@code /invitations}. */
  public String path() {
    return entry.path();
  }

  /** The raw query string, or null. */
  public String query() {
    return entry.query();
  }

  /** The request headers, with {@code Fastly-Key} and {@code Authorization} redacted. */
  public Map<String, List<String>> headers() {
    return entry.headers();
  }

  /** The body as text (cut at 4096 characters), or an empty string. */
  public String body() {
    return entry.body();
  }

  /** The status the server answered with; 0 when a fault dropped the connection. */
  public int status() {
    return entry.status();
  }

  /**
   * Whether the request carried {@code Prefer: code=NNN} and got that status, answered without
   * touching the state.
   */
  public boolean preferred() {
    return entry.preferred();
  }

  @Override
  public String toString() {
    return method()
        + " "
        + path()
        + (query() == null ? "" : "?" + query())
        + " -> "
        + status()
        + (preferred() ? " (preferred)" : "");
  }
}
