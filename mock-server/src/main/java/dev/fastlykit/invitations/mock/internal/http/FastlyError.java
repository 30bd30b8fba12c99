package dev.fastlykit.invitations.mock.internal.http;

import dev.fastlykit.invitations.mock.internal.json.StrictJson;
import dev.fastlykit.invitations.mock.internal.store.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request the mock server refuses, answered as Fastly answers: {@code {"msg", "detail"}}. */
public final class FastlyError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String msg;
  final String detail;

  FastlyError(int status, String msg, String detail) {
    super(status + " " + msg + (detail == null ? "" : ": " + detail), null, false, false);
    this.status = status;
    this.msg = msg;
    this.detail = detail;
  }

  static FastlyError badRequest(String detail) {
    return new FastlyError(400, "Bad request", detail);
  }

  static FastlyError unauthorized() {
    return new FastlyError(401, "Provided credentials are missing or invalid", null);
  }

  static FastlyError tooLarge() {
    return new FastlyError(
        413,
        "Payload Too Large",
        "The request body is larger than " + Limits.MAX_BODY_BYTES + " bytes");
  }

  static FastlyError unsupportedMediaType(String detail) {
    return new FastlyError(415, "Unsupported Media Type", detail);
  }

  /** An error about routing or HTTP itself: the status's reason phrase and no detail. */
  static FastlyError of(int status) {
    return new FastlyError(status, reason(status), null);
  }

  /** What the store or the role policy refused, with the status Fastly gives it. */
  static FastlyError of(Refusal refusal) {
    switch (refusal.reason()) {
      case UNAUTHENTICATED:
        return unauthorized();
      case FORBIDDEN:
        return new FastlyError(403, "Forbidden", refusal.detail());
      case NOT_FOUND:
        return new FastlyError(404, "Record not found", refusal.detail());
      default:
        return badRequest(refusal.detail());
    }
  }

  /** The body, as Fastly's account endpoints write it. */
  String body() {
    return body(msg, detail);
  }

  static String body(String msg, String detail) {
    Map<String, String> body = new LinkedHashMap<>(4);
    body.put("msg", msg);
    if (detail != null) {
      body.put("detail", detail);
    }
    return StrictJson.gson().toJson(body);
  }

  /** The body of an error about HTTP itself, for the errors Jetty raises before routing. */
  public static byte[] bodyOf(int status) {
    return body(reason(status), null).getBytes(StandardCharsets.UTF_8);
  }

  /** The reason phrase of a status, as the "msg" of errors the server raises about routing. */
  static String reason(int status) {
    switch (status) {
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
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
