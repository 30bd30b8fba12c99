package dev.fastlykit.invitations.mock.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Token handling that leaks neither the token nor, through timing, how much of it matched. */
public final class Tokens {
  private Tokens() {}

  /** The key a token is filed under: its SHA-256, so lookups never compare the token itself. */
  public static String digest(String token) {
    MessageDigest sha256 = SHA256.get();
    byte[] hash = sha256.digest(token.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(hash);
  }

  // Looking a MessageDigest up costs more than the digest of a token: one per thread.
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
          });

  /**
   * Compares in time that depends only on the lengths: every character of both is read, whatever
   * the first difference, so the time taken does not tell how much of a guess was right.
   */
  public static boolean equal(CharSequence a, CharSequence b) {
    if (a == null || b == null) {
      return false;
    }
    int length = Math.max(a.length(), b.length());
    int difference = a.length() ^ b.length();
    for (int i = 0; i < length; i++) {
      difference |= charAt(a, i) ^ charAt(b, i);
    }
    return difference == 0;
  }

  /** The character, or past the end of the shorter input 0x10000, a value no char has. */
  private static int charAt(CharSequence s, int i) {
    return i < s.length() ? s.charAt(i) : 0x10000;
  }

  /** How a token shows in logs and the journal. */
  public static String redact(String token) {
    return token == null ? null : "[redacted]";
  }
}
