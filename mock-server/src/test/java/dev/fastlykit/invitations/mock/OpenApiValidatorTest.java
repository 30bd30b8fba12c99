package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Proves that validation would catch a server that drifted from the spec. */
class OpenApiValidatorTest {
  @Test
  void aResponseMissingWhatTheSpecRequiresIsAViolation() throws Exception {
    OpenApiValidator validator = new OpenApiValidator(MockFastlyServer.specText());
    List<String> violations = new CopyOnWriteArrayList<>();
    Javalin drifted =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.routes.get(
                      "/invitations",
                      ctx ->
                          ctx.status(200)
                              .contentType("application/vnd.api+json")
                              .result("{\"data\":[]}"));
                  config.routes.after(ctx -> violations.addAll(validator.check(ctx, null, true)));
                })
            .start("127.0.0.1", 0);
    try {
      java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + drifted.port() + "/invitations"))
                  .header("Fastly-Key", "k")
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
    } finally {
      drifted.stop();
    }

    assertThat(violations).anyMatch(v -> v.startsWith("response:") && v.contains("links"));
  }
}
