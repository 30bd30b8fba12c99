package dev.fastlykit.invitations.mock.internal.store;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/** Token handling that leaks neither the token nor, through timing, how much of it matched. */
public final class Tokens {
  private Tokens() {}

  /**
   * What a token is filed under in a hash map: its hash is keyed by a secret of this JVM, so where
   * a token lands in a map (and how long a lookup takes there) says nothing about the token, and
   * two keys are equal only after {@link #equal} has read both tokens to the end. No map compares
   * the token itself character by character, as a {@code String} key would.
   *
   * <p>The secret is random from the JVM's start (not a {@code SecureRandom}, whose set-up costs a
   * cold server a good part of its first tens of milliseconds): a mock server's tokens are
   * protected by who can reach it, and this only keeps timing from helping a guess along.
   */
  public static final class Key {
    private static final long SECRET = ThreadLocalRandom.current().nextLong();

    private final CharSequence token;
    private final int hash;

    public Key(CharSequence token) {
      this(token, SECRET);
    }

    Key(CharSequence token, long secret) {
      this.token = Objects.requireNonNull(token, "token");
      this.hash = hash(token, secret);
    }

    /**
     * A multiply-and-add hash over the characters with an odd multiplier and a start drawn from the
     * secret, finished by SplitMix64's mixing step so that every bit of the secret and of the token
     * reaches the low bits a hash map uses.
     */
    static int hash(CharSequence token, long secret) {
      long multiplier = mix(secret) | 1;
      long h = mix(secret + 0x9e3779b97f4a7c15L);
      for (int i = 0; i < token.length(); i++) {
        h = (h + token.charAt(i)) * multiplier;
      }
      h = mix(h + token.length());
      return (int) (h ^ (h >>> 32));
    }

    private static long mix(long z) {
      z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
      z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
      return z ^ (z >>> 31);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key && equal(token, ((Key) other).token);
    }

    /** Never the token. */
    @Override
    public String toString() {
      return "Tokens.Key[redacted]";
    }
  }

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
