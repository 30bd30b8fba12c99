package dev.fastlykit.invitations.mock.internal.http;

import dev.fastlykit.invitations.mock.internal.journal.AnswerBody;
import dev.fastlykit.invitations.mock.internal.journal.Entry;
import dev.fastlykit.invitations.mock.internal.journal.Journal;
import dev.fastlykit.invitations.mock.internal.spec.SpecValidator;
import io.javalin.http.Context;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journals each exchange of the API and, with validation on, checks it against the spec. Runs
 * before the answer goes out, so that a test sees the request in the journal as soon as its call
 * returns: the API's own answers record just before they write, every other answer after the
 * handlers, before Javalin writes it.
 */
final class Recorder {
  private static final Logger LOG =
      LoggerFactory.getLogger("dev.fastlykit.invitations.mock.MockFastlyServer");

  private static final String[] NO_HEADERS = new String[0];

  private final MockState state;
  private final Clock clock;
  private final SpecValidator validator;
  private final boolean checkOwnAnswers;
  private final RouteTable routes;
  private final PrintStream verbose;

  /**
   * @param validator the spec check, or null when nothing is checked
   * @param checkOwnAnswers whether to check the server's own answers (validation on), not only the
   *     upstream's (the proxy's drift report)
   * @param verbose where to print a line per request, or null for nowhere
   */
  Recorder(
      MockState state,
      Clock clock,
      SpecValidator validator,
      boolean checkOwnAnswers,
      RouteTable routes,
      PrintStream verbose) {
    this.state = state;
    this.clock = clock;
    this.validator = validator;
    this.checkOwnAnswers = checkOwnAnswers;
    this.routes = routes;
    this.verbose = verbose;
  }

  /** Records an exchange its handler did not record itself; admin calls are not. */
  void afterRequest(Context ctx, Exchange exchange) {
    if (!ctx.path().startsWith("/__admin")) {
      record(ctx, exchange);
    }
  }

  /** Journals the exchange, and checks it against the spec when validation is on. */
  void record(Context ctx, Exchange exchange) {
    exchange.recorded = true;
    String body = exchange.requestBody;
    long micros = exchange.startNanos == 0 ? 0 : (System.nanoTime() - exchange.startNanos) / 1000;
    state
        .journal()
        .add(
            new Entry(
                0,
                clock.instant(),
                ctx.method().name(),
                ctx.path(),
                ctx.queryString(),
                exchange.headerPairs != null ? exchange.headerPairs : NO_HEADERS,
                body == null ? "" : shorten(body),
                exchange.dropped ? 0 : ctx.statusCode(),
                exchange.preferred,
                micros,
                exchange.user,
                journalBody(ctx, exchange)));
    if (verbose != null) {
      String query = ctx.queryString();
      verbose.println(
          ctx.method().name()
              + " "
              + ctx.path()
              + (query == null ? "" : "?" + query)
              + " -> "
              + (exchange.dropped ? "dropped" : Integer.toString(ctx.statusCode()))
              + String.format(Locale.ROOT, " in %.1f ms", micros / 1000.0));
    }
    if (validator == null || !routes.documented(ctx.method().name(), ctx.path())) {
      return; // routing errors are no operation of the spec
    }
    if (exchange.upstream) {
      checkUpstream(ctx, exchange);
    } else if (checkOwnAnswers) {
      checkOwn(ctx, exchange);
    }
  }

  /**
   * Two findings: the server's own answer breaking the spec (its bug), and the caller's request
   * breaking it (the caller's), whatever the server answered. A request in a form the spec
   * documents that the server accepted is the server's finding too: it should have refused it.
   */
  private void checkOwn(Context ctx, Exchange exchange) {
    // A preferred answer comes before the request is read: only the answer is checked.
    // An injected fault is not the API's behaviour: only the request is checked.
    // A body refused for its size (413) was never read: what it held is unknown.
    boolean accepted = ctx.statusCode() < 400;
    boolean checkRequest = !exchange.preferred && ctx.statusCode() != 413;
    for (String violation : violations(ctx, exchange, checkRequest)) {
      String line =
          ctx.method().name() + " " + ctx.path() + " -> " + ctx.statusCode() + ": " + violation;
      boolean ofRequest = violation.startsWith(SpecValidator.REQUEST);
      if (ofRequest) {
        LOG.info("Request outside the spec: {}", line);
        state.requestViolation(line);
      }
      if (exchange.fault == null && (!ofRequest || (exchange.canonical && accepted))) {
        LOG.warn("Spec violation: {}", line);
        state.violation(line);
      }
    }
  }

  /**
   * The upstream's answer must be one the spec allows; and a request the spec forbids must not be
   * accepted, or the spec is stricter than the API.
   */
  private void checkUpstream(Context ctx, Exchange exchange) {
    List<String> messages = new ArrayList<>();
    if (exchange.responseBody == null) {
      LOG.warn(
          "Not checked: {} {} -> {} is in a Content-Encoding the proxy cannot read",
          ctx.method().name(),
          ctx.path(),
          ctx.statusCode());
    } else {
      for (String violation : violations(ctx, exchange, ctx.statusCode() < 400)) {
        messages.add(
            violation.startsWith(SpecValidator.REQUEST)
                ? "request accepted although the spec forbids it: "
                    + violation.substring(SpecValidator.REQUEST.length())
                : violation);
      }
    }
    state.drift().checked(ctx.method().name(), ctx.path(), ctx.statusCode(), messages);
    if (!messages.isEmpty()) {
      LOG.warn(
          "Drift: {} {} -> {}: {}",
          ctx.method().name(),
          ctx.path(),
          ctx.statusCode(),
          String.join("; ", messages));
    }
  }

  private List<String> violations(Context ctx, Exchange exchange, boolean checkRequest) {
    Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
    for (String name : ctx.res().getHeaderNames()) {
      responseHeaders.put(name, new ArrayList<>(ctx.res().getHeaders(name)));
    }
    Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      requestHeaders.put(name, Collections.list(ctx.req().getHeaders(name)));
    }
    // The API's own answers go straight to the response; errors go through Javalin's result.
    String responseBody = exchange.responseBody != null ? exchange.responseBody : ctx.result();
    SpecValidator.Interaction interaction =
        new SpecValidator.Interaction(
            ctx.method().name(),
            ctx.path(),
            ctx.queryParamMap(),
            requestHeaders,
            exchange.requestBody,
            checkRequest,
            ctx.statusCode(),
            responseHeaders,
            responseBody);
    return validator.check(interaction);
  }

  /** The answer's body: as the handler kept it, or from the text answered. */
  private static AnswerBody journalBody(Context ctx, Exchange exchange) {
    if (exchange.journalBody != null) {
      return exchange.journalBody;
    }
    String text = exchange.responseBody != null ? exchange.responseBody : ctx.result();
    if (text == null || exchange.dropped) {
      return AnswerBody.NONE;
    }
    return AnswerBody.of(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String shorten(String body) {
    return body.length() <= Journal.BODY_CHARS ? body : body.substring(0, Journal.BODY_CHARS);
  }
}
