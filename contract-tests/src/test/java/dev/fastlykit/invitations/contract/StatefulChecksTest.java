package dev.fastlykit.invitations.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.NotFoundException;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import dev.fastlykit.invitations.mock.junit5.MockFastlyExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Schemathesis's stateful checks, ported: what is created can be read, what is deleted is gone, and
 * no operation works without a token. Every answer is checked against the spec meanwhile.
 */
class StatefulChecksTest {
  @RegisterExtension
  static final MockFastlyExtension FASTLY = new MockFastlyExtension(b -> b.validate(true));

  @AfterEach
  void everyAnswerConformedToTheSpec() {
    assertThat(FASTLY.server().specViolations()).isEmpty();
  }

  @Test
  void aCreatedInvitationIsListed(MockFastlyServer server) {
    try (InvitationsClient client = client(server)) {
      Invitation created = client.create(NewInvitation.builder().email("ada@example.com").build());

      assertThat(client.listAll().stream()).contains(created);
    }
  }

  @Test
  void aDeletedInvitationIsGoneAndAnswers404(MockFastlyServer server) {
    try (InvitationsClient client = client(server)) {
      Invitation created = client.create(NewInvitation.builder().email("ada@example.com").build());

      client.delete(created.id());

      assertThat(client.listAll().stream().map(Invitation::id)).doesNotContain(created.id());
      assertThatThrownBy(() -> client.delete(created.id())).isInstanceOf(NotFoundException.class);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /invitations",
    "POST, /invitations",
    "DELETE, /invitations/4Lq8Vd2Kx9Tn3Rb6Yh1WsZ"
  })
  void everyOperationWithoutATokenAnswers401(String method, String path, MockFastlyServer server)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Content-Type", "application/vnd.api+json")
            .method(
                method,
                HttpRequest.BodyPublishers.ofString(
                    "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"}}}"))
            .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo("{\"msg\":\"Provided credentials are missing or invalid\"}");
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  private static InvitationsClient client(MockFastlyServer server) {
    return InvitationsClient.builder()
        .apiToken(MockFastlyServer.DEMO_SUPERUSER_TOKEN)
        .baseUrl(server.url())
        .build();
  }
}
