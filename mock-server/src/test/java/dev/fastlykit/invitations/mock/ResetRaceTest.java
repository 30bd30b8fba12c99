package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Writes that race a reset or a state import land wholly before it or wholly after it: once the
 * dust settles, what the server counts, exports and lists agree, as they do for a test suite whose
 * last call from one test (an async call, a retry) lands after the reset for the next.
 */
class ResetRaceTest {
  private static final String[] TOKENS = {
    MockFastlyServer.DEMO_SUPERUSER_TOKEN,
    MockFastlyServer.DEMO_ENGINEER_TOKEN,
    MockFastlyServer.OTHER_SUPERUSER_TOKEN
  };

  @Test
  void createsAndDeletesRacingResetsAndImportsLeaveCountExportAndListsInAgreement()
      throws Exception {
    try (MockFastlyServer server =
        MockFastlyServer.builder().writeLimit(1_000_000).build().start()) {
      Http http = new Http(server);
      String imported = server.exportState();
      AtomicInteger serverErrors = new AtomicInteger();
      AtomicInteger created = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        // Each round ends right after its reset, so the writes in flight are the ones that race it.
        for (int round = 0; round < 20; round++) {
          AtomicBoolean running = new AtomicBoolean(true);
          List<Future<?>> writers = new ArrayList<>();
          for (int t = 0; t < 4; t++) {
            String prefix = "r" + round + "-" + t + "-";
            writers.add(pool.submit(() -> write(http, prefix, running, created, serverErrors)));
          }
          Thread.sleep(5 + ThreadLocalRandom.current().nextInt(5));
          if (round % 2 == 0) {
            server.reset();
          } else {
            server.importState(imported);
          }
          running.set(false);
          for (Future<?> writer : writers) {
            writer.get(1, TimeUnit.MINUTES);
          }
          assertAgreement(server, http);
        }
      } finally {
        pool.shutdown();
      }
      assertThat(created.get()).as("creates that succeeded").isPositive();
      assertThat(serverErrors.get()).isZero();
    }
  }

  private static Void write(
      Http http,
      String prefix,
      AtomicBoolean running,
      AtomicInteger created,
      AtomicInteger serverErrors) {
    for (int i = 0; running.get(); i++) {
      String token = TOKENS[i % TOKENS.length];
      Http.Reply reply =
          http.post("/invitations", token, ServerTest.invitation(prefix + i + "@example.com"));
      if (reply.status == 200) {
        created.incrementAndGet();
        if (i % 3 == 0) {
          reply = http.delete("/invitations/" + reply.at("data.id").getAsString(), token);
        }
      }
      if (reply.status >= 500) {
        serverErrors.incrementAndGet();
      }
    }
    return null;
  }

  @Test
  void aCreateAfterAResetLandsInTheAccountTheResetBuilt() {
    try (MockFastlyServer server = new MockFastlyServer().start()) {
      Http http = new Http(server);
      server.reset();
      Http.Reply reply =
          http.post(
              "/invitations",
              MockFastlyServer.DEMO_SUPERUSER_TOKEN,
              ServerTest.invitation("after-reset@example.com"));

      assertThat(reply.status).isEqualTo(200);
      assertAgreement(server, http);
      assertThat(server.exportState()).contains("after-reset@example.com");
    }
  }

  @Test
  void accountsAddedTwiceAtOnceAreAddedOnce() throws Exception {
    try (MockFastlyServer server = MockFastlyServer.builder().build()) {
      String account =
          "{\"customers\":[{\"id\":\"race1\",\"name\":\"Race\",\"users\":[{\"email\":"
              + "\"a@race.example\",\"role\":\"superuser\",\"token\":\"race-token\"}]}]}";
      ExecutorService pool = Executors.newFixedThreadPool(4);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> adds = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        adds.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    server.addAccounts(account);
                    return true;
                  } catch (IllegalArgumentException clash) {
                    return false;
                  }
                }));
      }
      go.countDown();
      int added = 0;
      for (Future<Boolean> add : adds) {
        added += add.get(1, TimeUnit.MINUTES) ? 1 : 0;
      }
      pool.shutdown();

      assertThat(added).isEqualTo(1);
      assertThat(customers(server.exportState())).containsKey("race1").hasSize(3);
    }
  }

  /** The count, the export and every account's list say the same. */
  private static void assertAgreement(MockFastlyServer server, Http http) {
    Map<String, JsonObject> customers = customers(server.exportState());
    int exported = 0;
    for (JsonObject customer : customers.values()) {
      List<String> exportedIds = new ArrayList<>();
      for (JsonElement invitation : customer.getAsJsonArray("invitations")) {
        exportedIds.add(invitation.getAsJsonObject().get("id").getAsString());
      }
      exported += exportedIds.size();
      String token = superuserToken(customer);
      Http.Reply list = http.get("/invitations?page[size]=100", token);
      assertThat(list.at("meta.record_count").getAsInt())
          .as("invitations listed for %s", customer.get("id"))
          .isEqualTo(exportedIds.size());
      assertThat(ListInvitationsTest.ids(list)).containsExactlyInAnyOrderElementsOf(exportedIds);
    }
    assertThat(server.invitationCount()).as("invitations counted").isEqualTo(exported);
  }

  private static Map<String, JsonObject> customers(String state) {
    Map<String, JsonObject> customers = new HashMap<>();
    for (JsonElement customer :
        JsonParser.parseString(state).getAsJsonObject().getAsJsonArray("customers")) {
      customers.put(customer.getAsJsonObject().get("id").getAsString(), customer.getAsJsonObject());
    }
    return customers;
  }

  private static String superuserToken(JsonObject customer) {
    for (JsonElement user : customer.getAsJsonArray("users")) {
      if ("superuser".equals(user.getAsJsonObject().get("role").getAsString())) {
        return user.getAsJsonObject().get("token").getAsString();
      }
    }
    throw new AssertionError("no superuser in " + customer.get("id"));
  }
}
