package dev.fastlykit.invitations.mock.internal.spec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The answers the spec documents for each operation: statuses, their headers, and the example body
 * of each success. Read from the JSON rendering of the spec that the spec jar carries beside the
 * YAML, with Gson, so that no YAML parser is needed.
 */
public final class SpecAnswers {
  /** The spec as JSON, on the classpath from the spec jar. */
  static final String RESOURCE = "openapi/fastly-invitations.json";

  private static volatile SpecAnswers loaded;

  /**
   * One documented answer.
   *
   * @param headers the names of the response headers the spec documents for it
   * @param mediaType the media type of its body, or null when it has none
   * @param example an example body as JSON text (the first the spec gives), or null when it has
   *     none
   */
  public record Answer(int status, List<String> headers, String mediaType, String example) {}

  private final Map<String, SortedMap<Integer, Answer>> operations;

  private SpecAnswers(Map<String, SortedMap<Integer, Answer>> operations) {
    this.operations = operations;
  }

  /** The answers of the packaged spec; read once, on first use. */
  public static SpecAnswers get() {
    SpecAnswers answers = loaded;
    if (answers == null) {
      synchronized (SpecAnswers.class) {
        answers = loaded;
        if (answers == null) {
          answers = parse(read());
          loaded = answers;
        }
      }
    }
    return answers;
  }

  /**
   * The documented answers of an operation, by status; empty when the spec has no such operation.
   *
   * @param path the path as the spec writes it, such as {@code /invitations/{invitation_id}}
   */
  public SortedMap<Integer, Answer> answers(String method, String path) {
    SortedMap<Integer, Answer> answers = operations.get(key(method, path));
    return answers == null ? Collections.emptySortedMap() : answers;
  }

  static SpecAnswers parse(String json) {
    JsonObject spec = JsonParser.parseString(json).getAsJsonObject();
    Map<String, SortedMap<Integer, Answer>> operations = new TreeMap<>();
    for (Map.Entry<String, JsonElement> path : spec.getAsJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonElement> operation :
          path.getValue().getAsJsonObject().entrySet()) {
        JsonElement responses = operation.getValue().getAsJsonObject().get("responses");
        if (responses == null) {
          continue; // "parameters" and the like, beside the operations
        }
        SortedMap<Integer, Answer> byStatus = new TreeMap<>();
        for (Map.Entry<String, JsonElement> response : responses.getAsJsonObject().entrySet()) {
          int status = Integer.parseInt(response.getKey());
          byStatus.put(status, answer(spec, status, resolve(spec, response.getValue())));
        }
        operations.put(
            key(operation.getKey(), path.getKey()), Collections.unmodifiableSortedMap(byStatus));
      }
    }
    return new SpecAnswers(operations);
  }

  private static Answer answer(JsonObject spec, int status, JsonObject response) {
    List<String> headers = new ArrayList<>();
    if (response.has("headers")) {
      headers.addAll(response.getAsJsonObject("headers").keySet());
    }
    String mediaType = null;
    String example = null;
    if (response.has("content")) {
      Map.Entry<String, JsonElement> content =
          response.getAsJsonObject("content").entrySet().iterator().next();
      mediaType = content.getKey();
      JsonObject media = content.getValue().getAsJsonObject();
      if (media.has("example")) {
        example = media.get("example").toString();
      } else if (media.has("examples") && !media.getAsJsonObject("examples").isEmpty()) {
        JsonElement first =
            media.getAsJsonObject("examples").entrySet().iterator().next().getValue();
        example = resolve(spec, first).get("value").toString();
      }
    }
    return new Answer(status, List.copyOf(headers), mediaType, example);
  }

  /** The object itself, or the one its {@code $ref} names within the document. */
  private static JsonObject resolve(JsonObject spec, JsonElement element) {
    JsonObject object = element.getAsJsonObject();
    if (!object.has("$ref")) {
      return object;
    }
    String ref = object.get("$ref").getAsString();
    if (!ref.startsWith("#/")) {
      throw new IllegalStateException("only references within the spec are followed: " + ref);
    }
    JsonElement target = spec;
    for (String name : ref.substring(2).split("/")) {
      target = target.getAsJsonObject().get(name.replace("~1", "/").replace("~0", "~"));
      if (target == null) {
        throw new IllegalStateException("the spec has nothing at " + ref);
      }
    }
    return resolve(spec, target);
  }

  private static String key(String method, String path) {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }

  private static String read() {
    try (InputStream in = SpecAnswers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
