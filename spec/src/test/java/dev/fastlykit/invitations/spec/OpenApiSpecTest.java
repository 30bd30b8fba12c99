package dev.fastlykit.invitations.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pins the document to the project's binding decisions on paths, codes, media types and enums. */
class OpenApiSpecTest {
  private static final String JSON_API = "application/vnd.api+json";
  private static OpenAPI api;

  @BeforeAll
  static void load() {
    api = SpecDocument.parse();
  }

  @Test
  void parsesWithoutAnyErrorOrWarning() {
    SwaggerParseResult result = SpecDocument.parseResult();

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
  }

  @Test
  void hasExactlyTheThreeOperationsWithFastlysOperationIds() {
    assertThat(api.getPaths()).containsOnlyKeys("/invitations", "/invitations/{invitation_id}");
    assertThat(api.getPaths().get("/invitations").readOperationsMap())
        .containsOnlyKeys(PathItem.HttpMethod.GET, PathItem.HttpMethod.POST);
    assertThat(api.getPaths().get("/invitations/{invitation_id}").readOperationsMap())
        .containsOnlyKeys(PathItem.HttpMethod.DELETE);

    assertThat(list().getOperationId()).isEqualTo("listInvitations");
    assertThat(create().getOperationId()).isEqualTo("createInvitation");
    assertThat(delete().getOperationId()).isEqualTo("deleteInvitation");
  }

  @Test
  void successCodesAre200For_list_200For_create_and204WithoutBodyFor_delete() {
    assertThat(list().getResponses().get("200").getContent()).containsOnlyKeys(JSON_API);
    assertThat(create().getResponses().get("200").getContent()).containsOnlyKeys(JSON_API);
    assertThat(create().getResponses()).doesNotContainKey("201");
    assertThat(delete().getResponses().get("204").getContent()).isNull();
    assertThat(create().getRequestBody().getRequired()).isTrue();
    // JSON:API first: generated clients send the first media type.
    assertThat(create().getRequestBody().getContent().keySet())
        .containsExactly(JSON_API, "application/json");
  }

  @Test
  void everyOperationNeedsTheFastlyKeyHeader() {
    SecurityScheme token = api.getComponents().getSecuritySchemes().get("token");

    assertThat(token.getType()).isEqualTo(SecurityScheme.Type.APIKEY);
    assertThat(token.getIn()).isEqualTo(SecurityScheme.In.HEADER);
    assertThat(token.getName()).isEqualTo("Fastly-Key");
    assertThat(api.getSecurity()).hasSize(1);
    assertThat(api.getSecurity().get(0)).containsOnlyKeys("token");
    for (Operation operation : List.of(list(), create(), delete())) {
      assertThat(operation.getSecurity()).as(operation.getOperationId()).isNull();
    }
  }

  @Test
  void pageParametersHaveFastlysNamesBoundsAndDefaults() {
    Map<String, Parameter> byName = new HashMap<>();
    for (Parameter p : list().getParameters()) {
      byName.put(resolve(p).getName(), resolve(p));
    }
    Schema<?> number = byName.get("page[number]").getSchema();
    Schema<?> size = byName.get("page[size]").getSchema();

    assertThat(byName).containsOnlyKeys("page[number]", "page[size]");
    assertThat(byName.get("page[number]").getIn()).isEqualTo("query");
    assertThat(number.getType()).isEqualTo("integer");
    assertThat(number.getMinimum()).isEqualTo(BigDecimal.ONE);
    assertThat(number.getMaximum()).isEqualTo(BigDecimal.valueOf(Integer.MAX_VALUE));
    assertThat(number.getDefault()).isEqualTo(1);
    assertThat(size.getType()).isEqualTo("integer");
    assertThat(size.getMinimum()).isEqualTo(BigDecimal.ONE);
    assertThat(size.getMaximum()).isEqualTo(BigDecimal.valueOf(100));
    assertThat(size.getDefault()).isEqualTo(20);
  }

