package dev.fastlykit.invitations;

import java.util.List;
import java.util.Map;

/**
 * 400 Bad Request or 422 Unprocessable Entity: the request was invalid, or conflicts with the
 * account's state (an email that is already invited or already a user, a service the account does
 * not own). {@link #detail()} names the field. Fix the request; retrying it as it is fails again.
 */
public final class BadRequestException extends FastlyApiException {
  private static final long serialVersionUID = 1L;

  BadRequestException(
      int statusCode, String msg, String detail, Map<String, List<String>> headers) {
    super(statusCode, msg, detail, headers);
  }
}
