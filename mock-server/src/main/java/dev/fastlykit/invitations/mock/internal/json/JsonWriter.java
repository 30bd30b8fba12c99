package dev.fastlykit.invitations.mock.internal.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Writes JSON by hand, straight into UTF-8 bytes: no reflection, no intermediate tree, and no
 * {@code String} to encode again before it goes out. On the hot path an answer borrows a writer
 * ({@link #borrow()}) and gives it back once written out, so a list answer allocates nothing for
 * its body. Used only where that pays (the list and create answers, and the parts they share); cold
 * paths use Gson.
 */
public final class JsonWriter {
  private static final byte[] HEX = ascii("0123456789abcdef");
  private static final byte[] NULL = ascii("null");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");

  /** A writer given back is kept for the next answer, unless a big answer grew it past this. */
  private static final int KEPT_CAPACITY = 64 * 1024;

  private static final Spares SPARES = new Spares(16);

  private byte[] buf;
  private int size;

  public JsonWriter(int capacity) {
    this.buf = new byte[Math.max(capacity, 16)];
  }

  /**
   * An empty writer for one answer, to be given back ({@link #giveBack()}) once what it wrote is
   * written out and no longer read.
   */
  public static JsonWriter borrow() {
    return SPARES.borrow();
  }

  /**
   * Gives a borrowed writer back for another answer; its bytes may be overwritten at once. A writer
   * a big answer grew is let go, and so is one that finds no free place.
   */
  public void giveBack() {
    SPARES.giveBack(this);
  }

  /**
   * Writers given back, for the next answers to borrow. Borrowing takes the first one kept, and
   * giving back fills the first free place: while one answer is written at a time, as on a busy
   * core, one writer serves answer after answer and its buffer stays in the processor's cache,
   * where a writer per thread left each of Jetty's twenty-odd threads a buffer gone cold by its
   * next turn. As many writers are kept as answers were written at once, up to the places there
   * are.
   */
  static final class Spares {
    private final AtomicReferenceArray<JsonWriter> kept;

    Spares(int places) {
      kept = new AtomicReferenceArray<>(places);
    }

    JsonWriter borrow() {
      for (int i = 0; i < kept.length(); i++) {
        JsonWriter writer = kept.getAndSet(i, null);
        if (writer != null) {
          writer.size = 0;
          return writer;
        }
      }
      return new JsonWriter(16 * 1024);
    }

    void giveBack(JsonWriter writer) {
      if (writer.buf.length > KEPT_CAPACITY) {
        return;
      }
      for (int i = 0; i < kept.length(); i++) {
        if (kept.compareAndSet(i, null, writer)) {
          return;
        }
      }
    }
  }

  /** A literal of ASCII characters, encoded once, for {@link #raw(byte[])}. */
  public static byte[] ascii(String literal) {
    for (int i = 0; i < literal.length(); i++) {
      if (literal.charAt(i) >= 0x80) {
        throw new IllegalArgumentException("not ASCII: " + literal);
      }
    }
    return literal.getBytes(StandardCharsets.US_ASCII);
  }

  /** Bytes already encoded, such as an {@link #ascii(String)} literal. */
  public JsonWriter raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
    return this;
  }

  /**
   * Writes again {@code length} bytes written already, from {@code from}: one copy, for a part an
   * answer repeats.
   *
   * @throws IndexOutOfBoundsException when the bytes are not all written yet
   */
  public JsonWriter repeat(int from, int length) {
    if (from < 0 || length < 0 || from > size - length) {
      throw new IndexOutOfBoundsException(
          "bytes " + from + " to " + ((long) from + length) + " of " + size + " written");
    }
    ensure(length);
    System.arraycopy(buf, from, buf, size, length);
    size += length;
    return this;
  }

  /** Text as it is, without quotes or escaping: for literals and for values that need none. */
  public JsonWriter append(String text) {
    int length = text.length();
    ensure(length);
    int i = ascii(text, 0, length);
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        codePoint(Character.toCodePoint(c, text.charAt(++i)));
      } else {
        codePoint(Character.isSurrogate(c) ? '?' : c);
      }
    }
    return this;
  }

  /**
   * Copies characters from {@code start} while they are printable ASCII other than a quote or a
   * backslash, which is all of most strings; returns where it stopped. The caller has made room.
   */
  private int ascii(String text, int start, int end) {
    byte[] b = buf;
    int n = size;
    int i = start;
    for (; i < end; i++) {
      char c = text.charAt(i);
      if (!isPlain(c)) {
        break;
      }
      b[n++] = (byte) c;
    }
    size = n;
    return i;
  }

  /**
   * Whether JSON takes a string as it is: printable ASCII without a quote or a backslash. Such text
   * can go through {@link #rawPlain(byte[], String)}.
   */
  public static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isPlain(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Printable ASCII other than a quote or a backslash: written as it is. */
  private static boolean isPlain(char c) {
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
  }

  /**
   * An encoded literal, then text already known {@link #isPlain(String) plain}, each copied whole
   * with room made once: for plain text the string holds one byte per character, and its copy is
   * one array copy instead of a check of every character.
   */
  @SuppressWarnings("deprecation") // the byte-per-character copy is exactly what plain text needs
  public JsonWriter rawPlain(byte[] literal, String text) {
    int length = text.length();
    ensure(literal.length + length);
    System.arraycopy(literal, 0, buf, size, literal.length);
    size += literal.length;
    text.getBytes(0, length, buf, size);
    size += length;
    return this;
  }

  public JsonWriter append(char c) {
    if (c < 0x80) {
      ensure(1);
      buf[size++] = (byte) c;
      return this;
    }
    return codePoint(Character.isSurrogate(c) ? '?' : c);
  }

  public JsonWriter append(long value) {
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        return append(Long.toString(value));
      }
      append('-');
      value = -value;
    }
    ensure(20);
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    for (int i = size + digits - 1; i >= size; i--) {
      buf[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += digits;
    return this;
  }

  public JsonWriter append(boolean value) {
    return raw(value ? TRUE : FALSE);
  }

  /**
   * A JSON string, quoted and escaped, or {@code null}. Line and paragraph separators and lone
   * surrogates are written as {@code \\u} escapes, so the output is valid UTF-8 and safe in
   * JavaScript too.
   */
  public JsonWriter string(String value) {
    if (value == null) {
      return raw(NULL);
    }
    int length = value.length();
    ensure(length + 2);
    buf[size++] = '"';
    for (int i = ascii(value, 0, length); i < length; i = ascii(value, i + 1, length)) {
      escape(value.charAt(i));
      ensure(length - i);
    }
    return append('"');
  }

  private void escape(char c) {
    switch (c) {
      case '"':
        append('\\').append('"');
        break;
      case '\\':
        append('\\').append('\\');
        break;
      case '\n':
        append('\\').append('n');
        break;
      case '\r':
        append('\\').append('r');
        break;
      case '\t':
        append('\\').append('t');
        break;
      default:
        if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)) {
          ensure(6);
          buf[size++] = '\\';
          buf[size++] = 'u';
          buf[size++] = HEX[(c >> 12) & 0xf];
          buf[size++] = HEX[(c >> 8) & 0xf];
          buf[size++] = HEX[(c >> 4) & 0xf];
          buf[size++] = HEX[c & 0xf];
        } else {
          codePoint(c);
        }
    }
  }

  /** Epoch seconds as {@code "2026-01-05T09:00:00Z"}, quoted. */
  public JsonWriter timestamp(long epochSecond) {
    return raw(Timestamps.quoted(epochSecond));
  }

  public int size() {
    return size;
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, size);
  }

  /** The first {@code max} bytes written, or all of them when fewer. */
  public byte[] prefix(int max) {
    return Arrays.copyOf(buf, Math.min(size, max));
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  @Override
  public String toString() {
    return new String(buf, 0, size, StandardCharsets.UTF_8);
  }

  private JsonWriter codePoint(int cp) {
    ensure(4);
    if (cp < 0x80) {
      buf[size++] = (byte) cp;
      return this;
    }
    if (cp < 0x800) {
      buf[size++] = (byte) (0xc0 | (cp >> 6));
    } else if (cp < 0x10000) {
      buf[size++] = (byte) (0xe0 | (cp >> 12));
      buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
    } else {
      buf[size++] = (byte) (0xf0 | (cp >> 18));
      buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
      buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
    }
    buf[size++] = (byte) (0x80 | (cp & 0x3f));
    return this;
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      long wanted = Math.max((long) buf.length * 2, (long) size + more);
      if (wanted > Integer.MAX_VALUE - 8) {
        if ((long) size + more > Integer.MAX_VALUE - 8) {
          throw new OutOfMemoryError("a JSON document of more than 2 GB");
        }
        wanted = Integer.MAX_VALUE - 8;
      }
      buf = Arrays.copyOf(buf, (int) wanted);
    }
  }
}
