package dev.fastlykit.invitations.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.fastlykit.invitations.mock.FaultRule;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** A verification that cannot fail proves nothing: break one interaction and watch it fail. */
class VerificationBitesIT {
  private static final String DELETE_UNKNOWN =
      "a request to delete an invitation that does not exist";

  @Test
  void aServerThatBreaksOneInteractionFailsExactlyThatOne() {
    Outcome outcome = verify(BrokenServerVerification.class);

    assertThat(outcome.passed).hasSizeGreaterThanOrEqualTo(10);
    assertThat(outcome.failed).containsOnlyKeys(outcome.nameOf(DELETE_UNKNOWN));
  }

  @Test
  void anAnswerThatBreaksOnlyTheSpecFailsItsInteractionInTheMiddleOfThePact() {
    Outcome outcome = verify(SpecBreakingServerVerification.class);

    String broken = outcome.nameOf(DELETE_UNKNOWN);
    assertThat(outcome.failed).containsOnlyKeys(broken);
    assertThat(outcome.failed.get(broken))
        .contains("answers that break the spec")
        .contains("lower than the required minimum (minimum: 0");
    // Interactions ran after it and passed: the check is made per interaction, not once at the end.
    assertThat(outcome.order.indexOf(broken)).isBetween(1, outcome.order.size() - 2);
    assertThat(outcome.passed).hasSizeGreaterThanOrEqualTo(10);
  }

  /** Runs a verification class on the JUnit Platform and collects what passed and what failed. */
  private static Outcome verify(Class<?> verification) {
    Launcher launcher = LauncherFactory.create();
    Outcome outcome = new Outcome();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(verification)).build(),
        outcome);
    return outcome;
  }

  private static final class Outcome implements TestExecutionListener {
    final List<String> order = new ArrayList<>();
    final List<String> passed = new ArrayList<>();
    final Map<String, String> failed = new ConcurrentHashMap<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      if (!test.isTest()) {
        return;
      }
      order.add(test.getDisplayName());
      if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
        passed.add(test.getDisplayName());
      } else {
        failed.put(
            test.getDisplayName(),
            result.getThrowable().map(String::valueOf).orElse(result.getStatus().toString()));
      }
    }

    /** The display name of the one test that verified this interaction. */
    String nameOf(String interaction) {
      List<String> names = order.stream().filter(n -> n.contains(interaction)).toList();
      assertThat(names).as("tests of '%s' among %s", interaction, order).hasSize(1);
      return names.get(0);
    }
  }

  /** The same pacts against a server whose fault rule answers 500 to one interaction's request. */
  @Provider(Contract.PROVIDER)
  @PactFolder("target/pacts")
  static class BrokenServerVerification extends ProviderVerification {
    @Override
    void afterReset(String state) {
      // Every state change resets the server, fault rules included: add it back each time.
      server()
          .addFault(
              FaultRule.on("DELETE", "/invitations/0000000000000000000000").status(500).build());
    }
  }

  /**
   * The same pacts against a server that, for one interaction, answers what the pact accepts and
   * the spec forbids: its clock reads 1969, so its {@code Fastly-RateLimit-Reset} header is
   * negative, a header the pact does not look at and the spec says is at least 0.
   */
  @Provider(Contract.PROVIDER)
  @PactFolder("target/pacts")
  static class SpecBreakingServerVerification extends ProviderVerification {
    private final SettableClock clock = new SettableClock();

    @Override
    MockFastlyServer.Builder configure(MockFastlyServer.Builder builder) {
      return builder.clock(clock);
    }

    @Override
    void afterReset(String state) {
      clock.fixed =
          Contract.NO_SUCH_INVITATION.equals(state) ? Instant.parse("1969-07-20T20:17:40Z") : null;
    }
  }

  /** The system's clock, or a fixed instant while one is set. */
  private static final class SettableClock extends Clock {
    volatile Instant fixed;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the mock server reads instants only");
    }

    @Override
    public Instant instant() {
      Instant at = fixed;
      return at != null ? at : Instant.now();
    }
  }
}
