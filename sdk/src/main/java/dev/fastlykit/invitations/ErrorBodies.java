package dev.fastlykit.invitations;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns an error response into the exception a caller can act on. */
final class ErrorBodies {
  private static final int MAX_DETAIL = 300;

  private ErrorBodies() {}

  static FastlyApiException toException(
      int status, String reason, Map<String, List<String>> headers, String body) {
    String[] parsed = parse(body);
    String msg = parsed[0] != null ? parsed[0] : reasonPhrase(status, reason);
    String detail = parsed[1];
    if (status == 400 || status == 422) {
      return new BadRequestException(status, msg, detail, headers);
    } else if (status == 401) {
      return new AuthenticationException(status, msg, detail, headers);
    } else if (status == 403) {
      return new PermissionDeniedException(status, msg, detail, headers);
    } else if (status == 404) {
      return new NotFoundException(status, msg, detail, headers);
    } else if (status == 429) {
      return new RateLimitException(status, msg, detail, headers);
    } else if (status >= 500 && status <= 599) {
      return new ServerException(status, msg, detail, headers);
    }
    return new FastlyApiException(status, msg, detail, headers);
  }

  /** Returns {msg, detail} from either of Fastly's formats, or {null, start of body}. */
  static String[] parse(String body) {
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) {
      return new String[] {null, null};
    }
    try {
      JsonElement json = JsonParser.parseString(text);
      if (json.isJsonObject()) {
        JsonObject object = json.getAsJsonObject();
        if (object.has("msg")) {
          return new String[] {string(object.get("msg")), string(object.get("detail"))};
        }
        if (object.has("errors") && object.get("errors").isJsonArray()) {
          return jsonApi(object.getAsJsonArray("errors"));
        }
        if (object.has("title") || object.has("detail")) {
          return new String[] {string(object.get("title")), string(object.get("detail"))};
        }
      }
    } catch (RuntimeException notJson) {
      // Falls through: a proxy's HTML page or plain text still says something useful.
    }
    return new String[] {null, truncate(text)};
  }

  private static String[] jsonApi(JsonArray errors) {
    String title = null;
    List<String> details = new ArrayList<>();
    for (JsonElement element : errors) {
      if (!element.isJsonObject()) {
        continue;
      }
      JsonObject error = element.getAsJsonObject();
      if (title == null) {
        title = string(error.get("title"));
      }
      String detail = string(error.get("detail"));
      if (detail != null) {
        details.add(detail);
      }
    }
    return new String[] {title, details.isEmpty() ? null : String.join("; ", details)};
  }

  private static String string(JsonElement element) {
    if (element == null || element.isJsonNull()) {
      return null;
    }
    String value = element.isJsonPrimitive() ? element.getAsString() : element.toString();
    return value.isEmpty() ? null : truncate(value);
  }

  private static String truncate(String text) {
    return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
  }

  static String reasonPhrase(int status, String reason) {
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
      case 413:
        return "Payload Too Large";
      case 415:
        return "Unsupported Media Type";
      case 422:
        return "Unprocessable Entity";
      case 429:
        return "Too Many Requests";
      case 500:
        return "Internal Server Error";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      case 504:
        return "Gateway Timeout";
      default:
        return reason == null || reason.isEmpty() ? "HTTP error" : reason;
    }
  }
}
