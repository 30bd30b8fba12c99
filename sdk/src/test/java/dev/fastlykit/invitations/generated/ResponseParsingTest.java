package dev.fastlykit.invitations.generated;

import static dev.fastlykit.invitations.generated.InvitationsApiWireFormatTest.jsonApi;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import dev.fastlykit.invitations.generated.api.InvitationsApi;
import dev.fastlykit.invitations.generated.invoker.ApiClient;
import dev.fastlykit.invitations.generated.invoker.JSON;
import dev.fastlykit.invitations.generated.model.Invitation;
import dev.fastlykit.invitations.generated.model.InvitationResponse;
import dev.fastlykit.invitations.generated.model.InvitationResponseData;
import dev.fastlykit.invitations.generated.model.InvitationsResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated models must keep every attribute and relationship the spec's examples carry. */
class ResponseParsingTest {
  private final MockWebServer server = new MockWebServer();
  private InvitationsApi api;

  @BeforeEach
  void start() throws Exception {
    server.start();
    ApiClient client = new ApiClient("token", "secret-token");
    client.getAdapterBuilder().baseUrl(server.url("/"));
    api = client.createService(InvitationsApi.class);
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  @Test
  void everyListExampleSurvivesParsingWhole() throws Exception {
    Map<String, String> examples = SpecExamples.responseExamples("/invitations", "get", "200");
    for (Map.Entry<String, String> example : examples.entrySet()) {
      server.enqueue(jsonApi(200, example.getValue()));

      InvitationsResponse parsed = api.listInvitations(1, 20).execute().body();

      assertThat(reserialize(parsed))
          .as(example.getKey())
          .isEqualTo(withoutNulls(example.getValue()));
    }
    assertThat(examples).containsKeys("firstPage", "lastPage", "empty");
  }

  @Test
  void everyCreateExampleSurvivesParsingWhole() throws Exception {
    Map<String, String> examples = SpecExamples.responseExamples("/invitations", "post", "200");
    for (Map.Entry<String, String> example : examples.entrySet()) {
      server.enqueue(jsonApi(200, example.getValue()));

      InvitationResponse parsed = api.createInvitation(new Invitation()).execute().body();

      assertThat(reserialize(parsed))
          .as(example.getKey())
          .isEqualTo(withoutNulls(example.getValue()));
    }
  }

  @Test
  void listExampleAttributesAndRelationshipsAreTyped() throws Exception {
    server.enqueue(
        jsonApi(200, SpecExamples.responseExamples("/invitations", "get", "200").get("firstPage")));

    InvitationsResponse page = api.listInvitations(1, 2).execute().body();

    InvitationResponseData frances = page.getData().get(1);
    assertThat(frances.getId()).isEqualTo("8Pw3Jc5Nf0Gm2Xa7Ku4EtB");
    assertThat(frances.getAttributes().getEmail()).isEqualTo("frances@example.com");
    assertThat(frances.getAttributes().getRole()).isEqualTo("user");
    assertThat(frances.getAttributes().getLimitServices()).isTrue();
    assertThat(frances.getAttributes().getRoles()).isEmpty();
    assertThat(frances.getAttributes().getStatusCode()).isEqualTo(1);
    assertThat(frances.getAttributes().getCreatedAt())
        .isEqualTo(OffsetDateTime.of(2026, 1, 6, 9, 0, 0, 0, ZoneOffset.UTC));
    assertThat(frances.getAttributes().getDeletedAt()).isNull();
    assertThat(frances.getRelationships().getCustomer().getData().getId())
        .isEqualTo("7mH1CzgJ0wPq3n5VdYk2Lr");
    assertThat(frances.getRelationships().getServiceInvitations().getData())
        .extracting(s -> s.getId())
        .containsExactly("2Vb6Hs9Qe1Ly4Mo8Cw3RjK");
    assertThat(page.getLinks().getNext())
        .isEqualTo("https://api.fastly.com/invitations?page%5Bnumber%5D=2&page%5Bsize%5D=2");
    assertThat(page.getLinks().getPrev()).isNull();
    assertThat(page.getMeta().getRecordCount()).isEqualTo(3);
    assertThat(page.getMeta().getTotalPages()).isEqualTo(2);
  }

  @Test
  void valuesThisClientDoesNotKnowYetKeepTheirRawValue() throws Exception {
    JsonObject page =
        JsonParser.parseString(
                SpecExamples.responseExamples("/invitations", "get", "200").get("firstPage"))
            .getAsJsonObject();
    JsonObject attributes =
        page.getAsJsonArray("data").get(0).getAsJsonObject().getAsJsonObject("attributes");
    attributes.addProperty("role", "cdn_wizard");
    attributes.addProperty("status_code", 7);
    attributes.addProperty("favourite_colour", "green");
    server.enqueue(jsonApi(200, page.toString()));

    InvitationsResponse parsed = api.listInvitations(1, 2).execute().body();

    assertThat(parsed.getData().get(0).getAttributes().getRole()).isEqualTo("cdn_wizard");
    assertThat(parsed.getData().get(0).getAttributes().getStatusCode()).isEqualTo(7);
    assertThat(parsed.getData()).hasSize(2);
  }

  @Test
  void timestampsParseInFastlysFormAndInEveryOtherIsoForm() {
    Gson gson = new JSON().getGson();

    assertThat(gson.fromJson("\"2026-01-05T09:00:00Z\"", OffsetDateTime.class))
        .isEqualTo(OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC));
    assertThat(gson.fromJson("\"2026-01-05T10:00:00.5+01:00\"", OffsetDateTime.class))
        .isEqualTo(OffsetDateTime.parse("2026-01-05T10:00:00.5+01:00"));
    assertThat(gson.fromJson("\"2026-01-05T09:00:00+0000\"", OffsetDateTime.class))
        .isEqualTo(OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> gson.fromJson("\"2026-02-30T09:00:00Z\"", OffsetDateTime.class))
        .isInstanceOf(com.google.gson.JsonParseException.class);
  }

  /** Serializes with timestamps at second precision, as the examples write them. */
  private static JsonElement reserialize(Object parsed) {
    Gson gson =
        new JSON()
            .getGson()
            .newBuilder()
            .registerTypeAdapter(
                OffsetDateTime.class,
                (JsonSerializer<OffsetDateTime>)
                    (value, type, context) ->
                        new JsonPrimitive(DateTimeFormatter.ISO_INSTANT.format(value)))
            .create();
    return gson.toJsonTree(parsed);
  }

  /** Gson leaves out null members when it writes, so the comparison does too. */
  private static JsonElement withoutNulls(String json) {
    return new Gson().toJsonTree(new Gson().fromJson(json, Object.class));
  }
}
