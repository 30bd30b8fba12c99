package dev.fastlykit.invitations.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every example in the document must be valid against the schema it illustrates: examples are what
 * users copy, what the SDK tests replay and what the mock server's docs show.
 */
class SpecExamplesTest {
  private static OpenAPI api;
  private static JsonNode raw;
  private static SchemaValidator validator;

  @BeforeAll
  static void load() throws Exception {
    api = SpecDocument.parse();
    // Example values are read from the raw tree: the parser turns some of them into Java types.
    raw = new ObjectMapper(new YAMLFactory()).readTree(SpecDocument.text());
    validator = new SchemaValidator(api, new MessageResolver());
  }

  @Test
  void everyExampleValidatesAgainstItsSchema() {
    List<ExampleAt> examples = collectExamples();

    List<String> failures = new ArrayList<>();
    for (ExampleAt example : examples) {
      ValidationReport report = validator.validate(() -> example.value(), example.schema(), null);
      report.getMessages().forEach(m -> failures.add(example.pointer() + ": " + m.getMessage()));
    }

    assertThat(failures).isEmpty();
    // Guards against a walk that silently finds nothing.
    assertThat(examples).hasSizeGreaterThan(40);
  }

  @Test
  void everyRequestAndResponseBodyHasAnExample() {
    List<String> missing = new ArrayList<>();
    forEachContent(
        (pointer, content) ->
            content.forEach(
                (mediaType, media) -> {
                  JsonNode node = at(pointer + "/" + escape(mediaType));
                  if (!node.has("example") && !node.has("examples")) {
                    missing.add(pointer + "/" + mediaType);
                  }
                }));

    assertThat(missing).isEmpty();
  }

  @Test
  void validatorRejectsAnExampleWithAnUndocumentedProperty() {
    Schema<?> error = api.getComponents().getSchemas().get("Error");
    JsonNode typo = json("{\"msg\": \"Bad request\", \"detial\": \"email is required\"}");

    assertThat(validator.validate(() -> typo, error, null).hasErrors()).isTrue();
  }

  @Test
  void validatorRejectsAnExampleWithAnUnknownEnumValue() {
    Schema<?> attributes = api.getComponents().getSchemas().get("InvitationDataAttributes");
    JsonNode wrongRole = json("{\"email\": \"ada@example.com\", \"role\": \"king\"}");

    assertThat(validator.validate(() -> wrongRole, attributes, null).hasErrors()).isTrue();
  }

  @Test
  void validatorRejectsAResponseMissingARequiredAttribute() {
    Schema<?> attributes = api.getComponents().getSchemas().get("InvitationResponseDataAttributes");
    JsonNode noDeletedAt =
        json(
            "{\"email\": \"ada@example.com\", \"limit_services\": false, \"role\": \"user\","
                + " \"roles\": [], \"status_code\": 1, \"created_at\": \"2026-01-05T09:00:00Z\","
                + " \"updated_at\": \"2026-01-05T09:00:00Z\"}");

    assertThat(validator.validate(() -> noDeletedAt, attributes, null).hasErrors()).isTrue();
  }

  private record ExampleAt(String pointer, Schema<?> schema, JsonNode value) {}

  private interface ContentVisitor {
    void visit(String pointer, Content content);
  }

  private static List<ExampleAt> collectExamples() {
    List<ExampleAt> examples = new ArrayList<>();
    forEachContent(
        (pointer, content) ->
            content.forEach(
                (mediaType, media) ->
                    addMediaExamples(examples, pointer + "/" + escape(mediaType), media)));
    api.getComponents()
        .getParameters()
        .forEach(
            (name, parameter) ->
                addExample(examples, "/components/parameters/" + name, parameter.getSchema()));
    forEachInlineParameter(
        (pointer, parameter) -> addExample(examples, pointer, parameter.getSchema()));
    api.getComponents()
        .getHeaders()
        .forEach(
            (name, header) ->
                addExample(examples, "/components/headers/" + name, header.getSchema()));
    api.getComponents()
        .getSchemas()
        .forEach(
            (name, schema) -> addSchemaExamples(examples, "/components/schemas/" + name, schema));
    return examples;
  }

  private static void addMediaExamples(List<ExampleAt> out, String pointer, MediaType media) {
    JsonNode node = at(pointer);
    if (node.has("example")) {
      out.add(new ExampleAt(pointer + "/example", media.getSchema(), node.get("example")));
    }
    node.path("examples")
        .properties()
        .forEach(
            e ->
                out.add(
                    new ExampleAt(
                        pointer + "/examples/" + e.getKey(),
                        media.getSchema(),
                        e.getValue().get("value"))));
  }

  private static void addExample(List<ExampleAt> out, String pointer, Schema<?> schema) {
    JsonNode node = at(pointer);
    if (node.has("example")) {
      out.add(new ExampleAt(pointer + "/example", schema, node.get("example")));
    }
  }

  private static void addSchemaExamples(List<ExampleAt> out, String pointer, Schema<?> schema) {
    if (schema.get$ref() != null) {
      return;
    }
    addExample(out, pointer, schema);
    if (schema.getProperties() != null) {
      schema
          .getProperties()
          .forEach(
              (name, property) ->
                  addSchemaExamples(out, pointer + "/properties/" + escape(name), property));
    }
    if (schema.getItems() != null) {
      addSchemaExamples(out, pointer + "/items", schema.getItems());
    }
  }

  /** Visits every inline request and response body, and every body of a shared response. */
  private static void forEachContent(ContentVisitor visitor) {
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          String op = operationPointer(path, method);
                          if (operation.getRequestBody() != null) {
                            visitor.visit(
                                op + "/requestBody/content",
                                operation.getRequestBody().getContent());
                          }
                          operation
                              .getResponses()
                              .forEach(
                                  (status, response) -> {
                                    if (response.get$ref() == null
                                        && response.getContent() != null) {
                                      visitor.visit(
                                          op + "/responses/" + status + "/content",
                                          response.getContent());
                                    }
                                  });
                        }));
    api.getComponents()
        .getResponses()
        .forEach(
            (name, response) -> {
              if (response.getContent() != null) {
                visitor.visit("/components/responses/" + name + "/content", response.getContent());
              }
            });
  }

  private static void forEachInlineParameter(java.util.function.BiConsumer<String, Parameter> f) {
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          List<Parameter> parameters = operation.getParameters();
                          for (int i = 0; parameters != null && i < parameters.size(); i++) {
                            if (parameters.get(i).get$ref() == null) {
                              f.accept(
                                  operationPointer(path, method) + "/parameters/" + i,
                                  parameters.get(i));
                            }
                          }
                        }));
  }

  private static String operationPointer(String path, PathItem.HttpMethod method) {
    return "/paths/" + escape(path) + "/" + method.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static JsonNode at(String pointer) {
    return raw.at(JsonPointer.compile(pointer));
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
