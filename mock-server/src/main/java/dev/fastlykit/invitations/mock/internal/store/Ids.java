package dev.fastlykit.invitations.mock.internal.store;

import java.util.Random;

/** Fastly-style ids: 22 random characters of {@code [0-9A-Za-z]}. */
public final class Ids {
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
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

  public String next() {
    Random source = random != null ? random : java.util.concurrent.ThreadLocalRandom.current();
    char[] id = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      id[i] = ALPHABET[source.nextInt(ALPHABET.length)];
    }
    return new String(id);
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
