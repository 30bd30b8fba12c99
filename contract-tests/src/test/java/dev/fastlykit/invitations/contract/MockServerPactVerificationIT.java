package dev.fastlykit.invitations.contract;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The mock server honours every interaction the SDK's consumer tests wrote, and each answer it
 * gives conforms to the spec (checked after every interaction by {@link ProviderVerification}).
 */
@Provider(Contract.PROVIDER)
@PactFolder("target/pacts")
class MockServerPactVerificationIT extends ProviderVerification {
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
}
