package dev.fastlykit.invitations.contract;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/** One verification test per interaction, against a MockFastlyServer in this JVM. */
abstract class ProviderVerification {
  abstract MockFastlyServer server();

  /** Runs after each state change has reset the server; nothing by default. */
  void afterReset() {}

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
    context.verifyInteraction();
  }
}
