package dev.fastlykit.invitations;

import static dev.fastlykit.invitations.Fixtures.TOKEN;
import static dev.fastlykit.invitations.Fixtures.jsonApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvitationsClientTest {
  private static JsonNode spec;

  private final MockWebServer server = new MockWebServer();
  private InvitationsClient client;

  @BeforeAll
  static void loadSpec() throws Exception {
    try (InputStream in =
        InvitationsClientTest.class
            .getClassLoader()
            .getResourceAsStream("openapi/fastly-invitations.yaml")) {
      spec = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = Fixtures.builder(server, new Fixtures.RecordingTimer()).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  @Test
  void createSendsTheJsonApiBodyOfTheSpecsExample() throws Exception {
    server.enqueue(jsonApi(200, responseExample("post", "withServiceInvitations")));

    client.create(
        NewInvitation.builder()
            .email("ada@example.com")
            .role(Role.ENGINEER)
            .limitServices(true)
            .service("SU1Z0isxPaozGVKXdv0eY", Permission.PURGE_SELECT)
            .service("7i6HN3TK9wS159v2gPAZ8A", Permission.READ_ONLY)
            .build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/invitations");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/vnd.api+json");
    assertThat(JsonParser.parseString(request.getBody().readUtf8()))
        .isEqualTo(JsonParser.parseString(requestExample("withServiceInvitations")));
  }

  @Test
  void createOfAnEmailAloneLeavesEveryDefaultToTheServer() throws Exception {
    server.enqueue(jsonApi(200, responseExample("post", "minimal")));

    client.create(NewInvitation.builder().email("ada@example.com").build());

    assertThat(JsonParser.parseString(server.takeRequest().getBody().readUtf8()))
        .isEqualTo(JsonParser.parseString(requestExample("minimal")));
  }

  @Test
  void createMapsEveryFieldOfTheResponse() {
    server.enqueue(jsonApi(200, responseExample("post", "withServiceInvitations")));

    Invitation invitation = client.create(NewInvitation.builder().email("ada@example.com").build());

    assertThat(invitation.id()).isEqualTo("3Hn5Rk0Ys8Dc2Fv6Gb9LpQ");
    assertThat(invitation.email()).isEqualTo("ada@example.com");
    assertThat(invitation.role()).isEqualTo(Role.ENGINEER);
    assertThat(invitation.roles()).isEmpty();
    assertThat(invitation.limitServices()).isTrue();
    assertThat(invitation.statusCode()).isEqualTo(1);
    assertThat(invitation.active()).isTrue();
    assertThat(invitation.createdAt())
        .isEqualTo(OffsetDateTime.of(2026, 1, 8, 11, 22, 33, 0, ZoneOffset.UTC));
    assertThat(invitation.updatedAt()).isEqualTo(invitation.createdAt());
    assertThat(invitation.deletedAt()).isEmpty();
    assertThat(invitation.customerId()).isEqualTo("7mH1CzgJ0wPq3n5VdYk2Lr");
    assertThat(invitation.serviceInvitationIds())
        .containsExactly("9Cm4Tz7Aw2Ek5Qh0Ju3XyF", "5Gd1Pn6Ls3Vb8Ri4Oa0WeM");
  }

  @Test
  void listMapsItemsAndPageCounts() throws Exception {
    server.enqueue(jsonApi(200, responseExample("get", "firstPage")));

    Page<Invitation> page = client.list(1, 2);

    assertThat(server.takeRequest().getPath())
        .isEqualTo("/invitations?page%5Bnumber%5D=1&page%5Bsize%5D=2");
    assertThat(page.items())
        .extracting(Invitation::email)
        .containsExactly("dennis@example.com", "frances@example.com");
    assertThat(page.items().get(1).serviceInvitationIds())
        .containsExactly("2Vb6Hs9Qe1Ly4Mo8Cw3RjK");
    assertThat(page.pageNumber()).isEqualTo(1);
    assertThat(page.pageSize()).isEqualTo(2);
    assertThat(page.totalRecords()).isEqualTo(3);
    assertThat(page.totalPages()).isEqualTo(2);
    assertThat(page.hasNext()).isTrue();
  }

  @Test
  void listWithoutArgumentsSendsNoPageParameters() throws Exception {
    server.enqueue(jsonApi(200, responseExample("get", "empty")));

    Page<Invitation> page = client.list();

    assertThat(server.takeRequest().getPath()).isEqualTo("/invitations");
    assertThat(page.items()).isEmpty();
    assertThat(page.totalPages()).isZero();
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void listRejectsPageArgumentsOutOfRangeBeforeAnyRequest() {
    assertThatThrownBy(() -> client.list(0, 20)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.list(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.list(1, 101)).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void deleteSendsADeleteForTheId() throws Exception {
    server.enqueue(Fixtures.noContent());

    client.delete("4Lq8Vd2Kx9Tn3Rb6Yh1WsZ");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getPath()).isEqualTo("/invitations/4Lq8Vd2Kx9Tn3Rb6Yh1WsZ");
    assertThatThrownBy(() -> client.delete("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyRequestSendsTheTokenAcceptAndUserAgent() throws Exception {
    server.enqueue(jsonApi(200, responseExample("get", "empty")));
    server.enqueue(jsonApi(200, responseExample("post", "minimal")));
    server.enqueue(Fixtures.noContent());

    client.list();
    client.create(NewInvitation.builder().email("ada@example.com").build());
    client.delete("4Lq8Vd2Kx9Tn3Rb6Yh1WsZ");

    for (int i = 0; i < 3; i++) {
      RecordedRequest request = server.takeRequest();
      assertThat(request.getHeader("Fastly-Key")).isEqualTo(TOKEN);
      assertThat(request.getHeader("Accept")).isEqualTo("application/vnd.api+json");
      assertThat(request.getHeader("User-Agent"))
          .matches("fastly-invitations-java/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? Java/17.*");
    }
  }

  @Test
  void userAgentSuffixIsAppended() throws Exception {
    server.enqueue(jsonApi(200, responseExample("get", "empty")));
    try (InvitationsClient custom =
        Fixtures.builder(server, new Fixtures.RecordingTimer())
            .userAgentSuffix("provisioner/3.1")
            .build()) {
      custom.list();
    }

    assertThat(server.takeRequest().getHeader("User-Agent")).endsWith(" provisioner/3.1");
  }

  @Test
  void valuesThisSdkDoesNotKnowKeepTheirRawValue() throws Exception {
    String page =
        responseExample("get", "firstPage")
            .replace("\"role\":\"engineer\"", "\"role\":\"cdn_wizard\"")
            .replace("\"status_code\":1", "\"status_code\":7");
    server.enqueue(jsonApi(200, page));
    server.enqueue(jsonApi(200, responseExample("post", "minimal")));

    Invitation first = client.list(1, 2).items().get(0);
    client.create(
        NewInvitation.builder()
            .email("ada@example.com")
            .role(Role.of("cdn_wizard"))
            .service("SU1Z0isxPaozGVKXdv0eY", Permission.of("purge_everything"))
            .build());

    assertThat(first.role().value()).isEqualTo("cdn_wizard");
    assertThat(first.role().isKnown()).isFalse();
    assertThat(first.role()).isEqualTo(Role.of("cdn_wizard"));
    assertThat(first.statusCode()).isEqualTo(7);
    assertThat(first.active()).isFalse();
    server.takeRequest();
    assertThat(server.takeRequest().getBody().readUtf8())
        .contains("\"role\":\"cdn_wizard\"")
        .contains("\"permission\":\"purge_everything\"");
  }

  @Test
  void missingOptionalRelationshipsMapToEmptyLists() {
    String bare =
        "{\"data\":{\"id\":\"6Xr2Bt8Wq5Zp1Nc4Mv7KsD\",\"type\":\"invitation\","
            + "\"attributes\":{\"email\":\"ada@example.com\",\"role\":\"user\","
            + "\"status_code\":1,\"created_at\":\"2026-01-08T11:22:33Z\","
            + "\"updated_at\":\"2026-01-08T11:22:33Z\",\"deleted_at\":null},"
            + "\"relationships\":{\"customer\":{\"data\":{\"type\":\"customer\",\"id\":\"c1\"}},"
            + "\"service_invitations\":{\"data\":null}}}}";
    server.enqueue(jsonApi(200, bare));

    Invitation invitation = client.create(NewInvitation.builder().email("ada@example.com").build());

    assertThat(invitation.roles()).isEmpty();
    assertThat(invitation.serviceInvitationIds()).isEmpty();
    assertThat(invitation.limitServices()).isFalse();
  }

  @Test
  void rawResponsesCarryStatusHeadersAndRateLimit() {
    server.enqueue(
        jsonApi(200, responseExample("post", "minimal"))
            .setHeader("Fastly-RateLimit-Remaining", "998")
            .setHeader("Fastly-RateLimit-Reset", "1767873600"));
    server.enqueue(jsonApi(200, responseExample("get", "empty")));
    server.enqueue(Fixtures.noContent());

    ApiResponse<Invitation> created =
        client.withRawResponse().create(NewInvitation.builder().email("ada@example.com").build());
    ApiResponse<Page<Invitation>> listed = client.withRawResponse().list();
    ApiResponse<Void> deleted = client.withRawResponse().delete("6Xr2Bt8Wq5Zp1Nc4Mv7KsD");

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.headers().get("fastly-ratelimit-remaining")).containsExactly("998");
    assertThat(created.rateLimit()).isPresent();
    assertThat(created.rateLimit().get().remaining()).isEqualTo(998);
    assertThat(created.rateLimit().get().resetAt().getEpochSecond()).isEqualTo(1767873600L);
    assertThat(created.body().id()).isEqualTo("6Xr2Bt8Wq5Zp1Nc4Mv7KsD");
    assertThat(listed.rateLimit()).isEmpty();
    assertThat(listed.body().items()).isEmpty();
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isNull();
    assertThat(deleted.rateLimit().get().remaining()).isEqualTo(997);
  }

  @Test
  void invitationsAreValuesWithALogFriendlyToString() {
    server.enqueue(jsonApi(200, responseExample("post", "minimal")));
    server.enqueue(jsonApi(200, responseExample("post", "minimal")));

    Invitation one = client.create(NewInvitation.builder().email("ada@example.com").build());
    Invitation two = client.create(NewInvitation.builder().email("ada@example.com").build());

    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(one.toString())
        .startsWith("Invitation{id=6Xr2Bt8Wq5Zp1Nc4Mv7KsD, email=ada@example.com, role=user")
        .doesNotContain("\n");
    assertThat(one.roles()).isInstanceOf(List.class);
    assertThatThrownBy(() -> one.roles().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static String responseExample(String method, String name) {
    return spec.path("paths")
        .path("/invitations")
        .path(method)
        .path("responses")
        .path("200")
        .path("content")
        .path("application/vnd.api+json")
        .path("examples")
        .path(name)
        .path("value")
        .toString();
  }

  private static String requestExample(String name) {
    return spec.path("paths")
        .path("/invitations")
        .path("post")
        .path("requestBody")
        .path("content")
        .path("application/vnd.api+json")
        .path("examples")
        .path(name)
        .path("value")
        .toString();
  }
}
