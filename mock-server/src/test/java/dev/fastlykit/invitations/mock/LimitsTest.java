package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What bounds a client's hold on the server, and the server's memory. */
class LimitsTest {
  @Test
  void aClientThatNeverFinishesItsRequestIsDisconnected() throws Exception {
    try (MockFastlyServer server =
            MockFastlyServer.builder().idleTimeout(Duration.ofMillis(500)).build().start();
        Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      // Headers that promise a body, and half of it.
      out.write(
          ("POST /invitations HTTP/1.1\r\nHost: localhost\r\nFastly-Key: demo-superuser-token\r\n"
                  + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"data\":")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();

      long start = System.nanoTime();
      InputStream in = socket.getInputStream();
      byte[] rest = in.readAllBytes(); // returns when the server closes the connection
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(waitedMillis).isLessThan(8_000);
      assertThat(new String(rest, StandardCharsets.ISO_8859_1)).doesNotContain("Exception");
      assertThat(server.invitationCount()).isEqualTo(3);
      assertThat(new Http(server).get("/__admin/health", null).status).isEqualTo(200);
    }
  }

  @Test
  void theJournalKeepsOnlyTheLatestThousandRequests() {
    try (MockFastlyServer server = new MockFastlyServer().start()) {
      Http http = new Http(server);
      for (int i = 0; i < 1_050; i++) {
        http.get("/invitations?page[number]=" + (i + 1), MockFastlyServer.DEMO_SUPERUSER_TOKEN);
      }

      assertThat(server.requests()).hasSize(1_000);
      assertThat(server.requests().get(0).query()).isEqualTo("page[number]=51");
      // A poller that saw the first fifty learns that they are gone.
      assertThat(http.get("/__admin/requests?after=1050", null).at("kept_from").getAsLong())
          .isEqualTo(51);
    }
  }
}
