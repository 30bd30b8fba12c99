package dev.fastlykit.invitations.mock.internal.state;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.List;

/**
 * Reads the state format's values as they are written, where Gson would convert: a string must be a
 * string (not a number), a boolean {@code true} or {@code false}, a number an integer, and no field
 * or list item may be {@code null}. Each refusal names where it is, as {@code
 * customers[0].users[1].token must be a string}.
 */
final class StrictTypes implements TypeAdapterFactory {
  @Override
  @SuppressWarnings("unchecked")
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<? super T> raw = type.getRawType();
    if (raw == String.class) {
      return checked(gson.getDelegateAdapter(this, type), JsonToken.STRING, "a string");
    }
    if (raw == Boolean.class) {
      return checked(gson.getDelegateAdapter(this, type), JsonToken.BOOLEAN, "true or false");
    }
    if (raw == Integer.class) {
      return (TypeAdapter<T>) INTEGER;
    }
    if (raw == List.class) {
      return checked(gson.getDelegateAdapter(this, type), null, "an array");
    }
    if (raw.isRecord() && raw.getEnclosingClass() == StateDocument.class) {
      return checked(gson.getDelegateAdapter(this, type), null, "an object");
    }
    return null;
  }

  /**
   * The delegate, refusing {@code null} and, when {@code token} is given, any other kind of value
   * than that token.
   */
  private static <T> TypeAdapter<T> checked(TypeAdapter<T> delegate, JsonToken token, String what) {
    return new TypeAdapter<>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        delegate.write(out, value);
      }

      @Override
      public T read(JsonReader in) throws IOException {
        JsonToken next = in.peek();
        if (next == JsonToken.NULL || (token != null && next != token)) {
          throw refusal(in, what);
        }
        return delegate.read(in);
      }
    };
  }

  private static final TypeAdapter<Integer> INTEGER =
      new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, Integer value) throws IOException {
          out.value(value);
        }

        @Override
        public Integer read(JsonReader in) throws IOException {
          if (in.peek() != JsonToken.NUMBER) {
            throw refusal(in, "a number");
          }
          String path = in.getPath();
          String text = in.nextString();
          try {
            return Integer.valueOf(text);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where(path) + " must be an integer, not " + text);
          }
        }
      };

  private static IllegalArgumentException refusal(JsonReader in, String what) {
    if (in.getPath().equals("$")) {
      return new IllegalArgumentException("the state must be a JSON object");
    }
    return new IllegalArgumentException(where(in.getPath()) + " must be " + what);
  }

  /** {@code $.customers[0].name} as {@code customers[0].name}; the root as "the state". */
  private static String where(String path) {
    return path.equals("$") ? "the state" : path.substring(path.startsWith("$.") ? 2 : 1);
  }
}
