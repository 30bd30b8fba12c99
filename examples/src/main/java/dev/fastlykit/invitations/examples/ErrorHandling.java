package dev.fastlykit.invitations.examples;

import dev.fastlykit.invitations.AuthenticationException;
import dev.fastlykit.invitations.BadRequestException;
import dev.fastlykit.invitations.FastlyApiException;
import dev.fastlykit.invitations.FastlyConnectionException;
import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.NotFoundException;
import dev.fastlykit.invitations.PermissionDeniedException;
import dev.fastlykit.invitations.RateLimitException;
import dev.fastlykit.invitations.Role;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import java.io.PrintStream;
import java.time.Duration;

/** Each exception the SDK throws, how to provoke it, and what to do about it. */
public final class ErrorHandling {
  public static void main(String... args) {
    try (ExampleSetup setup = ExampleSetup.fromEnvironment()) {
      run(setup, System.out);
    }
  }

  static void run(ExampleSetup setup, PrintStream out) {
    // Before any request: the builder checks the email address itself.
    try {
      NewInvitation.builder().email("ada@").build();
    } catch (IllegalArgumentException e) {
      out.println("IllegalArgumentException: " + e.getMessage() + " -> fix the input");
    }

    try (InvitationsClient client = setup.client()) {
      // 400: the request is wrong, or conflicts with the account (this email is already invited).
      Invitation ada = client.create(NewInvitation.builder().email("ada@example.com").build());
      try {
        client.create(NewInvitation.builder().email("ada@example.com").build());
      } catch (BadRequestException e) {
        out.println("BadRequestException: " + e.detail().orElse(e.msg()) + " -> fix the request");
      }
      client.delete(ada.id());

      // 404: the invitation is gone (deleted, accepted, or never there). Usually nothing to do.
      try {
        client.delete(ada.id());
      } catch (NotFoundException e) {
        out.println("NotFoundException: " + e.getMessage() + " -> it is gone already");
      }
    }

    // 401: the token is wrong.
    try (InvitationsClient client =
        InvitationsClient.builder().apiToken("not-a-token").baseUrl(setup.baseUrl()).build()) {
      client.list();
    } catch (AuthenticationException e) {
      out.println("AuthenticationException: " + e.msg() + " -> check FASTLY_API_TOKEN");
    }

    // 403 and 429 need a second user, or a spent budget: the mock server has both at hand.
    setup.mockServer().ifPresent(server -> forbiddenAndRateLimited(server, setup, out));

    // No answer at all: nothing listens on port 9. Lists would be retried; here retries are off.
    try (InvitationsClient client =
        InvitationsClient.builder()
            .apiToken(setup.apiToken())
            .baseUrl("http://127.0.0.1:9")
            .maxRetries(0)
            .connectTimeout(Duration.ofSeconds(2))
            .build()) {
      client.list();
    } catch (FastlyConnectionException e) {
      out.println(
          "FastlyConnectionException: "
              + e.getCause().getClass().getSimpleName()
              + " -> check the network; a create may or may not have happened");
    }
  }

  private static void forbiddenAndRateLimited(
      MockFastlyServer server, ExampleSetup setup, PrintStream out) {
    try (InvitationsClient engineer =
        InvitationsClient.builder()
            .apiToken(MockFastlyServer.DEMO_ENGINEER_TOKEN)
            .baseUrl(setup.baseUrl())
            .build()) {
      engineer.create(
          NewInvitation.builder().email("root@example.com").role(Role.SUPERUSER).build());
    } catch (PermissionDeniedException e) {
      out.println("PermissionDeniedException: " + e.detail().orElse("") + " -> ask a superuser");
    }

    server.writeLimit(0);
    try (InvitationsClient client = setup.client()) {
      client.delete("4Lq8Vd2Kx9Tn3Rb6Yh1WsZ");
    } catch (RateLimitException e) {
      out.println(
          "RateLimitException: writes allowed again at "
              + e.resetAt().map(Object::toString).orElse("the top of the hour"));
    } catch (FastlyApiException e) {
      out.println("Any other status: " + e.statusCode() + " " + e.msg());
    } finally {
      server.writeLimit(1000);
    }
  }
}
