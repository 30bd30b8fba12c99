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
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      // Gson's messages end with a link to its troubleshooting page: not for API users.
      int see = reason.indexOf("\nSee ");
      throw new IllegalArgumentException(
          "the body is not valid JSON: " + (see > 0 ? reason.substring(0, see) : reason), e);
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException("the body is nested too deeply", null);
    }
  }
}
