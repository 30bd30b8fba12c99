package dev.fastlykit.invitations.mock;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small HTTP client for black-box tests of the server. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  Http(MockFastlyServer server) {
    this.base = server.url();
  }

  /** A response, with its body parsed on demand. */
  static final class Reply {
    final int status;
    final Map<String, List<String>> headers;
    final String body;

    Reply(int status, Map<String, List<String>> headers, String body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    String header(String name) {
      for (Map.Entry<String, List<String>> h : headers.entrySet()) {
        if (h.getKey().equalsIgnoreCase(name)) {
          return h.getValue().get(0);
        }
      }
      return null;
    }

    JsonObject json() {
      return JsonParser.parseString(body).getAsJsonObject();
    }

    JsonElement at(String dottedPath) {
      JsonElement node = json();
      for (String part : dottedPath.split("\\.")) {
        node =
            part.matches("\\d+")
                ? node.getAsJsonArray().get(Integer.parseInt(part))
                : node.getAsJsonObject().get(part);
      }
      return node;
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  Reply get(String path, String token) {
    return send("GET", path, token, null, null);
  }

  Reply delete(String path, String token) {
    return send("DELETE", path, token, null, null);
  }

  Reply post(String path, String token, String body) {
    return send("POST", path, token, "application/vnd.api+json", body);
  }

  Reply send(String method, String path, String token, String contentType, String body) {
    return send(method, path, token, contentType, body, Map.of());
  }

  Reply send(
      String method,
      String path,
      String token,
      String contentType,
      String body,
      Map<String, String> headers) {
    return sendBytes(
        method,
        path,
        token,
        contentType,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        headers);
  }

  Reply sendBytes(
      String method,
      String path,
      String token,
      String contentType,
      byte[] body,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Fastly-Key", token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends raw bytes and returns the raw answer, for what an HTTP client would refuse to send. */
  static String raw(MockFastlyServer server, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          answer.write(buffer, 0, n);
          if (answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")
              && complete(answer.toString(StandardCharsets.ISO_8859_1))) {
            break;
          }
        }
      } catch (java.net.SocketException reset) {
        // The server may close right after answering a malformed request.
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private static boolean complete(String answer) {
    int end = answer.indexOf("\r\n\r\n");
    String head = answer.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    int at = head.indexOf("content-length:");
    if (at < 0) {
      return false;
    }
    int lineEnd = head.indexOf("\r\n", at);
    int length =
        Integer.parseInt(head.substring(at + 15, lineEnd < 0 ? head.length() : lineEnd).trim());
    return answer.length() - end - 4 >= length;
  }
}
