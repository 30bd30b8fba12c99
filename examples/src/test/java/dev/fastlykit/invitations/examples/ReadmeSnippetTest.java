package dev.fastlykit.invitations.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The root README's "Use the SDK" snippet is the marked region of QuickStart, to the letter. */
class ReadmeSnippetTest {
  @Test
  void theReadmeShowsTheCompiledQuickStart() throws Exception {
    List<String> source =
        Files.readAllLines(
            Path.of("src/main/java/dev/fastlykit/invitations/examples/QuickStart.java"));
    int begin = indexOf(source, "// README:begin");
    int end = indexOf(source, "// README:end");
    List<String> region = source.subList(begin + 1, end);
    int indent = region.get(0).indexOf(region.get(0).strip());
    String snippet =
        region.stream()
            .map(line -> line.length() >= indent ? line.substring(indent) : line.strip())
            .collect(Collectors.joining("\n"));

    String readme = Files.readString(Path.of("../README.md"));

    assertThat(region).hasSizeBetween(10, 16);
    assertThat(readme).contains("```java\n" + snippet + "\n```");
  }

  private static int indexOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith(marker)) {
        return i;
      }
    }
    throw new AssertionError(marker + " is missing from QuickStart.java");
  }
}
