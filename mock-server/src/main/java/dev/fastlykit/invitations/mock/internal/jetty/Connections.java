package dev.fastlykit.invitations.mock.internal.jetty;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletApiRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** What the server does to connections that the servlet API cannot say: Jetty's own calls. */
public final class Connections {
  private Connections() {}

  /**
   * The server's one connector, made before it starts: an HTTP/1.1 connector on this host and port
   * whose connections may stay silent, mid-request or between requests, for {@code idleTimeout}
   * before the server closes them (a client that stalls mid-request holds a connection no longer),
   * and whose request heads (request line and headers) may reach {@code headBytes}.
   */
  public static Connector connector(
      Server server,
      HttpConfiguration http,
      String host,
      int port,
      Duration idleTimeout,
      int headBytes) {
    http.setRequestHeaderSize(headBytes);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(idleTimeout.toMillis());
    return connector;
  }

  /** Closes the request's connection at once: whatever is written next goes nowhere. */
  public static void drop(ServletRequest request) {
    Request jetty = jettyRequest(request);
    if (jetty != null) {
      jetty.getConnectionMetaData().getConnection().getEndPoint().close();
    }
  }

  /** Takes a request's headers one by one. */
  @FunctionalInterface
  public interface HeaderVisitor {
    /** Called once, before the first header, with how many header fields follow. */
    default void count(int fields) {}

    void header(String name, String value);
  }

  /**
   * Visits the request's header fields in the order they came, in one pass over what Jetty parsed,
   * where the servlet API looks each name up again.
   *
   * @throws IllegalStateException when the request is not Jetty's, which no request here can be
   */
  public static void eachHeader(ServletRequest request, HeaderVisitor visitor) {
    Request jetty = jettyRequest(request);
    if (jetty == null) {
      throw new IllegalStateException("not a Jetty request: " + request.getClass().getName());
    }
    HttpFields fields = jetty.getHeaders();
    visitor.count(fields.size());
    for (HttpField field : fields) {
      visitor.header(field.getName(), field.getValue());
    }
  }

  private static Request jettyRequest(ServletRequest request) {
    while (request instanceof ServletRequestWrapper) {
      request = ((ServletRequestWrapper) request).getRequest();
    }
    return request instanceof ServletApiRequest ? ((ServletApiRequest) request).getRequest() : null;
  }
}
