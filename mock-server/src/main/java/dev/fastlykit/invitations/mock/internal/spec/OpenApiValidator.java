package dev.fastlykit.invitations.mock.internal.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks exchanges with swagger-request-validator. Only this class touches that library, so it is
 * loaded only when validation is asked for.
 */
final class OpenApiValidator implements SpecValidator {
  /** The last one made, kept for the next server that checks the same spec. */
  private static volatile OpenApiValidator last;

  private final String spec;
  private final OpenApiInteractionValidator validator;

  /** The validator of this spec: the last one made when its spec is the same text. */
  static OpenApiValidator of(String spec) {
    OpenApiValidator made = last;
    if (made == null || !(made.spec == spec || made.spec.equals(spec))) {
      made = new OpenApiValidator(spec);
      last = made;
    }
    return made;
  }

  private OpenApiValidator(String spec) {
    this.spec = spec;
    this.validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(spec)
            .withLevelResolver(
                // Clients send "Accept: application/vnd.api+json" on every call, a DELETE too,
                // whose only bodies are application/json errors; Fastly answers them all the same.
                LevelResolver.create()
                    .withLevel(
                        "validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                    .build())
            .build();
  }

  @Override
  public List<String> check(Interaction exchange) {
    Request.Method method = Request.Method.valueOf(exchange.method());
    SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
    exchange.responseHeaders().forEach(response::withHeader);
    if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
      response.withBody(exchange.responseBody());
    }
    List<String> violations = new ArrayList<>();
    errors(validator.validateResponse(exchange.path(), method, response.build()))
        .forEach(m -> violations.add(RESPONSE + m));

    if (exchange.checkRequest()) {
      SimpleRequest.Builder request = new SimpleRequest.Builder(method, exchange.path());
      exchange.requestHeaders().forEach(request::withHeader);
      exchange.query().forEach(request::withQueryParam);
      if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
        request.withBody(exchange.requestBody());
      }
      errors(validator.validateRequest(request.build())).forEach(m -> violations.add(REQUEST + m));
    }
    return violations;
  }

  private static List<String> errors(ValidationReport report) {
    List<String> errors = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        errors.add(where(message) + message.getMessage());
      }
    }
    return errors;
  }

  /** The parameter a message is about, which the library's schema messages leave out. */
  private static String where(ValidationReport.Message message) {
    return message
        .getContext()
        .flatMap(ValidationReport.MessageContext::getParameter)
        .filter(p -> !message.getMessage().contains("'" + p.getName() + "'"))
        .map(p -> "[Parameter '" + p.getName() + "' in " + p.getIn() + "] ")
        .orElse("");
  }
}
