package dev.fastlykit.invitations.mock.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The store and the role policy without HTTP: a caller found before a replacement acts on the state
 * it reaches, as the state it reaches knows it; and every refusal of the role table.
 */
class StoreTest {
  private final Store store = new Store(Clock.systemUTC(), Ids.fast());

  @Test
  void aCallerFromBeforeAReplacementCreatesInTheNewAccount() {
    account("superuser", false);
    User before = store.authenticate("t");
    account("superuser", false);

    StoredInvitation created = store.create(before, NewInvitation.of("n@x.example", "user"), true);

    assertThat(created.customer).isNotSameAs(before.customer);
    assertThat(created.sentBy).isSameAs(store.authenticate("t"));
    assertThat(store.page(store.authenticate("t"), 0, 10).items).containsExactly(created);
    assertThat(store.invitationCount()).isEqualTo(1);
  }

  @Test
  void aCallerFromBeforeAReplacementDeletesFromTheNewAccount() {
    account("superuser", false);
    User before = store.authenticate("t");
    account("superuser", false);
    User now = store.authenticate("t");
    StoredInvitation invitation = store.create(now, NewInvitation.of("n@x.example", "user"), true);

    store.delete(before, invitation.id);

    assertThat(store.invitationCount()).isZero();
  }

  @Test
  void aCallerWhoseTokenIsGoneAfterAReplacementIsUnauthenticated() {
    account("superuser", false);
    User before = store.authenticate("t");
    store.replace(builder -> {});

    Refusal refusal =
        catchThrowableOfType(
            Refusal.class,
            () -> store.create(before, NewInvitation.of("n@x.example", "user"), true));

    assertThat(refusal.reason()).isEqualTo(Refusal.Reason.UNAUTHENTICATED);
    assertThat(store.invitationCount()).isZero();
  }

  @Test
  void aCallerWhoseRoleChangedInTheReplacementIsJudgedByItsNewRole() {
    account("superuser", false);
    User before = store.authenticate("t");
    account("user", false);

    Refusal onCreate =
        catchThrowableOfType(
            Refusal.class,
            () -> store.create(before, NewInvitation.of("n@x.example", "user"), true));
    Refusal onList = catchThrowableOfType(Refusal.class, () -> store.page(before, 0, 10));
    Refusal onDelete = catchThrowableOfType(Refusal.class, () -> store.delete(before, "x"));

    assertThat(onCreate.reason()).isEqualTo(Refusal.Reason.FORBIDDEN);
    assertThat(onCreate.detail()).isEqualTo("A user may not invite anyone");
    assertThat(onList.detail()).isEqualTo("A user may not list invitations");
    assertThat(onDelete.detail()).isEqualTo("A user may not delete invitations");
  }

  @Test
  void withoutTheCallersRoleAnInvitationGrantsWhatTheCallerCouldNot() {
    account("engineer", false);
    User engineer = store.authenticate("t");
    NewInvitation superuser = NewInvitation.of("n@x.example", "superuser");

    assertThat(catchThrowableOfType(Refusal.class, () -> store.create(engineer, superuser, true)))
        .extracting(Refusal::detail)
        .isEqualTo("An engineer may only invite users and engineers, not a superuser");
    assertThat(store.create(engineer, superuser, false).role).isEqualTo("superuser");
  }

  @ParameterizedTest
  @CsvSource({
    "superuser, false, ",
    "engineer, false, ",
    "engineer, true, A engineer with service limits may not list invitations",
    "user, false, A user may not list invitations",
    "user, true, A user may not list invitations",
    "billing, false, A billing may not list invitations",
    "tls_viewer, false, A tls_viewer may not list invitations",
    "tls_admin, false, A tls_admin may not list invitations"
  })
  void onlySuperusersAndEngineersWithoutServiceLimitsMayManageInvitations(
      String role, boolean limited, String refusal) {
    account(role, limited);
    User caller = store.authenticate("t");

    Refusal refused =
        catchThrowableOfType(
            Refusal.class, () -> RolePolicy.checkMay(caller, RolePolicy.Action.LIST));

    if (refusal == null) {
      assertThat(refused).isNull();
    } else {
      assertThat(refused.reason()).isEqualTo(Refusal.Reason.FORBIDDEN);
      assertThat(refused.detail()).isEqualTo(refusal);
    }
  }

  /** Replaces the store with one account whose one user has token "t". */
  private void account(String role, boolean limitServices) {
    store.replace(
        builder -> {
          Customer customer = new Customer("c1", "c", Set.of("s1"));
          builder.put(customer);
          builder.put(
              new User(
                  customer,
                  "a@x.example",
                  role,
                  limitServices,
                  limitServices ? List.of("s1") : List.of(),
                  "t"));
        });
  }
}
