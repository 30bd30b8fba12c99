package dev.fastlykit.invitations.mock.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The email rule at each of its limits, one character either side. */
class EmailsTest {
  private static final String LOCAL_64 = "a".repeat(64);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a@b.co",
        "ada+fastly@mail.eu.example.com",
        "o'brien@example.com",
        "ADA@EXAMPLE.COM",
        "ada@xn--bcher-kva.example",
        "ada.lovelace@example.com"
      })
  void ordinaryAddressesAreAccepted(String email) {
    assertThat(Emails.problem(email)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"64, 0, true", "65, 0, false", "1, 0, true", "64, 189, true", "64, 190, false"})
  void theLocalPartHoldsUpTo64AndTheWholeAddressUpTo254Characters(
      int localLength, int domainLength, boolean accepted) {
    String domain = domainLength == 0 ? "example.com" : "b".repeat(domainLength - 4) + ".com";
    String email = "a".repeat(localLength) + "@" + domain;

    assertThat(Emails.problem(email) == null)
        .as(email.length() + " characters")
        .isEqualTo(accepted);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "|is empty",
        "ada.example.com|has no '@'",
        "ada@lovelace@example.com|has more than one '@'",
        "@ada@example.com|has more than one '@'",
        "@example.com|1 to 64 characters before the '@'",
        "ada@example|at least two labels",
        "ada@.example.com|an empty domain label",
        "ada@example..com|an empty domain label",
        "ada@example.com.|an empty domain label",
        "ada@|an empty domain label",
        "ada lovelace@example.com|whitespace",
        "ada@exam\tple.com|whitespace",
        "ada\u00a0@example.com|whitespace",
        "ada\u2003@example.com|whitespace",
        "ada\u0007@example.com|control",
        "ada\u0085@example.com|control",
        "ada\u007f@example.com|control",
        "ada\ud800@example.com|surrogate"
      })
  void malformedAddressesAreRefusedWithTheReason(String email, String reason) {
    assertThat(Emails.problem(email == null ? "" : email)).contains(reason);
  }

  @ParameterizedTest
  @ValueSource(ints = {254, 255})
  void anAddressOver254CharactersIsRefusedForItsLength(int length) {
    String email = LOCAL_64 + "@" + "b".repeat(length - 69) + ".com";

    assertThat(email).hasSize(length);
    assertThat(Emails.problem(email))
        .isEqualTo(length > 254 ? "is longer than 254 characters" : null);
  }
}
