/**
 * What only Jetty's own API can do: its error pages in Fastly's format, the connector and its idle
 * timeout, dropping a connection.
 *
 * <p>Internal: not an API; it may change in any release.
 */
package dev.fastlykit.invitations.mock.internal.jetty;
