package dev.fastlykit.invitations.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.fastlykit.invitations.AuthenticationException;
import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.Page;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import dev.fastlykit.invitations.mock.junit5.MockFastlyExtension;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * At the edges, where implementations drift first, the spec, the SDK and the mock server give the
 * same answer: the default and the limits of a page, the limits of an email address, and what a
 * reset leaves behind. The spec's side is read from the spec itself, never restated here.
 */
class BoundariesAgreeTest {
  private static final String SUPERUSER = MockFastlyServer.DEMO_SUPERUSER_TOKEN;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static OpenApiInteractionValidator specValidator;
  private static Parameter pageSizeParameter;
  private static Schema<?> pageSize;

  /** These tests send what the spec forbids on purpose, and check the server's findings below. */
  @RegisterExtension
  static final MockFastlyExtension FASTLY =
      new MockFastlyExtension(b -> b.validate(true)).failOnSpecViolations(false);

  @BeforeAll
  static void readTheSpec() {
    String specText = resource("openapi/fastly-invitations.yaml");
    specValidator = OpenApiInteractionValidator.createForInlineApiSpecification(specText).build();
    ParseOptions resolved = new ParseOptions();
    resolved.setResolveFully(true);
    OpenAPI spec = new OpenAPIV3Parser().readContents(specText, null, resolved).getOpenAPI();
    pageSizeParameter =
        spec.getPaths().get("/invitations").getGet().getParameters().stream()
            .filter(p -> p.getName().equals("page[size]"))
            .findFirst()
            .orElseThrow();
    pageSize = pageSizeParameter.getSchema();
  }

  @AfterEach
  void everyAnswerConformedToTheSpec() {
    assertThat(FASTLY.server().specViolations()).isEmpty();
  }

