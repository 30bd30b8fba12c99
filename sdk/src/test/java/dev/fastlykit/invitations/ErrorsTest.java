package dev.fastlykit.invitations;

import static dev.fastlykit.invitations.Fixtures.JSON_API;
import static dev.fastlykit.invitations.Fixtures.error;
import static dev.fastlykit.invitations.Fixtures.jsonApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorsTest {
  private final MockWebServer server = new MockWebServer();
  private InvitationsClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = Fixtures.builder(server, new Fixtures.RecordingTimer()).maxRetries(0).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  @ParameterizedTest
  @CsvSource({
    "400, BadRequestException",
    "422, BadRequestException",
    "401, AuthenticationException",
    "403, PermissionDeniedException",
    "404, NotFoundException",
    "429, RateLimitException",
    "500, ServerException",
    "503, ServerException",
    "405, FastlyApiException",
    "413, FastlyApiException",
    "415, FastlyApiException"
  })
  void eachStatusThrowsTheExceptionACallerActsOn(int status, String type) {
    server.enqueue(error(status, "Something", "went wrong"));

    FastlyApiException e = catchThrowableOfType(FastlyApiException.class, () -> client.list());

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e).isInstanceOf(FastlyException.class).isInstanceOf(RuntimeException.class);
  }

  @Test
  void fastlysLegacyErrorBodyGivesMsgAndDetail() {
    server.enqueue(
        error(404, "Record not found", "Cannot find invitation '4Lq8Vd2Kx9Tn3Rb6Yh1WsZ'")
            .setHeader("Fastly-RateLimit-Remaining", "996")
            .setHeader("Fastly-RateLimit-Reset", "1767873600"));

    NotFoundException e =
        catchThrowableOfType(
            NotFoundException.class, () -> client.delete("4Lq8Vd2Kx9Tn3Rb6Yh1WsZ"));

    assertThat(e.msg()).isEqualTo("Record not found");
    assertThat(e.detail()).contains("Cannot find invitation '4Lq8Vd2Kx9Tn3Rb6Yh1WsZ'");
    assertThat(e.getMessage())
        .isEqualTo("HTTP 404 Record not found: Cannot find invitation '4Lq8Vd2Kx9Tn3Rb6Yh1WsZ'");
    assertThat(e.rateLimit().get().remaining()).isEqualTo(996);
    assertThat(e.headers().get("content-type")).containsExactly("application/json");
  }

  @Test
  void jsonApiErrorBodyGivesTitleAndEveryDetail() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(400)
            .setHeader("Content-Type", "application/vnd.api+json")
            .setBody(
                "{\"errors\":[{\"title\":\"Bad request\",\"detail\":\"email is required\","
                    + "\"status\":\"400\"},{\"title\":\"Bad request\",\"detail\":\"role is unknown\"}]}"));

    BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> client.list());

    assertThat(e.msg()).isEqualTo("Bad request");
    assertThat(e.detail()).contains("email is required; role is unknown");
  }

  @Test
  void aNonJsonErrorBodyStillGivesAUsefulMessage() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(502)
            .setHeader("Content-Type", "text/html")
            .setBody("<html><body>upstream connect error</body></html>"));

    ServerException e = catchThrowableOfType(ServerException.class, () -> client.list());

    assertThat(e.getMessage())
        .isEqualTo("HTTP 502 Bad Gateway: <html><body>upstream connect error</body></html>");
  }

  @Test
  void anEmptyErrorBodyGivesTheStatusReason() {
    server.enqueue(new MockResponse().setResponseCode(415));

    FastlyApiException e = catchThrowableOfType(FastlyApiException.class, () -> client.list());

    assertThat(e.getMessage()).isEqualTo("HTTP 415 Unsupported Media Type");
    assertThat(e.detail()).isEmpty();
  }

  @Test
  void rateLimitExceptionSaysWhenTheBudgetIsRenewed() {
    server.enqueue(
        error(429, "Too Many Requests", null)
            .setHeader("Fastly-RateLimit-Remaining", "0")
            .setHeader("Fastly-RateLimit-Reset", "1767873600"));

    RateLimitException e =
        catchThrowableOfType(
            RateLimitException.class,
            () -> client.create(NewInvitation.builder().email("ada@example.com").build()));

    assertThat(e.resetAt()).contains(Instant.ofEpochSecond(1767873600));
    assertThat(e.rateLimit().get().remaining()).isZero();
  }

  @Test
  void aSuccessBodyThatIsNotJsonIsAnErrorNotARetriedFailure() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(200)
            .setHeader("Content-Type", "text/html")
            .setBody("<html>captive portal</html>"));

    assertThatThrownBy(() -> client.list())
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("cannot read");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"data\":null}",
        "{\"data\":{\"type\":\"invitation\"}}",
        "{\"data\":{\"id\":null}}"
      })
  void aCreateAnswerOfAnotherShapeIsAnInvalidResponse(String body) {
    server.enqueue(jsonApi(200, body));

    assertThatThrownBy(
            () -> client.create(NewInvitation.builder().email("ada@example.com").build()))
        .isExactlyInstanceOf(InvalidResponseException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aListAnswerWithoutABodyIsAnInvalidResponse() {
    server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", JSON_API));

    assertThatThrownBy(() -> client.list()).isExactlyInstanceOf(InvalidResponseException.class);
  }

  @Test
  void newInvitationRequiresAnEmail() {
    assertThatThrownBy(() -> NewInvitation.builder().role(Role.USER).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("email is required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ada",
        "ada@",
        "@example.com",
        "ada@example",
        "ada@@example.com",
        "ada@example..com",
        "ada@.example.com",
        "ada lovelace@example.com",
        "ada@exam\tple.com",
        "ada\u00a0@example.com",
        "ada\u0000@example.com"
      })
  void newInvitationRejectsAMalformedEmailBeforeAnyRequest(String email) {
    assertThatThrownBy(() -> NewInvitation.builder().email(email).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("email");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void newInvitationRejectsEmailsOverTheLengthLimits() {
    String local65 = "a".repeat(65) + "@example.com";
    String total255 = "a".repeat(60) + "@" + "b".repeat(190) + ".com";

    assertThatThrownBy(() -> NewInvitation.builder().email(local65).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NewInvitation.builder().email(total255).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(NewInvitation.builder().email("a".repeat(64) + "@example.com").build().email())
        .hasSize(76);
  }

  @Test
  void newInvitationRejectsServicesWithLimitServicesFalse() {
    assertThatThrownBy(
            () ->
                NewInvitation.builder()
                    .email("ada@example.com")
                    .limitServices(false)
                    .service("SU1Z0isxPaozGVKXdv0eY")
                    .build())
        .isInstanceOf(IllegalStateException.class);
  }
}
