package dev.fastlykit.invitations.mock;

import java.util.function.Consumer;

/**
 * The JUnit 5 extension at its old name.
 *
 * @deprecated moved to {@link dev.fastlykit.invitations.mock.junit5.MockFastlyExtension}; this name
 *     goes in the next release. Change the import; nothing else changes.
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public final class MockFastlyExtension
    extends dev.fastlykit.invitations.mock.junit5.MockFastlyExtension {
  /** A server with the demo account. */
  public MockFastlyExtension() {
    super();
  }

  /** A server configured by {@code configuration}, such as {@code b -> b.empty()}. */
  public MockFastlyExtension(Consumer<MockFastlyServer.Builder> configuration) {
    super(configuration);
  }
}
