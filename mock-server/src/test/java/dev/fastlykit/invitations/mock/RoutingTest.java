package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @Test
  void theSpecIsServed() {
    Http.Reply reply = http.get("/openapi.yaml", null);

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.body).startsWith("openapi: 3.0.3").contains("operationId: createInvitation");
  }
}
