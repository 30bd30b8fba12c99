package dev.fastlykit.invitations.mock.internal.json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** UTC timestamps at second precision with a {@code Z}, as Fastly writes them. */
public final class Timestamps {
  private Timestamps() {}

  /** Appends {@code yyyy-MM-ddTHH:mm:ssZ} for years 0 to 9999, without allocating. */
  public static void append(StringBuilder out, long epochSecond) {
    long days = Math.floorDiv(epochSecond, 86_400);
    int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    pad(out, year, 4);
    out.append('-');
    pad(out, month, 2);
    out.append('-');
    pad(out, day, 2);
    out.append('T');
    pad(out, secondOfDay / 3600, 2);
    out.append(':');
    pad(out, (secondOfDay / 60) % 60, 2);
    out.append(':');
    pad(out, secondOfDay % 60, 2);
    out.append('Z');
  }

  /** A formatted, quoted timestamp with its second: immutable, so sharing it races benignly. */
  private static final class Cached {
    final long epochSecond;
    final byte[] quoted;

    Cached(long epochSecond, byte[] quoted) {
      this.epochSecond = epochSecond;
      this.quoted = quoted;
    }
  }

  // Invitations created in the same second share their timestamps; a page has many of those.
  private static final Cached[] CACHE = new Cached[256];

  /**
   * {@code "2026-01-05T09:00:00Z"} with its quotes, in ASCII, from a small cache of recent seconds.
   * The array is shared: callers copy it and never change it.
   */
  public static byte[] quoted(long epochSecond) {
    int slot = (int) (epochSecond & (CACHE.length - 1));
    Cached cached = CACHE[slot];
    if (cached == null || cached.epochSecond != epochSecond) {
      StringBuilder out = new StringBuilder(22).append('"');
      append(out, epochSecond);
      cached =
          new Cached(epochSecond, out.append('"').toString().getBytes(StandardCharsets.US_ASCII));
      CACHE[slot] = cached;
    }
    return cached.quoted;
  }

  public static String format(long epochSecond) {
    StringBuilder out = new StringBuilder(20);
    append(out, epochSecond);
    return out.toString();
  }

  /** Parses an ISO 8601 instant; null when it is not one. */
  public static Long parse(String text) {
    try {
      return Instant.parse(text).getEpochSecond();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void pad(StringBuilder out, long value, int width) {
    if (value < 0 || value >= 10_000) {
      out.append(value); // outside what ISO years and fields need: no padding to do
      return;
    }
    int v = (int) value;
    if (width >= 4) {
      out.append((char) ('0' + v / 1000)).append((char) ('0' + v / 100 % 10));
    }
    out.append((char) ('0' + v / 10 % 10)).append((char) ('0' + v % 10));
  }
}
