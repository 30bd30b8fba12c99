package dev.fastlykit.invitations.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every interaction of every pact, request and response, conforms to the spec: the SDK sends only
 * canonical requests, so both sides are checked. Together with the provider verification, the SDK,
 * the mock server and the spec cannot drift apart silently.
 */
class PactSpecConformanceIT {
  private static OpenApiInteractionValidator validator;
  private static List<JsonObject> interactions;

  @BeforeAll
  static void load() throws IOException {
    validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec()).build();
    interactions = new ArrayList<>();
    try (Stream<Path> pacts = Files.list(Path.of("target/pacts"))) {
      for (Path pact :
          (Iterable<Path>) pacts.filter(p -> p.toString().endsWith(".json"))::iterator) {
        JsonObject json = JsonParser.parseString(Files.readString(pact)).getAsJsonObject();
        json.getAsJsonArray("interactions").forEach(i -> interactions.add(i.getAsJsonObject()));
      }
    }
  }

  @Test
  void everyInteractionConformsToTheSpec() {
    List<String> violations = new ArrayList<>();
    for (JsonObject interaction : interactions) {
      ValidationReport report = validator.validate(request(interaction), response(interaction));
      report
          .getMessages()
          .forEach(
              m ->
                  violations.add(
                      interaction.get("description").getAsString() + ": " + m.getMessage()));
    }

    assertThat(violations).isEmpty();
  }

  @Test
  void thePactCoversEveryOperationAndStatus() {
    Set<String> covered = new TreeSet<>();
    for (JsonObject interaction : interactions) {
      JsonObject request = interaction.getAsJsonObject("request");
      covered.add(
          request.get("method").getAsString()
              + " "
              + interaction.getAsJsonObject("response").get("status").getAsInt());
    }

    assertThat(covered)
        .containsExactlyInAnyOrder(
            "GET 200",
            "GET 401",
            "POST 200",
            "POST 400",
            "POST 403",
            "POST 429",
            "DELETE 204",
            "DELETE 404");
  }

  @Test
  void successBodiesAreJsonApiAndErrorsJson() {
    for (JsonObject interaction : interactions) {
      JsonObject response = interaction.getAsJsonObject("response");
      int status = response.get("status").getAsInt();
      if (status == 204) {
        continue;
      }
      String contentType =
          response.getAsJsonObject("headers").getAsJsonArray("Content-Type").get(0).getAsString();
      assertThat(contentType)
          .as(interaction.get("description").getAsString())
          .isEqualTo(status < 300 ? Contract.JSON_API : Contract.JSON);
    }
  }

  private static Request request(JsonObject interaction) {
    JsonObject json = interaction.getAsJsonObject("request");
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(json.get("method").getAsString(), json.get("path").getAsString());
    if (json.has("query")) {
      for (Map.Entry<String, JsonElement> q : json.getAsJsonObject("query").entrySet()) {
        List<String> values = new ArrayList<>();
        q.getValue().getAsJsonArray().forEach(v -> values.add(v.getAsString()));
        request.withQueryParam(q.getKey(), values);
      }
    }
    headers(json).forEach(request::withHeader);
    String body = body(json);
    if (body != null) {
      request.withBody(body);
    }
    return request.build();
  }

  private static com.atlassian.oai.validator.model.Response response(JsonObject interaction) {
    JsonObject json = interaction.getAsJsonObject("response");
    SimpleResponse.Builder response = SimpleResponse.Builder.status(json.get("status").getAsInt());
    headers(json).forEach(response::withHeader);
    String body = body(json);
    if (body != null) {
      response.withBody(body);
    }
    return response.build();
  }

  private static Map<String, List<String>> headers(JsonObject part) {
    Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
    if (part.has("headers")) {
      for (Map.Entry<String, JsonElement> h : part.getAsJsonObject("headers").entrySet()) {
        List<String> values = new ArrayList<>();
        h.getValue().getAsJsonArray().forEach(v -> values.add(v.getAsString()));
        headers.put(h.getKey(), values);
      }
    }
    return headers;
  }

  /** A V4 body is {"content": ..., "contentType": ..., "encoded": false}. */
  private static String body(JsonObject part) {
    if (!part.has("body")) {
      return null;
    }
    JsonObject body = part.getAsJsonObject("body");
    JsonElement content = body.get("content");
    return content == null
        ? null
        : content.isJsonPrimitive() ? content.getAsString() : content.toString();
  }

  private static String spec() throws IOException {
    try (InputStream in =
        PactSpecConformanceIT.class
            .getClassLoader()
            .getResourceAsStream("openapi/fastly-invitations.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
