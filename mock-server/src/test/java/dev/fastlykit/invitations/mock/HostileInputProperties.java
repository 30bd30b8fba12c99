package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever a client sends, the server answers below 500 and a refused request changes nothing. */
class HostileInputProperties {
  private static MockFastlyServer server;
  private static Http http;

  @BeforeContainer
  static void start() {
    server = MockFastlyServer.builder().writeLimit(Integer.MAX_VALUE).build().start();
    http = new Http(server);
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Property(tries = 300)
  void randomBodiesNeverGetA5xxNorChangeStateWhenRefused(@ForAll("bodies") String body) {
    String before = server.exportState();

    Http.Reply reply = http.post("/invitations", MockFastlyServer.DEMO_SUPERUSER_TOKEN, body);

    assertThat(reply.status).as(body).isLessThan(500);
    assertThat(reply.header("Content-Type")).startsWith("application/");
    if (reply.status != 200) {
      assertThat(server.exportState()).isEqualTo(before);
    } else {
      server.reset();
    }
  }

  @Property(tries = 200)
  void randomBytesNeverGetA5xxNorAStackTrace(
      @ForAll byte[] body, @ForAll("mediaTypes") String mediaType) {
    String before = server.exportState();

    Http.Reply reply =
        http.sendBytes(
            "POST",
            "/invitations",
            MockFastlyServer.DEMO_SUPERUSER_TOKEN,
            mediaType,
            body,
            java.util.Map.of());

    assertThat(reply.status).isBetween(400, 499);
    assertThat(reply.body).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(server.exportState()).isEqualTo(before);
  }

  @Property(tries = 100)
  void randomHeadersNeverGetA5xxNorAStackTrace(@ForAll("headerValues") String value)
      throws java.io.IOException {
    // Raw bytes on a fresh connection: an HTTP client would refuse or rewrite many of these values.
    String answer =
        Http.raw(
            server,
            "GET /invitations HTTP/1.1\r\nHost: localhost\r\nFastly-Key: "
                + MockFastlyServer.DEMO_SUPERUSER_TOKEN
                + "\r\nX-Random: "
                + value
                + "\r\nConnection: close\r\n\r\n");

    assertThat(answer)
        .as("the answer to X-Random: %s", value)
        .matches("(?s)HTTP/1\\.1 [1-4]\\d\\d .*");
    assertThat(answer).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(http.get("/__admin/health", null).status).isEqualTo(200);
  }

  @Property(tries = 200)
  void randomQueryStringsNeverGetA5xx(@ForAll("queries") String query) {
    Http.Reply reply = http.get("/invitations?" + query, MockFastlyServer.DEMO_SUPERUSER_TOKEN);

    assertThat(reply.status).as(query).isIn(200, 400);
  }

  @Property(tries = 200)
  void randomPathsAndMethodsNeverGetA5xxNorChangeState(
      @ForAll("methods") String method, @ForAll("paths") String path) {
    int before = server.invitationCount();

    Http.Reply reply;
    try {
      reply = http.send(method, path, MockFastlyServer.DEMO_USER_TOKEN, null, null);
    } catch (java.io.UncheckedIOException staleConnection) {
      // Jetty closes the connection after refusing some URIs; the client's pool may reuse it once.
      reply = http.send(method, path, MockFastlyServer.DEMO_USER_TOKEN, null, null);
    }

    assertThat(reply.status).as(method + " " + path).isBetween(400, 499);
    assertThat(server.invitationCount()).isEqualTo(before);
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> json =
        Arbitraries.recursive(
            () ->
                Arbitraries.oneOf(
                    Arbitraries.strings()
                        .ofMaxLength(20)
                        .map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                    Arbitraries.bigIntegers()
                        .between(
                            java.math.BigInteger.TEN.pow(40).negate(),
                            java.math.BigInteger.TEN.pow(40))
                        .map(String::valueOf),
                    Arbitraries.of("true", "false", "null", "1e400", "-0", "{}", "[]")),
            inner ->
                Arbitraries.oneOf(
                    inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"),
                    Arbitraries.of(
                            "data",
                            "attributes",
                            "email",
                            "role",
                            "roles",
                            "relationships",
                            "service_invitations",
                            "type",
                            "limit_services")
                        .flatMap(key -> inner.map(value -> "{\"" + key + "\":" + value + "}"))),
            4);
    Arbitrary<String> almostValid =
        Arbitraries.of("user", "engineer", "superuser", "king", "")
            .flatMap(
                role ->
                    Arbitraries.strings()
                        .ofMaxLength(30)
                        .map(
                            email ->
                                "{\"data\":{\"attributes\":{\"email\":\""
                                    + email.replace("\"", "")
                                    + "\",\"role\":\""
                                    + role
                                    + "\"}}}"));
    return Arbitraries.oneOf(json, almostValid, Arbitraries.strings().ofMaxLength(200));
  }

  @Provide
  Arbitrary<String> mediaTypes() {
    return Arbitraries.of(
        "application/json",
        "application/vnd.api+json",
        "text/plain",
        "application/json; charset=utf-16");
  }

  @Provide
  Arbitrary<String> headerValues() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(100),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(100),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(9_000).ofMaxLength(20_000));
  }

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> names =
        Arbitraries.of("page[number]", "page%5Bnumber%5D", "page[size]", "page%5Bsize%5D", "x", "");
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.strings().alpha().numeric().ofMaxLength(30),
            Arbitraries.of("%20", "%2B1", "-", "99999999999999999999999", "%00", "%FF"));
    return names
        .flatMap(n -> values.map(v -> n + "=" + v))
        .list()
        .ofMaxSize(4)
        .map(l -> String.join("&", l));
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "QUERY");
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "/invitations",
            "/invitations/",
            "/invitations/x/y",
            "//invitations",
            "/__admin",
            "/%2e%2e/etc"),
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .numeric()
            .withChars('/', '-', '.', '_', '~')
            .ofMaxLength(40)
            .map(s -> "/" + s));
  }
}
