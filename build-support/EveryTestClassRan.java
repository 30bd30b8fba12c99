import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fails the build when a test class of a module was run by no test runner.
 *
 * <p>Surefire and Failsafe pick classes by file name; a class named outside their patterns (a
 * {@code *Properties} class, a {@code *Spec}, a typo) compiles, is never run, and leaves no trace.
 * This check finds every top-level class under {@code src/test/java} that declares a test (JUnit
 * Jupiter's or jqwik's annotations) and requires a Surefire or Failsafe report for it that counts
 * at least one test. Run by the parent POM in the {@code verify} phase of every module, as {@code
 * java build-support/EveryTestClassRan.java MODULE_DIR [name=value ...]} with the properties that
 * narrow a run: {@code test}, {@code it.test}, {@code skipTests}, {@code maven.test.skip} (the
 * check is skipped) and {@code skipITs} (integration tests are not required).
 */
public final class EveryTestClassRan {
  private static final Pattern TEST_ANNOTATION =
      Pattern.compile(
          "(?m)^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)\\b");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern TESTS_COUNT =
      Pattern.compile("<testsuite\\b[^>]*\\btests=\"(\\d+)\"");
  // Failsafe's default includes: the classes that only it runs.
  private static final Pattern INTEGRATION_TEST = Pattern.compile("IT.*|.*IT|.*ITCase");

  private EveryTestClassRan() {}

  public static void main(String[] args) throws IOException {
    Path module = Path.of(args[0]);
    Map<String, String> properties = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      String value = args[i].substring(eq + 1);
      // Maven leaves an undefined property as its own expression.
      if (!value.isEmpty() && !value.startsWith("${") && !value.equals("false")) {
        properties.put(args[i].substring(0, eq), value);
      }
    }
    if (properties.containsKey("test")
        || properties.containsKey("it.test")
        || properties.containsKey("skipTests")
        || properties.containsKey("maven.test.skip")) {
      System.out.println("[every-test-class-ran] skipped: this run selects or skips tests");
      return;
    }
    boolean integrationTestsSkipped = properties.containsKey("skipITs");

    Path sources = module.resolve("src/test/java");
    if (!Files.isDirectory(sources)) {
      return;
    }
    // A class declares tests, or inherits them from a class of this module that does.
    Map<String, Path> files = new TreeMap<>();
    for (Path file : javaFiles(sources)) {
      files.put(file.getFileName().toString().replaceFirst("\\.java$", ""), file);
    }
    Map<String, String> texts = new HashMap<>();
    Set<String> withTests = new HashSet<>();
    for (Map.Entry<String, Path> file : files.entrySet()) {
      String text = Files.readString(file.getValue());
      texts.put(file.getKey(), text);
      if (TEST_ANNOTATION.matcher(text).find()) {
        withTests.add(file.getKey());
      }
    }
    for (boolean grew = true; grew; ) {
      grew = false;
      for (Map.Entry<String, String> text : texts.entrySet()) {
        Matcher parent =
            Pattern.compile("\\bclass\\s+" + text.getKey() + "\\b[^{]*?\\bextends\\s+(\\w+)")
                .matcher(text.getValue());
        if (parent.find() && withTests.contains(parent.group(1))) {
          grew |= withTests.add(text.getKey());
        }
      }
    }

    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (String simpleName : withTests) {
      String text = texts.get(simpleName);
      if (Pattern.compile("\\babstract\\s+class\\s+" + simpleName + "\\b").matcher(text).find()
          || (integrationTestsSkipped && INTEGRATION_TEST.matcher(simpleName).matches())) {
        continue;
      }
      Matcher pkg = PACKAGE.matcher(text);
      String className = (pkg.find() ? pkg.group(1) + "." : "") + simpleName;
      checked++;
      int tests =
          Math.max(
              testsIn(module.resolve("target/surefire-reports/TEST-" + className + ".xml")),
              testsIn(module.resolve("target/failsafe-reports/TEST-" + className + ".xml")));
      if (tests <= 0) {
        missing.add(
            className
                + (tests == 0
                    ? " (its report counts no test)"
                    : " (no Surefire or Failsafe report)"));
      }
    }
    if (!missing.isEmpty()) {
      System.err.println(
          "[every-test-class-ran] test classes that no runner ran in "
              + module.getFileName()
              + ": rename them to match Surefire's includes (*Test, *Tests, *Properties) or"
              + " Failsafe's (*IT), or change the includes in the parent POM:");
      missing.forEach(m -> System.err.println("  " + m));
      System.exit(1);
    }
    System.out.println("[every-test-class-ran] " + checked + " test classes, each run by a runner");
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The number of tests a report counts; -1 when there is no report. */
  private static int testsIn(Path report) {
    if (!Files.isRegularFile(report)) {
      return -1;
    }
    try {
      // The testsuite element opens the file: no need to read a large report whole.
      String head;
      try (Stream<String> lines = Files.lines(report)) {
        head = String.join("\n", lines.limit(5).toList());
      }
      Matcher count = TESTS_COUNT.matcher(head);
      return count.find() ? Integer.parseInt(count.group(1)) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
