/**
 * What the OpenAPI spec says: the validation of exchanges against it (its library loaded only when
 * asked for), and each operation's documented answers, read from the spec's JSON rendering.
 *
 * <p>Internal: not an API; it may change in any release.
 */
package dev.fastlykit.invitations.mock.internal.spec;
