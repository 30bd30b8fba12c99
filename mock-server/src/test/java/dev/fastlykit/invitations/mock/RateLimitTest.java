package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitTest extends ServerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-08T11:22:33Z"));

  @Override
  MockFastlyServer.Builder configure(MockFastlyServer.Builder builder) {
    return builder.writeLimit(3).clock(clock);
  }

  @Test
  void everyWriteUsesOneUnitWhateverItsOutcomeUntil429() {
    Http.Reply created = http.post("/invitations", SUPERUSER, invitation("ada@example.com"));
    Http.Reply refused = http.post("/invitations", SUPERUSER, invitation("not an email"));
    Http.Reply missing = http.delete("/invitations/nope", SUPERUSER);
    Http.Reply limited = http.post("/invitations", SUPERUSER, invitation("grace@example.com"));

    assertThat(created.header("Fastly-RateLimit-Remaining")).isEqualTo("2");
    assertThat(refused.header("Fastly-RateLimit-Remaining")).isEqualTo("1");
    assertThat(missing.header("Fastly-RateLimit-Remaining")).isEqualTo("0");
    assertThat(limited.status).isEqualTo(429);
    assertThat(limited.at("msg").getAsString()).isEqualTo("Too Many Requests");
    assertThat(limited.header("Fastly-RateLimit-Remaining")).isEqualTo("0");
    assertThat(limited.header("Fastly-RateLimit-Reset"))
        .isEqualTo(Long.toString(Instant.parse("2026-01-08T12:00:00Z").getEpochSecond()));
    assertThat(server.invitationCount()).isEqualTo(4);
  }

  @Test
  void the429ComesBeforeEveryOtherCheckButTheToken() {
    for (int i = 0; i < 3; i++) {
      http.delete("/invitations/nope", SUPERUSER);
    }

    assertThat(http.send("POST", "/invitations", SUPERUSER, "text/plain", "x").status)
        .isEqualTo(429);
    assertThat(http.send("POST", "/invitations", "bad-token", "text/plain", "x").status)
        .isEqualTo(401);
  }

  @Test
  void readsAndRejectedTokensUseNoBudgetAndCarryNoHeaders() {
    Http.Reply list = http.get("/invitations", SUPERUSER);
    http.post("/invitations", null, invitation("ada@example.com"));

    assertThat(list.header("Fastly-RateLimit-Remaining")).isNull();
    assertThat(server.remainingWrites(SUPERUSER)).isEqualTo(3);
  }

  @Test
  void eachTokenHasItsOwnBudget() {
    for (int i = 0; i < 3; i++) {
      http.delete("/invitations/nope", SUPERUSER);
    }

    assertThat(http.delete("/invitations/nope", ENGINEER).header("Fastly-RateLimit-Remaining"))
        .isEqualTo("2");
  }

  @Test
  void theBudgetRenewsAtTheTopOfTheHour() {
    for (int i = 0; i < 4; i++) {
      http.delete("/invitations/nope", SUPERUSER);
    }
    clock.advance(Duration.ofMinutes(38));

    Http.Reply reply = http.delete("/invitations/nope", SUPERUSER);

    assertThat(reply.status).isEqualTo(404);
    assertThat(reply.header("Fastly-RateLimit-Remaining")).isEqualTo("2");
  }

  @Test
  void resetRestoresTheBudgets() {
    for (int i = 0; i < 3; i++) {
      http.delete("/invitations/nope", SUPERUSER);
    }

    server.reset();

    assertThat(server.remainingWrites(SUPERUSER)).isEqualTo(3);
  }

  /** A clock the test moves by hand. */
}
