package dev.fastlykit.invitations.mock;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/** Strict JSON parsing with a nesting limit, so that no body can exhaust the stack. */
final class JsonBodies {
  static final int NESTING_LIMIT = 64;

  private JsonBodies() {}

  /** Keeps where Gson stopped ("at line 1 column 4") and drops its advice to programmers. */
  private static String where(String message) {
    if (message == null) {
      return "";
    }
    java.util.regex.Matcher at =
        java.util.regex.Pattern.compile("at line (\\d+) column (\\d+)").matcher(message);
    String reason =
        message.contains("nesting") || message.contains("Nesting") ? ", nested too deeply" : "";
    return reason + (at.find() ? " (line " + at.group(1) + ", column " + at.group(2) + ")" : "");
  }

  /**
   * Parses one JSON value and nothing after it.
   *
   * @throws IllegalArgumentException with a short reason when the text is not such a value
   */
  static JsonElement parse(String text) {
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      reader.setStrictness(Strictness.STRICT);
      reader.setNestingLimit(NESTING_LIMIT);
      JsonElement element = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new IllegalArgumentException("unexpected content after the JSON value");
      }
      return element;
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw new IllegalArgumentException("the body is not valid JSON" + where(e.getMessage()), e);
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException("the body is nested too deeply", null);
    }
  }
}
