package dev.fastlykit.invitations.mock.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import dev.fastlykit.invitations.mock.internal.http.MockState;
import dev.fastlykit.invitations.mock.internal.store.Ids;
import dev.fastlykit.invitations.mock.internal.store.Store;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The state format: read strictly, refused with where and why, written back as read. */
class StateDocumentTest {
  private static final String USER =
      "{\"email\":\"a@t.example\",\"role\":\"superuser\",\"token\":\"t1\"}";

  @Test
  void theDemoStateIsWrittenBackAsItWasRead() {
    Store store = new Store(Clock.systemUTC(), Ids.fast());
    MockState.demo(false).replaceIn(store);
    String exported = StateDocument.export(store);

    Store again = new Store(Clock.systemUTC(), Ids.fast());
    StateDocument.parse(exported).replaceIn(again);

    assertThat(JsonParser.parseString(StateDocument.export(again)))
        .isEqualTo(JsonParser.parseString(exported));
    assertThat(exported)
        .contains(
            "\"limit_services\":true,\"status_code\":1,\"created_at\":\"2026-01-06T09:00:00Z\"")
        .contains("\"service_invitations\":[{\"id\":\"2Vb6Hs9Qe1Ly4Mo8Cw3RjK\"");
  }

  @Test
  void aFieldTheFormatLacksIsSkippedAndOfARepeatedFieldTheLastCounts() {
    Store store = new Store(Clock.systemUTC(), Ids.fast());
    StateDocument.parse(
            "{\"version\":2,\"customers\":[{\"id\":\"c0\",\"name\":\"first\",\"id\":\"c1\","
                + "\"notes\":{\"a\":[1,{\"b\":null}]},\"name\":\"second\"}],\"more\":null}")
        .replaceIn(store);

    assertThat(StateDocument.export(store))
        .isEqualTo(
            "{\"customers\":[{\"id\":\"c1\",\"name\":\"second\",\"services\":[],\"users\":[],"
                + "\"invitations\":[]}]}");
  }

  @Test
  void absentOptionalFieldsTakeTheirDefaults() {
    Store store = new Store(Clock.systemUTC(), Ids.fast());
    StateDocument.parse(
            account(
                "\"services\":[\"s1\"],\"invitations\":[{\"id\":\"i1\",\"email\":\"n@t.example\","
                    + "\"created_at\":\"2026-02-01T00:00:00Z\",\"sent_by\":\"A@T.example\","
                    + "\"service_invitations\":[{\"id\":\"g1\",\"service_id\":\"s1\"}]}]"))
        .replaceIn(store);

    assertThat(StateDocument.export(store))
        .contains(
            "{\"id\":\"i1\",\"email\":\"n@t.example\",\"role\":\"user\",\"roles\":[],"
                + "\"limit_services\":true,\"status_code\":1,\"created_at\":\"2026-02-01T00:00:00Z\","
                + "\"updated_at\":\"2026-02-01T00:00:00Z\",\"sent_by\":\"a@t.example\","
                + "\"service_invitations\":[{\"id\":\"g1\",\"service_id\":\"s1\",\"permission\":\"full\"}]}")
        .contains("{\"email\":\"a@t.example\",\"role\":\"superuser\",\"limit_services\":false");
  }

