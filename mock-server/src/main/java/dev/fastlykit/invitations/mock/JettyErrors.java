package dev.fastlykit.invitations.mock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
final class JettyErrors extends ErrorHandler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    if (status < 400) {
      Object attribute = request.getAttribute(ERROR_STATUS);
      status = attribute instanceof Integer ? (Integer) attribute : 500;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, InvitationRoutes.JSON);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, body(status), callback);
    return true;
  }

  @Override
  @SuppressWarnings("removal") // still how Jetty 12.1 answers a request it cannot parse
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, InvitationRoutes.JSON);
    return body(status);
  }

  private static ByteBuffer body(int status) {
    return ByteBuffer.wrap(
        FastlyError.body(FastlyError.reason(status), null).getBytes(StandardCharsets.UTF_8));
  }
}
