package dev.fastlykit.invitations.contract;

import au.com.dius.pact.provider.junitsupport.State;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Puts the mock server in the state an interaction was written for, through its Java API. The
 * server starts empty (the demo accounts, no invitations), so counts are exact.
 */
public final class MockServerStates {
  private final MockFastlyServer server;
  private final Consumer<String> afterReset;

  /** {@code afterReset} is told the state each time the server was reset to set it up. */
  MockServerStates(MockFastlyServer server, Consumer<String> afterReset) {
    this.server = server;
    this.afterReset = afterReset;
  }

  private void reset(String state) {
    server.reset();
    afterReset.accept(state);
  }

  @State(Contract.HAS_INVITATIONS)
  public void hasInvitations(Map<String, Object> params) {
    reset(Contract.HAS_INVITATIONS);
    int count = ((Number) params.getOrDefault("count", 0)).intValue();
    for (int i = 0; i < count; i++) {
      server.addInvitation(
          MockFastlyServer.DEMO_SUPERUSER_TOKEN, "person" + i + "@example.com", "user");
    }
  }

  @State(Contract.INVITATION_EXISTS)
  public Map<String, Object> invitationExists(Map<String, Object> params) {
    reset(Contract.INVITATION_EXISTS);
    String id =
        server.addInvitation(
            MockFastlyServer.DEMO_SUPERUSER_TOKEN, (String) params.get("email"), "engineer");
    return Map.of("id", id);
  }

  @State(Contract.NO_SUCH_INVITATION)
  public void noSuchInvitation(Map<String, Object> params) {
    reset(Contract.NO_SUCH_INVITATION);
  }

  @State(Contract.OWNS_SERVICE)
  public void ownsService(Map<String, Object> params) {
    reset(Contract.OWNS_SERVICE);
    if (!server.exportState().contains("\"" + params.get("serviceId") + "\"")) {
      throw new IllegalStateException("the demo account does not own " + params.get("serviceId"));
    }
  }

  @State(Contract.BUDGET_SPENT)
  public void budgetSpent() {
    reset(Contract.BUDGET_SPENT);
    server.writeLimit(0);
  }
}
