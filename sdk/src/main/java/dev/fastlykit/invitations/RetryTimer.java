package dev.fastlykit.invitations;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Waits between attempts: blocking for synchronous calls, scheduled for async ones. */
interface RetryTimer {
  void sleep(Duration delay) throws InterruptedException;

  void schedule(Duration delay, Runnable task);

  /** Real time: one shared daemon thread schedules every async retry, so none blocks a thread. */
  RetryTimer SYSTEM =
      new RetryTimer() {
        @Override
        public void sleep(Duration delay) throws InterruptedException {
          Thread.sleep(delay.toMillis());
        }

        @Override
        public void schedule(Duration delay, Runnable task) {
          Scheduler.INSTANCE.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
      };

  /**
   * Holds the scheduler lazily, so that clients that never retry asynchronously start no thread.
   */
  final class Scheduler {
    static final ScheduledExecutorService INSTANCE =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "fastly-invitations-retry");
              thread.setDaemon(true);
              return thread;
            });

    private Scheduler() {}
  }
}
