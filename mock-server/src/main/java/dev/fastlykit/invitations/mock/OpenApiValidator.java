package dev.fastlykit.invitations.mock;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code --validate}: checks each exchange against the spec with swagger-request-validator. Only
 * this class touches that library, so it is loaded only when validation is asked for.
 */
final class OpenApiValidator implements SpecValidator {
  private final OpenApiInteractionValidator validator;

  OpenApiValidator(String spec) {
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
  public List<String> check(Context ctx, String requestBody, boolean canonicalRequest) {
    String path = ctx.path();
    String verb = ctx.method().name();
    boolean documented =
        path.equals("/invitations")
            ? verb.equals("GET") || verb.equals("POST")
            : verb.equals("DELETE") && InvitationRoutes.allowedMethods(path) != null;
    if (!documented) {
      return List.of(); // a 404 or 405 about routing is not an operation of the spec
    }
    Request.Method method = Request.Method.valueOf(verb);
    SimpleResponse.Builder response = SimpleResponse.Builder.status(ctx.statusCode());
    for (String name : ctx.res().getHeaderNames()) {
      response.withHeader(name, new ArrayList<>(ctx.res().getHeaders(name)));
    }
    // The API's own answers go straight to the response; errors go through Javalin's result.
    String body = ctx.attribute(InvitationRoutes.RESPONSE_ATTRIBUTE);
    if (body == null) {
      body = ctx.result();
    }
    if (body != null && !body.isEmpty()) {
      response.withBody(body);
    }
    ValidationReport report = validator.validateResponse(path, method, response.build());
    List<String> violations = new ArrayList<>();
    errors(report).forEach(m -> violations.add("response: " + m));

    // Lenient forms accepted on purpose are not checked; nor are requests the server refused.
    if (canonicalRequest && ctx.statusCode() < 400) {
      SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
      for (String name : Collections.list(ctx.req().getHeaderNames())) {
        request.withHeader(name, Collections.list(ctx.req().getHeaders(name)));
      }
      ctx.queryParamMap().forEach(request::withQueryParam);
      if (requestBody != null && !requestBody.isEmpty()) {
        request.withBody(requestBody);
      }
      errors(validator.validateRequest(request.build()))
          .forEach(m -> violations.add("request: " + m));
    }
    return violations;
  }

  private static List<String> errors(ValidationReport report) {
    List<String> errors = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        errors.add(message.getMessage());
      }
    }
    return errors;
  }
}
