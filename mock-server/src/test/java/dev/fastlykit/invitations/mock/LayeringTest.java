package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The mock server's packages depend one way, as its README draws them: the facade on the inside,
 * never the other way; the HTTP side on the rest; the store and the state format on nothing of
 * HTTP. Read from the sources' imports and qualified names.
 */
class LayeringTest {
  private static final String BASE = "dev.fastlykit.invitations.mock";
  private static final Path SOURCES = Path.of("src/main/java/dev/fastlykit/invitations/mock");
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(dev\\.fastlykit\\.invitations\\.mock(?:\\.[a-z0-9]+)*)\\.[A-Z]");
  private static final Pattern HTTP_LIBRARIES =
      Pattern.compile("\\b(io\\.javalin|jakarta\\.servlet|org\\.eclipse\\.jetty)\\.");

  /** What each internal package may use of the others. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "internal.http",
          Set.of(
              "internal.store",
              "internal.state",
              "internal.journal",
              "internal.json",
              "internal.spec",
              "internal.jetty"),
          "internal.state",
          Set.of("internal.store", "internal.json"),
          "internal.store",
          Set.of("internal.json"),
          "internal.journal",
          Set.of(),
          "internal.json",
          Set.of(),
          "internal.spec",
          Set.of(),
          "internal.jetty",
          Set.of());

  @Test
  void internalPackagesUseOnlyThoseBelowThemAndNeverTheFacade() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (Path source : sources()) {
      String from = packageOf(source);
      if (!from.startsWith("internal.")) {
        continue;
      }
      for (String to : references(source)) {
        if (!to.equals(from) && !ALLOWED.get(from).contains(to)) {
          wrong.add(
              source.getFileName() + " (" + from + ") uses " + (to.isEmpty() ? "the facade" : to));
        }
      }
    }

    assertThat(ALLOWED.keySet()).containsExactlyInAnyOrderElementsOf(internalPackages());
    assertThat(wrong).isEmpty();
  }

  @Test
  void onlyTheHttpSideAndJettysOwnKnowHttpLibraries() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (Path source : sources()) {
      String from = packageOf(source);
      boolean http = from.equals("internal.http") || from.equals("internal.jetty");
      if (!http && HTTP_LIBRARIES.matcher(code(source)).find()) {
        wrong.add(source.getFileName() + " (" + (from.isEmpty() ? "the facade" : from) + ")");
      }
    }

    assertThat(wrong).as("classes that know Javalin, Jetty or the servlet API").isEmpty();
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The package relative to the base: "" for the facade, such as "internal.store". */
  private static String packageOf(Path source) {
    String relative = SOURCES.relativize(source.getParent()).toString().replace('/', '.');
    return relative;
  }

  private static Set<String> references(Path source) throws IOException {
    Set<String> packages = new TreeSet<>();
    Matcher m = REFERENCE.matcher(code(source));
    while (m.find()) {
      String name = m.group(1);
      packages.add(name.equals(BASE) ? "" : name.substring(BASE.length() + 1));
    }
    return packages;
  }

  /**
   * The source without its character and string literals: a name in a string (a logger's) is no
   * dependency. Character literals go first, so that a quote in one ({@code '"'}) opens no string;
   * the string pattern repeats its plain run without a group, which a long literal would otherwise
   * overflow the regex engine's stack with.
   */
  private static String code(Path source) throws IOException {
    return Files.readString(source)
        .replaceAll("'(\\\\.|[^'\\\\])'", "''")
        .replaceAll("\"[^\"\\\\\n]*(\\\\.[^\"\\\\\n]*)*\"", "\"\"");
  }

  private static Set<String> internalPackages() throws IOException {
    Set<String> packages = new TreeSet<>();
    for (Path source : sources()) {
      if (packageOf(source).startsWith("internal.")) {
        packages.add(packageOf(source));
      }
    }
    return packages;
  }
}
