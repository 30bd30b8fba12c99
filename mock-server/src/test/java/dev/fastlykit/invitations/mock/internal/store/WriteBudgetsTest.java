package dev.fastlykit.invitations.mock.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fastlykit.invitations.mock.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each token's hourly write budget: spent one unit at a time, renewed at the top of the hour. */
class WriteBudgetsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-08T11:22:33Z"));
  private final WriteBudgets budgets = new WriteBudgets(clock, 2);

  @Test
  void eachWriteUsesOneUnitUntilNoneIsLeft() {
    WriteBudgets.Outcome first = budgets.use("a");
    WriteBudgets.Outcome second = budgets.use("a");
    WriteBudgets.Outcome third = budgets.use("a");

    assertThat(first.remaining).isEqualTo(1);
    assertThat(first.spent()).isFalse();
    assertThat(second.remaining).isZero();
    assertThat(second.spent()).isFalse();
    assertThat(third.spent()).isTrue();
    assertThat(third.remaining).isEqualTo(-1);
    assertThat(budgets.remaining("a")).isZero();
    // The refused write used nothing: one more unit is one more write.
    budgets.limit(3);
    assertThat(budgets.remaining("a")).isEqualTo(1);
  }

  @Test
  void theBudgetIsRenewedAtTheTopOfTheHourAndSaysWhen() {
    WriteBudgets.Outcome used = budgets.use("a");
    assertThat(used.resetEpochSecond)
        .isEqualTo(Instant.parse("2026-01-08T12:00:00Z").getEpochSecond());
    assertThat(budgets.remaining("a")).isEqualTo(1);

    clock.advance(Duration.ofMinutes(37).plusSeconds(26)); // 11:59:59
    assertThat(budgets.remaining("a")).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1)); // 12:00:00
    assertThat(budgets.remaining("a")).isEqualTo(2);
    assertThat(budgets.use("a").remaining).isEqualTo(1);
  }

  @Test
  void tokensHaveBudgetsOfTheirOwn() {
    budgets.use("a");
    budgets.use("a");

    assertThat(budgets.remaining("b")).isEqualTo(2);
    assertThat(budgets.use("b").remaining).isEqualTo(1);
    assertThat(budgets.remaining("a")).isZero();
  }

  @Test
  void aLowerLimitCountsWhatWasUsedAndAClearForgetsIt() {
    budgets.use("a");
    budgets.use("a");
    budgets.limit(1);

    assertThat(budgets.remaining("a")).isZero();
    assertThat(budgets.use("a").spent()).isTrue();

    budgets.limit(5);
    assertThat(budgets.remaining("a")).isEqualTo(3);
    budgets.clear();
    assertThat(budgets.remaining("a")).isEqualTo(5);
    assertThat(budgets.limit()).isEqualTo(5);
  }
}