  @Test
  void errorResponsesAreDocumentedWithTheErrorBody() {
    // Every status the mock server can give on each operation, and no other.
    assertThat(list().getResponses()).containsOnlyKeys("200", "400", "401", "403", "414", "431");
    assertThat(create().getResponses())
        .containsOnlyKeys("200", "400", "401", "403", "413", "414", "415", "429", "431");
    assertThat(delete().getResponses())
        .containsOnlyKeys("204", "400", "401", "403", "404", "414", "429", "431");

    for (Operation operation : List.of(list(), create(), delete())) {
      operation
          .getResponses()
          .forEach(
              (status, response) -> {
                if (status.startsWith("4")) {
                  Schema<?> body =
                      resolve(response).getContent().get("application/json").getSchema();
                  assertThat(body.get$ref())
                      .as(operation.getOperationId() + " " + status)
                      .isEqualTo("#/components/schemas/Error");
                }
              });
    }
    assertThat(schema("Error").getRequired()).containsExactly("msg");
    assertThat(schema("Error").getProperties()).containsOnlyKeys("msg", "detail");
  }

  @Test
  void writeResponsesCarryTheRateLimitHeaders() {
    List<ApiResponse> writes =
        List.of(
            create().getResponses().get("200"),
            delete().getResponses().get("204"),
            resolve(create().getResponses().get("429")),
            resolve(delete().getResponses().get("404")));

    for (ApiResponse response : writes) {
      assertThat(response.getHeaders())
          .containsKeys("Fastly-RateLimit-Remaining", "Fastly-RateLimit-Reset");
    }
    assertThat(list().getResponses().get("200").getHeaders()).isNull();
  }

  @Test
  void responseAttributesCarryEveryFieldInOneObject() {
    Schema<?> attributes = schema("InvitationResponseDataAttributes");

    assertThat(attributes.getAllOf()).isNull();
    assertThat(attributes.getProperties())
        .containsOnlyKeys(
            "email",
            "limit_services",
            "role",
            "roles",
            "status_code",
            "created_at",
            "updated_at",
            "deleted_at");
    assertThat(attributes.getRequired()).hasSize(8);
    assertThat(attributes.getProperties().get("deleted_at").getNullable()).isTrue();
    assertThat(schema("InvitationResponseData").getAllOf()).isNull();
  }

  @Test
  void enumsListEveryRolePermissionAndStatus() {
    assertThat(List.<Object>copyOf(schema("RoleUser").getEnum()))
        .containsExactly("user", "billing", "engineer", "superuser", "tls_viewer", "tls_admin");
    assertThat(List.<Object>copyOf(schema("Permission").getEnum()))
        .containsExactly("full", "read_only", "purge_select", "purge_all");
    assertThat(schema("Permission").getDefault()).isEqualTo("full");
    assertThat(List.<Object>copyOf(schema("InvitationStatusCode").getEnum())).containsExactly(0, 1);
  }

  @Test
  void requestServiceInvitationsAreJsonApiResourceObjects() {
    Schema<?> serviceInvitations =
        schema("RelationshipServiceInvitationsCreate").getProperties().get("service_invitations");
    Schema<?> data = serviceInvitations.getProperties().get("data");
    Schema<?> item = data.getItems();

    assertThat(data.getNullable()).as("data: null means none, as servers accept").isTrue();
    assertThat(item.get$ref()).isEqualTo("#/components/schemas/ServiceInvitationData");
    assertThat(schema("ServiceInvitationData").getProperties())
        .containsOnlyKeys("type", "attributes", "relationships");
    assertThat(schema("RelationshipService").getProperties()).containsOnlyKeys("data");
    assertThat(schema("RelationshipMemberService").getRequired()).containsExactly("id");
  }

  @Test
  void nothingIsReadOnlySoGeneratedClientsCanSendEveryId() {
    assertThat(SpecDocument.text()).doesNotContain("readOnly");
  }

  private static Operation list() {
    return api.getPaths().get("/invitations").getGet();
  }

  private static Operation create() {
    return api.getPaths().get("/invitations").getPost();
  }

  private static Operation delete() {
    return api.getPaths().get("/invitations/{invitation_id}").getDelete();
  }

  private static Schema<Object> schema(String name) {
    @SuppressWarnings("unchecked")
    Schema<Object> schema = api.getComponents().getSchemas().get(name);
    return schema;
  }

  private static Parameter resolve(Parameter parameter) {
    String ref = parameter.get$ref();
    return ref == null
        ? parameter
        : api.getComponents().getParameters().get(ref.substring(ref.lastIndexOf('/') + 1));
  }

  private static ApiResponse resolve(ApiResponse response) {
    String ref = response.get$ref();
    return ref == null
        ? response
        : api.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
  }
}
