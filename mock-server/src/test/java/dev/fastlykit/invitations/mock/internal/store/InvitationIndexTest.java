package dev.fastlykit.invitations.mock.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvitationIndexTest {
  /** The list's order, as the spec gives it: oldest first, ties by id. */
  private static final Comparator<StoredInvitation> LIST_ORDER =
      Comparator.comparingLong((StoredInvitation i) -> i.createdAt).thenComparing(i -> i.id);

  private final Customer customer = new Customer("c", "c", Set.of());
  private final User sender = new User(customer, "a@b.example", "superuser", false, List.of(), "t");

  @Test
  void slicesMatchASortedListThroughRandomAddsAndRemoves() {
    InvitationIndex index = new InvitationIndex();
    List<StoredInvitation> model = new ArrayList<>();
    Random random = new Random(42);
    Ids ids = new Ids(random);

    for (int step = 0; step < 40_000; step++) {
      if (model.isEmpty() || random.nextInt(3) > 0) {
        // Few distinct timestamps, so that ties by id are exercised.
        StoredInvitation invitation = invitation(ids.next(), random.nextInt(50));
        index.add(invitation);
        model.add(invitation);
      } else {
        StoredInvitation removed = model.remove(random.nextInt(model.size()));
        index.remove(removed);
      }
      if (step % 997 == 0) {
        model.sort(LIST_ORDER);
        int offset = random.nextInt(model.size() + 5);
        int limit = 1 + random.nextInt(30);
        assertThat(index.slice(offset, limit))
            .containsExactlyElementsOf(
                model.subList(
                    Math.min(offset, model.size()), Math.min(offset + limit, model.size())));
        assertThat(index.size()).isEqualTo(model.size());
      }
    }
    model.sort(LIST_ORDER);
    assertThat(index.all()).containsExactlyElementsOf(model);
  }

  @Test
  void slicesMatchThroughAppendsInCreationOrderAsCreatesMakeThem() {
    InvitationIndex index = new InvitationIndex();
    List<StoredInvitation> model = new ArrayList<>();
    Random random = new Random(7);
    Ids ids = new Ids(random);

    // Enough for three levels of 64-wide nodes, appended as creates do (newest last, many
    // in the same second), with some removals and some older ones (an imported state) between.
    for (int step = 0; step < 100_000; step++) {
      int dice = random.nextInt(100);
      if (dice < 90 || model.isEmpty()) {
        StoredInvitation invitation = invitation(ids.next(), step / 100);
        index.add(invitation);
        model.add(invitation);
      } else if (dice < 98) {
        index.remove(model.remove(random.nextInt(model.size())));
      } else {
        StoredInvitation older = invitation(ids.next(), random.nextInt(step / 100 + 1));
        index.add(older);
        model.add(older);
      }
      if (step % 9_973 == 0) {
        model.sort(LIST_ORDER);
        int offset = random.nextInt(model.size() + 5);
        assertThat(index.slice(offset, 50))
            .containsExactlyElementsOf(
                model.subList(Math.min(offset, model.size()), Math.min(offset + 50, model.size())));
      }
    }
    model.sort(LIST_ORDER);
    assertThat(index.size()).isEqualTo(model.size());
    assertThat(index.all()).containsExactlyElementsOf(model);
  }

  @Test
  void aSliceBeyondTheEndIsEmpty() {
    InvitationIndex index = new InvitationIndex();
    index.add(invitation("A", 1));

    assertThat(index.slice(1, 10)).isEmpty();
    assertThat(index.slice(0, 0)).isEmpty();
  }

  @Test
  void drainingFromEitherEndKeepsEverySliceRight() {
    for (boolean oldestFirst : new boolean[] {true, false}) {
      InvitationIndex index = new InvitationIndex();
      List<StoredInvitation> model = new ArrayList<>();
      Ids ids = new Ids(new Random(oldestFirst ? 1 : 2));
      // Five leaves and more: the leaves at both ends empty in turn.
      for (int i = 0; i < 330; i++) {
        StoredInvitation invitation = invitation(ids.next(), i);
        index.add(invitation);
        model.add(invitation);
      }

      while (!model.isEmpty()) {
        index.remove(model.remove(oldestFirst ? 0 : model.size() - 1));

        assertThat(index.size()).isEqualTo(model.size());
        assertThat(index.slice(0, 1000)).containsExactlyElementsOf(model);
        int middle = model.size() / 2;
        assertThat(index.slice(middle, 7))
            .containsExactlyElementsOf(model.subList(middle, Math.min(middle + 7, model.size())));
      }
      assertThat(index.slice(0, 10)).isEmpty();
    }
  }

  @Test
  void drainingAThreeLevelTreeFromTheFrontEmptiesWholeSubtrees() {
    InvitationIndex index = new InvitationIndex();
    List<StoredInvitation> model = new ArrayList<>();
    Ids ids = new Ids(new Random(3));
    // More than 64 full leaves: the root's first child is an inner node that empties entirely.
    for (int i = 0; i < 4_300; i++) {
      StoredInvitation invitation = invitation(ids.next(), i);
      index.add(invitation);
      model.add(invitation);
    }

    for (int removed = 0; !model.isEmpty(); removed++) {
      index.remove(model.remove(0));
      if (removed % 61 == 0 || model.size() < 70) {
        assertThat(index.size()).isEqualTo(model.size());
        assertThat(index.slice(0, 3))
            .containsExactlyElementsOf(model.subList(0, Math.min(3, model.size())));
      }
    }
    assertThat(index.all()).isEmpty();
  }

  @Test
  void ordersByTimeThenAsStringsOrderTheIdsWhateverCharactersTheyHold() {
    // Ids from an imported state can be any text: short ones, zeros, units above any byte; the
    // index compares the first four characters packed into a number before the ids themselves.
    // Ids are unique in a store, as here.
    char[] units = {'\0', '\u0001', 'a', 'b', '\u00ff', '\u0100', '\ud800', '\uffff'};
    Random random = new Random(3);
    InvitationIndex index = new InvitationIndex();
    List<StoredInvitation> model = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder id = new StringBuilder();
      int length = random.nextInt(7);
      for (int c = 0; c < length; c++) {
        id.append(units[random.nextInt(units.length)]);
      }
      if (!used.add(id.toString())) {
        continue;
      }
      StoredInvitation invitation = invitation(id.toString(), random.nextInt(2));
      index.add(invitation);
      model.add(invitation);
      if (i % 5 == 4) {
        StoredInvitation removed = model.remove(random.nextInt(model.size()));
        index.remove(removed);
      }
    }
    model.sort(LIST_ORDER);

    assertThat(index.all()).containsExactlyElementsOf(model);
  }

  private StoredInvitation invitation(String id, long createdAt) {
    return new StoredInvitation(
        id,
        id + "@x.example",
        "user",
        new String[0],
        false,
        1,
        createdAt,
        createdAt,
        customer,
        sender,
        new ServiceGrant[0]);
  }
}
