package dev.fastlykit.invitations.mock;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** UTC timestamps at second precision with a {@code Z}, as Fastly writes them. */
final class Timestamps {
  private Timestamps() {}

  /** Appends {@code yyyy-MM-ddTHH:mm:ssZ} for years 0 to 9999, without allocating. */
  static void append(StringBuilder out, long epochSecond) {
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

  static String format(long epochSecond) {
    StringBuilder out = new StringBuilder(20);
    append(out, epochSecond);
    return out.toString();
  }

  /** Parses an ISO 8601 instant; null when it is not one. */
  static Long parse(String text) {
    try {
      return Instant.parse(text).getEpochSecond();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void pad(StringBuilder out, long value, int width) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    out.append(digits);
  }
}
