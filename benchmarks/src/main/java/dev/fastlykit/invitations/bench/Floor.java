package dev.fastlykit.invitations.bench;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor: bare Javalin answering with fixed bytes (the mock server's own answers, captured),
 * without auth, state, journal or rate limits. What the mock server costs is measured against this.
 * It is as cheap as an answer on Javalin can be: the captured bytes go out in one write with their
 * {@code Content-Length}, not through {@code ctx.result}, which copies them again; and a create
 * still reads and parses its JSON body, as any server must.
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
              config.routes.get("/invitations", ctx -> write(ctx, list));
              config.routes.post(
                  "/invitations",
                  ctx -> {
                    try {
                      if (!JsonParser.parseString(ctx.body()).isJsonObject()) {
                        throw new BadRequestResponse();
                      }
                    } catch (JsonParseException e) {
                      throw new BadRequestResponse();
                    }
                    write(ctx, created);
                  });
            })
        .start("127.0.0.1", port);
  }

  private static void write(Context ctx, byte[] body) throws java.io.IOException {
    ctx.contentType("application/vnd.api+json");
    ctx.res().setContentLength(body.length);
    ctx.res().getOutputStream().write(body);
  }
}
