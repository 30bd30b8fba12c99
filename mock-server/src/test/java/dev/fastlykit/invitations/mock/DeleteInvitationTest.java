package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeleteInvitationTest extends ServerTest {
  @Test
  void aSuperuserDeletesAnInvitationWhichIsThenGone() {
    Http.Reply deleted = http.delete("/invitations/" + DENNIS, SUPERUSER);
    Http.Reply again = http.delete("/invitations/" + DENNIS, SUPERUSER);

    assertThat(deleted.status).isEqualTo(204);
    assertThat(deleted.body).isEmpty();
    assertThat(deleted.header("Fastly-RateLimit-Remaining")).isEqualTo("999");
    assertThat(deleted.header("Fastly-RateLimit-Reset")).matches("\\d+");
    assertThat(ListInvitationsTest.ids(http.get("/invitations", SUPERUSER)))
        .containsExactly(FRANCES);
    assertThat(again.status).isEqualTo(404);
    assertThat(again.body)
        .isEqualTo(
            "{\"msg\":\"Record not found\",\"detail\":\"Cannot find invitation '"
                + DENNIS
                + "'\"}");
    assertThat(again.header("Fastly-RateLimit-Remaining")).isEqualTo("998");
  }

  @Test
  void aDeletionsAnswerHasNeitherBodyNorContentType() {
    Http.Reply deleted = http.delete("/invitations/" + DENNIS, SUPERUSER);

    assertThat(deleted.status).isEqualTo(204);
    assertThat(deleted.body).isEmpty();
    assertThat(deleted.header("Content-Type")).isNull();
    assertThat(deleted.header("Content-Length")).isNull();
  }

  @Test
  void anotherCustomersInvitationIsNotFoundNotForbidden() {
    Http.Reply reply = http.delete("/invitations/" + ALAN, SUPERUSER);

    assertThat(reply.status).isEqualTo(404);
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000000000000000000000", "x", "a%20b", "%E2%98%83"})
  void anUnknownIdIs404(String id) {
    assertThat(http.delete("/invitations/" + id, SUPERUSER).status).isEqualTo(404);
  }

  @Test
  void anEngineerDeletesOnlyTheInvitationsItSent() {
    String mine =
        http.post("/invitations", ENGINEER, invitation("ada@example.com"))
            .at("data.id")
            .getAsString();

    Http.Reply notMine = http.delete("/invitations/" + DENNIS, ENGINEER);
    Http.Reply own = http.delete("/invitations/" + mine, ENGINEER);

    assertThat(notMine.status).isEqualTo(403);
    assertThat(notMine.at("detail").getAsString()).contains("only delete the invitations it sent");
    assertThat(own.status).isEqualTo(204);
  }

  @ParameterizedTest
  @ValueSource(strings = {LIMITED_ENGINEER, USER, BILLING})
  void otherRolesMayNotDelete(String token) {
    assertThat(http.delete("/invitations/" + DENNIS, token).status).isEqualTo(403);
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  @Test
  void withoutATokenIs401WithoutRateLimitHeaders() {
    Http.Reply reply = http.delete("/invitations/" + DENNIS, null);

    assertThat(reply.status).isEqualTo(401);
    assertThat(reply.header("Fastly-RateLimit-Remaining")).isNull();
  }
}
