package dev.fastlykit.invitations;

import static dev.fastlykit.invitations.Fixtures.jsonApi;
import static dev.fastlykit.invitations.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Servers close idle keep-alive connections, and some close every connection after its answer
 * without saying so. A GET or DELETE that meets such a pooled connection is sent again at once on
 * another one, without using a retry; a create never is.
 */
class StaleConnectionTest {
  private final Fixtures.RecordingTimer timer = new Fixtures.RecordingTimer();
  private MockWebServer closing;
  private IdleClosingServer idle;

  @AfterEach
  void stop() throws IOException {
    if (closing != null) {
      closing.shutdown();
    }
    if (idle != null) {
      idle.close();
    }
  }

  /** An HTTP/1.0-style server: every answer is followed by a close, with no header saying so. */
  private String closingServer(int answers, MockResponse answer) throws IOException {
    closing = new MockWebServer();
    for (int i = 0; i < answers; i++) {
      closing.enqueue(answer.clone().setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
    }
    closing.start();
    return closing.url("/").toString();
  }

  private InvitationsClient client(String url, Integer maxRetries) {
    InvitationsClient.Builder builder =
        InvitationsClient.builder().apiToken(Fixtures.TOKEN).baseUrl(url).retryTimer(timer);
    if (maxRetries != null) {
      builder.maxRetries(maxRetries);
    }
    return builder.build();
  }

  @ParameterizedTest(name = "maxRetries {0}, async {1}")
  @CsvSource({"0, false", "0, true", ", false", ", true"})
  void everyListSucceedsAgainstAServerThatClosesAfterEachAnswer(Integer maxRetries, boolean async)
      throws Exception {
    String url = closingServer(10, jsonApi(200, page(1, 20, 1, true, false)));

    try (InvitationsClient client = client(url, maxRetries)) {
      for (int i = 0; i < 10; i++) {
        Page<Invitation> page = async ? client.async().list().get() : client.list();
        assertThat(page.items()).hasSize(1);
      }
    }

    assertThat(closing.getRequestCount()).as("each list reached the server once").isEqualTo(10);
    assertThat(timer.sleeps).isEmpty();
    assertThat(timer.scheduled).isEmpty();
  }

  @ParameterizedTest(name = "maxRetries {0}, async {1}")
  @CsvSource({"0, false", "0, true", ", false", ", true"})
  void everyCallSucceedsAgainstAServerThatClosesIdleConnections(Integer maxRetries, boolean async)
      throws Exception {
    idle = new IdleClosingServer(100);

    try (InvitationsClient client = client(idle.url(), maxRetries)) {
      for (int i = 0; i < 6; i++) {
        if (async) {
          client.async().list().get();
          client.async().delete("4Lq8Vd2Kx9Tn3Rb6Yh1WsZ").get();
        } else {
          client.list();
          client.delete("4Lq8Vd2Kx9Tn3Rb6Yh1WsZ");
        }
        Thread.sleep(300); // longer than the server keeps an idle connection
      }
    }

    assertThat(idle.requests.get()).isEqualTo(12);
    assertThat(idle.connections.get()).as("a new connection for each pair").isGreaterThan(5);
    assertThat(timer.sleeps).isEmpty();
    assertThat(timer.scheduled).isEmpty();
  }

  @Test
  void aStaleConnectionDoesNotSpendARetry() throws Exception {
    closing = new MockWebServer();
    closing.enqueue(
        jsonApi(200, page(1, 20, 1, true, false)).setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
    closing.enqueue(Fixtures.error(503, "Service Unavailable", null));
    closing.enqueue(Fixtures.error(503, "Service Unavailable", null));
    closing.enqueue(jsonApi(200, page(1, 20, 1, true, false)));
    closing.start();

    try (InvitationsClient client = client(closing.url("/").toString(), 2)) {
      client.list();

      assertThat(client.list().items()).hasSize(1);
    }
    assertThat(timer.sleeps).as("two retries, for the two 503s").hasSize(2);
  }

  @Test
  void aCreateOnAConnectionThatDiesIsNeverSentAgain() throws Exception {
    closing = new MockWebServer();
    closing.enqueue(jsonApi(200, page(1, 20, 1, true, false)));
    closing.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    closing.enqueue(jsonApi(200, Fixtures.created("6Xr2Bt8Wq5Zp1Nc4Mv7KsD", "ada@example.com")));
    closing.start();

    try (InvitationsClient client = client(closing.url("/").toString(), null)) {
      client.list(); // pools the connection the create will use

      // The server may have taken it before closing: the caller decides, not the SDK.
      assertThatThrownBy(
              () -> client.create(NewInvitation.builder().email("ada@example.com").build()))
          .isInstanceOf(FastlyConnectionException.class);
    }
    assertThat(timer.sleeps).isEmpty();
    assertThat(closing.getRequestCount()).isEqualTo(2);
  }

  /** Keeps each connection alive between requests for {@code idleMillis}, then closes it. */
  private static final class IdleClosingServer implements AutoCloseable {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger connections = new AtomicInteger();
    private final ServerSocket socket;
    private final int idleMillis;
    private final Thread acceptor;

    IdleClosingServer(int idleMillis) throws IOException {
      this.idleMillis = idleMillis;
      this.socket = new ServerSocket(0);
      this.acceptor = new Thread(this::accept, "idle-closing-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }

    private void accept() {
      while (!socket.isClosed()) {
        try {
          Socket connection = socket.accept();
          connections.incrementAndGet();
          Thread serve = new Thread(() -> serve(connection), "idle-closing-connection");
          serve.setDaemon(true);
          serve.start();
        } catch (IOException closed) {
          return;
        }
      }
    }

    private void serve(Socket connection) {
      try (connection) {
        connection.setSoTimeout(idleMillis);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = connection.getOutputStream();
        while (true) {
          String requestLine = in.readLine();
          if (requestLine == null) {
            return;
          }
          for (String header = in.readLine(); header != null && !header.isEmpty(); ) {
            header = in.readLine();
          }
          requests.incrementAndGet();
          String answer =
              requestLine.startsWith("DELETE")
                  ? "HTTP/1.1 204 No Content\r\n\r\n"
                  : answer(page(1, 20, 1, true, false));
          out.write(answer.getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      } catch (SocketTimeoutException idleTooLong) {
        // Closed by the try: what a server does with a connection idle past its keep-alive.
      } catch (IOException gone) {
        // The client went away.
      }
    }

    private static String answer(String body) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      return "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.api+json\r\nContent-Length: "
          + bytes.length
          + "\r\n\r\n"
          + body;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