  @Test
  void withoutInvitationsKeepsTheAccountsAndDropsTheInvitations() {
    Store store = new Store(Clock.systemUTC(), Ids.fast());
    MockState.demo(true).replaceIn(store);

    assertThat(store.invitationCount()).isZero();
    assertThat(StateDocument.export(store))
        .contains("demo-superuser-token", "other-superuser-token");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[]|the state must be a JSON object",
        "null|the state must be a JSON object",
        "'  '|the state must be a JSON object",
        "\"customers\"|the state must be a JSON object",
        "{\"customers\":[{\"id\":\"c1\",\"name\":\"x\",\"users\":[[]]}]}|customers[0].users[0] must be an object",
        "{\"customers\":[{\"id\":\"c1\",\"name\":\"x\",\"extra\":[[[{}]]],\"name\":7}]}|customers[0].name must be a string",
        "{}|state.customers must be an array",
        "{\"customers\":{}}|customers must be an array",
        "{\"customers\":null}|customers must be an array",
        "{\"customers\":[null]}|customers[0] must be an object",
        "{\"customers\":[7]}|customers[0] must be an object",
        "{\"customers\":[{\"id\":7}]}|customers[0].id must be a string",
        "{\"customers\":[{\"id\":\"c-1\",\"name\":\"x\"}]}|customers[0].id must be an alphanumeric id",
        "{\"customers\":[{\"id\":\"c1\"}]}|customers[0].name must be a non-empty string",
        "{\"customers\":[{\"id\":\"c1\",\"name\":\"x\",\"services\":\"s1\"}]}|customers[0].services must be an array",
        "{\"customers\":[{\"id\":\"c1\",\"name\":\"x\",\"services\":[1]}]}|customers[0].services[0] must be a string",
        "{\"customers\":[{\"id\":\"c1\",\"name\":\"x\",\"users\":[{\"email\":\"a@t.example\",\"limit_services\":\"yes\"}]}]}|customers[0].users[0].limit_services must be true or false",
        "{\"customers\":[{\"id\":\"c1\",\"name\":\"x\",\"users\":[{\"email\":\"a@t.example\",\"token\":null}]}]}|customers[0].users[0].token must be a string",
        "{\"customers\":[{\"id\":\"c1\",\"name\":\"x\",\"users\":[{\"email\":\"a@t.example\",\"role\":\"boss\",\"token\":\"t\"}]}]}|customers[0].users[0].role must be one of",
        "{\"customers\":[{\"id\":\"c1\",\"name\":\"x\",\"users\":[{\"email\":\"a@\",\"token\":\"t\"}]}]}|customers[0].users[0].email 'a@'",
        "{\"customers\":[{\"id\":\"c1\",\"name\":\"x\",\"users\":[{\"email\":\"a@t.example\",\"services\":[\"s9\"],\"token\":\"t\"}]}]}|customers[0].users[0].services: unknown service 's9'",
        "{\"customers\":[{\"id\":\"c1\",\"name\":\"x\",\"users\":["
            + "{\"email\":\"a@t.example\",\"token\":\"t\"},{\"email\":\"b@t.example\",\"token\":\"t\"}]}]}|customers[0].users[1].token is used twice",
        "{\"customers\":[{\"id\":\"c1\",\"name\":\"x\",\"users\":["
            + "{\"email\":\"a@t.example\",\"token\":\"t\"},{\"email\":\"A@t.example\",\"token\":\"u\"}]}]}|customers[0].users[1].email 'A@t.example' is used twice",
        "{\"customers\":[{\"id\":\"c1\",\"name\":\"x\"},{\"id\":\"c1\",\"name\":\"y\"}]}|customers[1].id 'c1' is used twice",
        "{\"customers\":[] x|the state is not valid JSON (line 1",
        "{\"customers\":[]} {}|the state is not valid JSON (line 1"
      })
  void aMalformedStateIsRefusedSayingWhereAndWhy(String state, String message) {
    assertThatThrownBy(() -> StateDocument.parse(state))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"id\":7|customers[0].invitations[0].id must be a string",
        "\"id\":\"i1\",\"email\":\"n@t.example\",\"created_at\":\"2026-02-01T00:00:00Z\",\"sent_by\":\"a@t.example\",\"status_code\":2|customers[0].invitations[0].status_code must be 0 or 1",
        "\"id\":\"i1\",\"email\":\"n@t.example\",\"created_at\":\"2026-02-01T00:00:00Z\",\"sent_by\":\"a@t.example\",\"status_code\":1.5|customers[0].invitations[0].status_code must be an integer, not 1.5",
        "\"id\":\"i1\",\"email\":\"n@t.example\",\"created_at\":\"2026-02-01T00:00:00Z\",\"sent_by\":\"a@t.example\",\"status_code\":\"1\"|customers[0].invitations[0].status_code must be a number",
        "\"id\":\"i1\",\"email\":\"n@t.example\",\"created_at\":\"yesterday\",\"sent_by\":\"a@t.example\"|customers[0].invitations[0].created_at must be an ISO 8601 instant",
        "\"id\":\"i1\",\"email\":\"n@t.example\",\"created_at\":\"2026-02-01T00:00:00Z\",\"updated_at\":\"\",\"sent_by\":\"a@t.example\"|customers[0].invitations[0].updated_at must be a non-empty string",
        "\"id\":\"i1\",\"email\":\"n@t.example\",\"created_at\":\"2026-02-01T00:00:00Z\",\"sent_by\":\"z@t.example\"|customers[0].invitations[0].sent_by 'z@t.example' is not a user of c1",
        "\"id\":\"i1\",\"email\":\"A@T.example\",\"created_at\":\"2026-02-01T00:00:00Z\",\"sent_by\":\"a@t.example\"|customers[0].invitations[0].email 'A@T.example' is already invited or a user",
        "\"id\":\"i1\",\"email\":\"n@t.example\",\"roles\":[\"\"],\"created_at\":\"2026-02-01T00:00:00Z\",\"sent_by\":\"a@t.example\"|customers[0].invitations[0].roles[0] must be a non-empty string",
        "\"id\":\"i1\",\"email\":\"n@t.example\",\"created_at\":\"2026-02-01T00:00:00Z\",\"sent_by\":\"a@t.example\",\"service_invitations\":[{\"id\":\"g1\",\"service_id\":\"s9\"}]|customers[0].invitations[0].service_invitations[0].service_id: unknown service 's9'",
        "\"id\":\"i1\",\"email\":\"n@t.example\",\"created_at\":\"2026-02-01T00:00:00Z\",\"sent_by\":\"a@t.example\",\"service_invitations\":[{\"id\":\"i1\",\"service_id\":\"s1\"}]|customers[0].invitations[0].service_invitations[0].id 'i1' is used twice",
        "\"id\":\"i1\",\"email\":\"n@t.example\",\"created_at\":\"2026-02-01T00:00:00Z\",\"sent_by\":\"a@t.example\",\"service_invitations\":[{\"id\":\"g1\",\"service_id\":\"s1\",\"permission\":\"all\"}]|customers[0].invitations[0].service_invitations[0].permission must be one of"
      })
  void aMalformedInvitationIsRefusedSayingWhereAndWhy(String invitation, String message) {
    String state = account("\"services\":[\"s1\"],\"invitations\":[{" + invitation + "}]");

    assertThatThrownBy(() -> StateDocument.parse(state))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  private static String account(String more) {
    return "{\"customers\":[{\"id\":\"c1\",\"name\":\"x\",\"users\":[" + USER + "]," + more + "}]}";
  }
}
