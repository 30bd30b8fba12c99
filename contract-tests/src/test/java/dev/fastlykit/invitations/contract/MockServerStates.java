package dev.fastlykit.invitations.contract;

import au.com.dius.pact.provider.junitsupport.State;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.util.Map;

/**
 * Puts the mock server in the state an interaction was written for, through its Java API. The
 * server starts empty (the demo accounts, no invitations), so counts are exact.
 */
public final class MockServerStates {
  private final MockFastlyServer server;
  private final Runnable afterReset;

  MockServerStates(MockFastlyServer server, Runnable afterReset) {
    this.server = server;
    this.afterReset = afterReset;
  }

  private void reset() {
    server.reset();
    afterReset.run();
  }

  @State(Contract.HAS_INVITATIONS)
  public void hasInvitations(Map<String, Object> params) {
    reset();
    int count = ((Number) params.getOrDefault("count", 0)).intValue();
    for (int i = 0; i < count; i++) {
      server.addInvitation(
          MockFastlyServer.DEMO_SUPERUSER_TOKEN, "person" + i + "@example.com", "user");
    }
  }

  @State(Contract.INVITATION_EXISTS)
  public Map<String, Object> invitationExists(Map<String, Object> params) {
    reset();
    String id =
        server.addInvitation(
            MockFastlyServer.DEMO_SUPERUSER_TOKEN, (String) params.get("email"), "engineer");
    return Map.of("id", id);
  }

  @State(Contract.NO_SUCH_INVITATION)
  public void noSuchInvitation(Map<String, Object> params) {
    reset();
  }

  @State(Contract.OWNS_SERVICE)
  public void ownsService(Map<String, Object> params) {
    reset();
    if (!server.exportState().contains("\"" + params.get("serviceId") + "\"")) {
      throw new IllegalStateException("the demo account does not own " + params.get("serviceId"));
    }
  }

  @State(Contract.BUDGET_SPENT)
  public void budgetSpent() {
    reset();
    server.writeLimit(0);
  }
}
