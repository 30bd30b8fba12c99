/**
 * The request journal, the fault rules in force, and the proxy's drift report.
 *
 * <p>Internal: not an API; it may change in any release.
 */
package dev.fastlykit.invitations.mock.internal.journal;
