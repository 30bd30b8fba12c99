/**
 * JSON below everything else: the byte writer of the hot answers, strict parsing with a nesting
 * limit, and timestamps.
 *
 * <p>Internal: not an API; it may change in any release.
 */
package dev.fastlykit.invitations.mock.internal.json;
