package dev.fastlykit.invitations.mock.internal.http;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Forwards requests of the API to the real one, unchanged, and returns its answers unchanged: the
 * request's method, path, query, body and headers ({@code Fastly-Key} included) go up, the status,
 * headers and body come back. Headers that belong to one connection only stay behind both ways.
 */
final class Upstream {
  /** Connection headers (RFC 9110, 7.6.1) and those the JDK's client sets itself. */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length",
          "expect",
          "date");

  private final ProxyOptions options;
  private final String base;
  private final HttpClient client;
  private final BiConsumer<Context, Exchange> recorder;

  /**
   * @param recorder journals and checks an exchange; called just before the answer is written
   */
  Upstream(ProxyOptions options, BiConsumer<Context, Exchange> recorder) {
    this.options = options;
    String url = options.url().toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(options.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.recorder = recorder;
  }

  /**
   * Sends the request upstream and writes its answer; always throws, so that no handler of this
   * server runs after it.
   *
   * @throws FastlyError 502 when the upstream cannot be reached or gives no answer, 504 when it
   *     does not answer in time, 400 when the request cannot be sent on as it came
   * @throws Answered once the upstream's answer is written
   */
  void forward(Context ctx) throws InterruptedException {
    HttpRequest request;
    try {
      request = request(ctx);
    } catch (IllegalArgumentException e) {
      throw FastlyError.badRequest("the request cannot be forwarded: " + e.getMessage());
    }
    HttpResponse<byte[]> answer;
    try {
      answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      throw unreachable("no connection within " + options.connectTimeout().toMillis() + " ms");
    } catch (HttpTimeoutException e) {
      throw new FastlyError(
          504,
          FastlyError.reason(504),
          "the upstream "
              + base
              + " did not answer within "
              + options.timeout().toMillis()
              + " ms");
    } catch (ConnectException | UnresolvedAddressException e) {
      throw unreachable("cannot connect");
    } catch (IOException e) {
      throw unreachable("the connection failed before an answer: " + e.getMessage());
    }
    Exchange exchange = Exchange.of(ctx);
    exchange.upstream = true;
    ctx.status(answer.statusCode());
    ctx.res().setContentType(null); // the upstream's, or none: not Javalin's default
    answer
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!name.startsWith(":") && !NOT_FORWARDED.contains(lower(name))) {
                // Set, not added: the first value replaces anything set before.
                ctx.res().setHeader(name, values.get(0));
                values.subList(1, values.size()).forEach(value -> ctx.res().addHeader(name, value));
              }
            });
    byte[] body = answer.body();
    exchange.responseBody = readable(body, answer.headers().firstValue("Content-Encoding"));
    recorder.accept(ctx, exchange);
    try {
      ctx.res().setContentLength(body.length);
      if (body.length > 0 && !ctx.method().name().equals("HEAD")) {
        ctx.res().getOutputStream().write(body);
      }
      ctx.res().flushBuffer();
    } catch (IOException clientGone) {
      // Nothing more to do for a client that left.
    }
    throw new Answered();
  }

  private HttpRequest request(Context ctx) {
    String query = ctx.req().getQueryString();
    URI target = URI.create(base + ctx.req().getRequestURI() + (query == null ? "" : "?" + query));
    byte[] body = ctx.bodyAsBytes();
    Exchange.of(ctx).requestBody = new String(body, StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(options.timeout())
            .method(
                ctx.method().name(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Enumeration<String> names = ctx.req().getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      if (NOT_FORWARDED.contains(lower(name))) {
        continue;
      }
      for (Enumeration<String> values = ctx.req().getHeaders(name); values.hasMoreElements(); ) {
        request.header(name, values.nextElement());
      }
    }
    return request.build();
  }

  private FastlyError unreachable(String why) {
    return new FastlyError(
        502, FastlyError.reason(502), "the upstream " + base + " could not be reached: " + why);
  }

  /** The body as text for the spec check: decoded when gzipped, null when encoded otherwise. */
  private static String readable(byte[] body, Optional<String> encoding) {
    String coding = encoding.map(Upstream::lower).orElse("identity").strip();
    try {
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      return null;
    }
    return coding.equals("identity") ? new String(body, StandardCharsets.UTF_8) : null;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
