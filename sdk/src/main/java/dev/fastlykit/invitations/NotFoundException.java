package dev.fastlykit.invitations;

import java.util.List;
import java.util.Map;

/**
 * 404 Not Found: no such invitation in the caller's account (unknown, already deleted, or another
 * customer's).
 */
public final class NotFoundException extends FastlyApiException {
  private static final long serialVersionUID = 1L;

  NotFoundException(int statusCode, String msg, String detail, Map<String, List<String>> headers) {
    super(statusCode, msg, detail, headers);
  }
}
