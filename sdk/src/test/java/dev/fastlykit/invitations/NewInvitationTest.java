package dev.fastlykit.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a new invitation holds, what it leaves to the server, and what it refuses to build. */
class NewInvitationTest {
  private static final String SERVICE = "SU1Z0isxPaozGVKXdv0eY";

  @Test
  void anEmailAloneLeavesEverythingElseToTheServer() {
    NewInvitation invitation = NewInvitation.builder().email("ada@example.com").build();

    assertThat(invitation.email()).isEqualTo("ada@example.com");
    assertThat(invitation.role()).isEmpty();
    assertThat(invitation.roles()).isEmpty();
    assertThat(invitation.rolesOrNull()).isNull();
    assertThat(invitation.limitServices()).isEmpty();
    assertThat(invitation.services()).isEmpty();
    assertThat(invitation).hasToString("NewInvitation{email=ada@example.com}");
  }

  @Test
  void everyValueSetIsKept() {
    NewInvitation invitation = full();

    assertThat(invitation.role()).contains(Role.ENGINEER);
    assertThat(invitation.roles()).containsExactly("r1", "r2");
    assertThat(invitation.rolesOrNull()).containsExactly("r1", "r2");
    assertThat(invitation.limitServices()).contains(true);
    assertThat(invitation.services())
        .containsExactly(
            Map.entry(SERVICE, Permission.PURGE_SELECT),
            Map.entry("7i6HN3TK9wS159v2gPAZ8A", Permission.FULL));
    assertThat(invitation)
        .hasToString(
            "NewInvitation{email=ada@example.com, role=engineer, roles=[r1, r2],"
                + " limitServices=true, services={"
                + SERVICE
                + "=purge_select, 7i6HN3TK9wS159v2gPAZ8A=full}}");
  }

  @Test
  void anEmptyListOfRolesIsSentAsGivenNotLeftOut() {
    NewInvitation invitation =
        NewInvitation.builder().email("ada@example.com").roles(List.of()).build();

    assertThat(invitation.rolesOrNull()).isEmpty();
    assertThat(invitation).hasToString("NewInvitation{email=ada@example.com, roles=[]}");
  }

  @Test
  void limitServicesFalseIsKeptApartFromUnset() {
    NewInvitation invitation =
        NewInvitation.builder().email("ada@example.com").limitServices(false).build();

    assertThat(invitation.limitServices()).contains(false);
    assertThat(invitation).hasToString("NewInvitation{email=ada@example.com, limitServices=false}");
  }

  @Test
  void aLaterServiceCallForTheSameIdWins() {
    NewInvitation invitation =
        NewInvitation.builder()
            .email("ada@example.com")
            .service(SERVICE, Permission.READ_ONLY)
            .service(SERVICE, Permission.PURGE_ALL)
            .build();

    assertThat(invitation.services()).containsExactly(Map.entry(SERVICE, Permission.PURGE_ALL));
  }

  @Test
  void anInvitationCannotBeChangedThroughWhatItReturnsOrWhatItWasGiven() {
    List<String> roles = new ArrayList<>(List.of("r1"));
    NewInvitation.Builder builder =
        NewInvitation.builder().email("ada@example.com").roles(roles).service(SERVICE);
    NewInvitation invitation = builder.build();

    roles.add("r2");
    builder.service("7i6HN3TK9wS159v2gPAZ8A").roles(List.of("r3"));

    assertThat(invitation.roles()).containsExactly("r1");
    assertThat(invitation.services()).containsOnlyKeys(SERVICE);
    assertThatThrownBy(() -> invitation.roles().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> invitation.services().put("x", Permission.FULL))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toBuilderCopiesEveryValueAndLeavesTheOriginalAlone() {
    NewInvitation original = full();

    NewInvitation copy = original.toBuilder().build();
    NewInvitation changed =
        original.toBuilder().email("grace@example.com").service("third00000000000000000").build();

    assertThat(copy).isEqualTo(original).hasSameHashCodeAs(original);
    assertThat(changed.email()).isEqualTo("grace@example.com");
    assertThat(changed.services()).hasSize(3);
    assertThat(original.services()).hasSize(2);
    assertThat(NewInvitation.builder().email("a@b.co").build().toBuilder().build().rolesOrNull())
        .isNull();
  }

  @Test
  void invitationsAreEqualWhenEveryValueIs() {
    NewInvitation invitation = full();

    assertThat(invitation).isEqualTo(full()).isNotEqualTo(null).isNotEqualTo("ada@example.com");
    assertThat(invitation)
        .isNotEqualTo(invitation.toBuilder().email("grace@example.com").build())
        .isNotEqualTo(invitation.toBuilder().role(Role.USER).build())
        .isNotEqualTo(invitation.toBuilder().roles(List.of("r1")).build())
        .isNotEqualTo(
            NewInvitation.builder()
                .email("ada@example.com")
                .role(Role.ENGINEER)
                .roles(List.of("r1", "r2"))
                .service(SERVICE, Permission.PURGE_SELECT)
                .service("7i6HN3TK9wS159v2gPAZ8A")
                .build())
        .isNotEqualTo(invitation.toBuilder().service(SERVICE).build());
    assertThat(NewInvitation.builder().email("a@b.co").build())
        .isNotEqualTo(NewInvitation.builder().email("a@b.co").roles(List.of()).build())
        .isNotEqualTo(NewInvitation.builder().email("a@b.co").limitServices(false).build());
  }

  @Test
  void whatFastlyWouldRefuseIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> NewInvitation.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("email is required");
    assertThatThrownBy(() -> NewInvitation.builder().email("").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("email is required");
    assertThatThrownBy(() -> NewInvitation.builder().email("ada@").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("email 'ada@' ");
    assertThatThrownBy(
            () ->
                NewInvitation.builder()
                    .email("ada@example.com")
                    .limitServices(false)
                    .service(SERVICE)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("contradicts the services");
    assertThatThrownBy(() -> NewInvitation.builder().role(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> NewInvitation.builder().roles(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> NewInvitation.builder().roles(Arrays.asList("r1", null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NewInvitation.builder().roles(List.of("")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NewInvitation.builder().service(null, Permission.FULL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NewInvitation.builder().service("", Permission.FULL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NewInvitation.builder().service(SERVICE, null))
        .isInstanceOf(NullPointerException.class);
  }

  private static NewInvitation full() {
    return NewInvitation.builder()
        .email("ada@example.com")
        .role(Role.ENGINEER)
        .roles(List.of("r1", "r2"))
        .limitServices(true)
        .service(SERVICE, Permission.PURGE_SELECT)
        .service("7i6HN3TK9wS159v2gPAZ8A")
        .build();
  }
}
