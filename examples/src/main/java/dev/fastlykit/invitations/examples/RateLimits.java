package dev.fastlykit.invitations.examples;

import dev.fastlykit.invitations.ApiResponse;
import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.RateLimit;
import dev.fastlykit.invitations.RateLimitException;
import dev.fastlykit.invitations.mock.FaultRule;
import java.io.PrintStream;
import java.time.Duration;

/** Read the hourly write budget, and see what the SDK's retries do for you. */
public final class RateLimits {
  public static void main(String... args) {
    try (ExampleSetup setup = ExampleSetup.fromEnvironment()) {
      run(setup, System.out);
    }
  }

  static void run(ExampleSetup setup, PrintStream out) {
    try (InvitationsClient client = setup.client()) {
      // Every POST and DELETE answer says how many writes are left this hour.
      ApiResponse<Invitation> created =
          client
              .withRawResponse()
              .create(NewInvitation.builder().email("budget@example.com").build());
      RateLimit limit = created.rateLimit().orElseThrow();
      out.println(
          "Writes left this hour: " + limit.remaining() + ", renewed at " + limit.resetAt());
      ApiResponse<Void> deleted = client.withRawResponse().delete(created.body().id());
      out.println("After the delete: " + deleted.rateLimit().map(RateLimit::remaining).orElse(-1L));
    }

    setup
        .mockServer()
        .ifPresent(
            server -> {
              // Fastly has a bad moment: two 503s. A list is retried (twice by default) and
              // succeeds.
              server.addFault(
                  FaultRule.on("GET", "/invitations")
                      .status(503)
                      .header("Retry-After", "1")
                      .times(2)
                      .build());
              try (InvitationsClient client = setup.client()) {
                long start = System.nanoTime();
                int count = client.list().items().size();
                out.println(
                    "Listed "
                        + count
                        + " invitations through two 503s in "
                        + Duration.ofNanos(System.nanoTime() - start).toSeconds()
                        + "+ s (Retry-After honoured)");
              }

              // The budget is spent and renews at the top of the hour: longer than maxRetryDelay
              // (30 s by
              // default), so the SDK does not wait but throws at once, saying when to come back.
              server.writeLimit(0);
              try (InvitationsClient client = setup.client()) {
                client.create(NewInvitation.builder().email("later@example.com").build());
              } catch (RateLimitException e) {
                out.println("429 thrown at once; come back at " + e.resetAt().orElseThrow());
              } finally {
                server.writeLimit(1000);
              }
            });

    // Retries are yours to tune: maxRetries(0) turns them off, maxRetryDelay bounds any wait.
    try (InvitationsClient patient =
        InvitationsClient.builder()
            .apiToken(setup.apiToken())
            .baseUrl(setup.baseUrl())
            .maxRetries(5)
            .maxRetryDelay(Duration.ofMinutes(2))
            .build()) {
      out.println("A patient client: " + patient);
    }
  }
}
