package dev.fastlykit.invitations.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.fastlykit.invitations.mock.internal.json.JsonWriter;
import dev.fastlykit.invitations.mock.internal.store.Customer;
import dev.fastlykit.invitations.mock.internal.store.ServiceGrant;
import dev.fastlykit.invitations.mock.internal.store.StoredInvitation;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An invitation's JSON is the same whichever way it is put together: the joined parts of the usual
 * invitation (plain id and email, a known role, no roles, a status code below ten, both timestamps
 * in one second) and the field-by-field writing of every other.
 */
class InvitationJsonTest {
  private static final Customer CUSTOMER = new Customer("7mH1CzgJ0wPq3n5VdYk2Lr", "Demo", Set.of());
  private static final long NOON = 1_767_614_400L; // 2026-01-05T12:00:00Z

  @Test
  void theUsualInvitationIsWrittenWithEveryFieldTheSpecNames() {
    JsonObject item = write(invitation("seed1@example.com", "user", new String[0], 1, NOON, NOON));

    assertThat(item.toString())
        .isEqualTo(
            "{\"id\":\"1AvDdpDwD4Ps1Ru8pfPSVP\",\"type\":\"invitation\",\"attributes\":{"
                + "\"email\":\"seed1@example.com\",\"limit_services\":false,\"role\":\"user\","
                + "\"roles\":[],\"status_code\":1,\"created_at\":\"2026-01-05T12:00:00Z\","
                + "\"updated_at\":\"2026-01-05T12:00:00Z\",\"deleted_at\":null},"
                + "\"relationships\":{\"customer\":{\"data\":{\"type\":\"customer\","
                + "\"id\":\"7mH1CzgJ0wPq3n5VdYk2Lr\"}}}}");
  }

  @Test
  void anEmailJsonMustEscapeOrEncodeGoesCharacterByCharacter() {
    for (String email : new String[] {"\"quoted\\\"\"@example.com", "ünï@exämple.com"}) {
      JsonObject item = write(invitation(email, "user", new String[0], 1, NOON, NOON));

      assertThat(item.getAsJsonObject("attributes").get("email").getAsString()).isEqualTo(email);
    }
  }

  @Test
  void rolesStatusCodesAndTimestampsOutsideThePreparedPartsAreWrittenAsTheyAre() {
    JsonObject item =
        write(
            invitation(
                "a@example.com",
                "custom_role",
                new String[] {"billing", "engineer"},
                12,
                NOON,
                NOON + 3_600));
    JsonObject attributes = item.getAsJsonObject("attributes");

    assertThat(attributes.get("role").getAsString()).isEqualTo("custom_role");
    assertThat(attributes.getAsJsonArray("roles").toString())
        .isEqualTo("[\"billing\",\"engineer\"]");
    assertThat(attributes.get("status_code").getAsInt()).isEqualTo(12);
    assertThat(attributes.get("created_at").getAsString()).isEqualTo("2026-01-05T12:00:00Z");
    assertThat(attributes.get("updated_at").getAsString()).isEqualTo("2026-01-05T13:00:00Z");
  }

  @Test
  void pairsOfSecondsThatShareACacheSlotEachKeepTheirOwnTimestamps() {
    JsonObject first = write(invitation("a@example.com", "user", new String[0], 1, NOON, NOON));
    JsonObject later =
        write(invitation("b@example.com", "user", new String[0], 1, NOON, NOON + 256));
    JsonObject again = write(invitation("c@example.com", "user", new String[0], 1, NOON, NOON));

    assertThat(later.getAsJsonObject("attributes").get("updated_at").getAsString())
        .isEqualTo("2026-01-05T12:04:16Z");
    assertThat(again.getAsJsonObject("attributes").toString())
        .isEqualTo(first.getAsJsonObject("attributes").toString().replace("a@", "c@"));
  }

