/**
 * The HTTP side: the route table, the invitation and admin handlers, request parsing, the typed
 * per-exchange record, recording, preferred answers, the proxy to an upstream and Javalin's
 * configuration. Uses every other internal package; none uses it.
 *
 * <p>Internal: not an API; it may change in any release.
 */
package dev.fastlykit.invitations.mock.internal.http;
