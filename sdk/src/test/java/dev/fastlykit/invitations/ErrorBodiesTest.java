package dev.fastlykit.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both of Fastly's error formats, and what is left when a body is in neither. */
class ErrorBodiesTest {
  private static final Map<String, List<String>> NO_HEADERS = Map.of();

  @ParameterizedTest
  @CsvSource({
    "400, BadRequestException",
    "401, AuthenticationException",
    "403, PermissionDeniedException",
    "404, NotFoundException",
    "422, BadRequestException",
    "429, RateLimitException",
    "500, ServerException",
    "503, ServerException",
    "599, ServerException",
    "405, FastlyApiException",
    "409, FastlyApiException",
    "499, FastlyApiException",
    "600, FastlyApiException"
  })
  void eachStatusGetsItsException(int status, String type) {
    FastlyApiException e = ErrorBodies.toException(status, "", NO_HEADERS, "{\"msg\":\"m\"}");

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.msg()).isEqualTo("m");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"msg\":\"Bad request\",\"detail\":\"email is required\"}|Bad request|email is required",
        "{\"msg\":\"Record not found\"}|Record not found|",
        "{\"msg\":\"Bad request\",\"detail\":null}|Bad request|",
        "{\"msg\":\"Bad request\",\"detail\":\"\"}|Bad request|",
        "{\"msg\":\"Bad request\",\"detail\":{\"field\":\"email\"}}|Bad request|{\"field\":\"email\"}",
        "{\"msg\":7,\"detail\":true}|7|true",
        "{\"errors\":[{\"title\":\"Invalid\",\"detail\":\"a\"},{\"title\":\"Other\",\"detail\":\"b\"}]}|Invalid|a; b",
        "{\"errors\":[\"x\",{\"detail\":\"a\"},{\"title\":\"Late\"}]}|Late|a",
        "{\"errors\":[]}||",
        "{\"title\":\"Not allowed\",\"detail\":\"why\"}|Not allowed|why",
        "{\"detail\":\"only this\"}||only this",
        "  {\"msg\":\"padded\"}  |padded|",
        "{\"errors\":\"not a list\"}||{\"errors\":\"not a list\"}",
        "[1,2]||[1,2]",
        "<html>Bad gateway</html>||<html>Bad gateway</html>",
        "{\"msg\":|| {\"msg\":"
      })
  void bothFormatsAreReadAndAnythingElseIsKeptAsTheDetail(String body, String msg, String detail) {
    String[] parsed = ErrorBodies.parse(body);

    assertThat(parsed[0]).isEqualTo(msg);
    assertThat(parsed[1]).isEqualTo(detail == null ? null : detail.strip());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\n"})
  void anEmptyBodySaysNothing(String body) {
    assertThat(ErrorBodies.parse(body)).containsExactly(null, null);
  }

  @ParameterizedTest
  @ValueSource(ints = {300, 301})
  void aLongDetailIsCutAfter300Characters(int length) {
    String text = "x".repeat(length);

    assertThat(ErrorBodies.parse(text)[1])
        .isEqualTo(length <= 300 ? text : "x".repeat(300) + "...");
    assertThat(ErrorBodies.parse("{\"msg\":\"m\",\"detail\":\"" + text + "\"}")[1])
        .isEqualTo(length <= 300 ? text : "x".repeat(300) + "...");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "400||Bad Request",
        "401||Unauthorized",
        "403||Forbidden",
        "404||Not Found",
        "405||Method Not Allowed",
        "408||Request Timeout",
        "413||Payload Too Large",
        "415||Unsupported Media Type",
        "422||Unprocessable Entity",
        "429||Too Many Requests",
        "500||Internal Server Error",
        "502||Bad Gateway",
        "503||Service Unavailable",
        "504||Gateway Timeout",
        "418|I'm a teapot|I'm a teapot",
        "418||HTTP error",
        "599| |HTTP error"
      })
  void withoutAMsgTheStatusSaysWhatWentWrong(int status, String reason, String msg) {
    FastlyApiException e =
        ErrorBodies.toException(status, reason == null ? null : reason.strip(), NO_HEADERS, "");

    assertThat(e.msg()).isEqualTo(msg);
    assertThat(e.detail()).isEmpty();
  }
}
