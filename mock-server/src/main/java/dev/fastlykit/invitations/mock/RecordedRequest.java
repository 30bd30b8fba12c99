package dev.fastlykit.invitations.mock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request the server received, as its journal keeps it: tokens are redacted and the body is cut
 * at 4096 characters.
 */
public final class RecordedRequest {
  private final Instant receivedAt;
  private final String method;
  private final String path;
  private final String query;
  private final String[] headerPairs;
  private final String body;
  private final int status;

  RecordedRequest(
      Instant receivedAt,
      String method,
      String path,
      String query,
      String[] headerPairs,
      String body,
      int status) {
    this.receivedAt = receivedAt;
    this.method = method;
    this.path = path;
    this.query = query;
    this.headerPairs = headerPairs;
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
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i + 1 < headerPairs.length; i += 2) {
      headers.computeIfAbsent(headerPairs[i], k -> new ArrayList<>()).add(headerPairs[i + 1]);
    }
    headers.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(headers);
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
