package dev.fastlykit.invitations.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One verification test per interaction, against a MockFastlyServer in this JVM that each class
 * starts once: the answer must satisfy the pact, and the server must have seen nothing in the
 * exchange that breaks the spec.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProviderVerification {
  private MockFastlyServer server;

  /** The server to verify: spec-validating and empty, for the states to build on. */
  MockFastlyServer.Builder configure(MockFastlyServer.Builder builder) {
    return builder;
  }

  /** Runs after the server was reset to set up this provider state; nothing by default. */
  void afterReset(String state) {}

  @BeforeAll
  void startTheServer() {
    server = configure(MockFastlyServer.builder().empty().validate(true)).build().start();
  }

  @AfterAll
  void stopTheServer() {
    server.close();
  }

  MockFastlyServer server() {
    return server;
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
