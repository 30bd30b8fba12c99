package dev.fastlykit.invitations.mock;

import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The page parameters of a list, read from the raw query string by the decided rules. */
final class PageRequest {
  private static final BigInteger MAX_NUMBER = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger MAX_SIZE = BigInteger.valueOf(Limits.MAX_PAGE_SIZE);

  final int number;
  final int size;

  /** Whether the request asked for no more than the spec allows (size at most 100). */
  final boolean canonical;

  private PageRequest(int number, int size, boolean canonical) {
    this.number = number;
    this.size = size;
    this.canonical = canonical;
  }

  /** Accepts raw and percent-encoded brackets; other parameters are ignored. */
  static PageRequest parse(String rawQuery) {
    String number = null;
    String size = null;
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if ("page[number]".equals(name)) {
          if (number != null) {
            throw FastlyError.badRequest("page[number] is given more than once");
          }
          number = value;
        } else if ("page[size]".equals(name)) {
          if (size != null) {
            throw FastlyError.badRequest("page[size] is given more than once");
          }
          size = value;
        }
      }
    }
    int pageNumber = 1;
    if (number != null) {
      BigInteger n = integer("page[number]", number);
      if (n.signum() < 1 || n.compareTo(MAX_NUMBER) > 0) {
        throw FastlyError.badRequest("page[number] must be between 1 and " + Integer.MAX_VALUE);
      }
      pageNumber = n.intValue();
    }
    int pageSize = Limits.DEFAULT_PAGE_SIZE;
    boolean canonical = true;
    if (size != null) {
      BigInteger s = integer("page[size]", size);
      if (s.signum() < 1) {
        throw FastlyError.badRequest("page[size] must be an integer of at least 1");
      }
      if (s.compareTo(MAX_SIZE) > 0) {
        pageSize = Limits.MAX_PAGE_SIZE; // clamped, as Fastly does on its list endpoints
        canonical = false;
      } else {
        pageSize = s.intValue();
      }
    }
    return new PageRequest(pageNumber, pageSize, canonical);
  }

  private static BigInteger integer(String name, String value) {
    int start = value.startsWith("-") ? 1 : 0;
    boolean digits = value.length() > start && value.length() <= 1000;
    for (int i = start; digits && i < value.length(); i++) {
      char c = value.charAt(i);
      digits = c >= '0' && c <= '9';
    }
    if (!digits) {
      throw FastlyError.badRequest(name + " must be an integer, not '" + shorten(value) + "'");
    }
    return new BigInteger(value);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw FastlyError.badRequest("the query string is not correctly percent-encoded");
    }
  }

  private static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
