package dev.fastlykit.invitations;

import java.util.List;
import java.util.Map;

/**
 * 401 Unauthorized: the API token is missing, unknown or expired. Check the token the client was
 * built with.
 */
public final class AuthenticationException extends FastlyApiException {
  private static final long serialVersionUID = 1L;

  AuthenticationException(
      int statusCode, String msg, String detail, Map<String, List<String>> headers) {
    super(statusCode, msg, detail, headers);
  }
}
