package dev.fastlykit.invitations.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One verification test per interaction, against a MockFastlyServer in this JVM: the answer must
 * satisfy the pact, and the server must have seen nothing in the exchange that breaks the spec.
 */
abstract class ProviderVerification {
  abstract MockFastlyServer server();

  /** Runs after the server was reset to set up this provider state; nothing by default. */
  void afterReset(String state) {}

  /** The spec-validating, empty server the states build on. */
  static MockFastlyServer startServer() {
    return MockFastlyServer.builder().empty().validate(true).build().start();
  }

  @BeforeEach
  void pointAtTheServer(PactVerificationContext context) throws Exception {
    context.setTarget(HttpTestTarget.fromUrl(new URL(server().url())));
    context.withStateChangeHandlers(new MockServerStates(server(), this::afterReset));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verifiesTheInteraction(PactVerificationContext context) {
    // The provider state (if any) is set up by now; what the server sees from here is this
    // interaction's alone.
    int seenBefore = server().specViolations().size();

    context.verifyInteraction();

    List<String> violations = server().specViolations();
    assertThat(violations.subList(seenBefore, violations.size()))
        .as("answers that break the spec, to '%s'", context.getInteraction().getDescription())
        .isEmpty();
  }
}
