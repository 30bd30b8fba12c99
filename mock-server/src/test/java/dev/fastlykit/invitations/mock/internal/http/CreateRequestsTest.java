package dev.fastlykit.invitations.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a create body is read: both forms, every default, and the field each refusal names. */
class CreateRequestsTest {
  private static final String SERVICE = "SU1Z0isxPaozGVKXdv0eY";

  @Test
  void aMinimalBodyGetsEveryDefaultAndIsCanonical() {
    CreateRequests.Parsed parsed =
        CreateRequests.parse(
            "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"ada@example.com\"}}}");

    assertThat(parsed.invitation().email()).isEqualTo("ada@example.com");
    assertThat(parsed.invitation().role()).isEqualTo("user");
    assertThat(parsed.invitation().roles()).isEmpty();
    assertThat(parsed.invitation().limitServices()).isFalse();
    assertThat(parsed.invitation().grants()).isEmpty();
    assertThat(parsed.canonical()).isTrue();
  }

  @Test
  void theJsonApiFormWithServiceInvitationsIsReadWhole() {
    CreateRequests.Parsed parsed =
        CreateRequests.parse(
            "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"ada@example.com\","
                + "\"role\":\"engineer\",\"roles\":[\"custom-1\",\"custom-2\"],\"status_code\":1},"
                + "\"relationships\":{\"service_invitations\":{\"data\":["
                + serviceInvitation("read_only", SERVICE)
                + ","
                + "{\"type\":\"service_invitation\",\"relationships\":{\"service\":{\"data\":"
                + "{\"type\":\"service\",\"id\":\"7i6HN3TK9wS159v2gPAZ8A\"}}}}]}}}}");

    assertThat(parsed.invitation().role()).isEqualTo("engineer");
    assertThat(parsed.invitation().roles()).containsExactly("custom-1", "custom-2");
    assertThat(parsed.invitation().limitServices()).isTrue();
    assertThat(parsed.invitation().grants())
        .extracting(g -> g.serviceId() + ":" + g.permission())
        .containsExactly(SERVICE + ":read_only", "7i6HN3TK9wS159v2gPAZ8A:full");
    assertThat(parsed.canonical()).isTrue();
  }

  @Test
  void theWrappedFormOfFastlysGeneratedClientsIsReadButNotCanonical() {
    CreateRequests.Parsed parsed =
        CreateRequests.parse(
            "{\"data\":{\"attributes\":{\"email\":\"ada@example.com\"},\"relationships\":"
                + "{\"service_invitations\":{\"data\":[{\"data\":{\"type\":\"service_invitation\","
                + "\"attributes\":{\"permission\":\"purge_all\"},\"relationships\":{\"service\":"
                + "{\"type\":\"service\",\"id\":\""
                + SERVICE
                + "\"}}}}]}}}}");

    assertThat(parsed.invitation().grants())
        .extracting(g -> g.permission())
        .containsExactly("purge_all");
    assertThat(parsed.invitation().limitServices()).isTrue();
    assertThat(parsed.canonical()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // A missing type is accepted, and leaves the canonical form.
        "{\"data\":{\"attributes\":{\"email\":\"ada@example.com\"}}}",
        "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"ada@example.com\"},"
            + "\"relationships\":{\"service_invitations\":{\"data\":[{\"relationships\":"
            + "{\"service\":{\"data\":{\"type\":\"service\",\"id\":\"SU1Z0isxPaozGVKXdv0eY\"}}}}]}}}}",
        "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"ada@example.com\"},"
            + "\"relationships\":{\"service_invitations\":{\"data\":[{\"type\":\"service_invitation\","
            + "\"relationships\":{\"service\":{\"data\":{\"id\":\"SU1Z0isxPaozGVKXdv0eY\"}}}}]}}}}"
      })
  void aBodyWithoutSomeTypeIsAcceptedButNotCanonical(String body) {
    assertThat(CreateRequests.parse(body).canonical()).isFalse();
  }

