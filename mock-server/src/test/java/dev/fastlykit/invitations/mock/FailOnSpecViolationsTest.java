package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.fastlykit.invitations.mock.junit5.MockFastlyExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * With validation on, the extension fails the test whose requests broke the spec, naming each
 * violation, as WireMock's {@code failOnUnmatchedRequests} does; the other tests of the class pass.
 * The sample classes below are run here through JUnit's test kit, never on their own.
 */
class FailOnSpecViolationsTest {
  private static final String SUPERUSER = MockFastlyServer.DEMO_SUPERUSER_TOKEN;
  private static final String ADMIN_ROLE =
      "{\"data\":{\"type\":\"invitation\",\"attributes\":"
          + "{\"email\":\"ada@example.com\",\"role\":\"admin\"}}}";
  private static final Map<String, String> PREFER_A_400 = Map.of("Prefer", "code=400");

  @Test
  void aTestWhoseRequestBrokeTheSpecFailsNamingTheViolation() {
    Events tests = run(Validating.class);

    tests.assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
    Event failed = tests.failed().list().get(0);
    assertThat(failed.getTestDescriptor().getDisplayName()).startsWith("sendsARoleTheSpecLacks");
    Throwable thrown = failure(failed);
    assertThat(thrown)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("requests of this test broke the spec")
        .hasMessageContaining("POST /invitations -> 400: request: [Path '/data/attributes/role']")
        .hasMessageContaining("\"admin\"")
        .hasMessageContaining("failOnSpecViolations(false)");
  }

  @Test
  void aRequestTheServerAcceptsIsStillCheckedAgainstTheSpec() {
    Events tests = run(Lenient.class);

    tests.assertStatistics(stats -> stats.started(1).failed(1));
    assertThat(failure(tests.failed().list().get(0)))
        .hasMessageContaining("requests of this test broke the spec")
        .hasMessageContaining("GET /invitations -> 200: request:")
        .hasMessageContaining("[Parameter 'page[size]' in query] Numeric instance is greater");
  }

  @Test
  void turnedOffTheViolationsAreOnlyRecorded() {
    Events tests = run(NotFailing.class);

    tests.assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void withoutValidationNothingIsChecked() {
    Events tests = run(NotValidating.class);

    tests.assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  private static Events run(Class<?> sample) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(sample))
        .execute()
        .testEvents();
  }

  private static Throwable failure(Event event) {
    return event
        .getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
        .orElseThrow();
  }

  static class Validating {
    @RegisterExtension
    static final MockFastlyExtension FASTLY = new MockFastlyExtension(b -> b.validate(true));

    @Test
    void sendsARoleTheSpecLacks(MockFastlyServer server) {
      assertThat(new Http(server).post("/invitations", SUPERUSER, ADMIN_ROLE).status)
          .isEqualTo(400);
    }

    @Test
    void listsAsTheSpecSays(MockFastlyServer server) {
      assertThat(new Http(server).get("/invitations", SUPERUSER).status).isEqualTo(200);
    }

    @Test
    void asksForAnErrorWithPrefer(MockFastlyServer server) {
      // A canned answer: its request is not checked, whatever it holds.
      assertThat(
              new Http(server)
                  .send("POST", "/invitations", null, "application/json", "{}", PREFER_A_400)
                  .status)
          .isEqualTo(400);
    }
  }

  static class Lenient {
    @RegisterExtension
    static final MockFastlyExtension FASTLY = new MockFastlyExtension(b -> b.validate(true));

    @Test
    void asksForAPageAboveTheLimit(MockFastlyServer server) {
      // Clamped to 100 as Fastly does; the spec allows at most 100.
      assertThat(new Http(server).get("/invitations?page%5Bsize%5D=500", SUPERUSER).status)
          .isEqualTo(200);
    }
  }

  static class NotFailing {
    @RegisterExtension
    static final MockFastlyExtension FASTLY =
        new MockFastlyExtension(b -> b.validate(true)).failOnSpecViolations(false);

    @Test
    void sendsARoleTheSpecLacks(MockFastlyServer server) {
      new Http(server).post("/invitations", SUPERUSER, ADMIN_ROLE);

      assertThat(server.requestViolations())
          .singleElement()
          .asString()
          .startsWith("POST /invitations -> 400: request: [Path '/data/attributes/role']");
      assertThat(server.specViolations()).isEmpty();
    }
  }

  static class NotValidating {
    @RegisterExtension static final MockFastlyExtension FASTLY = new MockFastlyExtension();

    @Test
    void sendsARoleTheSpecLacks(MockFastlyServer server) {
      new Http(server).post("/invitations", SUPERUSER, ADMIN_ROLE);

      assertThat(server.requestViolations()).isEmpty();
    }
  }
}
