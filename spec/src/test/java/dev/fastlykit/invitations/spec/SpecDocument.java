package dev.fastlykit.invitations.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The packaged document, read from the classpath as users of the spec jar read it. */
final class SpecDocument {
  static final String RESOURCE = "openapi/fastly-invitations.yaml";

  /** The same document as JSON, written by the build. */
  static final String JSON_RESOURCE = "openapi/fastly-invitations.json";

  private SpecDocument() {}

  static String text() {
    return text(RESOURCE);
  }

  static String text(String resource) {
    try (InputStream in = SpecDocument.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SwaggerParseResult parseResult() {
    return parseResult(text());
  }

  static SwaggerParseResult parseResult(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    return new OpenAPIV3Parser().readContents(text, null, options);
  }

  static OpenAPI parse() {
    return parse(text());
  }

  static OpenAPI parse(String text) {
    SwaggerParseResult result = parseResult(text);
    List<String> messages = result.getMessages();
    if (result.getOpenAPI() == null || (messages != null && !messages.isEmpty())) {
      throw new IllegalStateException("The spec does not parse cleanly: " + messages);
    }
    return result.getOpenAPI();
  }
}
