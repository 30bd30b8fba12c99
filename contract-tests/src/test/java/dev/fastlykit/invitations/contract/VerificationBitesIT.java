package dev.fastlykit.invitations.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.fastlykit.invitations.mock.FaultRule;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** A verification that cannot fail proves nothing: break one interaction and watch it fail. */
class VerificationBitesIT {
  @Test
  void aServerThatBreaksOneInteractionFailsExactlyThatOne() {
    Launcher launcher = LauncherFactory.create();
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(BrokenServerVerification.class))
            .build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();

    launcher.execute(request, listener);

    TestExecutionSummary summary = listener.getSummary();
    List<String> failed =
        summary.getFailures().stream()
            .map(f -> f.getTestIdentifier().getDisplayName())
            .collect(Collectors.toList());
    assertThat(summary.getTestsSucceededCount()).isGreaterThanOrEqualTo(10);
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0)).contains("a request to delete an invitation that does not exist");
  }

  /** The same pacts against a server whose fault rule answers 500 to one interaction's request. */
  @Provider(Contract.PROVIDER)
  @PactFolder("target/pacts")
  static class BrokenServerVerification extends ProviderVerification {
    private static MockFastlyServer server;

    @BeforeAll
    static void start() {
      server = startServer();
    }

    @AfterAll
    static void stop() {
      server.close();
    }

    @Override
    MockFastlyServer server() {
      return server;
    }

    @Override
    void afterReset() {
      // Every state change resets the server, fault rules included: add it back each time.
      server.addFault(
          FaultRule.on("DELETE", "/invitations/0000000000000000000000").status(500).build());
    }
  }
}
