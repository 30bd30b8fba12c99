package dev.fastlykit.invitations.mock.internal.journal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A count of the changes a server has seen (a request journaled, a fault rule added or removed,
 * invitations or accounts changed through the admin or the Java API, a reset), and answers for
 * those waiting for the next one, such as the console. Counting costs a request one atomic
 * increment and one read; waking is done only when someone waits.
 */
public final class Changes {
  private final AtomicLong count = new AtomicLong();
  private final ConcurrentLinkedQueue<CompletableFuture<Void>> waiting =
      new ConcurrentLinkedQueue<>();
  private volatile boolean released;

  /** The changes seen so far. */
  public long count() {
    return count.get();
  }

  /** Counts one change and wakes whoever waits for it. */
  public void add() {
    count.incrementAndGet();
    if (!waiting.isEmpty()) {
      wakeAll();
    }
  }

  /**
   * Completes once the count is not {@code seen} any more (at once when it already is not, as for a
   * waiter that saw a count of an earlier run), after {@code wait} at the latest, and at once while
   * {@link #release() released}.
   */
  public CompletableFuture<Void> next(long seen, Duration wait) {
    CompletableFuture<Void> next = new CompletableFuture<>();
    waiting.add(next);
    // Checked after joining the queue: a change made in between either shows here or wakes it.
    if (count.get() != seen || released || wait.isZero()) {
      next.complete(null);
    } else {
      next.completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS);
    }
    next.whenComplete((ignored, error) -> waiting.remove(next));
    return next;
  }

  /**
   * Answers every waiter now, and every later one at once until {@link #hold()}: a stopping server
   * must leave no request waiting (Jetty would answer it 500).
   */
  public void release() {
    released = true;
    wakeAll();
  }

  /** Lets waiters wait again, as a starting server does. */
  public void hold() {
    released = false;
  }

  private void wakeAll() {
    for (CompletableFuture<Void> next; (next = waiting.poll()) != null; ) {
      next.complete(null);
    }
  }
}