  @Test
  void withoutAPageSizeTheSpecTheSdkAndTheServerAllMeanTheSameSize(MockFastlyServer server) {
    int specDefault = ((Number) pageSize.getDefault()).intValue();
    for (int i = 0; i < specDefault + 1; i++) {
      server.addInvitation(SUPERUSER, "person" + i + "@example.com", "user");
    }

    try (InvitationsClient client = client(server, SUPERUSER)) {
      Page<Invitation> page = client.list();

      assertThat(page.pageSize()).isEqualTo(specDefault);
      assertThat(page.items()).hasSize(specDefault);
      assertThat(page.hasNext()).isTrue();
    }
    assertThat(get(server, "/invitations").getAsJsonObject("meta").get("per_page").getAsInt())
        .isEqualTo(specDefault);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1, 2, 99, 100, 101})
  void aPageSizeTheSpecAllowsIsServedAndOneItForbidsIsRefusedBySdkAndServer(
      int size, MockFastlyServer server) {
    int minimum = pageSize.getMinimum().intValue();
    int maximum = pageSize.getMaximum().intValue();
    for (int i = 0; i < maximum + 1; i++) {
      server.addInvitation(SUPERUSER, "person" + i + "@example.com", "user");
    }
    boolean specAllows = size >= minimum && size <= maximum;

    try (InvitationsClient client = client(server, SUPERUSER)) {
      if (specAllows) {
        Page<Invitation> page = client.list(1, size);
        assertThat(page.items()).hasSize(size);
        assertThat(page.pageSize()).isEqualTo(size);
      } else {
        assertThatThrownBy(() -> client.list(1, size)).isInstanceOf(IllegalArgumentException.class);
      }
    }
    HttpResponse<String> raw = send(server, "GET", "/invitations?page[size]=" + size, null);
    if (specAllows) {
      assertThat(raw.statusCode()).isEqualTo(200);
      assertThat(perPage(raw)).isEqualTo(size);
    } else if (size > maximum) {
      // Fastly clamps a size above the maximum on its list endpoints; the spec says so.
      assertThat(raw.statusCode()).isEqualTo(200);
      assertThat(perPage(raw)).isEqualTo(maximum);
      assertThat(pageSizeParameter.getDescription()).contains("clamped to " + maximum);
    } else {
      assertThat(raw.statusCode()).isEqualTo(400);
    }
  }

  static Stream<Arguments> emails() {
    String local64 = "a".repeat(64);
    String domain189 = "b".repeat(185) + ".com"; // 64 + 1 + 189 = 254 characters
    String emoji = "\uD83D\uDE00"; // one character, two UTF-16 code units
    return Stream.of(
        Arguments.of("a 64-character local part", local64 + "@example.com", true),
        Arguments.of("a 65-character local part", "a" + local64 + "@example.com", false),
        Arguments.of("254 characters", local64 + "@" + domain189, true),
        Arguments.of("255 characters", local64 + "@b" + domain189, false),
        Arguments.of("64 emoji before the @", emoji.repeat(64) + "@example.com", true),
        Arguments.of("65 emoji before the @", emoji.repeat(65) + "@example.com", false),
        Arguments.of("254 characters with emoji", emoji.repeat(64) + "@" + domain189, true),
        Arguments.of("a 1-character local part", "a@example.com", true),
        Arguments.of("the shortest", "a@b.c", true),
        Arguments.of("an empty local part", "@example.com", false),
        Arguments.of("no @", "ada.example.com", false),
        Arguments.of("two @", "ada@lovelace@example.com", false),
        Arguments.of("a one-label domain", "ada@example", false),
        Arguments.of("an empty domain", "ada@", false),
        Arguments.of("an empty domain label", "ada@example..com", false),
        Arguments.of("a leading dot in the domain", "ada@.example.com", false),
        Arguments.of("a trailing dot", "ada@example.com.", false),
        Arguments.of("dots around the local part", ".ada.@example.com", true),
        Arguments.of("a plus and subdomains", "ada+fastly@mail.eu.example.com", true),
        Arguments.of("a quoted local part", "\"ada\"@example.com", true),
        Arguments.of("a quoted local part with a space", "\"ada lovelace\"@example.com", false),
        Arguments.of("an IDN domain", "ada@b\u00FCcher.example", true),
        Arguments.of("a non-Latin address", "\u4F8B\u3048@\u4F8B\u3048.jp", true),
        Arguments.of("an emoji local part", emoji + "@example.com", true),
        Arguments.of("an emoji domain label", "ada@" + emoji + ".example", true),
        Arguments.of("a space", "ada lovelace@example.com", false),
        Arguments.of("a tab", "ada\t@example.com", false),
        Arguments.of("a trailing line feed", "ada@example.com\n", false),
        Arguments.of("a leading line feed", "\nada@example.com", false),
        Arguments.of("a carriage return", "ada@example.com\r", false),
        Arguments.of("a bell (C0)", "ada\u0007@example.com", false),
        Arguments.of("DEL", "ada\u007F@example.com", false),
        Arguments.of("U+0080 (C1)", "ada\u0080@example.com", false),
        Arguments.of("NEL (U+0085)", "ada\u0085@example.com", false),
        Arguments.of("U+009F (C1)", "ada\u009F@example.com", false),
        Arguments.of("NBSP (U+00A0)", "ada\u00A0@example.com", false),
        Arguments.of("ogham space (U+1680)", "ada\u1680@example.com", false),
        Arguments.of("en quad (U+2000)", "ada\u2000@example.com", false),
        Arguments.of("hair space (U+200A)", "ada@exa\u200Ample.com", false),
        Arguments.of("line separator (U+2028)", "ada@example.com\u2028", false),
        Arguments.of("paragraph separator (U+2029)", "ada\u2029@example.com", false),
        Arguments.of("narrow NBSP (U+202F)", "ada\u202F@example.com", false),
        Arguments.of("math space (U+205F)", "ada\u205F@example.com", false),
        Arguments.of("ideographic space (U+3000)", "ada\u3000@example.com", false),
        Arguments.of("a zero-width space (not whitespace)", "ada\u200B@example.com", true),
        Arguments.of("a byte-order mark (not whitespace)", "\uFEFFada@example.com", true),
        Arguments.of("an unpaired high surrogate", "ada\uD800@example.com", false),
        Arguments.of("an unpaired low surrogate", "ada@exam\uDC00ple.com", false),
        Arguments.of("a pair the wrong way round", "ada\uDE00\uD83D@example.com", false),
        Arguments.of("a high surrogate at the end", "ada@example.com\uD83D", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("emails")
  void anEmailIsAcceptedByTheSpecTheSdkAndTheServerOrRefusedByAllThree(
      String what, String email, boolean accepted, MockFastlyServer server) {
    // Every character outside printable ASCII goes as a JSON escape, unpaired surrogates too.
    String body =
        "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":" + jsonString(email) + "}}}";
    boolean specAccepts = !specValidator.validateRequest(create(body)).hasErrors();

    boolean sdkAccepts;
    try {
      NewInvitation.builder().email(email).build();
      sdkAccepts = true;
    } catch (IllegalArgumentException refused) {
      sdkAccepts = false;
    }
    HttpResponse<String> answer = send(server, "POST", "/invitations", body);

    assertThat(specAccepts).as("the spec's pattern accepts it").isEqualTo(accepted);
    assertThat(sdkAccepts).as("the SDK accepts it").isEqualTo(specAccepts);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(specAccepts ? 200 : 400);
    assertThat(server.invitationCount()).isEqualTo(specAccepts ? 4 : 3);
    assertThat(server.requestViolations().isEmpty())
        .as("the server's own check of the request finds nothing: %s", server.requestViolations())
        .isEqualTo(specAccepts);
  }

  private static String jsonString(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7E) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  @Test
  void aResetLeavesTheStartingInvitationsTokensAndBudgetsAndNothingElse(MockFastlyServer server) {
    String startingState = server.exportState();
    server.addAccounts(
        "{\"customers\":[{\"id\":\"3cD4eF5gH6iJ7kL8mN9oP0\",\"name\":\"third\",\"services\":[],"
            + "\"users\":[{\"email\":\"root@third.example\",\"role\":\"superuser\","
            + "\"token\":\"third-token\"}]}]}");
    List<String> startingIds;
    try (InvitationsClient demo = client(server, SUPERUSER);
        InvitationsClient third = client(server, "third-token")) {
      startingIds = demo.listAll().stream().map(Invitation::id).toList();
      demo.create(NewInvitation.builder().email("ada@example.com").build());
      demo.delete(startingIds.get(0));
      third.create(NewInvitation.builder().email("grace@example.com").build());

      server.reset();

      assertThat(demo.listAll().stream().map(Invitation::id))
          .containsExactlyElementsOf(startingIds);
      assertThatThrownBy(third::list).isInstanceOf(AuthenticationException.class);
      assertThat(
              demo.withRawResponse()
                  .create(NewInvitation.builder().email("ada@example.com").build())
                  .rateLimit()
                  .orElseThrow()
                  .remaining())
          .isEqualTo(server.writeLimit() - 1);
    }
    server.reset();
    assertThat(server.exportState()).isEqualTo(startingState);
  }

  private static int perPage(HttpResponse<String> response) {
    return JsonParser.parseString(response.body())
        .getAsJsonObject()
        .getAsJsonObject("meta")
        .get("per_page")
        .getAsInt();
  }

  private static JsonObject get(MockFastlyServer server, String path) {
    return JsonParser.parseString(send(server, "GET", path, null).body()).getAsJsonObject();
  }

  private static HttpResponse<String> send(
      MockFastlyServer server, String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(server.url() + path.replace("[", "%5B").replace("]", "%5D")))
            .header("Fastly-Key", SUPERUSER);
    if (body != null) {
      request.header("Content-Type", "application/vnd.api+json");
    }
    try {
      return HTTP.send(
          request
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Request create(String body) {
    return SimpleRequest.Builder.post("/invitations")
        .withHeader("Fastly-Key", SUPERUSER)
        .withContentType("application/vnd.api+json")
        .withBody(body)
        .build();
  }

  private static InvitationsClient client(MockFastlyServer server, String token) {
    return InvitationsClient.builder().apiToken(token).baseUrl(server.url()).maxRetries(0).build();
  }

  private static String resource(String name) {
    try (InputStream in = BoundariesAgreeTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
