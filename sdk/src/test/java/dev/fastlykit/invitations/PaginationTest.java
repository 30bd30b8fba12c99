package dev.fastlykit.invitations;

import static dev.fastlykit.invitations.Fixtures.jsonApi;
import static dev.fastlykit.invitations.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaginationTest {
  private final MockWebServer server = new MockWebServer();
  private InvitationsClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = Fixtures.builder(server, new Fixtures.RecordingTimer()).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  @Test
  void whatTheMetaLeavesOutIsTakenFromWhatWasAsked() {
    server.enqueue(
        jsonApi(
            200,
            "{\"data\":[],\"links\":{\"last\":\"https://api.fastly.com/invitations\"},"
                + "\"meta\":{\"record_count\":0,\"total_pages\":0}}"));
    server.enqueue(
        jsonApi(200, "{\"data\":[],\"links\":{},\"meta\":{\"current_page\":4,\"per_page\":9}}"));

    Page<Invitation> partial = client.list(3, 7);
    Page<Invitation> noCounts = client.list(3, 7);

    assertThat(partial.pageNumber()).isEqualTo(3);
    assertThat(partial.pageSize()).isEqualTo(7);
    assertThat(partial.totalRecords()).isZero();
    assertThat(partial.hasNext()).isFalse();
    assertThat(noCounts.pageNumber()).isEqualTo(4);
    assertThat(noCounts.pageSize()).isEqualTo(9);
    assertThat(noCounts.totalRecords()).isEqualTo(-1);
    assertThat(noCounts.totalPages()).isEqualTo(-1);
  }

  @Test
  void nullRolesInAnAnswerAreLeftOut() {
    server.enqueue(
        jsonApi(
            200,
            "{\"data\":["
                + Fixtures.invitationJson("Inv0000000000000000001", "a@b.co", "user")
                    .replace("\"roles\":[]", "\"roles\":[\"r1\",null,\"r2\"]")
                + "],\"links\":{}}"));

    assertThat(client.list(1, 20).items().get(0).roles()).containsExactly("r1", "r2");
  }

  @Test
  void hasNextFollowsTheMetaCountsWhenThereIsNoNextLink() {
    server.enqueue(jsonApi(200, page(1, 2, 5, true, false)));
    server.enqueue(jsonApi(200, page(3, 2, 5, true, false)));

    assertThat(client.list(1, 2).hasNext()).isTrue();
    assertThat(client.list(3, 2).hasNext()).isFalse();
  }

  @Test
  void hasNextFollowsTheNextLinkWhenThereIsNoMeta() {
    server.enqueue(jsonApi(200, page(1, 2, 5, false, true)));
    server.enqueue(jsonApi(200, page(3, 2, 5, false, true)));

    Page<Invitation> first = client.list(1, 2);
    Page<Invitation> last = client.list(3, 2);

    assertThat(first.hasNext()).isTrue();
    assertThat(first.totalRecords()).isEqualTo(-1);
    assertThat(first.totalPages()).isEqualTo(-1);
    assertThat(first.pageNumber()).isEqualTo(1);
    assertThat(first.pageSize()).isEqualTo(2);
    assertThat(last.hasNext()).isFalse();
  }

  @Test
  void listAllWalksEveryPageAndStopsOnTheLast() {
    serveAll(250, true, true);

    List<String> emails =
        client.listAll().stream().map(Invitation::email).collect(Collectors.toList());

    assertThat(emails)
        .hasSize(250)
        .startsWith("person0@example.com")
        .endsWith("person249@example.com");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void listAllPagesWithMetaAlone() {
    serveAll(150, true, false);

    assertThat(client.listAll().stream().count()).isEqualTo(150);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void listAllPagesWithNextLinksAlone() {
    serveAll(150, false, true);

    assertThat(client.listAll().stream().count()).isEqualTo(150);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void listAllFetchesNothingUntilAskedAndOnePageAtATime() throws Exception {
    serveAll(250, true, true);

    AutoPager<Invitation> all = client.listAll();
    assertThat(server.getRequestCount()).isZero();

    Iterator<Invitation> iterator = all.iterator();
    for (int i = 0; i < 100; i++) {
      iterator.next();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    iterator.next();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(server.takeRequest().getPath())
        .isEqualTo("/invitations?page%5Bnumber%5D=1&page%5Bsize%5D=100");
    assertThat(server.takeRequest().getPath())
        .isEqualTo("/invitations?page%5Bnumber%5D=2&page%5Bsize%5D=100");
  }

  @Test
  void listAllOfAnEmptyAccountMakesOneRequest() {
    serveAll(0, true, true);

    assertThat(client.listAll()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void listAllStopsOnAnEmptyPageThatClaimsASuccessor() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return jsonApi(
                200,
                "{\"data\":[],\"links\":{\"next\":\"https://api.fastly.com/invitations\"},"
                    + "\"meta\":{\"current_page\":1,\"per_page\":100,\"record_count\":9,"
                    + "\"total_pages\":9}}");
          }
        });

    assertThat(client.listAll()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  /** Serves {@code total} invitations in pages of whatever size is asked for. */
  private void serveAll(int total, boolean meta, boolean next) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            HttpUrl url = request.getRequestUrl();
            int number = Integer.parseInt(url.queryParameter("page[number]"));
            int size = Integer.parseInt(url.queryParameter("page[size]"));
            return jsonApi(200, page(number, size, total, meta, next));
          }
        });
  }
}
