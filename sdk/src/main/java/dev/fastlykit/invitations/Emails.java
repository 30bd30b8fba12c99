package dev.fastlykit.invitations;

/** The form of an email address that Fastly accepts, checked before any request is sent. */
final class Emails {
  static final int MAX_LENGTH = 254;
  static final int MAX_LOCAL_PART = 64;

  private Emails() {}

  /** Returns why {@code email} is not acceptable, or null when it is. */
  static String problem(String email) {
    if (email.length() > MAX_LENGTH) {
      return "is longer than " + MAX_LENGTH + " characters";
    }
    for (int i = 0; i < email.length(); i++) {
      char c = email.charAt(i);
      if (Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || Character.isISOControl(c)
          || Character.isSurrogate(c)) {
        return "must not contain whitespace, control or surrogate characters";
      }
    }
    int at = email.indexOf('@');
    if (at < 0 || email.indexOf('@', at + 1) >= 0) {
      return "must contain exactly one '@'";
    }
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    if (local.isEmpty() || local.length() > MAX_LOCAL_PART) {
      return "must have 1 to " + MAX_LOCAL_PART + " characters before the '@'";
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return "must have a domain of at least two labels, such as example.com";
    }
    for (String label : labels) {
      if (label.isEmpty()) {
        return "must not have an empty domain label";
      }
    }
    return null;
  }
}
