package dev.fastlykit.invitations;

import dev.fastlykit.invitations.generated.model.InvitationCreateData;
import dev.fastlykit.invitations.generated.model.InvitationDataAttributes;
import dev.fastlykit.invitations.generated.model.InvitationResponseData;
import dev.fastlykit.invitations.generated.model.InvitationResponseDataAttributes;
import dev.fastlykit.invitations.generated.model.InvitationsResponse;
import dev.fastlykit.invitations.generated.model.PaginationMeta;
import dev.fastlykit.invitations.generated.model.RelationshipMemberService;
import dev.fastlykit.invitations.generated.model.RelationshipMemberServiceInvitation;
import dev.fastlykit.invitations.generated.model.RelationshipService;
import dev.fastlykit.invitations.generated.model.RelationshipServiceInvitationsCreate;
import dev.fastlykit.invitations.generated.model.RelationshipServiceInvitationsCreateServiceInvitations;
import dev.fastlykit.invitations.generated.model.RelationshipsForInvitation;
import dev.fastlykit.invitations.generated.model.ServiceInvitationData;
import dev.fastlykit.invitations.generated.model.ServiceInvitationDataAttributes;
import dev.fastlykit.invitations.generated.model.ServiceInvitationDataRelationships;
import dev.fastlykit.invitations.generated.model.TypeInvitation;
import dev.fastlykit.invitations.generated.model.TypeService;
import dev.fastlykit.invitations.generated.model.TypeServiceInvitation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps between the generated JSON:API models and the facade's types, in both directions. */
final class Mapper {
  private Mapper() {}

  static dev.fastlykit.invitations.generated.model.Invitation toRequest(NewInvitation invitation) {
    InvitationDataAttributes attributes =
        new InvitationDataAttributes()
            .email(invitation.email())
            .role(invitation.role().map(Role::value).orElse(null))
            .roles(invitation.rolesOrNull())
            .limitServices(invitation.limitServices().orElse(null));
    InvitationCreateData data =
        new InvitationCreateData().type(TypeInvitation.INVITATION).attributes(attributes);
    if (!invitation.services().isEmpty()) {
      List<ServiceInvitationData> services = new ArrayList<>();
      for (Map.Entry<String, Permission> service : invitation.services().entrySet()) {
        services.add(
            new ServiceInvitationData()
                .type(TypeServiceInvitation.SERVICE_INVITATION)
                .attributes(
                    new ServiceInvitationDataAttributes().permission(service.getValue().value()))
                .relationships(
                    new ServiceInvitationDataRelationships()
                        .service(
                            new RelationshipService()
                                .data(
                                    new RelationshipMemberService()
                                        .type(TypeService.SERVICE)
                                        .id(service.getKey())))));
      }
      data.relationships(
          new RelationshipServiceInvitationsCreate()
              .serviceInvitations(
                  new RelationshipServiceInvitationsCreateServiceInvitations().data(services)));
    }
    return new dev.fastlykit.invitations.generated.model.Invitation().data(data);
  }

  static Invitation invitation(InvitationResponseData data) {
    if (data == null || data.getId() == null) {
      throw new InvalidResponseException("The server sent an invitation without an id", null);
    }
    InvitationResponseDataAttributes attributes =
        data.getAttributes() != null
            ? data.getAttributes()
            : new InvitationResponseDataAttributes();
    RelationshipsForInvitation relationships = data.getRelationships();
    String customerId = null;
    List<String> serviceInvitationIds = new ArrayList<>();
    if (relationships != null) {
      if (relationships.getCustomer() != null && relationships.getCustomer().getData() != null) {
        customerId = relationships.getCustomer().getData().getId();
      }
      if (relationships.getServiceInvitations() != null
          && relationships.getServiceInvitations().getData() != null) {
        for (RelationshipMemberServiceInvitation member :
            relationships.getServiceInvitations().getData()) {
          if (member != null && member.getId() != null) {
            serviceInvitationIds.add(member.getId());
          }
        }
      }
    }
    return new Invitation(
        data.getId(),
        attributes.getEmail(),
        // Fastly's default role; a server that leaves it out means it.
        attributes.getRole() == null || attributes.getRole().isEmpty()
            ? Role.USER
            : Role.of(attributes.getRole()),
        attributes.getRoles() == null ? List.of() : withoutNulls(attributes.getRoles()),
        Boolean.TRUE.equals(attributes.getLimitServices()),
        attributes.getStatusCode() == null ? 0 : attributes.getStatusCode(),
        attributes.getCreatedAt(),
        attributes.getUpdatedAt(),
        attributes.getDeletedAt(),
        customerId,
        serviceInvitationIds);
  }

  static Page<Invitation> page(
      InvitationsResponse response, int requestedNumber, int requestedSize) {
    List<Invitation> items = new ArrayList<>();
    if (response.getData() != null) {
      for (InvitationResponseData data : response.getData()) {
        items.add(invitation(data));
      }
    }
    PaginationMeta meta = response.getMeta();
    int pageNumber =
        meta != null && meta.getCurrentPage() != null ? meta.getCurrentPage() : requestedNumber;
    int pageSize = meta != null && meta.getPerPage() != null ? meta.getPerPage() : requestedSize;
    long totalRecords = meta != null && meta.getRecordCount() != null ? meta.getRecordCount() : -1;
    int totalPages = meta != null && meta.getTotalPages() != null ? meta.getTotalPages() : -1;
    boolean nextByMeta = totalPages >= 0 && pageNumber < totalPages;
    boolean nextByLink =
        response.getLinks() != null
            && response.getLinks().getNext() != null
            && !response.getLinks().getNext().isEmpty();
    return new Page<>(
        items, pageNumber, pageSize, totalRecords, totalPages, nextByMeta || nextByLink);
  }

  private static List<String> withoutNulls(List<String> values) {
    List<String> copy = new ArrayList<>(values.size());
    for (String value : values) {
      if (value != null) {
        copy.add(value);
      }
    }
    return copy;
  }
}
