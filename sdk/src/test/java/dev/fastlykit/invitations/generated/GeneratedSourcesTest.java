package dev.fastlykit.invitations.generated;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Guards the template overrides and generator settings: they are easy to lose on an upgrade. */
class GeneratedSourcesTest {
  private static final Path GENERATED =
      Path.of("target/generated-sources/openapi/src/main/java/dev/fastlykit/invitations/generated");

  @Test
  void generatedCodeUsesNeitherGsonInternalsNorGsonFireNorOltu() throws IOException {
    for (Path source : sources()) {
      assertThat(Files.readString(source))
          .as(source.toString())
          .doesNotContain("com.google.gson.internal")
          .doesNotContain("io.gsonfire")
          .doesNotContain("org.apache.oltu")
          .doesNotContain("javax.annotation");
    }
  }

  @Test
  void noOAuthHelperIsGenerated() throws IOException {
    assertThat(sources()).noneMatch(p -> p.getFileName().toString().startsWith("OAuth"));
  }

  @Test
  void roleAndPermissionAreRawStringsNotEnums() throws IOException {
    assertThat(GENERATED.resolve("model/RoleUser.java")).doesNotExist();
    assertThat(GENERATED.resolve("model/Permission.java")).doesNotExist();
    assertThat(Files.readString(GENERATED.resolve("model/InvitationResponseDataAttributes.java")))
        .contains("java.lang.String role;");
  }

  @Test
  void generationIsReproducibleWithoutATimestamp() throws IOException {
    for (Path source : sources()) {
      assertThat(Files.readString(source)).as(source.toString()).doesNotContain("date = \"");
    }
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(GENERATED)) {
      List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
      assertThat(sources).isNotEmpty();
      return sources;
    }
  }
}