  @Test
  void limitServicesIsTakenAsGivenAndNullServiceInvitationsAreNone() {
    assertThat(
            CreateRequests.parse(
                    "{\"data\":{\"attributes\":{\"email\":\"ada@example.com\","
                        + "\"limit_services\":true}}}")
                .invitation()
                .limitServices())
        .isTrue();
    CreateRequests.Parsed parsed =
        CreateRequests.parse(
            "{\"data\":{\"attributes\":{\"email\":\"ada@example.com\",\"limit_services\":false},"
                + "\"relationships\":{\"service_invitations\":{\"data\":null}}}}");
    assertThat(parsed.invitation().limitServices()).isFalse();
    assertThat(parsed.invitation().grants()).isEmpty();
    assertThat(
            CreateRequests.parse(
                    "{\"data\":{\"attributes\":{\"email\":\"ada@example.com\",\"status_code\":0},"
                        + "\"relationships\":{}}}")
                .invitation()
                .grants())
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json|not valid JSON",
        "[]|body must be an object, not an array",
        "{}|data is required",
        "{\"data\":null}|data must be an object, not null",
        "{\"data\":{\"type\":\"user\",\"attributes\":{}}}|data.type must be 'invitation', not 'user'",
        "{\"data\":{\"type\":7,\"attributes\":{}}}|data.type must be a string, not a number",
        "{\"data\":{}}|data.attributes is required",
        "{\"data\":{\"attributes\":[]}}|data.attributes must be an object, not an array",
        "{\"data\":{\"attributes\":{}}}|data.attributes.email is required",
        "{\"data\":{\"attributes\":{\"email\":true}}}|data.attributes.email must be a string, not a boolean",
        "{\"data\":{\"attributes\":{\"email\":\"ada@\"}}}|data.attributes.email: 'ada@' is not a valid email address (",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\",\"role\":\"king\"}}}|data.attributes.role: 'king' is not one of [billing, engineer, superuser, tls_admin, tls_viewer, user]",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\",\"roles\":[\"x\",\"\"]}}}|data.attributes.roles[1] must not be empty",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\",\"roles\":[null]}}}|data.attributes.roles[0] must be a string, not null",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\",\"roles\":{}}}}|data.attributes.roles must be an array, not an object",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\",\"limit_services\":1}}}|data.attributes.limit_services must be true or false, not a number",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\",\"status_code\":\"1\"}}}|data.attributes.status_code must be 0 or 1",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\",\"status_code\":1.0}}}|data.attributes.status_code must be 0 or 1",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\",\"status_code\":2}}}|data.attributes.status_code must be 0 or 1",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"},\"relationships\":[]}}|data.relationships must be an object, not an array",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"},\"relationships\":{\"service_invitations\":{}}}}|data.relationships.service_invitations.data is required",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"},\"relationships\":{\"service_invitations\":{\"data\":{}}}}}|data.relationships.service_invitations.data must be an array, not an object",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"},\"relationships\":{\"service_invitations\":{\"data\":[\"x\"]}}}}|data.relationships.service_invitations.data[0] must be an object, not a string",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"},\"relationships\":{\"service_invitations\":{\"data\":[{\"type\":\"service\"}]}}}}|data.relationships.service_invitations.data[0].type must be 'service_invitation', not 'service'",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"},\"relationships\":{\"service_invitations\":{\"data\":[{\"data\":{\"type\":\"invitation\"}}]}}}}|data.relationships.service_invitations.data[0].data.type must be 'service_invitation', not 'invitation'",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"},\"relationships\":{\"service_invitations\":{\"data\":[{\"attributes\":{\"permission\":\"root\"}}]}}}}|data.relationships.service_invitations.data[0].attributes.permission: 'root' is not one of [full, purge_all, purge_select, read_only]",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"},\"relationships\":{\"service_invitations\":{\"data\":[{\"attributes\":[]}]}}}}|data.relationships.service_invitations.data[0].attributes must be an object, not an array",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"},\"relationships\":{\"service_invitations\":{\"data\":[{}]}}}}|data.relationships.service_invitations.data[0].relationships is required",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"},\"relationships\":{\"service_invitations\":{\"data\":[{\"relationships\":{}}]}}}}|data.relationships.service_invitations.data[0].relationships.service is required",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"},\"relationships\":{\"service_invitations\":{\"data\":[{\"relationships\":{\"service\":{\"data\":{\"type\":\"services\",\"id\":\"x\"}}}}]}}}}|data.relationships.service_invitations.data[0].relationships.service.data.type must be 'service', not 'services'",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"},\"relationships\":{\"service_invitations\":{\"data\":[{\"relationships\":{\"service\":{\"type\":\"customer\",\"id\":\"x\"}}}]}}}}|data.relationships.service_invitations.data[0].relationships.service.type must be 'service', not 'customer'",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"},\"relationships\":{\"service_invitations\":{\"data\":[{\"relationships\":{\"service\":{\"data\":{}}}}]}}}}|data.relationships.service_invitations.data[0].relationships.service.data.id is required",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"},\"relationships\":{\"service_invitations\":{\"data\":[{\"relationships\":{\"service\":{\"data\":{\"id\":\"\"}}}}]}}}}|data.relationships.service_invitations.data[0].relationships.service.data.id must not be empty",
        "{\"data\":{\"attributes\":{\"email\":\"a@b.co\",\"limit_services\":false},\"relationships\":{\"service_invitations\":{\"data\":[{\"relationships\":{\"service\":{\"data\":{\"id\":\"x\"}}}}]}}}}|data.attributes.limit_services: false contradicts the service invitations given"
      })
  void aMalformedBodyIsRefusedNamingTheField(String body, String detail) {
    FastlyError error = catchThrowableOfType(FastlyError.class, () -> CreateRequests.parse(body));

    assertThat(error.status).isEqualTo(400);
    assertThat(error.detail).contains(detail);
  }

  @Test
  void aServiceGivenTwiceIsRefused() {
    FastlyError error =
        catchThrowableOfType(
            FastlyError.class,
            () ->
                CreateRequests.parse(
                    "{\"data\":{\"attributes\":{\"email\":\"a@b.co\"},\"relationships\":"
                        + "{\"service_invitations\":{\"data\":["
                        + serviceInvitation("full", SERVICE)
                        + ","
                        + serviceInvitation("read_only", SERVICE)
                        + "]}}}}"));

    assertThat(error.detail)
        .isEqualTo(
            "data.relationships.service_invitations.data[1].relationships.service.data.id:"
                + " service '"
                + SERVICE
                + "' is given twice");
  }

  private static String serviceInvitation(String permission, String serviceId) {
    return "{\"type\":\"service_invitation\",\"attributes\":{\"permission\":\""
        + permission
        + "\"},\"relationships\":{\"service\":{\"data\":{\"type\":\"service\",\"id\":\""
        + serviceId
        + "\"}}}}";
  }
}
