package dev.fastlykit.invitations.examples;

import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * Where the examples send their calls: Fastly itself when {@code FASTLY_API_TOKEN} is set ({@code
 * FASTLY_API_URL} overrides the URL), otherwise an embedded mock server with the demo account, so
 * that every example runs with no account and no network.
 */
public final class ExampleSetup implements AutoCloseable {
  private final String apiToken;
  private final String baseUrl;
  private final MockFastlyServer mockServer;
  private final boolean ownsMockServer;

  private ExampleSetup(
      String apiToken, String baseUrl, MockFastlyServer mockServer, boolean ownsMockServer) {
    this.apiToken = apiToken;
    this.baseUrl = baseUrl;
    this.mockServer = mockServer;
    this.ownsMockServer = ownsMockServer;
  }

  /** Reads the environment and says on {@code System.out} where the calls go. */
  public static ExampleSetup fromEnvironment() {
    return from(System.getenv(), System.out);
  }

  static ExampleSetup from(Map<String, String> environment, PrintStream out) {
    String token = environment.get("FASTLY_API_TOKEN");
    if (token != null && !token.isBlank()) {
      String url = environment.getOrDefault("FASTLY_API_URL", InvitationsClient.DEFAULT_BASE_URL);
      out.println("Calling " + url + " with FASTLY_API_TOKEN");
      return new ExampleSetup(token.strip(), url, null, false);
    }
    MockFastlyServer server = new MockFastlyServer().start();
    out.println("FASTLY_API_TOKEN is not set: calling an embedded mock server at " + server.url());
    return new ExampleSetup(MockFastlyServer.DEMO_SUPERUSER_TOKEN, server.url(), server, true);
  }

  /** Calls a mock server someone else runs (a test's), as the demo superuser. */
  static ExampleSetup forMockServer(MockFastlyServer server) {
    return new ExampleSetup(MockFastlyServer.DEMO_SUPERUSER_TOKEN, server.url(), server, false);
  }

  /** The token the calls are made with. */
  public String apiToken() {
    return apiToken;
  }

  /** The base URL the calls go to. */
  public String baseUrl() {
    return baseUrl;
  }

  /** A client for those calls; close it when done. */
  public InvitationsClient client() {
    return InvitationsClient.builder().apiToken(apiToken).baseUrl(baseUrl).build();
  }

  /** The embedded mock server, when the calls go to one. */
  public Optional<MockFastlyServer> mockServer() {
    return Optional.ofNullable(mockServer);
  }

  @Override
  public void close() {
    if (ownsMockServer) {
      mockServer.close();
    }
  }
}
