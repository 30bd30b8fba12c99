package dev.fastlykit.invitations.mock.internal.store;

/**
 * The email rule of the spec's {@code email} fields, as {@code spec/README.md} states it and the
 * spec's {@code pattern} encodes it: one {@code @}; 1 to 64 characters before it; a domain of at
 * least two non-empty dot-separated labels; at most 254 characters in all; no whitespace, no
 * control character, no unpaired surrogate. Characters are code points, so an emoji (a surrogate
 * pair) is one. Written here, apart from the SDK's check, on purpose: two implementations of one
 * rule are what the contract tests compare with the spec.
 */
public final class Emails {
  static final int MAX_LENGTH = 254;
  static final int MAX_LOCAL_PART = 64;

  private Emails() {}

  /** Why {@code email} is not acceptable, or null when it is. */
  public static String problem(String email) {
    if (email.isEmpty()) {
      return "is empty";
    }
    int at = -1;
    int atCharacter = -1;
    int characters = 0;
    for (int i = 0; i < email.length(); characters++) {
      char c = email.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < email.length()
          && Character.isLowSurrogate(email.charAt(i + 1))) {
        i += 2; // a character beyond the first plane, such as an emoji: allowed
        continue;
      }
      if (Character.isSurrogate(c) || forbidden(c)) {
        return "contains whitespace, a control character or an unpaired surrogate";
      }
      if (c == '@') {
        if (at >= 0) {
          return "has more than one '@'";
        }
        at = i;
        atCharacter = characters;
      }
      i++;
    }
    if (characters > MAX_LENGTH) {
      return "is longer than " + MAX_LENGTH + " characters";
    }
    if (at < 0) {
      return "has no '@'";
    }
    if (atCharacter == 0 || atCharacter > MAX_LOCAL_PART) {
      return "must have 1 to " + MAX_LOCAL_PART + " characters before the '@'";
    }
    String domain = email.substring(at + 1);
    int labels = 0;
    int start = 0;
    for (int i = 0; i <= domain.length(); i++) {
      if (i == domain.length() || domain.charAt(i) == '.') {
        if (i == start) {
          return "has an empty domain label";
        }
        labels++;
        start = i + 1;
      }
    }
    return labels < 2 ? "must have a domain of at least two labels" : null;
  }

  /**
   * Controls (U+0000-U+001F, U+007F-U+009F) and Unicode's whitespace (the space, U+0085, U+00A0,
   * U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000); a zero-width space or a
   * byte-order mark is neither.
   */
  static boolean forbidden(char c) {
    return c <= 0x20
        || (c >= 0x7F && c <= 0xA0)
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202F
        || c == 0x205F
        || c == 0x3000;
  }
}
