package dev.fastlykit.invitations;

import java.util.concurrent.CompletableFuture;

/**
 * The calls of {@link InvitationsClient} as {@link CompletableFuture}s, with the same retries.
 * Requests run on OkHttp's dispatcher and waits between retries are scheduled, so no thread is
 * blocked per call. A failed call completes the future exceptionally with a {@link FastlyException}
 * (wrapped in a {@code CompletionException} by {@code join()}).
 *
 * <pre>{@code
 * client.async().create(invitation)
 *     .thenAccept(created -> System.out.println("Invited " + created.email()));
 * }</pre>
 */
public final class AsyncInvitationsClient {
  private final Operations operations;

  AsyncInvitationsClient(Operations operations) {
    this.operations = operations;
  }

  /** Sends an invitation; see {@link InvitationsClient#create(NewInvitation)}. */
  public CompletableFuture<Invitation> create(NewInvitation invitation) {
    return operations.createAsync(invitation).thenApply(ApiResponse::body);
  }

  /**
   * Fetches the first page with the server's default size; see {@link InvitationsClient#list()}.
   */
  public CompletableFuture<Page<Invitation>> list() {
    return operations.listAsync(null, null).thenApply(ApiResponse::body);
  }

  /**
   * Fetches one page; see {@link InvitationsClient#list(int, int)}.
   *
   * @throws IllegalArgumentException at once if {@code pageNumber < 1} or {@code pageSize} is not
   *     in 1..100
   */
  public CompletableFuture<Page<Invitation>> list(int pageNumber, int pageSize) {
    return operations.listAsync(pageNumber, pageSize).thenApply(ApiResponse::body);
  }

  /** Deletes an invitation; see {@link InvitationsClient#delete(String)}. */
  public CompletableFuture<Void> delete(String invitationId) {
    return operations.deleteAsync(invitationId).thenApply(ApiResponse::body);
  }
}
