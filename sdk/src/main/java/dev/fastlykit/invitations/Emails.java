package dev.fastlykit.invitations;

/**
 * The form of an email address that Fastly accepts, checked before any request is sent: the rule
 * the spec's {@code pattern} encodes. Characters are counted as code points (an emoji is one).
 */
final class Emails {
  static final int MAX_LENGTH = 254;
  static final int MAX_LOCAL_PART = 64;

  private Emails() {}

  /** Returns why {@code email} is not acceptable, or null when it is. */
  static String problem(String email) {
    int[] codePoints = new int[email.length()];
    int count = 0;
    for (int i = 0; i < email.length(); ) {
      char c = email.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < email.length()
              && Character.isLowSurrogate(email.charAt(i + 1));
      if (!pair && (Character.isSurrogate(c) || isSpaceOrControl(c))) {
        return "must not contain whitespace, control characters or unpaired surrogates";
      }
      codePoints[count++] = pair ? email.codePointAt(i) : c;
      i += pair ? 2 : 1;
    }
    if (count > MAX_LENGTH) {
      return "is longer than " + MAX_LENGTH + " characters";
    }
    int at = -1;
    for (int i = 0; i < count; i++) {
      if (codePoints[i] == '@') {
        if (at >= 0) {
          return "must contain exactly one '@'";
        }
        at = i;
      }
    }
    if (at < 0) {
      return "must contain exactly one '@'";
    }
    if (at == 0 || at > MAX_LOCAL_PART) {
      return "must have 1 to " + MAX_LOCAL_PART + " characters before the '@'";
    }
    int labels = 0;
    int labelStart = at + 1;
    for (int i = at + 1; i <= count; i++) {
      if (i == count || codePoints[i] == '.') {
        if (i == labelStart) {
          return labels == 0 && i == count
              ? "must have a domain of at least two labels, such as example.com"
              : "must not have an empty domain label";
        }
        labels++;
        labelStart = i + 1;
      }
    }
    if (labels < 2) {
      return "must have a domain of at least two labels, such as example.com";
    }
    return null;
  }

  /** Controls and Unicode's whitespace, as the spec's pattern lists them. */
  private static boolean isSpaceOrControl(char c) {
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
