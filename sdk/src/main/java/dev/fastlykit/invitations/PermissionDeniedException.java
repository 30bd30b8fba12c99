package dev.fastlykit.invitations;

import java.util.List;
import java.util.Map;

/**
 * 403 Forbidden: the token's user may not do this, for example an engineer inviting a superuser.
 * {@link #detail()} says why.
 */
public final class PermissionDeniedException extends FastlyApiException {
  private static final long serialVersionUID = 1L;

  PermissionDeniedException(
      int statusCode, String msg, String detail, Map<String, List<String>> headers) {
    super(statusCode, msg, detail, headers);
  }
}
