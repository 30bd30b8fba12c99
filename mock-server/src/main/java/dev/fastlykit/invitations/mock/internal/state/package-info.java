/**
 * The state format of seed files, the admin API and exports, as typed records read field by field
 * from a strict JSON reader and written by Gson. Knows nothing of HTTP.
 *
 * <p>Internal: not an API; it may change in any release.
 */
package dev.fastlykit.invitations.mock.internal.state;
