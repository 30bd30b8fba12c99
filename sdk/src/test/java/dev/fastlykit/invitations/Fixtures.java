package dev.fastlykit.invitations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Canned responses and a client wired for tests: no real sleeping, a fixed clock. */
final class Fixtures {
  static final String TOKEN = "s3cr3t-fastly-token-do-not-log";
  static final Instant NOW = Instant.parse("2026-01-08T11:22:33Z");
  static final String JSON_API = "application/vnd.api+json";

  private Fixtures() {}

  /** Records every wait instead of waiting; scheduled tasks run at once. */
  static final class RecordingTimer implements RetryTimer {
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final List<Duration> scheduled = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration delay) {
      sleeps.add(delay);
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
      scheduled.add(delay);
      task.run();
    }
  }

  static InvitationsClient.Builder builder(MockWebServer server, RecordingTimer timer) {
    return InvitationsClient.builder()
        .apiToken(TOKEN)
        .baseUrl(server.url("/").toString())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .retryTimer(timer);
  }

  static MockResponse jsonApi(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", JSON_API)
        .setBody(body);
  }

  static MockResponse error(int status, String msg, String detail) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"msg\":\""
                + msg
                + "\""
                + (detail == null ? "" : ",\"detail\":\"" + detail + "\"")
                + "}");
  }

  static MockResponse noContent() {
    return new MockResponse()
        .setResponseCode(204)
        .setHeader("Fastly-RateLimit-Remaining", "997")
        .setHeader("Fastly-RateLimit-Reset", "1767873600");
  }

  /** One invitation resource object. */
  static String invitationJson(String id, String email, String role) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"invitation\",\"attributes\":{\"email\":\""
        + email
        + "\",\"limit_services\":false,\"role\":\""
        + role
        + "\",\"roles\":[],\"status_code\":1,\"created_at\":\"2026-01-05T09:00:00Z\","
        + "\"updated_at\":\"2026-01-05T09:00:00Z\",\"deleted_at\":null},"
        + "\"relationships\":{\"customer\":{\"data\":{\"type\":\"customer\","
        + "\"id\":\"7mH1CzgJ0wPq3n5VdYk2Lr\"}}}}";
  }

  static String created(String id, String email) {
    return "{\"data\":" + invitationJson(id, email, "user") + "}";
  }

  /**
   * A list page of {@code count} invitations; {@code meta} and {@code next} say whether the server
   * sends its page counts and a link to the next page.
   */
  static String page(int number, int size, int total, boolean meta, boolean next) {
    StringBuilder data = new StringBuilder();
    int first = (number - 1) * size;
    for (int i = first; i < Math.min(first + size, total); i++) {
      if (data.length() > 0) {
        data.append(',');
      }
      data.append(invitationJson(id(i), "person" + i + "@example.com", "user"));
    }
    int pages = (total + size - 1) / size;
    String link = "https://api.fastly.com/invitations?page%5Bnumber%5D=";
    StringBuilder links = new StringBuilder("{\"last\":\"" + link + Math.max(pages, 1) + "\"");
    if (next && number < pages) {
      links.append(",\"next\":\"").append(link).append(number + 1).append('"');
    }
    links.append('}');
    return "{\"data\":["
        + data
        + "],\"links\":"
        + links
        + (meta
            ? ",\"meta\":{\"current_page\":"
                + number
                + ",\"per_page\":"
                + size
                + ",\"record_count\":"
                + total
                + ",\"total_pages\":"
                + pages
                + "}"
            : "")
        + "}";
  }

  /** A 22-character id for the i-th invitation. */
  static String id(int i) {
    String digits = Integer.toString(i);
    return "Inv" + "0".repeat(19 - digits.length()) + digits;
  }
}
