package dev.fastlykit.invitations.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The examples of the packaged spec (unpacked onto the test classpath by the build), as JSON. */
final class SpecExamples {
  private static final JsonNode SPEC = load();

  private SpecExamples() {}

  /** The named examples of one operation's success response, as JSON text by name. */
  static Map<String, String> responseExamples(String path, String method, String status) {
    return examples(
        SPEC.path("paths")
            .path(path)
            .path(method)
            .path("responses")
            .path(status)
            .path("content")
            .path("application/vnd.api+json"));
  }

  /** The named examples of one operation's request body, as JSON text by name. */
  static Map<String, String> requestExamples(String path, String method) {
    return examples(
        SPEC.path("paths")
            .path(path)
            .path(method)
            .path("requestBody")
            .path("content")
            .path("application/vnd.api+json"));
  }

  private static Map<String, String> examples(JsonNode mediaType) {
    Map<String, String> byName = new LinkedHashMap<>();
    mediaType
        .path("examples")
        .properties()
        .forEach(e -> byName.put(e.getKey(), e.getValue().get("value").toString()));
    if (byName.isEmpty()) {
      throw new IllegalStateException("No examples at " + mediaType);
    }
    return byName;
  }

  private static JsonNode load() {
    String resource = "openapi/fastly-invitations.yaml";
    try (InputStream in = SpecExamples.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test classpath");
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
