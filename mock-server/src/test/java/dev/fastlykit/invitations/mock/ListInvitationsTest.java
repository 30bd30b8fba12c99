package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListInvitationsTest extends ServerTest {
  @Test
  void listsTheCallersInvitationsOldestFirstWithEveryAttribute() {
    Http.Reply reply = http.get("/invitations", SUPERUSER);

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("application/vnd.api+json");
    assertThat(reply.header("Fastly-RateLimit-Remaining")).isNull();
    JsonArray data = reply.json().getAsJsonArray("data");
    assertThat(data).hasSize(2);
    JsonObject dennis = data.get(0).getAsJsonObject();
    assertThat(dennis.get("id").getAsString()).isEqualTo(DENNIS);
    assertThat(dennis.get("type").getAsString()).isEqualTo("invitation");
    assertThat(dennis.getAsJsonObject("attributes").toString())
        .isEqualTo(
            "{\"email\":\"dennis@example.com\",\"limit_services\":false,\"role\":\"engineer\","
                + "\"roles\":[],\"status_code\":1,\"created_at\":\"2026-01-05T09:00:00Z\","
                + "\"updated_at\":\"2026-01-05T09:00:00Z\",\"deleted_at\":null}");
    assertThat(dennis.getAsJsonObject("relationships").toString())
        .isEqualTo(
            "{\"customer\":{\"data\":{\"type\":\"customer\",\"id\":\"" + DEMO_CUSTOMER + "\"}}}");
    assertThat(reply.at("data.1.relationships.service_invitations.data.0.id").getAsString())
        .isEqualTo("2Vb6Hs9Qe1Ly4Mo8Cw3RjK");
    assertThat(reply.at("data.1.attributes.limit_services").getAsBoolean()).isTrue();
    assertThat(reply.at("meta").toString())
        .isEqualTo("{\"current_page\":1,\"per_page\":20,\"record_count\":2,\"total_pages\":1}");
    assertThat(reply.at("links").toString())
        .isEqualTo(
            "{\"last\":\"" + server.url() + "/invitations?page%5Bnumber%5D=1&page%5Bsize%5D=20\"}");
  }

  @Test
  void eachCustomerSeesOnlyItsOwnInvitations() {
    Http.Reply reply = http.get("/invitations", OTHER);

    assertThat(ids(reply)).containsExactly(ALAN);
  }

  @Test
  void anEngineerWithoutServiceLimitsMayList() {
    assertThat(http.get("/invitations", ENGINEER).status).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {LIMITED_ENGINEER, USER, BILLING})
  void otherRolesMayNotList(String token) {
    Http.Reply reply = http.get("/invitations", token);

    assertThat(reply.status).isEqualTo(403);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    assertThat(reply.at("msg").getAsString()).isEqualTo("Forbidden");
    assertThat(reply.at("detail").getAsString()).contains("may not list");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not-a-token", "DEMO-SUPERUSER-TOKEN", "demo-superuser-tokenx"})
  void aMissingOrUnknownTokenIs401(String token) {
    Http.Reply reply = http.get("/invitations", token.isEmpty() ? null : token);

    assertThat(reply.status).isEqualTo(401);
    assertThat(reply.body).isEqualTo("{\"msg\":\"Provided credentials are missing or invalid\"}");
  }

  @Test
  void pagesCarryFirstPrevNextAndLastLinks() {
    createMany(5); // 7 in all

    Http.Reply first = http.get("/invitations?page%5Bnumber%5D=1&page%5Bsize%5D=3", SUPERUSER);
    Http.Reply middle = http.get("/invitations?page[number]=2&page[size]=3", SUPERUSER);
    Http.Reply last = http.get("/invitations?page[number]=3&page[size]=3", SUPERUSER);
    Http.Reply past = http.get("/invitations?page[number]=9&page[size]=3", SUPERUSER);

    String base = server.url() + "/invitations?page%5Bnumber%5D=";
    assertThat(first.at("links").toString())
        .isEqualTo(
            "{\"next\":\""
                + base
                + "2&page%5Bsize%5D=3\",\"last\":\""
                + base
                + "3&page%5Bsize%5D=3\"}");
    assertThat(middle.at("links").getAsJsonObject().keySet())
        .containsExactlyInAnyOrder("first", "prev", "next", "last");
    assertThat(middle.at("links.prev").getAsString()).isEqualTo(base + "1&page%5Bsize%5D=3");
    assertThat(last.at("links").getAsJsonObject().keySet())
        .containsExactlyInAnyOrder("first", "prev", "last");
    assertThat(ids(last)).hasSize(1);
    assertThat(past.status).isEqualTo(200);
    assertThat(ids(past)).isEmpty();
    assertThat(past.at("links.prev").getAsString()).isEqualTo(base + "3&page%5Bsize%5D=3");
    assertThat(past.at("meta").toString())
        .isEqualTo("{\"current_page\":9,\"per_page\":3,\"record_count\":7,\"total_pages\":3}");
  }

  @Test
  void pagesWalkEveryInvitationOnceInCreationOrder() {
    List<String> created = createMany(23);

    List<String> walked = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      walked.addAll(
          ids(http.get("/invitations?page[number]=" + page + "&page[size]=10", SUPERUSER)));
    }

    assertThat(walked).hasSize(25).startsWith(DENNIS, FRANCES);
    assertThat(walked.subList(2, 25)).containsExactlyInAnyOrderElementsOf(created);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 99, 100})
  void everyPageSizeTheSpecAllowsIsServedAsAsked(int size) {
    createMany(100);

    Http.Reply reply = http.get("/invitations?page[size]=" + size, SUPERUSER);

    assertThat(reply.status).isEqualTo(200);
    assertThat(ids(reply)).hasSize(size);
    assertThat(reply.at("meta.per_page").getAsInt()).isEqualTo(size);
    assertThat(reply.at("meta.total_pages").getAsInt()).isEqualTo((102 + size - 1) / size);
    assertThat(reply.at("links.next").getAsString()).endsWith("page%5Bsize%5D=" + size);
  }

  @Test
  void withoutAPageSizeAPageHoldsTwenty() {
    createMany(30);

    Http.Reply reply = http.get("/invitations?page[number]=2", SUPERUSER);

    assertThat(ids(reply)).hasSize(12);
    assertThat(reply.at("meta.per_page").getAsInt()).isEqualTo(20);
    assertThat(reply.at("meta.total_pages").getAsInt()).isEqualTo(2);
  }

  @Test
  void aPageSizeOf101IsClampedTo100() {
    createMany(100);

    Http.Reply reply = http.get("/invitations?page[size]=101", SUPERUSER);

    assertThat(ids(reply)).hasSize(100);
    assertThat(reply.at("meta.per_page").getAsInt()).isEqualTo(100);
  }

  @Test
  void aPageSizeOver100IsClampedTo100() {
    Http.Reply reply = http.get("/invitations?page[size]=99999999999999999999999", SUPERUSER);

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.at("meta.per_page").getAsInt()).isEqualTo(100);
    assertThat(reply.at("links.last").getAsString()).endsWith("page%5Bsize%5D=100");
  }

  @Test
  void anEmptyAccountHasNoPagesAndALastLinkToPage1() {
    server.importState(MockFastlyServer.builder().empty().build().exportState());

    Http.Reply reply = http.get("/invitations", SUPERUSER);

    assertThat(ids(reply)).isEmpty();
    assertThat(reply.at("meta.record_count").getAsInt()).isZero();
    assertThat(reply.at("meta.total_pages").getAsInt()).isZero();
    assertThat(reply.at("links.last").getAsString()).contains("page%5Bnumber%5D=1&");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "page[number]=0",
        "page[number]=-1",
        "page[number]=2147483648",
        "page[number]=abc",
        "page[number]=%2B1",
        "page[number]=+1",
        "page[number]=1.0",
        "page[number]=",
        "page[number]=1&page[number]=2",
        "page%5Bsize%5D=1&page[size]=2",
        "page[size]=0",
        "page[size]=-5",
        "page[size]=1e3"
      })
  void badPageParametersAre400(String query) {
    Http.Reply reply = http.get("/invitations?" + query, SUPERUSER);

    assertThat(reply.status).as(query).isEqualTo(400);
    assertThat(reply.at("msg").getAsString()).isEqualTo("Bad request");
    assertThat(reply.at("detail").getAsString()).containsAnyOf("page[", "query string");
  }

  @Test
  void aQueryWithABrokenPercentEscapeIs400() throws Exception {
    String raw =
        Http.raw(
            server,
            "GET /invitations?page[size]=%ZZ HTTP/1.1\r\nHost: localhost\r\nFastly-Key: "
                + SUPERUSER
                + "\r\nConnection: close\r\n\r\n");

    assertThat(raw).startsWith("HTTP/1.1 400").contains("application/json").contains("\"msg\":");
  }

  @Test
  void anAnswerCarriesItsLengthInBytesWhenNoEncodingIsAccepted() {
    server.addInvitation(SUPERUSER, "zoë.中@example.com", "user");

    Http.Reply reply = http.get("/invitations?page%5Bsize%5D=100", SUPERUSER);

    assertThat(reply.at("data.2.attributes.email").getAsString()).isEqualTo("zoë.中@example.com");
    assertThat(reply.header("Content-Length"))
        .isEqualTo(Integer.toString(reply.body.getBytes(StandardCharsets.UTF_8).length));
    assertThat(reply.header("Transfer-Encoding")).isNull();
  }

  @Test
  void aClientThatAcceptsGzipGetsTheSameDocumentGzipped() throws Exception {
    for (int i = 0; i < 30; i++) {
      server.addInvitation(SUPERUSER, "gzip" + i + "@example.com", "user");
    }
    String plain = http.get("/invitations", SUPERUSER).body;

    HttpResponse<byte[]> gzipped =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.url() + "/invitations"))
                    .header("Fastly-Key", SUPERUSER)
                    .header("Accept-Encoding", "gzip")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());

    assertThat(gzipped.statusCode()).isEqualTo(200);
    assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
    }
  }

  @Test
  void withoutAHostHeaderLinksUseTheBoundAddress() throws Exception {
    String raw =
        Http.raw(server, "GET /invitations HTTP/1.0\r\nFastly-Key: " + SUPERUSER + "\r\n\r\n");

    assertThat(raw)
        .startsWith("HTTP/1.1 200")
        .contains("\"last\":\"" + server.url() + "/invitations?");
  }

  @Test
  void linksUseTheHostTheClientCalled() throws Exception {
    String raw =
        Http.raw(
            server,
            "GET /invitations HTTP/1.1\r\nHost: fastly.test:8443\r\nFastly-Key: "
                + SUPERUSER
                + "\r\nConnection: close\r\n\r\n");

    assertThat(raw)
        .startsWith("HTTP/1.1 200")
        .contains("\"last\":\"http://fastly.test:8443/invitations?");
  }

  /**
   * Seeds invitations through the embedding API: these tests are about pages, and creating over
   * HTTP (which CreateInvitationTest covers) would validate hundreds of exchanges that prove
   * nothing here.
   */
  private List<String> createMany(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(server.addInvitation(SUPERUSER, "bulk" + i + "@example.com", "user"));
    }
    return ids;
  }

  static List<String> ids(Http.Reply reply) {
    List<String> ids = new ArrayList<>();
    reply
        .json()
        .getAsJsonArray("data")
        .forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsString()));
    return ids;
  }
}
