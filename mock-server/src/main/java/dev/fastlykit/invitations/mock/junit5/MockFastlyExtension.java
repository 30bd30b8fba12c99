package dev.fastlykit.invitations.mock.junit5;

import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
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
 * static final MockFastlyExtension FASTLY = new MockFastlyExtension(b -> b.validate(true));
 * }</pre>
 *
 * <p>With validation on ({@code b -> b.validate(true)}), a test fails after it ran when one of its
 * requests broke the spec (refused by the server or not: Fastly's spec forbids it either way), or
 * when an answer of the server did; the failure names each violation. Answers asked for with {@code
 * Prefer: code=NNN} and fault rules are the way to test error handling without tripping it; {@link
 * #failOnSpecViolations(boolean) failOnSpecViolations(false)} turns the check off. Tests of one
 * class share its server, so the check assumes they do not run concurrently with each other.
 */
public class MockFastlyExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private final Consumer<MockFastlyServer.Builder> configuration;
  private volatile boolean failOnSpecViolations = true;
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
   * Whether a test fails when, with validation on, its requests or the server's answers broke the
   * spec; {@code true} unless turned off here. Without validation there is nothing to check.
   *
   * @return this extension, for a {@code @RegisterExtension} field's initializer
   */
  public final MockFastlyExtension failOnSpecViolations(boolean failOnSpecViolations) {
    this.failOnSpecViolations = failOnSpecViolations;
    return this;
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

  /**
   * Fails the test that just ran when, with validation on, its requests or the server's answers
   * broke the spec (see {@link #failOnSpecViolations(boolean)}).
   *
   * @throws AssertionError naming each violation
   */
  @Override
  public final void afterEach(ExtensionContext context) {
    if (server == null || !failOnSpecViolations) {
      return;
    }
    List<String> requests = server.requestViolations();
    List<String> answers = server.specViolations();
    if (requests.isEmpty() && answers.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder();
    if (!requests.isEmpty()) {
      message.append("requests of this test broke the spec of Fastly's Invitations API:");
      requests.forEach(line -> message.append("\n  ").append(line));
    }
    List<String> own = answers.stream().filter(line -> !requests.contains(line)).toList();
    if (!own.isEmpty()) {
      message.append(message.length() == 0 ? "" : "\n");
      message.append("the mock server's answers broke the spec (a bug in the mock server):");
      own.forEach(line -> message.append("\n  ").append(line));
    }
    message.append(
        "\n(checked because validation is on; new MockFastlyExtension(...)"
            + ".failOnSpecViolations(false) turns the check off)");
    throw new AssertionError(message.toString());
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
