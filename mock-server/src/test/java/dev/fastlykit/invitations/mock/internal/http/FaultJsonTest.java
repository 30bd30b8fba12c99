package dev.fastlykit.invitations.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fastlykit.invitations.mock.internal.journal.Changes;
import dev.fastlykit.invitations.mock.internal.journal.Fault;
import dev.fastlykit.invitations.mock.internal.journal.Faults;
import dev.fastlykit.invitations.mock.internal.json.StrictJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fault rules as the admin API reads and writes them. */
class FaultJsonTest {
  @Test
  void aRuleReadFromJsonHasEveryFieldItWasGiven() {
    Fault rule =
        AdminHandlers.parseFault(
            "{\"method\":\"DELETE\",\"path\":\"/invitations/*\",\"status\":503,\"msg\":\"Down\","
                + "\"detail\":\"for a while\",\"headers\":{\"Retry-After\":\"1\"},\"delay_ms\":20,"
                + "\"times\":3,\"probability\":0.25}");

    assertThat(rule.method()).isEqualTo("DELETE");
    assertThat(rule.path()).isEqualTo("/invitations/*");
    assertThat(rule.status()).isEqualTo(503);
    assertThat(rule.msg()).isEqualTo("Down");
    assertThat(rule.detail()).isEqualTo("for a while");
    assertThat(rule.headers()).containsEntry("Retry-After", "1");
    assertThat(rule.delay()).isEqualTo(Duration.ofMillis(20));
    assertThat(rule.times()).isEqualTo(3);
    assertThat(rule.probability()).isEqualTo(0.25);
    assertThat(rule.dropConnection()).isFalse();
  }

  @Test
  void aRuleReadFromJsonDefaultsToEveryApiRequestAndTheStatusReason() {
    Fault rule = AdminHandlers.parseFault("{\"status\":503}");

    assertThat(rule.method()).isEqualTo("*");
    assertThat(rule.path()).isEqualTo("/invitations*");
    assertThat(AdminHandlers.describe("fault-1", rule, 0))
        .containsEntry("msg", "Service Unavailable");
    assertThat(rule.detail()).isNull();
    assertThat(rule.times()).isZero();
    assertThat(rule.probability()).isEqualTo(1.0);
    Fault drop = AdminHandlers.parseFault("{\"drop_connection\":true}");
    assertThat(drop.dropConnection()).isTrue();
    assertThat(drop.status()).isZero();
    assertThat(drop.msg()).isNull();
    assertThat(
            AdminHandlers.parseFault("{\"drop_connection\":false,\"delay_ms\":5}").dropConnection())
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "{}",
        "{\"status\":200}",
        "{\"status\":600}",
        "{\"status\":\"soon\"}",
        "{\"status\":503,\"drop_connection\":true}",
        "{\"status\":503,\"times\":0}",
        "{\"status\":503,\"probability\":1.5}",
        "{\"status\":503,\"probability\":-0.1}",
        "{\"delay_ms\":-1}",
        "{\"delay_ms\":300001}",
        "{\"status\":503,\"path\":\"invitations\"}",
        "{\"status\":503,\"headers\":[]}",
        "{\"status\":503,\"method\":{}}"
      })
  void aMalformedRuleIsRefusedWithTheReason(String json) {
    assertThatThrownBy(() -> AdminHandlers.parseFault(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("Exception");
  }

  @Test
  void aRuleIsWrittenWithEveryFieldItHas() {
    Faults faults = new Faults(new Changes());
    String id =
        faults.add(
            Fault.on("get", "/invitations")
                .status(429)
                .msg("Slow down")
                .detail("try later")
                .header("Retry-After", "3")
                .delay(Duration.ofMillis(250))
                .times(4)
                .probability(0.5)
                .build());
    faults.add(Fault.on("POST", "/invitations").dropConnection().build());

    List<Object> described = new ArrayList<>();
    for (Faults.InForce rule : faults.all()) {
      described.add(AdminHandlers.describe(rule.id(), rule.fault(), rule.remaining()));
    }
    assertThat(StrictJson.gson().toJson(Map.of("faults", described)))
        .isEqualTo(
            "{\"faults\":[{\"id\":\""
                + id
                + "\",\"method\":\"GET\",\"path\":\"/invitations\",\"status\":429,"
                + "\"msg\":\"Slow down\",\"detail\":\"try later\",\"headers\":{\"Retry-After\":\"3\"},"
                + "\"delay_ms\":250,\"drop_connection\":false,\"times\":4,\"remaining\":4,"
                + "\"probability\":0.5},"
                + "{\"id\":\"fault-2\",\"method\":\"POST\",\"path\":\"/invitations\","
                + "\"delay_ms\":0,\"drop_connection\":true,\"times\":0,\"remaining\":0,"
                + "\"probability\":1.0}]}");
  }
}
