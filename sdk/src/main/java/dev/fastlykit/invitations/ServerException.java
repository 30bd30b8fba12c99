package dev.fastlykit.invitations;

import java.util.List;
import java.util.Map;

/**
 * A 5xx status: the server failed. Thrown after the retries the call allows; safe to retry later
 * for a list or a delete.
 */
public final class ServerException extends FastlyApiException {
  private static final long serialVersionUID = 1L;

  ServerException(int statusCode, String msg, String detail, Map<String, List<String>> headers) {
    super(statusCode, msg, detail, headers);
  }
}
