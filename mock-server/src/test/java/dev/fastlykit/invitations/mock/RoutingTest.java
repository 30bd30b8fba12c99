package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingTest extends ServerTest {
  @Test
  void anUnknownPathIs404InFastlysFormat() {
    Http.Reply reply = http.get("/services", SUPERUSER);

    assertThat(reply.status).isEqualTo(404);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    assertThat(reply.body).isEqualTo("{\"msg\":\"Not Found\"}");
  }

  @ParameterizedTest
  @CsvSource({
    "HEAD, /invitations, 'GET, POST'",
    "OPTIONS, /invitations, 'GET, POST'",
    "PUT, /invitations, 'GET, POST'",
    "PATCH, /invitations, 'GET, POST'",
    "DELETE, /invitations, 'GET, POST'",
    "GET, /invitations/4Lq8Vd2Kx9Tn3Rb6Yh1WsZ, DELETE",
    "POST, /invitations/4Lq8Vd2Kx9Tn3Rb6Yh1WsZ, DELETE",
    "PUT, /invitations/4Lq8Vd2Kx9Tn3Rb6Yh1WsZ, DELETE"
  })
  void aMethodAPathDoesNotServeIs405WithAllow(String method, String path, String allow) {
    Http.Reply reply = http.send(method, path, SUPERUSER, null, null);

    assertThat(reply.status).isEqualTo(405);
    assertThat(reply.header("Allow")).isEqualTo(allow);
    if (!method.equals("HEAD")) {
      assertThat(reply.body).isEqualTo("{\"msg\":\"Method Not Allowed\"}");
    }
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  @ParameterizedTest
  @CsvSource({
    "PATCH, /__admin/state, 'GET, PUT'",
    "POST, /__admin/health, GET",
    "GET, /__admin/faults/f1, DELETE",
    "PUT, /__admin/invitations/4Lq8Vd2Kx9Tn3Rb6Yh1WsZ, DELETE",
    "OPTIONS, /__admin/requests/, 'GET, DELETE'"
  })
  void anAdminPathAnswers405WithAllowForAMethodItDoesNotServe(
      String method, String path, String allow) {
    Http.Reply reply = http.send(method, path, null, null, null);

    assertThat(reply.status).isEqualTo(405);
    assertThat(reply.header("Allow")).isEqualTo(allow);
    assertThat(reply.body).isEqualTo("{\"msg\":\"Method Not Allowed\"}");
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /__admin/nothing",
    "PATCH, /__admin/nothing",
    "DELETE, /__admin/faults/f1/more",
    "DELETE, /__admin/faults//",
    "GET, /__admin/",
    "GET, /__admin"
  })
  void anAdminPathNoRouteServesIs404(String method, String path) {
    Http.Reply reply = http.send(method, path, null, null, null);

    assertThat(reply.status).isEqualTo(404);
    assertThat(reply.header("Allow")).isNull();
    assertThat(reply.body).isEqualTo("{\"msg\":\"Not Found\"}");
  }

  @Test
  void anAdminRoutesPathParameterIsDecodedAndATrailingSlashIgnored() {
    String id = server.addFault(FaultRule.on("GET", "/invitations").status(503).build());
    StringBuilder encoded = new StringBuilder();
    for (char c : id.toCharArray()) {
      encoded.append('%').append(String.format("%02X", (int) c));
    }

    assertThat(http.get("/__admin/health/", null).status).isEqualTo(200);
    assertThat(http.delete("/__admin/faults/" + encoded + "/", null).status).isEqualTo(204);
    assertThat(http.get("/invitations", SUPERUSER).status).isEqualTo(200);
  }

  @Test
  void theInvitationIdInThePathIsPercentDecodedWithAPlusKept() {
    Http.Reply reply = http.delete("/invitations/a+b%2Bc%20d%2Fe", SUPERUSER);

    assertThat(reply.status).isEqualTo(404);
    assertThat(reply.body).contains("Cannot find invitation 'a+b+c d/e'");
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  @Test
  void anUnknownMethodGetsAFastlyStyleError() throws Exception {
    String raw =
        Http.raw(
            server, "BREW /invitations HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(raw)
        .matches("(?s)HTTP/1.1 4\\d\\d .*")
        .contains("application/json")
        .contains("{\"msg\":");
  }

  @Test
  void aMalformedRequestLineIs400InFastlysFormat() throws Exception {
    String raw = Http.raw(server, "GARBAGE\r\n\r\n");

    assertThat(raw)
        .startsWith("HTTP/1.1 400")
        .contains("application/json")
        .contains("{\"msg\":\"Bad Request\"}");
    assertThat(raw).doesNotContain("<html").doesNotContain("Exception");
  }

  @Test
  void oversizedHeadersAre431InFastlysFormat() throws Exception {
    String raw =
        Http.raw(
            server,
            "GET /invitations HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(64 * 1024)
                + "\r\nConnection: close\r\n\r\n");

    assertThat(raw).startsWith("HTTP/1.1 431").contains("application/json").doesNotContain("<html");
  }

  @Test
  void aVeryLongUriIsRefusedInFastlysFormat() throws Exception {
    String raw =
        Http.raw(
            server,
            "GET /invitations?"
                + "x".repeat(64 * 1024)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(raw)
        .matches("(?s)HTTP/1.1 4\\d\\d .*")
        .contains("application/json")
        .doesNotContain("<html");
  }

  @ParameterizedTest
  @ValueSource(ints = {8_193, 8_300, 20_000, 65_000, 70_000})
  void everyTargetLongerThan8KiBIs414(int length) throws Exception {
    String raw = Http.raw(server, get(target(length), ""));

    assertThat(raw).startsWith("HTTP/1.1 414").contains("{\"msg\":\"URI Too Long\"}");
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  @Test
  void aTargetOf8KiBIsServed() throws Exception {
    String raw = Http.raw(server, get(target(8_192), "Fastly-Key: " + SUPERUSER + "\r\n"));

    assertThat(raw).startsWith("HTTP/1.1 200");
  }

  @Test
  void moreThan8KiBOfHeadersIs431AndUpTo8KiBIsServed() throws Exception {
    String key = "Fastly-Key: " + SUPERUSER + "\r\n";
    String host = "Host: localhost\r\n";
    int fixed = key.length() + host.length() + "Connection: close\r\n".length();
    String fits = "X-Pad: " + "p".repeat(8 * 1024 - fixed - "X-Pad: \r\n".length()) + "\r\n";

    assertThat(Http.raw(server, get("/invitations", key + fits))).startsWith("HTTP/1.1 200");
    assertThat(Http.raw(server, get("/invitations", key + fits + "X: y\r\n")))
        .startsWith("HTTP/1.1 431")
        .contains("{\"msg\":\"Request Header Fields Too Large\"}");
  }

  /** {@code /invitations?pad=ppp...} of exactly {@code length} characters. */
  private static String target(int length) {
    String start = "/invitations?pad=";
    return start + "p".repeat(length - start.length());
  }

  private static String get(String target, String headers) {
    return "GET "
        + target
        + " HTTP/1.1\r\nHost: localhost\r\n"
        + headers
        + "Connection: close\r\n\r\n";
  }

  @Test
  void theSpecIsServed() {
    Http.Reply reply = http.get("/openapi.yaml", null);

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.body).startsWith("openapi: 3.0.3").contains("operationId: createInvitation");
  }
}
