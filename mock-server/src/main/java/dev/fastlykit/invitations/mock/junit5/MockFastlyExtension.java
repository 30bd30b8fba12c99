package dev.fastlykit.invitations.mock.junit5;

import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a {@link MockFastlyServer} for a test class: started on a free port
 * before the first test, reset to its starting state before each test, stopped after the last. Each
 * test class gets its own server, so classes running in parallel share nothing.
 *
 * <pre>{@code
 * @ExtendWith(MockFastlyExtension.class)
 * class InviteTeamTest {
 *   @Test
 *   void invitesTheTeam(MockFastlyServer fastly) {
 *     InvitationsClient client = InvitationsClient.builder()
 *         .apiToken(MockFastlyServer.DEMO_SUPERUSER_TOKEN).baseUrl(fastly.url()).build();
 *     ...
 *   }
 * }
 *
 * // or, to configure the server:
 * @RegisterExtension
 * static final MockFastlyExtension FASTLY = new MockFastlyExtension(b -> b.writeLimit(5));
 * }</pre>
 */
public class MockFastlyExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {
  private final Consumer<MockFastlyServer.Builder> configuration;
  private MockFastlyServer server;
  private String owner;

  /** A server with the demo account. */
  public MockFastlyExtension() {
    this(builder -> {});
  }

  /** A server configured by {@code configuration}, such as {@code b -> b.empty()}. */
  public MockFastlyExtension(Consumer<MockFastlyServer.Builder> configuration) {
    this.configuration = configuration;
  }

  /**
   * The running server, for a {@code static} {@code @RegisterExtension} field.
   *
   * @throws IllegalStateException before the test class has started
   */
  public final MockFastlyServer server() {
    if (server == null) {
      throw new IllegalStateException("the server starts with the test class");
    }
    return server;
  }

  @Override
  public final synchronized void beforeAll(ExtensionContext context) {
    if (server == null) {
      MockFastlyServer.Builder builder = MockFastlyServer.builder();
      configuration.accept(builder);
      server = builder.build().start();
      owner = context.getUniqueId();
    }
  }

  @Override
  public final void beforeEach(ExtensionContext context) {
    if (server == null) {
      // Registered on an instance field: no beforeAll was called.
      beforeAll(context.getParent().orElse(context));
    }
    server.reset();
  }

  @Override
  public final synchronized void afterAll(ExtensionContext context) {
    if (server != null && context.getUniqueId().equals(owner)) {
      server.close();
      server = null;
    }
  }

  @Override
  public final boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MockFastlyServer.class;
  }

  @Override
  public final Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (server == null) {
      beforeAll(context);
    }
    return server;
  }
}
