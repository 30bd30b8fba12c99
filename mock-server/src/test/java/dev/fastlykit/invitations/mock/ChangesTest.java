package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@code /__admin/changes}: what the console waits on to redraw the moment something changes. */
// Mostly waiting (for a wait to be held, for one to run out), so beside the other classes; each
// test
// has a server of its own.
@Execution(ExecutionMode.CONCURRENT)
class ChangesTest extends ServerTest {
  @Test
  void everyChangeTheAdminApiShowsCountsAndReadingCountsNothing() {
    long count = count();
    http.get("/__admin/state", null);
    http.get("/__admin/requests", null);
    http.get("/__admin/faults", null);
    assertThat(count()).as("reading").isEqualTo(count);

    count = countsAfter(count, () -> http.get("/invitations", SUPERUSER));
    count = countsAfter(count, () -> http.get("/invitations", null)); // refused, still journaled
    count = countsAfter(count, () -> http.post("/__admin/faults", null, "{\"status\":503}"));
    count = countsAfter(count, () -> server.removeFault("fault-1"));
    count = countsAfter(count, () -> server.addInvitation(SUPERUSER, "ada@example.com", "user"));
    count = countsAfter(count, () -> http.delete("/__admin/invitations/" + DENNIS, null));
    count = countsAfter(count, () -> server.writeLimit(5));
    count = countsAfter(count, () -> server.importState(server.exportState()));
    count = countsAfter(count, () -> server.clearRequests());
    countsAfter(count, () -> http.send("POST", "/__admin/reset", null, null, null));
  }

  @Test
  void aWaitIsAnsweredByTheNextChange() throws Exception {
    long count = count();
    CompletableFuture<Http.Reply> waiting = startWaiting(http, count);
    assertThat(waiting).as("answered before anything changed").isNotDone();

    http.post("/invitations", SUPERUSER, invitation("ada@example.com"));

    Http.Reply reply = waiting.get(10, TimeUnit.SECONDS);
    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json().get("changes").getAsLong()).isGreaterThan(count);
  }

  @Test
  void aWaitWithNothingNewEndsWithTheSameCount() {
    long count = count();

    Http.Reply reply = http.get("/__admin/changes?after=" + count + "&wait=1", null);

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.body).isEqualTo("{\"changes\":" + count + "}");
  }

  @Test
  void aCountTheServerDidNotGiveIsAnsweredAtOnce() {
    // As a console open across a restart holds: it must not wait for the new count to catch up.
    long count = count();

    Http.Reply reply = http.get("/__admin/changes?after=" + (count + 100) + "&wait=60", null);

    assertThat(reply.body).isEqualTo("{\"changes\":" + count + "}");
  }

  @Test
  void malformedParametersAre400sThatChangeNothing() {
    long count = count();
    for (String query :
        new String[] {
          "after=ten", "after=1&wait=61", "after=1&wait=-1", "after=1&wait=1.5", "wait=5"
        }) {
      Http.Reply reply = http.get("/__admin/changes?" + query, null);

      assertThat(reply.status).as(query).isEqualTo(400);
      assertThat(reply.json().get("msg").getAsString()).as(query).isEqualTo("Bad request");
      assertThat(reply.json().get("detail").getAsString()).as(query).isNotBlank();
    }
    assertThat(count()).isEqualTo(count);
  }

  @Test
  void theAdminTokenGuardsItToo() {
    try (MockFastlyServer guarded =
        MockFastlyServer.builder().adminToken("s3cret").build().start()) {
      Http guardedHttp = new Http(guarded);

      assertThat(guardedHttp.get("/__admin/changes?after=0&wait=5", null).status).isEqualTo(401);
    }
  }

  @Test
  void stoppingTheServerAnswersWhoeverWaits() throws Exception {
    MockFastlyServer stopping = MockFastlyServer.builder().build().start();
    Http stoppingHttp = new Http(stopping);
    CompletableFuture<Http.Reply> waiting = startWaiting(stoppingHttp, 0);
    assertThat(waiting).isNotDone();

    stopping.close();

    // Answered (Jetty itself would answer a request still waiting at the stop with a 500).
    Http.Reply reply = waiting.get(5, TimeUnit.SECONDS);
    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.body).isEqualTo("{\"changes\":0}");
  }

  @Test
  void aRestartedServerWaitsAgain() throws Exception {
    server.close();
    server.start();
    http = new Http(server);
    long count = count();

    CompletableFuture<Http.Reply> waiting = startWaiting(http, count);

    assertThat(waiting).as("answered at once, as while stopping").isNotDone();
    server.reset();
    assertThat(waiting.get(10, TimeUnit.SECONDS).status).isEqualTo(200);
  }

  /** A wait for the next change after {@code count}, given 300 ms to reach the server. */
  private static CompletableFuture<Http.Reply> startWaiting(Http client, long count)
      throws InterruptedException {
    CompletableFuture<Http.Reply> waiting =
        CompletableFuture.supplyAsync(
            () -> client.get("/__admin/changes?after=" + count + "&wait=15", null));
    Thread.sleep(300);
    return waiting;
  }

  private long count() {
    Http.Reply reply = http.get("/__admin/changes", null);
    assertThat(reply.status).isEqualTo(200);
    return reply.json().get("changes").getAsLong();
  }

  private long countsAfter(long before, Runnable change) {
    change.run();
    long after = count();
    assertThat(after).as("the count after a change").isGreaterThan(before);
    return after;
  }
}
