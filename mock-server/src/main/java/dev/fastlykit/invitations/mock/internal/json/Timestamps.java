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

  /** {@code "2026-01-05T09:00:00Z"} with its quotes, in ASCII. */
  public static byte[] quoted(long epochSecond) {
    StringBuilder out = new StringBuilder(22).append('"');
    append(out, epochSecond);
    return out.append('"').toString().getBytes(StandardCharsets.US_ASCII);
  }

  public static String format(long epochSecond) {
    StringBuilder out = new StringBuilder(20);
    append(out, epochSecond);
    return out.toString();
  }

  /**
   * Parses an ISO 8601 instant; null when it is not one. Fastly's own form, {@code
   * 2026-01-05T09:00:00Z}, is read directly (every server built reads the demo state's); any other
   * form goes to {@link Instant#parse}, which decides.
   */
  public static Long parse(String text) {
    long fast = parseSeconds(text);
    if (fast != NOT_FAST) {
      return fast;
    }
    try {
      return Instant.parse(text).getEpochSecond();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static final long NOT_FAST = Long.MIN_VALUE;

  /**
   * {@code yyyy-MM-ddTHH:mm:ssZ} with every field in range; {@link #NOT_FAST} for anything else.
   */
  private static long parseSeconds(String text) {
    if (text.length() != 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(19) != 'Z') {
      return NOT_FAST;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > daysIn(year, month)
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return NOT_FAST;
    }
    // Days since 1970-01-01 from a civil date (Howard Hinnant's algorithm, the inverse of
    // append's).
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    long days = era * 146_097 + dayOfEra - 719_468;
    return days * 86_400 + hour * 3600L + minute * 60L + second;
  }

  /** The number in {@code width} ASCII digits from {@code from}; -1 when one is not a digit. */
  private static int digits(String text, int from, int width) {
    int value = 0;
    for (int i = from; i < from + width; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
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
