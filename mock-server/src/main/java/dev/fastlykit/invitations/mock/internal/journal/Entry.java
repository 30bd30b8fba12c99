package dev.fastlykit.invitations.mock.internal.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One exchange as the journal keeps it: tokens already redacted, the body already cut. The headers
 * are name and value pairs, so that recording costs one array; a map is built only when read.
 *
 * @param status the status answered, or 0 when the connection was dropped without an answer
 * @param preferred whether the status was the one a {@code Prefer: code=NNN} header asked for,
 *     answered without touching the state
 */
public record Entry(
    Instant receivedAt,
    String method,
    String path,
    String query,
    String[] headerPairs,
    String body,
    int status,
    boolean preferred) {

  /** The headers by name, case-insensitively; each name's values in the order they came. */
  public Map<String, List<String>> headers() {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i + 1 < headerPairs.length; i += 2) {
      headers.computeIfAbsent(headerPairs[i], k -> new ArrayList<>()).add(headerPairs[i + 1]);
    }
    headers.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(headers);
  }
}
