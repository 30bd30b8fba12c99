package dev.fastlykit.invitations.mock.internal.store;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each token's hourly write budget. Every authenticated POST or DELETE on the API uses one unit
 * whatever its outcome, except a 429 itself; the budget renews at the top of each hour.
 */
public final class WriteBudgets {
  /** Each token's hourly write budget unless configured otherwise. */
  public static final int DEFAULT_LIMIT = 1000;

  /** What one write left: the remaining units, or -1 when the budget was already spent. */
  public static final class Outcome {
    public final long remaining;
    public final long resetEpochSecond;

    Outcome(long remaining, long resetEpochSecond) {
      this.remaining = remaining;
      this.resetEpochSecond = resetEpochSecond;
    }

    public boolean spent() {
      return remaining < 0;
    }
  }

  private static final class Budget {
    long hour;
    long used;
  }

  private final Clock clock;
  // Keyed by the token itself: only authenticated tokens reach here, and they live in the store.
  private final ConcurrentHashMap<String, Budget> budgets = new ConcurrentHashMap<>();
  private volatile int limit;

  public WriteBudgets(Clock clock, int limit) {
    this.clock = clock;
    this.limit = limit;
  }

  public int limit() {
    return limit;
  }

  public void limit(int limit) {
    this.limit = limit;
  }

  /** Uses one unit of the token's budget, if one is left. */
  public Outcome use(String token) {
    long now = clock.instant().getEpochSecond();
    long hour = Math.floorDiv(now, 3600);
    long reset = (hour + 1) * 3600;
    Budget budget = budgets.computeIfAbsent(token, k -> new Budget());
    synchronized (budget) {
      if (budget.hour != hour) {
        budget.hour = hour;
        budget.used = 0;
      }
      if (budget.used >= limit) {
        return new Outcome(-1, reset);
      }
      budget.used++;
      return new Outcome(limit - budget.used, reset);
    }
  }

  /** When the budgets renew next: the top of the coming hour, in seconds since the epoch. */
  public long resetEpochSecond() {
    return (Math.floorDiv(clock.instant().getEpochSecond(), 3600) + 1) * 3600;
  }

  /** The units a token has left this hour. */
  public long remaining(String token) {
    long hour = Math.floorDiv(clock.instant().getEpochSecond(), 3600);
    Budget budget = budgets.get(token);
    if (budget == null) {
      return limit;
    }
    synchronized (budget) {
      return budget.hour != hour ? limit : Math.max(0, limit - budget.used);
    }
  }

  public void clear() {
    budgets.clear();
  }
}
