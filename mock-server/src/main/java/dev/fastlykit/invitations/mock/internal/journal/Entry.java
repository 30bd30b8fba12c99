package dev.fastlykit.invitations.mock.internal.journal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One exchange as the journal keeps it: tokens already redacted, the bodies already cut. The
 * headers are name and value pairs, so that recording costs one array; a map is built only when
 * read.
 *
 * @param seq its number in the journal, from 1, in the order exchanges were recorded; 0 until the
 *     journal takes it
 * @param status the status answered, or 0 when the connection was dropped without an answer
 * @param preferred whether the status was the one a {@code Prefer: code=NNN} header asked for,
 *     answered without touching the state
 * @param durationMicros from the request's arrival to its recording, just before the answer went
 *     out
 * @param user the email of the user whose token the request carried, or null when it carried none
 *     the server knows (the token itself is never kept)
 * @param responseBody the answer's body, read as UTF-8 bytes cut at {@link Journal#BODY_CHARS}
 */
public record Entry(
    long seq,
    Instant receivedAt,
    String method,
    String path,
    String query,
    String[] headerPairs,
    String body,
    int status,
    boolean preferred,
    long durationMicros,
    String user,
    AnswerBody responseBody) {

  /** The same exchange with its number in the journal. */
  Entry numbered(long number) {
    return new Entry(
        number,
        receivedAt,
        method,
        path,
        query,
        headerPairs,
        body,
        status,
        preferred,
        durationMicros,
        user,
        responseBody);
  }

  /** The answer's body as text; a character cut in two at the end reads as U+FFFD. */
  public String responseText() {
    return new String(responseBody.bytes(), StandardCharsets.UTF_8);
  }

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
