package dev.fastlykit.invitations.bench;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor: bare Javalin answering with fixed bytes (the mock server's own answers, captured),
 * without auth, state, parsing or journal. What the mock server costs is measured against this.
 *
 * <p>{@code java -cp fastly-invitations-benchmarks.jar dev.fastlykit.invitations.bench.Floor PORT
 * LIST_BODY CREATE_BODY}
 */
public final class Floor {
  private Floor() {}

  public static void main(String... args) throws Exception {
    Javalin app =
        start(
            Integer.parseInt(args[0]),
            Files.readAllBytes(Path.of(args[1])),
            Files.readAllBytes(Path.of(args[2])));
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
  }

  static Javalin start(int port, byte[] list, byte[] created) {
    return Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.startup.startupWatcherEnabled = false;
              config.routes.get(
                  "/invitations", ctx -> ctx.contentType("application/vnd.api+json").result(list));
              config.routes.post(
                  "/invitations",
                  ctx -> ctx.contentType("application/vnd.api+json").result(created));
            })
        .start("127.0.0.1", port);
  }
}
