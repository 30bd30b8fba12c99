/**
 * The mock server's public API: {@link dev.fastlykit.invitations.mock.MockFastlyServer} and its
 * builder, {@link dev.fastlykit.invitations.mock.FaultRule}, {@link
 * dev.fastlykit.invitations.mock.RecordedRequest} and the command line, {@link
 * dev.fastlykit.invitations.mock.Main}. The JUnit 5 extension is in {@code
 * dev.fastlykit.invitations.mock.junit5}.
 *
 * <p>Everything under {@code dev.fastlykit.invitations.mock.internal} is the server's inside: it
 * may change in any release and is not for use.
 */
package dev.fastlykit.invitations.mock;
