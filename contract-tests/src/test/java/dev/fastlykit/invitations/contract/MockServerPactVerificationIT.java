package dev.fastlykit.invitations.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The mock server honours every interaction the SDK's consumer tests wrote, and every answer it
 * gives meanwhile conforms to the spec.
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
  static void stopAndCheckTheSpec() {
    try {
      assertThat(server.specViolations()).as("answers that break the spec").isEmpty();
    } finally {
      server.close();
    }
  }

  @Override
  MockFastlyServer server() {
    return server;
  }
}
