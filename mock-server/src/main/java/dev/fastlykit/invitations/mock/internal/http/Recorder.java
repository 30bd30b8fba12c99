package dev.fastlykit.invitations.mock.internal.http;

import dev.fastlykit.invitations.mock.internal.journal.Entry;
import dev.fastlykit.invitations.mock.internal.journal.Journal;
import dev.fastlykit.invitations.mock.internal.spec.SpecValidator;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
  private final RouteTable routes;

  /**
   * @param validator the spec check, or null when validation is off
   */
  Recorder(MockState state, Clock clock, SpecValidator validator, RouteTable routes) {
    this.state = state;
    this.clock = clock;
    this.validator = validator;
    this.routes = routes;
  }

  /** Records an exchange the API's handlers did not record themselves; admin calls are not. */
  void afterRequest(Context ctx) {
    if (!ctx.path().startsWith("/__admin") && !Exchange.of(ctx).recorded) {
      record(ctx);
    }
  }

  void record(Context ctx) {
    Exchange exchange = Exchange.of(ctx);
    exchange.recorded = true;
    String body = exchange.requestBody;
    state
        .journal()
        .add(
            new Entry(
                clock.instant(),
                ctx.method().name(),
                ctx.path(),
                ctx.queryString(),
                exchange.headerPairs != null ? exchange.headerPairs : NO_HEADERS,
                body == null ? "" : shorten(body),
                exchange.dropped ? 0 : ctx.statusCode()));
    // An injected fault is not the API's behaviour, and routing errors are no operation of the
    // spec.
    if (validator != null
        && exchange.fault == null
        && routes.documented(ctx.method().name(), ctx.path())) {
      check(ctx, exchange);
    }
  }

  private void check(Context ctx, Exchange exchange) {
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
            exchange.canonical && ctx.statusCode() < 400,
            ctx.statusCode(),
            responseHeaders,
            responseBody);
    for (String violation : validator.check(interaction)) {
      String line =
          ctx.method().name() + " " + ctx.path() + " -> " + ctx.statusCode() + ": " + violation;
      LOG.warn("Spec violation: {}", line);
      state.violation(line);
    }
  }

  private static String shorten(String body) {
    return body.length() <= Journal.BODY_CHARS ? body : body.substring(0, Journal.BODY_CHARS);
  }
}
