package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A request that arrives while {@code start()} is still returning is answered as any other. */
class StartupRaceTest {
  private static final String LIST_WITHOUT_HOST =
      "GET /invitations HTTP/1.0\r\nFastly-Key: "
          + MockFastlyServer.DEMO_SUPERUSER_TOKEN
          + "\r\n\r\n";

  @Test
  void theFirstRequestsOfAStartingServerAreAnsweredNormally() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      for (int attempt = 0; attempt < 40; attempt++) {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
          port = probe.getLocalPort();
        }
        int target = port;
        // Knocks until the port opens, then sends at once: the first request meets the start.
        Future<String> first = pool.submit(() -> knock(target));
        try (MockFastlyServer server = MockFastlyServer.builder().port(port).build().start()) {
          String answer = first.get(30, TimeUnit.SECONDS);

          assertThat(answer).startsWith("HTTP/1.1 200").contains("127.0.0.1:" + server.port());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String knock(int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(LIST_WITHOUT_HOST.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      } catch (java.net.ConnectException notYet) {
        Thread.onSpinWait();
      }
    }
    throw new AssertionError("the server never opened port " + port);
  }
}
