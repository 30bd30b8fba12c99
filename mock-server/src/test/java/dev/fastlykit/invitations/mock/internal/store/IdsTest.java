package dev.fastlykit.invitations.mock.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {
  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  @Test
  void idsAre22CharactersOfTheAlphabetAndDoNotRepeat() {
    Ids ids = Ids.fast();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = ids.next();
      assertThat(id).hasSize(Ids.LENGTH).matches("[0-9A-Za-z]{22}");
      assertThat(Ids.looksLikeId(id)).isTrue();
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void everyCharacterIsEquallyLikelyInEveryPosition() {
    Ids ids = new Ids(new Random(42));
    int count = 62_000;
    int[][] seen = new int[Ids.LENGTH][ALPHABET.length()];
    for (int i = 0; i < count; i++) {
      String id = ids.next();
      for (int p = 0; p < Ids.LENGTH; p++) {
        seen[p][ALPHABET.indexOf(id.charAt(p))]++;
      }
    }
    // Pearson's chi-squared over the 62 characters (61 degrees of freedom: mean 61, standard
    // deviation 11): chance alone goes past 130 about once in a million tries, while drawing a
    // character as a random number modulo 62 (twice the odds for two of them) reads in the
    // thousands.
    int[] total = new int[ALPHABET.length()];
    for (int p = 0; p < Ids.LENGTH; p++) {
      assertThat(chiSquared(seen[p], count)).as("position %d", p).isLessThan(130);
      for (int c = 0; c < total.length; c++) {
        total[c] += seen[p][c];
      }
    }
    assertThat(chiSquared(total, count * Ids.LENGTH)).as("all positions").isLessThan(130);
  }

  private static double chiSquared(int[] observed, int draws) {
    double expected = (double) draws / observed.length;
    double sum = 0;
    for (int o : observed) {
      sum += (o - expected) * (o - expected) / expected;
    }
    return sum;
  }
}
