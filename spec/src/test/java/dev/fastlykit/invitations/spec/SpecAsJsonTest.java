package dev.fastlykit.invitations.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The JSON rendering the spec jar carries beside the YAML. The generator that writes it may move
 * things about (it inlines references and names inline schemas), so what is compared is what its
 * readers take from it: each operation's statuses, and each answer's headers, media types and
 * examples.
 */
class SpecAsJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyOperationHasTheSameAnswersWithTheSameHeadersAndExamples() {
    Map<String, Object> yaml = answers(fully(SpecDocument.text()));
    Map<String, Object> json = answers(fully(SpecDocument.text(SpecDocument.JSON_RESOURCE)));

    assertThat(json).isEqualTo(yaml);
    assertThat(yaml)
        .containsKeys("POST /invitations 200", "DELETE /invitations/{invitation_id} 204");
  }

  @Test
  void examplesKeepTheirNulls() throws Exception {
    JsonNode json = JSON.readTree(SpecDocument.text(SpecDocument.JSON_RESOURCE));
    JsonNode created =
        json.at(
            "/paths/~1invitations/post/responses/200/content/"
                + "application~1vnd.api+json/examples/minimal/value/data/attributes");

    assertThat(created.has("deleted_at")).isTrue();
    assertThat(created.get("deleted_at").isNull()).isTrue();
  }

  private static OpenAPI fully(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    return new OpenAPIV3Parser().readContents(text, null, options).getOpenAPI();
  }

  /** "METHOD path status" to the answer's header names, and its examples by media type. */
  private static Map<String, Object> answers(OpenAPI api) {
    Map<String, Object> answers = new TreeMap<>();
    api.getPaths()
        .forEach(
            (path, item) -> {
              for (Map.Entry<PathItem.HttpMethod, Operation> op :
                  item.readOperationsMap().entrySet()) {
                op.getValue()
                    .getResponses()
                    .forEach(
                        (status, response) ->
                            answers.put(op.getKey() + " " + path + " " + status, answer(response)));
              }
            });
    return answers;
  }

  private static Map<String, Object> answer(ApiResponse response) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put(
        "headers",
        response.getHeaders() == null ? Map.of() : new TreeMap<>(response.getHeaders()).keySet());
    Map<String, Object> media = new TreeMap<>();
    if (response.getContent() != null) {
      for (Map.Entry<String, MediaType> content : response.getContent().entrySet()) {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        if (content.getValue().getExample() != null) {
          examples.put("", JSON.valueToTree(content.getValue().getExample()));
        }
        if (content.getValue().getExamples() != null) {
          content
              .getValue()
              .getExamples()
              .forEach((name, example) -> examples.put(name, JSON.valueToTree(example.getValue())));
        }
        media.put(content.getKey(), examples);
      }
    }
    answer.put("content", media);
    return answer;
  }
}
