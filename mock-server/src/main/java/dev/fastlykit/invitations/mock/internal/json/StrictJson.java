package dev.fastlykit.invitations.mock.internal.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON in and out for everything but the two hot answers: strict parsing with a nesting limit, so
 * that no input can exhaust the stack, and one Gson for the cold answers (errors, the state, the
 * journal, fault rules, health).
 */
public final class StrictJson {
  /** How deeply any input may nest. */
  public static final int NESTING_LIMIT = 64;

  /**
   * Writes cold answers: nulls kept, nothing HTML-escaped (none of them is HTML). Made on first
   * use: building and starting a server needs none, and Gson's set-up is a good part of a cold
   * JVM's first tens of milliseconds.
   */
  public static Gson gson() {
    return Writer.GSON;
  }

  private static final class Writer {
    static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
  }

  /**
   * Made on the first message that needs it: a server that is never sent bad JSON compiles none.
   */
  private static final class Where {
    static final Pattern PATTERN = Pattern.compile("at line (\\d+) column (\\d+)");
  }

  private StrictJson() {}

  /**
   * Parses one JSON value and nothing after it.
   *
   * @throws IllegalArgumentException saying why and where, such as {@code not valid JSON (line 1,
   *     column 4)}, when the text is not one JSON value
   */
  public static JsonElement parse(String text) {
    try (JsonReader reader = reader(text)) {
      JsonElement element = JsonParser.parseReader(reader);
      requireEnd(reader);
      return element;
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw new IllegalArgumentException(describe(e), e);
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException("nested too deeply", null);
    }
  }

  /** A reader that accepts only strict JSON nested at most {@link #NESTING_LIMIT} deep. */
  public static JsonReader reader(String text) {
    JsonReader reader = new JsonReader(new StringReader(text));
    reader.setStrictness(Strictness.STRICT);
    reader.setNestingLimit(NESTING_LIMIT);
    return reader;
  }

  /**
   * Fails unless the reader has read the whole text: a strict reader refuses anything after the one
   * value as malformed, with where it is.
   */
  public static void requireEnd(JsonReader reader) throws IOException {
    if (reader.peek() != JsonToken.END_DOCUMENT) {
      throw new MalformedJsonException("more follows the value");
    }
  }

  /** Says why Gson could not read a text, such as {@code not valid JSON (line 1, column 4)}. */
  public static String describe(Throwable e) {
    return "not valid JSON" + where(e.getMessage());
  }

  /** Keeps where Gson stopped ("at line 1 column 4") and drops its advice to programmers. */
  private static String where(String message) {
    if (message == null) {
      return "";
    }
    Matcher at = Where.PATTERN.matcher(message);
    String reason =
        message.contains("nesting") || message.contains("Nesting") ? ", nested too deeply" : "";
    return reason + (at.find() ? " (line " + at.group(1) + ", column " + at.group(2) + ")" : "");
  }
}
