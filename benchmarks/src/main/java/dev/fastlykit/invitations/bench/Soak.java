package dev.fastlykit.invitations.bench;

import dev.fastlykit.invitations.FastlyException;
import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded soak: a few minutes of mixed creates, lists and deletes through the SDK against the
 * mock server, sampling the heap (after GC) and the errors every 15 seconds. Heap must stay flat
 * and errors must not grow. {@code java -Xmx512m -cp fastly-invitations-benchmarks.jar
 * dev.fastlykit.invitations.bench.Soak [minutes]}
 */
public final class Soak {
  private Soak() {}

  public static void main(String... args) throws Exception {
    double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    boolean flat = run((long) (minutes * 60_000), 4);
    System.exit(flat ? 0 : 1);
  }

  /** Returns whether the heap stayed flat and no call failed. */
  static boolean run(long millis, int threads) throws Exception {
    AtomicLong calls = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Long> heap = new ArrayList<>();
    try (MockFastlyServer server =
        MockFastlyServer.builder().empty().writeLimit(Integer.MAX_VALUE).build().start()) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      for (int t = 0; t < threads; t++) {
        int thread = t;
        pool.submit(
            () -> {
              try (InvitationsClient client =
                  InvitationsClient.builder()
                      .apiToken(MockFastlyServer.DEMO_SUPERUSER_TOKEN)
                      .baseUrl(server.url())
                      .build()) {
                List<String> mine = new ArrayList<>();
                long n = 0;
                while (running.get()) {
                  try {
                    int choice = ThreadLocalRandom.current().nextInt(10);
                    if (choice < 4 || mine.isEmpty()) {
                      Invitation created =
                          client.create(
                              NewInvitation.builder()
                                  .email("soak" + thread + "-" + n++ + "@example.com")
                                  .build());
                      mine.add(created.id());
                    } else if (choice < 7) {
                      client.list(1, 100);
                    } else {
                      client.delete(mine.remove(mine.size() - 1));
                    }
                    // Keep the store about the same size, so that a growing heap means a leak.
                    if (mine.size() > 500) {
                      client.delete(mine.remove(0));
                    }
                    calls.incrementAndGet();
                  } catch (FastlyException e) {
                    errors.incrementAndGet();
                  }
                }
              }
              return null;
            });
      }
      long end = System.currentTimeMillis() + millis;
      System.out.println("| minute | calls | errors | heap after GC (MB) | invitations |");
      System.out.println("| --- | --- | --- | --- | --- |");
      long started = System.currentTimeMillis();
      while (System.currentTimeMillis() < end) {
        Thread.sleep(Math.min(15_000, Math.max(1, end - System.currentTimeMillis())));
        long used = Scale.usedHeap();
        heap.add(used);
        System.out.printf(
            Locale.ROOT,
            "| %.2f | %d | %d | %.1f | %d |%n",
            (System.currentTimeMillis() - started) / 60_000.0,
            calls.get(),
            errors.get(),
            used / (1024.0 * 1024.0),
            server.invitationCount());
      }
      running.set(false);
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
    // Flat: the median of the last third of the samples is within 20% (plus 16 MB of noise) of
    // the first third's. Medians, because one sample can catch a pool of buffers mid-growth.
    int third = Math.max(1, heap.size() / 3);
    double early = median(heap.subList(0, third));
    double late = median(heap.subList(heap.size() - third, heap.size()));
    boolean flat = late <= early * 1.2 + 16 * 1024 * 1024;
    System.out.printf(
        Locale.ROOT,
        "heap %s (median %.1f MB early, %.1f MB late), %d errors in %d calls%n",
        flat ? "flat" : "GREW",
        early / (1024 * 1024),
        late / (1024 * 1024),
        errors.get(),
        calls.get());
    return flat && errors.get() == 0;
  }

  private static double median(List<Long> values) {
    List<Double> doubles = new ArrayList<>();
    values.forEach(v -> doubles.add(v.doubleValue()));
    return ServerLoad.median(doubles);
  }
}
