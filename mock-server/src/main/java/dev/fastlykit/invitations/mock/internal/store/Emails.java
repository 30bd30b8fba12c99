package dev.fastlykit.invitations.mock.internal.store;

/**
 * The email rule of the spec's {@code email} fields (see {@code spec/README.md}): one {@code @}, a
 * local part of 1-64 characters, a domain of at least two non-empty labels, at most 254 characters,
 * no whitespace, control or surrogate characters. Written here, apart from the SDK's check, on
 * purpose: two implementations of one rule are what the contract tests compare.
 */
public final class Emails {
  private Emails() {}

  /** Why {@code email} is not acceptable, or null when it is. */
  public static String problem(String email) {
    if (email.isEmpty()) {
      return "is empty";
    }
    if (email.length() > 254) {
      return "is longer than 254 characters";
    }
    int at = -1;
    for (int i = 0; i < email.length(); i++) {
      char c = email.charAt(i);
      if (Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || Character.isISOControl(c)
          || Character.isSurrogate(c)) {
        return "contains whitespace, a control or a surrogate character";
      }
      if (c == '@') {
        if (at >= 0) {
          return "has more than one '@'";
        }
        at = i;
      }
    }
    if (at < 0) {
      return "has no '@'";
    }
    if (at == 0 || at > 64) {
      return "must have 1 to 64 characters before the '@'";
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
}
