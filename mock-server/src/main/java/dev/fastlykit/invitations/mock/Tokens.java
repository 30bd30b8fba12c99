package dev.fastlykit.invitations.mock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Token handling that leaks neither the token nor, through timing, how much of it matched. */
final class Tokens {
  private Tokens() {}

  /** The key a token is filed under: its SHA-256, so lookups never compare the token itself. */
  static String digest(String token) {
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

  /** Compares in time that depends only on the lengths. */
  static boolean equal(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** How a token shows in logs and the journal. */
  static String redact(String token) {
    return token == null ? null : "[redacted]";
  }
}
