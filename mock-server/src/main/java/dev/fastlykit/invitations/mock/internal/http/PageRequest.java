package dev.fastlykit.invitations.mock.internal.http;

import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The page parameters of a list, read from the raw query string: {@code page[number]} from 1,
 * {@code page[size]} from 1 (above 100 clamped to 100, as Fastly's list endpoints do), each at most
 * once; brackets raw or percent-encoded; other parameters ignored.
 */
final class PageRequest {
  final int number;
  final int size;

  /**
   * Whether the query is one the spec documents: no parameter but the two, and a size of at most
   * 100. Others are served leniently and not checked against the spec.
   */
  final boolean canonical;

  private PageRequest(int number, int size, boolean canonical) {
    this.number = number;
    this.size = size;
    this.canonical = canonical;
  }

  /** Accepts raw and percent-encoded brackets; other parameters are ignored. */
  static PageRequest parse(String rawQuery) {
    Value number = null;
    Value size = null;
    boolean others = false;
    int length = rawQuery == null ? 0 : rawQuery.length();
    for (int start = 0, end; start < length; start = end + 1) {
      end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        int eq = rawQuery.indexOf('=', start);
        if (eq < 0 || eq > end) {
          eq = end;
        }
        String name = decode(rawQuery, start, eq);
        Value value = new Value(rawQuery, eq, end);
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
        } else {
          others = true;
        }
      }
    }
    int pageNumber = 1;
    if (number != null) {
      long n = number.integer("page[number]");
      if (n < 1 || n > Integer.MAX_VALUE) {
        throw FastlyError.badRequest("page[number] must be between 1 and " + Integer.MAX_VALUE);
      }
      pageNumber = (int) n;
    }
    int pageSize = Limits.DEFAULT_PAGE_SIZE;
    boolean canonical = !others;
    if (size != null) {
      long s = size.integer("page[size]");
      if (s < 1) {
        throw FastlyError.badRequest("page[size] must be an integer of at least 1");
      }
      if (s > Limits.MAX_PAGE_SIZE) {
        pageSize = Limits.MAX_PAGE_SIZE; // clamped, as Fastly does on its list endpoints
        canonical = false;
      } else {
        pageSize = (int) s;
      }
    }
    return new PageRequest(pageNumber, pageSize, canonical);
  }

  /**
   * A parameter's value, from after its {@code =} (at {@code eq}, or at {@code end} when it has
   * none): up to 18 digits, as a page number or size nearly always is, are read in place; any other
   * value is decoded at once, so that a bad percent-encoding is refused in the order it comes.
   */
  private static final class Value {
    private final String query;
    private final int from;
    private final int end;

    /** The value decoded, or null when it is digits read in place. */
    private final String decoded;

    Value(String query, int eq, int end) {
      this.query = query;
      this.from = eq + 1;
      this.end = end;
      this.decoded = digits(query, from, end) ? null : eq >= end ? "" : decode(query, from, end);
    }

    long integer(String name) {
      if (decoded != null) {
        return PageRequest.integer(name, decoded);
      }
      long value = 0;
      for (int i = from; i < end; i++) {
        value = value * 10 + (query.charAt(i) - '0');
      }
      return value;
    }

    private static boolean digits(String query, int from, int end) {
      if (end - from < 1 || end - from > 18) {
        return false;
      }
      for (int i = from; i < end; i++) {
        char c = query.charAt(i);
        if (c < '0' || c > '9') {
          return false;
        }
      }
      return true;
    }
  }

  /** The integer, clamped to the range of a long: only its sign and size up to a page matter. */
  private static long integer(String name, String value) {
    int start = value.startsWith("-") ? 1 : 0;
    boolean digits = value.length() > start && value.length() <= 1000;
    for (int i = start; digits && i < value.length(); i++) {
      char c = value.charAt(i);
      digits = c >= '0' && c <= '9';
    }
    if (!digits) {
      throw FastlyError.badRequest(name + " must be an integer, not '" + shorten(value) + "'");
    }
    if (value.length() - start <= 18) {
      return Long.parseLong(value);
    }
    BigInteger big = new BigInteger(value);
    return big.bitLength() < 64 ? big.longValue() : big.signum() * Long.MAX_VALUE;
  }

  /** Percent-decodes a part of the query; most parts have nothing to decode. */
  private static String decode(String query, int start, int end) {
    // How clients (OkHttp among them) send the two names: no need to decode them each time.
    if (matches(query, start, end, "page%5Bnumber%5D")) {
      return "page[number]";
    }
    if (matches(query, start, end, "page%5Bsize%5D")) {
      return "page[size]";
    }
    String text = query.substring(start, end);
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw FastlyError.badRequest("the query string is not correctly percent-encoded");
    }
  }

  private static boolean matches(String query, int start, int end, String literal) {
    return end - start == literal.length() && query.startsWith(literal, start);
  }

  private static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
