package dev.fastlykit.invitations.mock.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which fault in force answers a request, and how often. */
class FaultsTest {
  private final Faults faults = new Faults(new Changes());

  @Test
  void theFirstMatchingRuleWinsAndAnotherRequestIsLeftAlone() {
    Fault first = Fault.on("GET", "/invitations").status(503).build();
    Fault second = Fault.on("*", "/invitations*").status(500).build();
    faults.add(first);
    faults.add(second);

    assertThat(faults.match("GET", "/invitations")).isSameAs(first);
    assertThat(faults.match("POST", "/invitations")).isSameAs(second);
    assertThat(faults.match("GET", "/__admin/health")).isNull();
  }

  @Test
  void aRuleForSomeTimesAppliesThatOftenThenIsGone() {
    faults.add(Fault.on("GET", "/invitations").status(503).times(2).build());
    faults.add(Fault.on("GET", "/invitations").status(500).build());

    assertThat(faults.match("GET", "/invitations").status()).isEqualTo(503);
    assertThat(faults.all()).first().extracting(Faults.InForce::remaining).isEqualTo(1);
    assertThat(faults.match("GET", "/invitations").status()).isEqualTo(503);
    assertThat(faults.match("GET", "/invitations").status()).isEqualTo(500);
    assertThat(faults.all()).extracting(r -> r.fault().status()).containsExactly(500);
  }

  @Test
  void aRuleWithoutTimesAppliesEveryTime() {
    faults.add(Fault.on("GET", "/invitations").status(503).build());

    for (int i = 0; i < 5; i++) {
      assertThat(faults.match("GET", "/invitations")).isNotNull();
    }
    assertThat(faults.all()).first().extracting(Faults.InForce::remaining).isEqualTo(0);
  }

  @Test
  void aRuleWithProbabilityZeroNeverAppliesAndOneAlwaysDoes() {
    faults.add(Fault.on("GET", "/invitations").status(503).probability(0).build());
    for (int i = 0; i < 50; i++) {
      assertThat(faults.match("GET", "/invitations")).isNull();
    }

    faults.add(Fault.on("GET", "/invitations").status(500).probability(1).build());
    assertThat(faults.match("GET", "/invitations").status()).isEqualTo(500);
  }

  @Test
  void rulesAreRemovedByIdOrAllAtOnce() {
    String first = faults.add(Fault.on("GET", "/invitations").status(503).build());
    String second = faults.add(Fault.on("POST", "/invitations").status(500).build());

    assertThat(first).isNotEqualTo(second);
    assertThat(faults.remove(first)).isTrue();
    assertThat(faults.remove(first)).isFalse();
    assertThat(faults.match("GET", "/invitations")).isNull();
    assertThat(faults.match("POST", "/invitations")).isNotNull();

    faults.clear();
    assertThat(faults.match("POST", "/invitations")).isNull();
    assertThat(faults.all()).isEmpty();
  }
}
