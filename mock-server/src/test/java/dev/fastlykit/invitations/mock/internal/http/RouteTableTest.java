package dev.fastlykit.invitations.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fastlykit.invitations.mock.internal.store.WriteBudgets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The route table: how it matches paths as Javalin does, and the README's route list. */
class RouteTableTest {
  private static final RouteTable ROUTES =
      new ApiServer(
              new MockState(MockState.demo(false), Clock.systemUTC(), WriteBudgets.DEFAULT_LIMIT),
              Clock.systemUTC(),
              new ApiServer.Options(
                  "127.0.0.1", 0, null, Duration.ofSeconds(1), false, false, null))
          .routes();

  @ParameterizedTest
  @CsvSource({
    "/invitations, /invitations, true",
    "/invitations, /invitations/, true",
    "/invitations, /invitation, false",
    "/invitations, /invitationsX, false",
    "/invitations, /invitations/x, false",
    "/invitations/{invitation_id}, /invitations/4Lq8, true",
    "/invitations/{invitation_id}, /invitations/4Lq8/, true",
    "/invitations/{invitation_id}, /invitations/, false",
    "/invitations/{invitation_id}, /invitations//, false",
    "/invitations/{invitation_id}, /invitations/a/b, false",
    "/__admin/faults/{id}, /__admin/faults/fault-1, true",
    "/__admin/faults/{id}, /__admin/faults, false"
  })
  void aPathMatchesSegmentBySegment(String pattern, String path, boolean matches) {
    assertThat(RouteTable.matches(pattern, path)).isEqualTo(matches);
  }

  @Test
  void allowListsEveryMethodOfThePathInTableOrder() {
    assertThat(ROUTES.allow("/invitations")).isEqualTo("GET, POST");
    assertThat(ROUTES.allow("/invitations/4Lq8Vd2Kx9Tn3Rb6Yh1WsZ")).isEqualTo("DELETE");
    assertThat(ROUTES.allow("/__admin/faults")).isEqualTo("GET, POST, DELETE");
    assertThat(ROUTES.allow("/nowhere")).isNull();
  }

  @Test
  void onlyTheSpecsOperationsAreDocumented() {
    assertThat(ROUTES.documented("GET", "/invitations")).isTrue();
    assertThat(ROUTES.documented("DELETE", "/invitations/x")).isTrue();
    assertThat(ROUTES.documented("GET", "/invitations/x")).isFalse();
    assertThat(ROUTES.documented("GET", "/openapi.yaml")).isFalse();
    assertThat(ROUTES.documented("POST", "/__admin/reset")).isFalse();
  }

  @Test
  void theReadmeListsEveryRouteOfTheTable() throws Exception {
    String table =
        ROUTES.routes().stream()
            .map(r -> "| `" + r.method() + "` | `" + r.path() + "` | " + r.summary() + " |")
            .collect(Collectors.joining("\n"));
    String readme = Files.readString(Path.of("README.md"));

    assertThat(readme)
        .contains("| method | path | what it does |\n| --- | --- | --- |\n" + table + "\n\n");
  }
}
