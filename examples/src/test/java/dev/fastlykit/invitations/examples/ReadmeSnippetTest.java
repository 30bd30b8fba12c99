package dev.fastlykit.invitations.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet in a README is a marked region ({@code // README:begin name} to {@code //
 * README:end}) of a source file of this module, to the letter, so every snippet compiles, and the
 * ones in tests run. A snippet edited in a README alone, or a region no README shows, fails here.
 */
class ReadmeSnippetTest {
  private static final Path ROOT = Path.of("..");
  private static final List<String> READMES =
      List.of(
          "README.md",
          "sdk/README.md",
          "mock-server/README.md",
          "contract-tests/README.md",
          "examples/README.md",
          "benchmarks/README.md",
          "spec/README.md");

  @Test
  void everyJavaSnippetOfTheReadmesIsCompiledSource() throws IOException {
    Map<String, String> regions = regions();
    for (String readme : READMES) {
      for (String snippet : javaBlocks(ROOT.resolve(readme))) {
        assertThat(regions.values())
            .as("the snippet in %s starting '%s'", readme, snippet.lines().findFirst().orElse(""))
            .contains(snippet);
      }
    }
  }

  @Test
  void everyMarkedRegionIsShownByAReadme() throws IOException {
    List<String> shown = new ArrayList<>();
    for (String readme : READMES) {
      shown.addAll(javaBlocks(ROOT.resolve(readme)));
    }
    Map<String, String> regions = regions();

    assertThat(regions).containsKeys("quick-start", "team-inviter-test", "sdk-tour");
    regions.forEach(
        (name, region) -> assertThat(shown).as("a README showing region " + name).contains(region));
  }

  /** The marked regions of this module's sources, by name, indentation removed. */
  private static Map<String, String> regions() throws IOException {
    Map<String, String> regions = new LinkedHashMap<>();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path source : sources) {
      List<String> lines = Files.readAllLines(source);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.startsWith("// README:begin ")) {
          String name = line.substring("// README:begin ".length()).split(" ")[0];
          int end = i + 1;
          while (!lines.get(end).strip().equals("// README:end")) {
            end++;
          }
          regions.put(name, unindent(lines.subList(i + 1, end)));
          i = end;
        }
      }
    }
    return regions;
  }

  private static String unindent(List<String> region) {
    int indent = region.get(0).indexOf(region.get(0).strip());
    return region.stream()
        .map(line -> line.length() >= indent ? line.substring(indent) : line.strip())
        .collect(Collectors.joining("\n"));
  }

  private static List<String> javaBlocks(Path readme) throws IOException {
    List<String> blocks = new ArrayList<>();
    List<String> lines = Files.readAllLines(readme);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).equals("```java")) {
        int end = i + 1;
        while (!lines.get(end).equals("```")) {
          end++;
        }
        blocks.add(String.join("\n", lines.subList(i + 1, end)));
        i = end;
      }
    }
    return blocks;
  }
}
