package dev.fastlykit.invitations;

/**
 * The same calls as {@link InvitationsClient}, returning the HTTP status, headers and rate limit
 * with the body. Errors are thrown just the same. Get one from {@link
 * InvitationsClient#withRawResponse()}.
 *
 * <pre>{@code
 * ApiResponse<Invitation> response = client.withRawResponse().create(invitation);
 * long left = response.rateLimit().map(RateLimit::remaining).orElse(-1L);
 * }</pre>
 */
public final class RawInvitationsClient {
  private final Operations operations;

  RawInvitationsClient(Operations operations) {
    this.operations = operations;
  }

  /**
   * Sends an invitation, as {@link InvitationsClient#create(NewInvitation)} does.
   *
   * @throws FastlyException or one of its subclasses when the call fails
   */
  public ApiResponse<Invitation> create(NewInvitation invitation) {
    return operations.create(invitation);
  }

  /**
   * Fetches the first page with the server's default size, as {@link InvitationsClient#list()}.
   *
   * @throws FastlyException or one of its subclasses when the call fails
   */
  public ApiResponse<Page<Invitation>> list() {
    return operations.list(null, null);
  }

  /**
   * Fetches one page, as {@link InvitationsClient#list(int, int)} does.
   *
   * @throws IllegalArgumentException if {@code pageNumber < 1} or {@code pageSize} is not in 1..100
   * @throws FastlyException or one of its subclasses when the call fails
   */
  public ApiResponse<Page<Invitation>> list(int pageNumber, int pageSize) {
    return operations.list(pageNumber, pageSize);
  }

  /**
   * Deletes an invitation, as {@link InvitationsClient#delete(String)} does. The body is null.
   *
   * @throws FastlyException or one of its subclasses when the call fails
   */
  public ApiResponse<Void> delete(String invitationId) {
    return operations.delete(invitationId);
  }
}
