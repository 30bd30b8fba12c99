package dev.fastlykit.invitations.mock.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tokens are compared and filed so that neither timing nor a map tells how much of a guess is
 * right.
 */
class TokensTest {
  @Test
  void tokensAreComparedWithoutShortCuts() {
    assertThat(Tokens.equal("demo-superuser-token", "demo-superuser-token")).isTrue();
    assertThat(Tokens.equal("demo-superuser-token", "demo-superuser-tokeN")).isFalse();
    assertThat(Tokens.equal("demo-superuser-token", "demo")).isFalse();
    assertThat(Tokens.equal("demo-superuser-token", null)).isFalse();
    assertThat(Tokens.equal(new ReadCounting("same-token"), new ReadCounting("same-token")))
        .isTrue();

    // A guess wrong in its first character is read to the end, like one wrong in its last: the
    // time taken does not tell how much of it was right.
    for (String guess : List.of("Xemo-superuser-token", "demo-superuser-tokeX", "demo")) {
      ReadCounting token = new ReadCounting("demo-superuser-token");
      ReadCounting attempt = new ReadCounting(guess);

      assertThat(Tokens.equal(token, attempt)).isFalse();
      assertThat(token.reads).as("characters of the token read against " + guess).isEqualTo(20);
      assertThat(attempt.reads).as("characters of " + guess + " read").isEqualTo(guess.length());
    }
  }

  @Test
  void aKeyFindsItsTokenAndComparesWithoutShortCutsToo() {
    Map<Tokens.Key, String> users = new HashMap<>();
    users.put(new Tokens.Key("demo-superuser-token"), "dennis");

    assertThat(users.get(new Tokens.Key(new StringBuilder("demo-superuser-token"))))
        .isEqualTo("dennis");
    assertThat(users.get(new Tokens.Key("demo-superuser-tokeN"))).isNull();
    assertThat(new Tokens.Key("demo-superuser-token").toString()).doesNotContain("demo");

    // Keys that a map has to tell apart are told apart the constant-time way.
    for (String guess : List.of("Xemo-superuser-token", "demo-superuser-tokeX", "demo")) {
      ReadCounting token = new ReadCounting("demo-superuser-token");
      ReadCounting attempt = new ReadCounting(guess);
      Tokens.Key filed = new Tokens.Key(token);
      Tokens.Key asked = new Tokens.Key(attempt);
      token.reads = 0;
      attempt.reads = 0;

      assertThat(asked.equals(filed)).isFalse();
      assertThat(token.reads).as("characters of the token read against " + guess).isEqualTo(20);
      assertThat(attempt.reads).as("characters of " + guess + " read").isEqualTo(guess.length());
    }
  }

  @Test
  void whereAKeyLandsDependsOnTheSecretNotOnlyOnTheToken() {
    // The same token under different secrets: where it lands in a map is no fixed function of it.
    Set<Integer> hashes = new HashSet<>();
    for (long secret = 1; secret <= 8; secret++) {
      hashes.add(Tokens.Key.hash("demo-superuser-token", secret));
    }
    assertThat(hashes).hasSize(8);

    // Under one secret, tokens one character apart land apart, in the low bits a map uses too.
    Set<Integer> buckets = new HashSet<>();
    for (char c = 'a'; c <= 'p'; c++) {
      buckets.add(Tokens.Key.hash("demo-superuser-toke" + c, 42) & 0xff);
    }
    assertThat(buckets).hasSizeGreaterThan(12);
  }

  /** Text that counts how many of its characters were read. */
  private static final class ReadCounting implements CharSequence {
    private final String text;
    int reads;

    ReadCounting(String text) {
      this.text = text;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      reads++;
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      throw new UnsupportedOperationException("a comparison has no need to copy");
    }

    @Override
    public String toString() {
      throw new UnsupportedOperationException("a comparison has no need to copy");
    }
  }
}
