package dev.fastlykit.invitations.bench;

import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A million stored invitations: the heap each one costs, and whether a page deep in the list costs
 * more than the first; then the SDK's listAll() over 100,000 with flat memory.
 *
 * <p>Run with {@code -Xmx2g}: {@code java -Xmx2g -cp fastly-invitations-benchmarks.jar
 * dev.fastlykit.invitations.bench.Scale}
 */
public final class Scale {
  static final String TOKEN = MockFastlyServer.DEMO_SUPERUSER_TOKEN;

  /** The figures of one run. */
  static final class Result {
    double bytesPerInvitation;
    double page1Micros;
    double deepPageMicros;
    double listAllGrowthMb;
    long listAllCount;
  }

  private Scale() {}

  public static void main(String... args) throws Exception {
    Result r = run(1_000_000, 100_000);
    System.out.printf(
        Locale.ROOT, "heap per stored invitation: %.0f bytes%n", r.bytesPerInvitation);
    System.out.printf(
        Locale.ROOT,
        "list page 1: %.0f us, page 25,000: %.0f us, ratio %.2f%n",
        r.page1Micros,
        r.deepPageMicros,
        r.deepPageMicros / r.page1Micros);
    System.out.printf(
        Locale.ROOT,
        "listAll() over %d invitations: heap grew %.1f MB%n",
        r.listAllCount,
        r.listAllGrowthMb);
  }

  static Result run(int stored, int listed) throws Exception {
    Result result = new Result();
    try (MockFastlyServer server = MockFastlyServer.builder().empty().build().start()) {
      long before = usedHeap();
      for (int i = 0; i < stored; i++) {
        server.addInvitation(
            TOKEN, "person" + i + "@example.com", i % 3 == 0 ? "engineer" : "user");
      }
      long after = usedHeap();
      result.bytesPerInvitation = (after - before) / (double) stored;

      String page1 = server.url() + "/invitations?page%5Bnumber%5D=1&page%5Bsize%5D=20";
      String deep = server.url() + "/invitations?page%5Bnumber%5D=25000&page%5Bsize%5D=20";
      for (int i = 0; i < 3000; i++) {
        get(page1);
        get(deep);
      }
      List<Long> first = new ArrayList<>();
      List<Long> later = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        first.add(get(page1));
        later.add(get(deep));
      }
      result.page1Micros = median(first) / 1000.0;
      result.deepPageMicros = median(later) / 1000.0;
    }

    try (MockFastlyServer server = MockFastlyServer.builder().empty().build().start();
        InvitationsClient client =
            InvitationsClient.builder().apiToken(TOKEN).baseUrl(server.url()).build()) {
      for (int i = 0; i < listed; i++) {
        server.addInvitation(TOKEN, "walker" + i + "@example.com", "user");
      }
      long baseline = usedHeap();
      long peak = baseline;
      long count = 0;
      for (Invitation invitation : client.listAll()) {
        count++;
        if (count % 10_000 == 0 && invitation != null) {
          peak = Math.max(peak, usedHeap());
        }
      }
      result.listAllCount = count;
      result.listAllGrowthMb = (peak - baseline) / (1024.0 * 1024.0);
    }
    return result;
  }

  private static long get(String url) throws Exception {
    long start = System.nanoTime();
    HttpResponse<byte[]> response =
        Processes.HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).header("Fastly-Key", TOKEN).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    return System.nanoTime() - start;
  }

  /**
   * The live heap: what the heap pools held right after a full collection. Read from each pool's
   * collection usage, so that what other threads allocate after the collection does not count.
   */
  static long usedHeap() throws InterruptedException {
    System.gc();
    Thread.sleep(50);
    System.gc();
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        used += pool.getCollectionUsage().getUsed();
      }
    }
    return used;
  }

  private static double median(List<Long> values) {
    List<Double> doubles = new ArrayList<>();
    values.forEach(v -> doubles.add((double) v));
    return ServerLoad.median(doubles);
  }
}
