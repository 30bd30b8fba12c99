package dev.fastlykit.invitations.mock.internal.http;

import dev.fastlykit.invitations.mock.internal.journal.Changes;
import dev.fastlykit.invitations.mock.internal.journal.DriftReport;
import dev.fastlykit.invitations.mock.internal.journal.Faults;
import dev.fastlykit.invitations.mock.internal.journal.Journal;
import dev.fastlykit.invitations.mock.internal.state.StateDocument;
import dev.fastlykit.invitations.mock.internal.store.Emails;
import dev.fastlykit.invitations.mock.internal.store.Ids;
import dev.fastlykit.invitations.mock.internal.store.NewInvitation;
import dev.fastlykit.invitations.mock.internal.store.Refusal;
import dev.fastlykit.invitations.mock.internal.store.Roles;
import dev.fastlykit.invitations.mock.internal.store.Store;
import dev.fastlykit.invitations.mock.internal.store.User;
import dev.fastlykit.invitations.mock.internal.store.WriteBudgets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Everything a mock server holds and a reset puts back: the accounts and invitations, the write
 * budgets, the journal, the fault rules in force, the spec violations seen and the drift report.
 * Thread-safe.
 */
public final class MockState {
  private static final String DEMO_STATE = "dev/fastlykit/invitations/mock/demo-state.json";
  private static final String SPEC = "openapi/fastly-invitations.yaml";

  private final StateDocument initial;
  private final int initialWriteLimit;
  private final Store store;
  private final WriteBudgets budgets;
  private final Changes changes = new Changes();
  private final Journal journal = new Journal(changes);
  private final Faults faults = new Faults(changes);
  private final DriftReport drift = new DriftReport();
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final List<String> requestViolations = Collections.synchronizedList(new ArrayList<>());

  public MockState(StateDocument initial, Clock clock, int writeLimit) {
    this.initial = initial;
    this.initialWriteLimit = writeLimit;
    this.store = new Store(clock, Ids.fast());
    this.budgets = new WriteBudgets(clock, writeLimit);
    initial.replaceIn(store);
  }

  /** The demo accounts, with their invitations or without. */
  public static StateDocument demo(boolean empty) {
    StateDocument demo = Demo.DOCUMENT;
    return empty ? demo.withoutInvitations() : demo;
  }

  /** Read once: a test suite builds hundreds of servers from it, and a document never changes. */
  private static final class Demo {
    static final StateDocument DOCUMENT = StateDocument.parse(resource(DEMO_STATE));
  }

  /** The spec the server implements, as served at {@code /openapi.yaml}. */
  public static String spec() {
    return resource(SPEC);
  }

  /**
   * Goes back to the starting state: invitations, write budgets, journal, fault rules, spec
   * violations and drift report.
   */
  public void reset() {
    initial.replaceIn(store);
    budgets.clear();
    budgets.limit(initialWriteLimit);
    journal.clear();
    drift.clear();
    faults.clear();
    violations.clear();
    requestViolations.clear();
    changes.add(); // last: whoever it wakes reads the state as the reset left it
  }

  /** Replaces the accounts and invitations with a state document's. */
  public void importState(String state) {
    StateDocument.parse(state).replaceIn(store);
    changes.add();
  }

  /** Adds a state document's accounts to those there are. */
  public void addAccounts(String state) {
    StateDocument.parse(state).addTo(store);
    changes.add();
  }

  /**
   * Adds a pending invitation as if the token's user had sent it now, without checks of role or
   * write budget; returns its id.
   *
   * @throws IllegalArgumentException for an unknown token, a malformed email or role, or an email
   *     the account already has
   */
  public String addInvitation(String senderToken, String email, String role) {
    User sender = store.authenticate(senderToken);
    if (sender == null) {
      throw new IllegalArgumentException("unknown token");
    }
    String problem = Emails.problem(Objects.requireNonNull(email, "email"));
    if (problem != null) {
      throw new IllegalArgumentException("email '" + email + "' " + problem);
    }
    if (!Roles.ALL.contains(role)) {
      throw new IllegalArgumentException("unknown role '" + role + "'");
    }
    String id;
    try {
      id = store.create(sender, NewInvitation.of(email, role), false).id;
    } catch (Refusal e) {
      throw new IllegalArgumentException(e.detail(), e);
    }
    changes.add();
    return id;
  }

  /** Withdraws any invitation, as no user; false when there is none by that id. */
  public boolean withdraw(String invitationId) {
    boolean withdrawn = store.deleteAny(invitationId);
    if (withdrawn) {
      changes.add();
    }
    return withdrawn;
  }

  /** Sets the writes each token may make an hour, from now on. */
  public void writeLimit(int limit) {
    budgets.limit(limit);
    changes.add();
  }

  public String exportState() {
    return StateDocument.export(store);
  }

  public Store store() {
    return store;
  }

  public WriteBudgets budgets() {
    return budgets;
  }

  public Journal journal() {
    return journal;
  }

  /**
   * What changed, for those who wait for it (the console). Every change to what the admin API shows
   * counts, except a write budget refilling when its hour is over.
   */
  public Changes changes() {
    return changes;
  }

  /** What proxying found: exchanges checked, and those that broke the spec. */
  public DriftReport drift() {
    return drift;
  }

  public Faults faults() {
    return faults;
  }

  /** The spec violations seen since the last reset, at most as many as the journal holds. */
  public List<String> violations() {
    synchronized (violations) {
      return List.copyOf(violations);
    }
  }

  void violation(String line) {
    keep(violations, line);
  }

  /**
   * The requests seen since the last reset that the spec forbids, whatever the server answered, at
   * most as many as the journal holds.
   */
  public List<String> requestViolations() {
    synchronized (requestViolations) {
      return List.copyOf(requestViolations);
    }
  }

  void requestViolation(String line) {
    keep(requestViolations, line);
  }

  private static void keep(List<String> lines, String line) {
    synchronized (lines) {
      if (lines.size() < Journal.CAPACITY) {
        lines.add(line);
      }
    }
  }

  private static String resource(String name) {
    return new String(resourceBytes(name), StandardCharsets.UTF_8);
  }

  /** A file of the jar, such as the console's. */
  static byte[] resourceBytes(String name) {
    try (InputStream in = MockState.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
