package dev.fastlykit.invitations.generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.fastlykit.invitations.generated.api.InvitationsApi;
import dev.fastlykit.invitations.generated.invoker.ApiClient;
import dev.fastlykit.invitations.generated.model.Invitation;
import dev.fastlykit.invitations.generated.model.InvitationCreateData;
import dev.fastlykit.invitations.generated.model.InvitationDataAttributes;
import dev.fastlykit.invitations.generated.model.RelationshipMemberService;
import dev.fastlykit.invitations.generated.model.RelationshipService;
import dev.fastlykit.invitations.generated.model.RelationshipServiceInvitationsCreate;
import dev.fastlykit.invitations.generated.model.RelationshipServiceInvitationsCreateServiceInvitations;
import dev.fastlykit.invitations.generated.model.ServiceInvitationData;
import dev.fastlykit.invitations.generated.model.ServiceInvitationDataAttributes;
import dev.fastlykit.invitations.generated.model.ServiceInvitationDataRelationships;
import dev.fastlykit.invitations.generated.model.TypeInvitation;
import dev.fastlykit.invitations.generated.model.TypeService;
import dev.fastlykit.invitations.generated.model.TypeServiceInvitation;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/** Pins what the generated Retrofit interface puts on the wire. */
class InvitationsApiWireFormatTest {
  private static final String EMPTY_PAGE =
      "{\"data\":[],\"links\":{\"last\":\"http://x/invitations\"},"
          + "\"meta\":{\"current_page\":1,\"per_page\":20,\"record_count\":0,\"total_pages\":0}}";

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
  void listSendsGetWithPercentEncodedPageParameters() throws Exception {
    server.enqueue(jsonApi(200, EMPTY_PAGE));

    api.listInvitations(2, 50).execute();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo("/invitations?page%5Bnumber%5D=2&page%5Bsize%5D=50");
    assertThat(request.getBodySize()).isZero();
  }

  @Test
  void listLeavesOutPageParametersThatAreNotGiven() throws Exception {
    server.enqueue(jsonApi(200, EMPTY_PAGE));

    api.listInvitations(null, null).execute();

    assertThat(server.takeRequest().getPath()).isEqualTo("/invitations");
  }

  @Test
  void everyCallSendsTheTokenInTheFastlyKeyHeader() throws Exception {
    server.enqueue(jsonApi(200, EMPTY_PAGE));
    server.enqueue(new MockResponse().setResponseCode(204));

    api.listInvitations(null, null).execute();
    api.deleteInvitation("4Lq8Vd2Kx9Tn3Rb6Yh1WsZ").execute();

    assertThat(server.takeRequest().getHeader("Fastly-Key")).isEqualTo("secret-token");
    assertThat(server.takeRequest().getHeader("Fastly-Key")).isEqualTo("secret-token");
  }

  @Test
  void createPostsTheJsonApiBodyWithTheJsonApiContentType() throws Exception {
    server.enqueue(
        jsonApi(200, SpecExamples.responseExamples("/invitations", "post", "200").get("minimal")));

    api.createInvitation(withTwoServices()).execute();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/invitations");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/vnd.api+json");
    assertThat(JsonParser.parseString(request.getBody().readUtf8()))
        .isEqualTo(
            JsonParser.parseString(
                SpecExamples.requestExamples("/invitations", "post")
                    .get("withServiceInvitations")));
  }

  @Test
  void createSendsNoDefaultsOfItsOwn() throws Exception {
    server.enqueue(
        jsonApi(200, SpecExamples.responseExamples("/invitations", "post", "200").get("minimal")));
    Invitation minimal =
        new Invitation()
            .data(
                new InvitationCreateData()
                    .type(TypeInvitation.INVITATION)
                    .attributes(new InvitationDataAttributes().email("ada@example.com")));

    api.createInvitation(minimal).execute();

    // Omitted fields stay omitted, so that the server's defaults apply.
    assertThat(JsonParser.parseString(server.takeRequest().getBody().readUtf8()))
        .isEqualTo(
            JsonParser.parseString(
                SpecExamples.requestExamples("/invitations", "post").get("minimal")));
  }

  @Test
  void createSendsAPermissionThisClientDoesNotKnowAsItIs() throws Exception {
    server.enqueue(
        jsonApi(200, SpecExamples.responseExamples("/invitations", "post", "200").get("minimal")));
    Invitation invitation = withTwoServices();
    invitation
        .getData()
        .getRelationships()
        .getServiceInvitations()
        .getData()
        .get(0)
        .getAttributes()
        .setPermission("purge_everything");

    api.createInvitation(invitation).execute();

    assertThat(server.takeRequest().getBody().readUtf8())
        .contains("\"permission\":\"purge_everything\"");
  }

  @Test
  void deleteSendsDeleteToTheInvitationsPathWithTheIdEncoded() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));
    server.enqueue(new MockResponse().setResponseCode(204));

    Response<Void> response = api.deleteInvitation("4Lq8Vd2Kx9Tn3Rb6Yh1WsZ").execute();
    api.deleteInvitation("a/b c").execute();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getPath()).isEqualTo("/invitations/4Lq8Vd2Kx9Tn3Rb6Yh1WsZ");
    assertThat(response.code()).isEqualTo(204);
    assertThat(response.body()).isNull();
    assertThat(server.takeRequest().getPath()).isEqualTo("/invitations/a%2Fb%20c");
  }

  private static Invitation withTwoServices() {
    return new Invitation()
        .data(
            new InvitationCreateData()
                .type(TypeInvitation.INVITATION)
                .attributes(
                    new InvitationDataAttributes()
                        .email("ada@example.com")
                        .role("engineer")
                        .limitServices(true))
                .relationships(
                    new RelationshipServiceInvitationsCreate()
                        .serviceInvitations(
                            new RelationshipServiceInvitationsCreateServiceInvitations()
                                .data(
                                    List.of(
                                        service("purge_select", "SU1Z0isxPaozGVKXdv0eY"),
                                        service("read_only", "7i6HN3TK9wS159v2gPAZ8A"))))));
  }

  private static ServiceInvitationData service(String permission, String serviceId) {
    return new ServiceInvitationData()
        .type(TypeServiceInvitation.SERVICE_INVITATION)
        .attributes(new ServiceInvitationDataAttributes().permission(permission))
        .relationships(
            new ServiceInvitationDataRelationships()
                .service(
                    new RelationshipService()
                        .data(
                            new RelationshipMemberService()
                                .type(TypeService.SERVICE)
                                .id(serviceId))));
  }

  static MockResponse jsonApi(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/vnd.api+json")
        .setBody(body);
  }
}
