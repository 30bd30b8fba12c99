package dev.fastlykit.invitations;

import dev.fastlykit.invitations.generated.model.InvitationResponse;
import dev.fastlykit.invitations.generated.model.InvitationsResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import retrofit2.Call;
import retrofit2.Response;

/** The three operations, built once and run blocking or asynchronously. */
final class Operations {
  static final int DEFAULT_PAGE_SIZE = 20;
  static final int MAX_PAGE_SIZE = 100;

  private final Transport transport;

  Operations(Transport transport) {
    this.transport = transport;
  }

  ApiResponse<Invitation> create(NewInvitation invitation) {
    return created(transport.execute(createCall(invitation)));
  }

  CompletableFuture<ApiResponse<Invitation>> createAsync(NewInvitation invitation) {
    return transport.executeAsync(createCall(invitation)).thenApply(Operations::created);
  }

  ApiResponse<Page<Invitation>> list(Integer pageNumber, Integer pageSize) {
    return listed(transport.execute(listCall(pageNumber, pageSize)), pageNumber, pageSize);
  }

  CompletableFuture<ApiResponse<Page<Invitation>>> listAsync(Integer pageNumber, Integer pageSize) {
    return transport
        .executeAsync(listCall(pageNumber, pageSize))
        .thenApply(response -> listed(response, pageNumber, pageSize));
  }

  ApiResponse<Void> delete(String invitationId) {
    return deleted(transport.execute(deleteCall(invitationId)));
  }

  CompletableFuture<ApiResponse<Void>> deleteAsync(String invitationId) {
    return transport.executeAsync(deleteCall(invitationId)).thenApply(Operations::deleted);
  }

  private Call<InvitationResponse> createCall(NewInvitation invitation) {
    Objects.requireNonNull(invitation, "invitation");
    return transport.api.createInvitation(Mapper.toRequest(invitation));
  }

  private Call<InvitationsResponse> listCall(Integer pageNumber, Integer pageSize) {
    if (pageNumber != null && pageNumber < 1) {
      throw new IllegalArgumentException("pageNumber must be at least 1, was " + pageNumber);
    }
    if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
      throw new IllegalArgumentException(
          "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
    }
    return transport.api.listInvitations(pageNumber, pageSize);
  }

  private Call<Void> deleteCall(String invitationId) {
    if (invitationId == null || invitationId.isEmpty()) {
      throw new IllegalArgumentException("invitationId must not be null or empty");
    }
    return transport.api.deleteInvitation(invitationId);
  }

  private static ApiResponse<Invitation> created(Response<InvitationResponse> response) {
    InvitationResponse body = response.body();
    if (body == null || body.getData() == null) {
      throw new InvalidResponseException("The server's create response has no data", null);
    }
    return new ApiResponse<>(
        response.code(), Transport.headers(response), Mapper.invitation(body.getData()));
  }

  private static ApiResponse<Page<Invitation>> listed(
      Response<InvitationsResponse> response, Integer pageNumber, Integer pageSize) {
    InvitationsResponse body = response.body();
    if (body == null) {
      throw new InvalidResponseException("The server's list response has no body", null);
    }
    Page<Invitation> page =
        Mapper.page(
            body,
            pageNumber == null ? 1 : pageNumber,
            pageSize == null ? DEFAULT_PAGE_SIZE : pageSize);
    return new ApiResponse<>(response.code(), Transport.headers(response), page);
  }

  private static ApiResponse<Void> deleted(Response<Void> response) {
    return new ApiResponse<>(response.code(), Transport.headers(response), null);
  }
}
