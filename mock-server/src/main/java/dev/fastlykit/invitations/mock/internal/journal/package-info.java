/**
 * The request journal and the fault rules in force.
 *
 * <p>Internal: not an API; it may change in any release.
 */
package dev.fastlykit.invitations.mock.internal.journal;
