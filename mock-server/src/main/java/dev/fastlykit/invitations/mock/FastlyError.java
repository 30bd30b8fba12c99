package dev.fastlykit.invitations.mock;

import java.util.Map;

/** A request the mock server refuses, answered as Fastly answers: {@code {"msg", "detail"}}. */
final class FastlyError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String msg;
  final String detail;
  final transient Map<String, String> headers;

  FastlyError(int status, String msg, String detail, Map<String, String> headers) {
    super(status + " " + msg + (detail == null ? "" : ": " + detail), null, false, false);
    this.status = status;
    this.msg = msg;
    this.detail = detail;
    this.headers = headers;
  }

  static FastlyError badRequest(String detail) {
    return new FastlyError(400, "Bad request", detail, Map.of());
  }

  static FastlyError unauthorized() {
    return new FastlyError(401, "Provided credentials are missing or invalid", null, Map.of());
  }

  static FastlyError forbidden(String detail) {
    return new FastlyError(403, "Forbidden", detail, Map.of());
  }

  static FastlyError notFound(String invitationId) {
    return new FastlyError(
        404, "Record not found", "Cannot find invitation '" + invitationId + "'", Map.of());
  }

  static FastlyError tooLarge() {
    return new FastlyError(
        413,
        "Payload Too Large",
        "The request body is larger than " + Limits.MAX_BODY_BYTES + " bytes",
        Map.of());
  }

  static FastlyError unsupportedMediaType(String detail) {
    return new FastlyError(415, "Unsupported Media Type", detail, Map.of());
  }

  /** The body, as Fastly's account endpoints write it. */
  String body() {
    return body(msg, detail);
  }

  static String body(String msg, String detail) {
    JsonWriter out = new JsonWriter(64).append("{\"msg\":");
    out.string(msg);
    if (detail != null) {
      out.append(",\"detail\":");
      out.string(detail);
    }
    return out.append('}').toString();
  }

  /** The reason phrase of a status, as the "msg" of errors the server raises about routing. */
  static String reason(int status) {
    switch (status) {
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 404:
        return "Not Found";
      case 405:
        return "Method Not Allowed";
      case 408:
        return "Request Timeout";
      case 411:
        return "Length Required";
      case 413:
        return "Payload Too Large";
      case 414:
        return "URI Too Long";
      case 415:
        return "Unsupported Media Type";
      case 429:
        return "Too Many Requests";
      case 431:
        return "Request Header Fields Too Large";
      case 500:
        return "Internal Server Error";
      case 501:
        return "Not Implemented";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      case 504:
        return "Gateway Timeout";
      case 505:
        return "HTTP Version Not Supported";
      default:
        return status >= 500 ? "Server Error" : "Client Error";
    }
  }
}
