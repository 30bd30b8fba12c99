/**
 * Validation of exchanges against the OpenAPI spec, loaded only when asked for.
 *
 * <p>Internal: not an API; it may change in any release.
 */
package dev.fastlykit.invitations.mock.internal.spec;
