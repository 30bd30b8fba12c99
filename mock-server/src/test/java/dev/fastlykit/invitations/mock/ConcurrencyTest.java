package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Many clients at once, across customers: nothing lost, nothing doubled, nothing logged. */
// Alone: it reads System.err for what the server logged.
@Isolated
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int OPERATIONS = 150;

  @Test
  void mixedCreatesListsAndDeletesKeepEveryCountExact() throws Exception {
    PrintStream realErr = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
    try (MockFastlyServer server =
        MockFastlyServer.builder().empty().writeLimit(1_000_000).build().start()) {
      Http http = new Http(server);
      Map<String, Set<String>> expected = new ConcurrentHashMap<>();
      String[] tokens = {
        MockFastlyServer.DEMO_SUPERUSER_TOKEN, MockFastlyServer.OTHER_SUPERUSER_TOKEN
      };
      for (String token : tokens) {
        expected.put(token, ConcurrentHashMap.newKeySet());
      }
      AtomicInteger serverErrors = new AtomicInteger();
      AtomicInteger inconsistentPages = new AtomicInteger();

      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        workers.add(
            pool.submit(
                () -> {
                  List<String> mine = new ArrayList<>();
                  for (int i = 0; i < OPERATIONS; i++) {
                    String token = tokens[(thread + i) % 2];
                    int choice = ThreadLocalRandom.current().nextInt(10);
                    if (choice < 5) {
                      Http.Reply reply =
                          http.post(
                              "/invitations",
                              token,
                              ServerTest.invitation("t" + thread + "-" + i + "@example.com"));
                      count5xx(reply, serverErrors);
                      if (reply.status == 200) {
                        String id = reply.at("data.id").getAsString();
                        expected.get(token).add(id);
                        mine.add(token + " " + id);
                      }
                    } else if (choice < 8 || mine.isEmpty()) {
                      Http.Reply reply = http.get("/invitations?page[size]=100", token);
                      count5xx(reply, serverErrors);
                      int total = reply.at("meta.record_count").getAsInt();
                      int items = reply.json().getAsJsonArray("data").size();
                      if (total <= 100 && items != total) {
                        inconsistentPages.incrementAndGet(); // one page is one atomic read
                      }
                    } else {
                      String[] pick = mine.remove(mine.size() - 1).split(" ");
                      Http.Reply reply = http.delete("/invitations/" + pick[1], pick[0]);
                      count5xx(reply, serverErrors);
                      if (reply.status == 204) {
                        expected.get(pick[0]).remove(pick[1]);
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get(2, TimeUnit.MINUTES);
      }
      pool.shutdown();

      assertThat(serverErrors.get()).isZero();
      assertThat(inconsistentPages.get()).isZero();
      for (String token : tokens) {
        List<String> walked = walk(http, token);
        assertThat(walked).doesNotHaveDuplicates();
        assertThat(walked).containsExactlyInAnyOrderElementsOf(expected.get(token));
        assertThat(http.get("/invitations", token).at("meta.record_count").getAsInt())
            .isEqualTo(walked.size());
      }
      assertThat(server.invitationCount())
          .isEqualTo(expected.values().stream().mapToInt(Set::size).sum());
    } finally {
      System.setErr(realErr);
    }
    assertThat(logged.toString(StandardCharsets.UTF_8))
        .doesNotContain("Exception")
        .doesNotContain("ERROR");
  }

  private static void count5xx(Http.Reply reply, AtomicInteger serverErrors) {
    if (reply.status >= 500) {
      serverErrors.incrementAndGet();
    }
  }

  private static List<String> walk(Http http, String token) {
    List<String> ids = new ArrayList<>();
    for (int page = 1; ; page++) {
      Http.Reply reply = http.get("/invitations?page[size]=7&page[number]=" + page, token);
      List<String> items = ListInvitationsTest.ids(reply);
      ids.addAll(items);
      if (!reply.at("links").getAsJsonObject().has("next")) {
        return Collections.unmodifiableList(ids);
      }
    }
  }
}
