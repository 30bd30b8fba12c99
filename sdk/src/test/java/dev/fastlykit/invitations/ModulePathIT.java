package dev.fastlykit.invitations;

import static dev.fastlykit.invitations.Fixtures.jsonApi;
import static dev.fastlykit.invitations.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as a modular application sees it: only the API package is exported, the
 * generated models are open to Gson alone, and a call works with everything on the module path.
 */
class ModulePathIT {
  private static final Path JAR =
      Path.of("target", "fastly-invitations-sdk-" + System.getProperty("project.version") + ".jar");

  @Test
  void theModuleExportsTheApiAloneAndOpensTheModelsToGsonAlone() {
    ModuleDescriptor module =
        ModuleFinder.of(JAR).find("dev.fastlykit.invitations").orElseThrow().descriptor();

    assertThat(module.exports())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactly("dev.fastlykit.invitations");
    assertThat(module.exports()).allMatch(e -> !e.isQualified());
    assertThat(module.opens())
        .singleElement()
        .satisfies(
            open -> {
              assertThat(open.source()).isEqualTo("dev.fastlykit.invitations.generated.model");
              assertThat(open.targets()).containsExactly("com.google.gson");
            });
  }

  private static boolean hasClasses(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream()
          .anyMatch(
              e -> e.getName().endsWith(".class") && !e.getName().endsWith("module-info.class"));
    }
  }

  @Test
  void aCallWorksOnTheModulePathAndTheGeneratedClassesAreOutOfReach() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(jsonApi(200, page(1, 20, 1, true, false)));
      server.start();
      String runtime =
          Files.readString(Path.of("target", "runtime-classpath.txt"), StandardCharsets.UTF_8);
      List<String> modulePath = new ArrayList<>(List.of(JAR.toString()));
      for (String jar : runtime.strip().split(File.pathSeparator)) {
        // Maven also brings the Kotlin Multiplatform metadata jars of OkHttp 4's dependencies
        // (okio-3.6.0.jar beside okio-jvm, kotlin-stdlib-common): no classes, and on a module
        // path a second module "okio". The README tells modular applications to leave them out.
        if (hasClasses(Path.of(jar))) {
          modulePath.add(jar);
        }
      }

      Process probe =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "--module-path",
                  String.join(File.pathSeparator, modulePath),
                  "--add-modules",
                  "dev.fastlykit.invitations",
                  "-cp",
                  Path.of("target", "test-classes").toString(),
                  "dev.fastlykit.probe.ModulePathProbe",
                  server.url("/").toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(output.lines().collect(Collectors.toList()))
          .as(output)
          .containsSubsequence(
              "listed 1", "module dev.fastlykit.invitations", "generated classes are sealed");
      assertThat(probe.exitValue()).isZero();
      assertThat(Set.of(server.takeRequest().getHeader("Fastly-Key")))
          .containsExactly("probe-token");
    }
  }
}
