package dev.fastlykit.invitations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with an error status. Subclasses name the statuses a caller acts on; any
 * other status (405, 413, 415, ...) is a plain {@code FastlyApiException}.
 *
 * <p>The message reads {@code HTTP 404 Record not found: Cannot find invitation '...'}, from the
 * error body in either of Fastly's formats ({@code {"msg", "detail"}} or JSON:API {@code
 * errors[]}), or from the start of the body when it is not JSON.
 */
public class FastlyApiException extends FastlyException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String msg;
  private final String detail;
  private final transient Map<String, List<String>> headers;

  FastlyApiException(int statusCode, String msg, String detail, Map<String, List<String>> headers) {
    super(message(statusCode, msg, detail), null);
    this.statusCode = statusCode;
    this.msg = msg;
    this.detail = detail;
    this.headers = headers;
  }

  private static String message(int statusCode, String msg, String detail) {
    return "HTTP " + statusCode + " " + msg + (detail == null ? "" : ": " + detail);
  }

  /** The HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /** The error's short summary, such as {@code Record not found}. */
  public String msg() {
    return msg;
  }

  /** What exactly went wrong, when the server said. */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  /** The response headers; names are matched case-insensitively. */
  public Map<String, List<String>> headers() {
    return headers == null ? Map.of() : headers;
  }

  /** The write budget, when the response carried it (POST and DELETE responses do). */
  public Optional<RateLimit> rateLimit() {
    return RateLimit.from(headers());
  }
}
