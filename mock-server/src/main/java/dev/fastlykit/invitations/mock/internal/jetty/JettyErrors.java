package dev.fastlykit.invitations.mock.internal.jetty;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises itself, before Javalin sees the request (a bad request line, headers too
 * large, a URI too long), answered in Fastly's format instead of an HTML page.
 */
public final class JettyErrors extends ErrorHandler {
  private final BodyWriter bodies;

  /** Writes the error body of a status, as the server writes all its errors. */
  @FunctionalInterface
  public interface BodyWriter {
    byte[] body(int status);
  }

  public JettyErrors(BodyWriter bodies) {
    this.bodies = bodies;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    if (status < 400) {
      Object attribute = request.getAttribute(ERROR_STATUS);
      status = attribute instanceof Integer ? (Integer) attribute : 500;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, body(status), callback);
    return true;
  }

  @Override
  @SuppressWarnings("removal") // still how Jetty 12.1 answers a request it cannot parse
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return body(status);
  }

  private ByteBuffer body(int status) {
    return ByteBuffer.wrap(bodies.body(status));
  }
}