  @Test
  void itemsOfOneSecondWithOtherRolesOrCustomersEachKeepTheirOwnPreparedEnd() {
    Customer other = new Customer("0bX9CzgJ0wPq3n5VdYk2Lr", "Other", Set.of());
    for (int round = 0; round < 2; round++) { // the second round reads what the first prepared
      for (String role : new String[] {"user", "engineer", "billing", "superuser"}) {
        for (Customer customer : new Customer[] {CUSTOMER, other}) {
          StoredInvitation invitation =
              new StoredInvitation(
                  "1AvDdpDwD4Ps1Ru8pfPSVP",
                  "a@example.com",
                  role,
                  new String[0],
                  role.equals("engineer"),
                  1,
                  NOON,
                  NOON + round,
                  customer,
                  null,
                  new ServiceGrant[0]);
          JsonObject item = write(invitation);

          JsonObject attributes = item.getAsJsonObject("attributes");
          assertThat(attributes.get("role").getAsString()).isEqualTo(role);
          assertThat(attributes.get("limit_services").getAsBoolean())
              .isEqualTo(role.equals("engineer"));
          assertThat(attributes.get("updated_at").getAsString())
              .isEqualTo(round == 0 ? "2026-01-05T12:00:00Z" : "2026-01-05T12:00:01Z");
          assertThat(
                  item.getAsJsonObject("relationships")
                      .getAsJsonObject("customer")
                      .getAsJsonObject("data")
                      .get("id")
                      .getAsString())
              .isEqualTo(customer.id);
        }
      }
    }
  }

  @Test
  void aCreateAnswerAlwaysCarriesServiceInvitationsAndAListItemOnlyWhenThereAreSome() {
    StoredInvitation without = invitation("a@example.com", "user", new String[0], 1, NOON, NOON);
    StoredInvitation with =
        new StoredInvitation(
            "2U5foiVl0mOYLEgQy6DTwc",
            "b@example.com",
            "engineer",
            new String[0],
            true,
            1,
            NOON,
            NOON,
            CUSTOMER,
            null,
            new ServiceGrant[] {new ServiceGrant("si1", "svc1", "full")});

    assertThat(write(without).getAsJsonObject("relationships").has("service_invitations"))
        .isFalse();
    assertThat(created(without).getAsJsonObject("relationships").toString())
        .contains("\"service_invitations\":{\"data\":[]}");
    assertThat(write(with).getAsJsonObject("relationships").toString())
        .contains(
            "\"service_invitations\":{\"data\":[{\"type\":\"service_invitation\",\"id\":\"si1\"}]}");
    assertThat(write(with).getAsJsonObject("attributes").get("limit_services").getAsBoolean())
        .isTrue();
  }

  @Test
  void anInvitationKeepsItsWrittenTailAndSharesItsBytesWithItsSecondsNeighbours() {
    StoredInvitation first = invitation("a@example.com", "user", new String[0], 1, NOON, NOON);
    StoredInvitation neighbour = invitation("b@example.com", "user", new String[0], 1, NOON, NOON);
    StoredInvitation withRoles =
        invitation("c@example.com", "user", new String[] {"billing"}, 1, NOON, NOON);

    String once = write(first).toString();
    write(neighbour);
    write(withRoles);

    assertThat(write(first).toString()).isEqualTo(once);
    assertThat(first.listTail).isNotNull().isSameAs(neighbour.listTail);
    assertThat(withRoles.listTail).isNull(); // written field by field, nothing kept
    assertThat(created(first).getAsJsonObject("relationships").has("service_invitations")).isTrue();
  }

  private static StoredInvitation invitation(
      String email, String role, String[] roles, int statusCode, long createdAt, long updatedAt) {
    return new StoredInvitation(
        "1AvDdpDwD4Ps1Ru8pfPSVP",
        email,
        role,
        roles,
        false,
        statusCode,
        createdAt,
        updatedAt,
        CUSTOMER,
        null,
        new ServiceGrant[0]);
  }

  private static JsonObject write(StoredInvitation invitation) {
    JsonWriter out = new JsonWriter(64);
    InvitationJson.invitation(out, invitation, false);
    return JsonParser.parseString(out.toString()).getAsJsonObject();
  }

  private static JsonObject created(StoredInvitation invitation) {
    JsonWriter out = new JsonWriter(64);
    InvitationJson.invitation(out, invitation, true);
    return JsonParser.parseString(out.toString()).getAsJsonObject();
  }
}
