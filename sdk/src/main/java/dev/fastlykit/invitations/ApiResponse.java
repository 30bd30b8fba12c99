package dev.fastlykit.invitations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A successful response with its HTTP details, from {@link InvitationsClient#withRawResponse()}.
 *
 * @param <T> the type of the body ({@link Void} for a delete)
 */
public final class ApiResponse<T> {
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final T body;

  ApiResponse(int statusCode, Map<String, List<String>> headers, T body) {
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body;
  }

  /** The HTTP status code, such as 200 or 204. */
  public int statusCode() {
    return statusCode;
  }

  /** The response headers; names are matched case-insensitively. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The write budget, from a POST or DELETE response; empty for a list. */
  public Optional<RateLimit> rateLimit() {
    return RateLimit.from(headers);
  }

  /** The mapped body; null for a delete. */
  public T body() {
    return body;
  }

  @Override
  public String toString() {
    return "ApiResponse{statusCode=" + statusCode + ", body=" + body + '}';
  }
}
