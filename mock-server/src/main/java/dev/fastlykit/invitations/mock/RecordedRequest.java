package dev.fastlykit.invitations.mock;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request the server received, as its journal keeps it: tokens are redacted and the body is cut
 * at 4096 characters.
 */
public final class RecordedRequest {
  private final Instant receivedAt;
  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final String body;
  private final int status;

  RecordedRequest(
      Instant receivedAt,
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      String body,
      int status) {
    this.receivedAt = receivedAt;
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.status = status;
  }

  /** When the request arrived. */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** The HTTP method, such as {@code POST}. */
  public String method() {
    return method;
  }

  /** The path, such as {@code /invitations}. */
  public String path() {
    return path;
  }

  /** The raw query string, or null. */
  public String query() {
    return query;
  }

  /** The request headers, with {@code Fastly-Key} and {@code Authorization} redacted. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The request body as text (cut at 4096 characters), or an empty string. */
  public String body() {
    return body;
  }

  /** The status the server answered with. */
  public int status() {
    return status;
  }

  @Override
  public String toString() {
    return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
  }
}
