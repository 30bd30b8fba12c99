/**
 * The accounts, users, tokens, pending invitations, write budgets and the role policy, behind one
 * lock. Knows nothing of HTTP.
 *
 * <p>Internal: not an API; it may change in any release.
 */
package dev.fastlykit.invitations.mock.internal.store;
