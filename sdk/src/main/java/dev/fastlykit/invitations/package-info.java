/**
 * A Java client for Fastly's Invitations API: invite collaborators into a Fastly customer account,
 * list the pending invitations, and delete them.
 *
 * <pre>{@code
 * try (InvitationsClient client = InvitationsClient.fromEnvironment()) {
 *   Invitation invitation = client.create(NewInvitation.builder()
 *       .email("ada@example.com").role(Role.ENGINEER).build());
 *   client.listAll().forEach(System.out::println);
 *   client.delete(invitation.id());
 * }
 * }</pre>
 *
 * <p>{@link dev.fastlykit.invitations.InvitationsClient} is the entry point. Failed calls throw
 * subclasses of the unchecked {@link dev.fastlykit.invitations.FastlyException}.
 */
package dev.fastlykit.invitations;
