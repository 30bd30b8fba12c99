package dev.fastlykit.invitations.mock.internal.store;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Fastly-style ids: 22 random characters of {@code [0-9A-Za-z]}. */
public final class Ids {
  private static final byte[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
          .getBytes(StandardCharsets.US_ASCII);
  public static final int LENGTH = 22;

  private final Random random;

  public Ids(Random random) {
    this.random = random;
  }

  /**
   * Ids from each thread's own generator: unguessable enough for a mock (tenancy, not secrecy,
   * protects invitations), and free of the lock a shared SecureRandom takes on every call.
   */
  public static Ids fast() {
    return new Ids(null);
  }

  /**
   * A new id: each character from six random bits, the two values past the alphabet drawn again, so
   * that every character is equally likely; a 64-bit draw gives ten of them.
   */
  public String next() {
    Random source = random != null ? random : java.util.concurrent.ThreadLocalRandom.current();
    byte[] id = new byte[LENGTH];
    long bits = 0;
    int left = 0;
    for (int i = 0; i < LENGTH; ) {
      if (left < 6) {
        bits = source.nextLong();
        left = 64;
      }
      int value = (int) (bits & 63);
      bits >>>= 6;
      left -= 6;
      if (value < ALPHABET.length) {
        id[i++] = ALPHABET[value];
      }
    }
    return new String(id, StandardCharsets.US_ASCII);
  }

  public static boolean looksLikeId(String value) {
    if (value == null || value.isEmpty() || value.length() > 64) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        return false;
      }
    }
    return true;
  }
}
