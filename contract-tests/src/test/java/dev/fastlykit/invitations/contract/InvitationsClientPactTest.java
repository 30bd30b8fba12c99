package dev.fastlykit.invitations.contract;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.fastlykit.invitations.contract.Contract.BUDGET_SPENT;
import static dev.fastlykit.invitations.contract.Contract.CONSUMER;
import static dev.fastlykit.invitations.contract.Contract.ERROR_HEADERS;
import static dev.fastlykit.invitations.contract.Contract.EXAMPLE_ID;
import static dev.fastlykit.invitations.contract.Contract.HAS_INVITATIONS;
import static dev.fastlykit.invitations.contract.Contract.INVITATION_EXISTS;
import static dev.fastlykit.invitations.contract.Contract.JSON_API_HEADERS;
import static dev.fastlykit.invitations.contract.Contract.NO_SUCH_INVITATION;
import static dev.fastlykit.invitations.contract.Contract.OWNS_SERVICE;
import static dev.fastlykit.invitations.contract.Contract.PROVIDER;
import static dev.fastlykit.invitations.contract.Contract.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.fastlykit.invitations.AuthenticationException;
import dev.fastlykit.invitations.BadRequestException;
import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.NotFoundException;
import dev.fastlykit.invitations.Page;
import dev.fastlykit.invitations.Permission;
import dev.fastlykit.invitations.PermissionDeniedException;
import dev.fastlykit.invitations.RateLimitException;
import dev.fastlykit.invitations.Role;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the SDK expects of the API, driven through the public InvitationsClient. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class InvitationsClientPactTest {
  private static final String SUPERUSER = MockFastlyServer.DEMO_SUPERUSER_TOKEN;
  private static final String ENGINEER = MockFastlyServer.DEMO_ENGINEER_TOKEN;
  // 64 characters before the @, 254 in all: both limits at once.
  private static final String LONGEST_EMAIL = "a".repeat(64) + "@" + "b".repeat(185) + ".com";

  @Pact(consumer = CONSUMER)
  V4Pact firstPageOfThree(PactDslWithProvider builder) {
    return builder
        .given(HAS_INVITATIONS, Map.of("count", 3))
        .uponReceiving("a request for the first page of two")
        .method("GET")
        .path("/invitations")
        .query("page[number]=1&page[size]=2")
        .matchHeader("Fastly-Key", ".+", SUPERUSER)
        .willRespondWith()
        .status(200)
        .headers(JSON_API_HEADERS)
        .body(
            newJsonBody(
                    o -> {
                      o.minArrayLike(
                          "data",
                          2,
                          2,
                          i -> Contract.invitation(i, "person0@example.com", "user", false));
                      o.object(
                          "links",
                          l -> {
                            pageLink(l, "next", 2, 2);
                            pageLink(l, "last", 2, 2);
                          });
                      o.object("meta", m -> meta(m, 1, 2, 3, 2));
                    })
                .build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "firstPageOfThree")
  void theFirstPageSaysMoreFollow(MockServer mockServer) {
    Page<Invitation> page = client(mockServer, SUPERUSER).list(1, 2);

    assertThat(page.items()).hasSize(2);
    assertThat(page.items().get(0).role()).isEqualTo(Role.USER);
    assertThat(page.totalRecords()).isEqualTo(3);
    assertThat(page.hasNext()).isTrue();
  }

  @Pact(consumer = CONSUMER)
  V4Pact lastPageOfThree(PactDslWithProvider builder) {
    return builder
        .given(HAS_INVITATIONS, Map.of("count", 3))
        .uponReceiving("a request for the second and last page of two")
        .method("GET")
        .path("/invitations")
        .query("page[number]=2&page[size]=2")
        .matchHeader("Fastly-Key", ".+", SUPERUSER)
        .willRespondWith()
        .status(200)
        .headers(JSON_API_HEADERS)
        .body(
            newJsonBody(
                    o -> {
                      o.minArrayLike(
                          "data",
                          1,
                          1,
                          i -> Contract.invitation(i, "person2@example.com", "user", false));
                      o.object(
                          "links",
                          l -> {
                            l.stringMatcher(
                                "first",
                                "http://.+page%5Bnumber%5D=1&page%5Bsize%5D=2",
                                "http://localhost/invitations?page%5Bnumber%5D=1&page%5Bsize%5D=2");
                            l.stringMatcher(
                                "prev",
                                "http://.+page%5Bnumber%5D=1&page%5Bsize%5D=2",
                                "http://localhost/invitations?page%5Bnumber%5D=1&page%5Bsize%5D=2");
                            l.stringMatcher(
                                "last",
                                "http://.+page%5Bnumber%5D=2&page%5Bsize%5D=2",
                                "http://localhost/invitations?page%5Bnumber%5D=2&page%5Bsize%5D=2");
                          });
                      o.object("meta", m -> meta(m, 2, 2, 3, 2));
                    })
                .build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "lastPageOfThree")
  void theLastPageSaysNoneFollow(MockServer mockServer) {
    Page<Invitation> page = client(mockServer, SUPERUSER).list(2, 2);

    assertThat(page.items()).hasSize(1);
    assertThat(page.pageNumber()).isEqualTo(2);
    assertThat(page.hasNext()).isFalse();
  }

  @Pact(consumer = CONSUMER)
  V4Pact emptyAccount(PactDslWithProvider builder) {
    return builder
        .given(HAS_INVITATIONS, Map.of("count", 0))
        .uponReceiving("a request for the invitations of an account that has none")
        .method("GET")
        .path("/invitations")
        .query("page[number]=1&page[size]=100")
        .matchHeader("Fastly-Key", ".+", SUPERUSER)
        .willRespondWith()
        .status(200)
        .headers(JSON_API_HEADERS)
        .body(
            newJsonBody(
                    o -> {
                      o.array("data", a -> {});
                      o.object(
                          "links",
                          l ->
                              l.stringMatcher(
                                  "last",
                                  "http://.+page%5Bnumber%5D=1&page%5Bsize%5D=100",
                                  "http://localhost/invitations?page%5Bnumber%5D=1&page%5Bsize%5D=100"));
                      o.object("meta", m -> meta(m, 1, 100, 0, 0));
                    })
                .build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "emptyAccount")
  void listAllOfAnEmptyAccountIsEmpty(MockServer mockServer) {
    assertThat(client(mockServer, SUPERUSER).listAll()).isEmpty();
  }

  @Pact(consumer = CONSUMER)
  V4Pact defaultPageSize(PactDslWithProvider builder) {
    return builder
        .given(HAS_INVITATIONS, Map.of("count", 21))
        .uponReceiving("a request for the first page without a page size")
        .method("GET")
        .path("/invitations")
        .matchHeader("Fastly-Key", ".+", SUPERUSER)
        .willRespondWith()
        .status(200)
        .headers(JSON_API_HEADERS)
        .body(
            newJsonBody(
                    o -> {
                      o.minMaxArrayLike(
                          "data",
                          20,
                          20,
                          20,
                          i -> Contract.invitation(i, "person0@example.com", "user", false));
                      o.object(
                          "links",
                          l -> {
                            pageLink(l, "next", 2, 20);
                            pageLink(l, "last", 2, 20);
                          });
                      o.object("meta", m -> meta(m, 1, 20, 21, 2));
                    })
                .build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "defaultPageSize")
  void withoutAPageSizeAPageHoldsTwenty(MockServer mockServer) {
    Page<Invitation> page = client(mockServer, SUPERUSER).list();

    assertThat(page.items()).hasSize(20);
    assertThat(page.pageSize()).isEqualTo(20);
    assertThat(page.hasNext()).isTrue();
  }

  @Pact(consumer = CONSUMER)
  V4Pact smallestPageSize(PactDslWithProvider builder) {
    return pageOf(builder, 1, 2);
  }

  @Test
  @PactTestFor(pactMethod = "smallestPageSize")
  void aPageMayHoldOneInvitation(MockServer mockServer) {
    Page<Invitation> page = client(mockServer, SUPERUSER).list(1, 1);

    assertThat(page.items()).hasSize(1);
    assertThat(page.totalPages()).isEqualTo(2);
  }

  @Pact(consumer = CONSUMER)
  V4Pact largestPageSize(PactDslWithProvider builder) {
    return pageOf(builder, 100, 101);
  }

  @Test
  @PactTestFor(pactMethod = "largestPageSize")
  void aPageMayHoldAHundredInvitations(MockServer mockServer) {
    Page<Invitation> page = client(mockServer, SUPERUSER).list(1, 100);

    assertThat(page.items()).hasSize(100);
    assertThat(page.totalPages()).isEqualTo(2);
  }

  /** The first of two pages of {@code size}, of an account with {@code count} invitations. */
  private static V4Pact pageOf(PactDslWithProvider builder, int size, int count) {
    String query = "page[number]=1&page[size]=" + size;
    return builder
        .given(HAS_INVITATIONS, Map.of("count", count))
        .uponReceiving("a request for the first page of " + size + " of " + count)
        .method("GET")
        .path("/invitations")
        .query(query)
        .matchHeader("Fastly-Key", ".+", SUPERUSER)
        .willRespondWith()
        .status(200)
        .headers(JSON_API_HEADERS)
        .body(
            newJsonBody(
                    o -> {
                      o.minMaxArrayLike(
                          "data",
                          size,
                          size,
                          size,
                          i -> Contract.invitation(i, "person0@example.com", "user", false));
                      o.object("links", l -> pageLink(l, "last", 2, size));
                      o.object("meta", m -> meta(m, 1, size, count, 2));
                    })
                .build())
        .toPact(V4Pact.class);
  }

  /** A link to a page, on whichever host the provider answers from. */
  private static void pageLink(LambdaDslObject links, String name, int number, int size) {
    String query = "page%5Bnumber%5D=" + number + "&page%5Bsize%5D=" + size;
    links.stringMatcher(
        name, "http://.+/invitations\\?" + query, "http://localhost/invitations?" + query);
  }

  private static void meta(
      LambdaDslObject m, int currentPage, int perPage, int recordCount, int totalPages) {
    m.numberValue("current_page", currentPage);
    m.numberValue("per_page", perPage);
    m.numberValue("record_count", recordCount);
    m.numberValue("total_pages", totalPages);
  }

  @Pact(consumer = CONSUMER)
  V4Pact createLongestEmail(PactDslWithProvider builder) {
    return builder
        .given(HAS_INVITATIONS, Map.of("count", 0))
        .uponReceiving("an invitation for an email of the longest allowed local part and length")
        .method("POST")
        .path("/invitations")
        .matchHeader("Fastly-Key", ".+", SUPERUSER)
        .headers(JSON_API_HEADERS)
        .body(
            newJsonBody(
                    o ->
                        o.object(
                            "data",
                            d -> {
                              d.stringValue("type", "invitation");
                              d.object("attributes", a -> a.stringValue("email", LONGEST_EMAIL));
                            }))
                .build())
        .willRespondWith()
        .status(200)
        .headers(JSON_API_HEADERS)
        .body(
            newJsonBody(
                    o ->
                        o.object("data", d -> Contract.invitation(d, LONGEST_EMAIL, "user", false)))
                .build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createLongestEmail")
  void theLongestEmailAddressIsInvited(MockServer mockServer) {
    Invitation invitation =
        client(mockServer, SUPERUSER).create(NewInvitation.builder().email(LONGEST_EMAIL).build());

    assertThat(invitation.email()).isEqualTo(LONGEST_EMAIL).hasSize(254);
  }

  @Pact(consumer = CONSUMER)
  V4Pact createMinimal(PactDslWithProvider builder) {
    return builder
        .given(HAS_INVITATIONS, Map.of("count", 0))
        .uponReceiving("an invitation with an email alone")
        .method("POST")
        .path("/invitations")
        .matchHeader("Fastly-Key", ".+", SUPERUSER)
        .headers(JSON_API_HEADERS)
        .body(
            newJsonBody(
                    o ->
                        o.object(
                            "data",
                            d -> {
                              d.stringValue("type", "invitation");
                              d.object("attributes", a -> a.stringType("email", "ada@example.com"));
                            }))
                .build())
        .willRespondWith()
        .status(200)
        .headers(JSON_API_HEADERS)
        .matchHeader("Fastly-RateLimit-Remaining", "\\d+", "999")
        .matchHeader("Fastly-RateLimit-Reset", "\\d+", "1767873600")
        .body(
            newJsonBody(
                    o ->
                        o.object(
                            "data", d -> Contract.invitation(d, "ada@example.com", "user", false)))
                .build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createMinimal")
  void aMinimalInvitationComesBackAsAUser(MockServer mockServer) {
    Invitation invitation =
        client(mockServer, SUPERUSER)
            .create(NewInvitation.builder().email("ada@example.com").build());

    assertThat(invitation.id()).matches(Contract.ID);
    assertThat(invitation.role()).isEqualTo(Role.USER);
    assertThat(invitation.active()).isTrue();
    assertThat(invitation.deletedAt()).isEmpty();
  }

  @Pact(consumer = CONSUMER)
  V4Pact createWithServices(PactDslWithProvider builder) {
    return builder
        .given(OWNS_SERVICE, Map.of("serviceId", SERVICE))
        .uponReceiving("an engineer's invitation limited to one service")
        .method("POST")
        .path("/invitations")
        .matchHeader("Fastly-Key", ".+", SUPERUSER)
        .headers(JSON_API_HEADERS)
        .body(
            newJsonBody(
                    o ->
                        o.object(
                            "data",
                            d -> {
                              d.stringValue("type", "invitation");
                              d.object(
                                  "attributes",
                                  a -> {
                                    a.stringType("email", "grace@example.com");
                                    a.stringValue("role", "engineer");
                                    a.booleanValue("limit_services", true);
                                  });
                              d.object(
                                  "relationships",
                                  r ->
                                      r.object(
                                          "service_invitations",
                                          s ->
                                              s.array(
                                                  "data",
                                                  items ->
                                                      items.object(
                                                          item -> {
                                                            item.stringValue(
                                                                "type", "service_invitation");
                                                            item.object(
                                                                "attributes",
                                                                p ->
                                                                    p.stringValue(
                                                                        "permission",
                                                                        "purge_select"));
                                                            item.object(
                                                                "relationships",
                                                                sr ->
                                                                    sr.object(
                                                                        "service",
                                                                        sv ->
                                                                            sv.object(
                                                                                "data",
                                                                                sd -> {
                                                                                  sd.stringValue(
                                                                                      "type",
                                                                                      "service");
                                                                                  sd.stringValue(
                                                                                      "id",
                                                                                      SERVICE);
                                                                                })));
                                                          }))));
                            }))
                .build())
        .willRespondWith()
        .status(200)
        .headers(JSON_API_HEADERS)
        .body(
            newJsonBody(
                    o ->
                        o.object(
                            "data",
                            d -> Contract.invitation(d, "grace@example.com", "engineer", true)))
                .build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createWithServices")
  void aServiceInvitationLimitsTheInvitee(MockServer mockServer) {
    Invitation invitation =
        client(mockServer, SUPERUSER)
            .create(
                NewInvitation.builder()
                    .email("grace@example.com")
                    .role(Role.ENGINEER)
                    .limitServices(true)
                    .service(SERVICE, Permission.PURGE_SELECT)
                    .build());

    assertThat(invitation.limitServices()).isTrue();
    assertThat(invitation.serviceInvitationIds()).isNotEmpty();
  }

  @Pact(consumer = CONSUMER)
  V4Pact deleteExisting(PactDslWithProvider builder) {
    return builder
        .given(INVITATION_EXISTS, Map.of("email", "dennis@example.com"))
        .uponReceiving("a request to delete that invitation")
        .method("DELETE")
        .pathFromProviderState("/invitations/${id}", "/invitations/" + EXAMPLE_ID)
        .matchHeader("Fastly-Key", ".+", SUPERUSER)
        .willRespondWith()
        .status(204)
        .matchHeader("Fastly-RateLimit-Remaining", "\\d+", "999")
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteExisting")
  void deletingAnInvitationReturnsNothing(MockServer mockServer) {
    client(mockServer, SUPERUSER).delete(EXAMPLE_ID);
  }

  @Pact(consumer = CONSUMER)
  V4Pact deleteUnknown(PactDslWithProvider builder) {
    return builder
        .given(NO_SUCH_INVITATION, Map.of("id", "0000000000000000000000"))
        .uponReceiving("a request to delete an invitation that does not exist")
        .method("DELETE")
        .path("/invitations/0000000000000000000000")
        .matchHeader("Fastly-Key", ".+", SUPERUSER)
        .willRespondWith()
        .status(404)
        .headers(ERROR_HEADERS)
        .body(Contract.error("Record not found", true))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteUnknown")
  void deletingAnUnknownInvitationIsNotFound(MockServer mockServer) {
    NotFoundException e =
        catchThrowableOfType(
            NotFoundException.class,
            () -> client(mockServer, SUPERUSER).delete("0000000000000000000000"));

    assertThat(e.msg()).isEqualTo("Record not found");
  }

  @Pact(consumer = CONSUMER)
  V4Pact unknownToken(PactDslWithProvider builder) {
    return builder
        .uponReceiving("a request with a token Fastly does not know")
        .method("GET")
        .path("/invitations")
        .query("page[number]=1&page[size]=20")
        .matchHeader("Fastly-Key", ".+", "not-a-fastly-token")
        .willRespondWith()
        .status(401)
        .headers(ERROR_HEADERS)
        .body(Contract.error("Provided credentials are missing or invalid", false))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "unknownToken")
  void anUnknownTokenIsAnAuthenticationError(MockServer mockServer) {
    AuthenticationException e =
        catchThrowableOfType(
            AuthenticationException.class,
            () -> client(mockServer, "not-a-fastly-token").list(1, 20));

    assertThat(e.statusCode()).isEqualTo(401);
  }

  @Pact(consumer = CONSUMER)
  V4Pact engineerInvitesSuperuser(PactDslWithProvider builder) {
    return builder
        .given(HAS_INVITATIONS, Map.of("count", 0))
        .uponReceiving("an engineer's invitation of a superuser")
        .method("POST")
        .path("/invitations")
        .matchHeader("Fastly-Key", ".+", ENGINEER)
        .headers(JSON_API_HEADERS)
        .body(
            newJsonBody(
                    o ->
                        o.object(
                            "data",
                            d -> {
                              d.stringValue("type", "invitation");
                              d.object(
                                  "attributes",
                                  a -> {
                                    a.stringType("email", "ken.thompson@example.com");
                                    a.stringValue("role", "superuser");
                                  });
                            }))
                .build())
        .willRespondWith()
        .status(403)
        .headers(ERROR_HEADERS)
        .matchHeader("Fastly-RateLimit-Remaining", "\\d+", "999")
        .body(Contract.error("Forbidden", true))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "engineerInvitesSuperuser")
  void anEngineerMayNotInviteASuperuser(MockServer mockServer) {
    PermissionDeniedException e =
        catchThrowableOfType(
            PermissionDeniedException.class,
            () ->
                client(mockServer, ENGINEER)
                    .create(
                        NewInvitation.builder()
                            .email("ken.thompson@example.com")
                            .role(Role.SUPERUSER)
                            .build()));

    assertThat(e.detail()).isPresent();
  }

  @Pact(consumer = CONSUMER)
  V4Pact alreadyInvited(PactDslWithProvider builder) {
    return builder
        .given(INVITATION_EXISTS, Map.of("email", "dennis@example.com"))
        .uponReceiving("an invitation for an email that already has one")
        .method("POST")
        .path("/invitations")
        .matchHeader("Fastly-Key", ".+", SUPERUSER)
        .headers(JSON_API_HEADERS)
        .body(
            newJsonBody(
                    o ->
                        o.object(
                            "data",
                            d -> {
                              d.stringValue("type", "invitation");
                              d.object(
                                  "attributes", a -> a.stringValue("email", "dennis@example.com"));
                            }))
                .build())
        .willRespondWith()
        .status(400)
        .headers(ERROR_HEADERS)
        .body(Contract.error("Bad request", true))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "alreadyInvited")
  void anEmailThatIsAlreadyInvitedIsABadRequest(MockServer mockServer) {
    BadRequestException e =
        catchThrowableOfType(
            BadRequestException.class,
            () ->
                client(mockServer, SUPERUSER)
                    .create(NewInvitation.builder().email("dennis@example.com").build()));

    assertThat(e.msg()).isEqualTo("Bad request");
  }

  @Pact(consumer = CONSUMER)
  V4Pact budgetSpent(PactDslWithProvider builder) {
    return builder
        .given(BUDGET_SPENT)
        .uponReceiving("an invitation after the hourly write budget is spent")
        .method("POST")
        .path("/invitations")
        .matchHeader("Fastly-Key", ".+", SUPERUSER)
        .headers(JSON_API_HEADERS)
        .body(
            newJsonBody(
                    o ->
                        o.object(
                            "data",
                            d -> {
                              d.stringValue("type", "invitation");
                              d.object(
                                  "attributes",
                                  a -> a.stringType("email", "barbara.liskov@example.com"));
                            }))
                .build())
        .willRespondWith()
        .status(429)
        .headers(ERROR_HEADERS)
        .matchHeader("Fastly-RateLimit-Remaining", "0", "0")
        .matchHeader("Fastly-RateLimit-Reset", "\\d{10}", "1767873600")
        .body(Contract.error("Too Many Requests", true))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "budgetSpent")
  void aSpentBudgetIsARateLimitErrorWithTheResetTime(MockServer mockServer) {
    RateLimitException e =
        catchThrowableOfType(
            RateLimitException.class,
            () ->
                client(mockServer, SUPERUSER)
                    .create(NewInvitation.builder().email("barbara.liskov@example.com").build()));

    assertThat(e.resetAt()).isPresent();
    assertThat(e.rateLimit().get().remaining()).isZero();
  }

  /** Retries off: each interaction is one request, and the 429 must surface as it is. */
  private static InvitationsClient client(MockServer mockServer, String token) {
    return InvitationsClient.builder()
        .apiToken(token)
        .baseUrl(mockServer.getUrl())
        .maxRetries(0)
        .build();
  }
}
