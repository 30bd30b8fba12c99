package dev.fastlykit.invitations.mock.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    // Lookups go by the token's digest, so no map compares the token itself character by character.
    assertThat(Tokens.digest("demo-superuser-token")).doesNotContain("demo").hasSize(44);
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
