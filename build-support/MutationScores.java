import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints each class's mutation score from a PIT {@code mutations.xml} report and fails when one of
 * the named core classes scores below the threshold: PIT's own threshold covers a whole module, so
 * one weak class can hide behind strong ones.
 *
 * <p>Run by the {@code mutation} profile of sdk and mock-server, as {@code java
 * build-support/MutationScores.java REPORT THRESHOLD TARGET CLASS...}: TARGET is PIT's {@code
 * targetClasses} pattern (a core class it leaves out is not required), classes are by simple name.
 * A class's score counts its nested classes; a mutant is killed when PIT detected it (a test
 * failed, or the mutant timed out or ran out of memory).
 */
public final class MutationScores {
  private static final Pattern MUTATION =
      Pattern.compile(
          "<mutation\\b[^>]*\\bdetected=['\"](true|false)['\"][^>]*\\bstatus=['\"](\\w+)['\"][^>]*>"
              + ".*?<mutatedClass>([^<]+)</mutatedClass>.*?<mutatedMethod>([^<]+)</mutatedMethod>"
              + ".*?<lineNumber>(\\d+)</lineNumber>.*?<mutator>([^<]+)</mutator>.*?</mutation>",
          Pattern.DOTALL);

  private MutationScores() {}

  public static void main(String[] args) throws IOException {
    String xml = Files.readString(Path.of(args[0]));
    int threshold = Integer.parseInt(args[1]);
    String target = args[2];
    Pattern targeted = Pattern.compile(target.replace(".", "\\.").replace("*", ".*"));
    int wildcard = target.indexOf('*');
    String targetPackage =
        target.substring(0, target.lastIndexOf('.', wildcard < 0 ? target.length() : wildcard));
    List<String> core = List.of(args).subList(3, args.length);

    Map<String, int[]> scores = new TreeMap<>();
    Map<String, List<String>> survivors = new TreeMap<>();
    Matcher m = MUTATION.matcher(xml);
    while (m.find()) {
      String outer = m.group(3).replaceFirst("\\$.*", "");
      String simple = outer.substring(outer.lastIndexOf('.') + 1);
      int[] score = scores.computeIfAbsent(simple, k -> new int[2]);
      score[1]++;
      if (m.group(1).equals("true")) {
        score[0]++;
      } else {
        String mutator = m.group(6).substring(m.group(6).lastIndexOf('.') + 1);
        survivors
            .computeIfAbsent(simple, k -> new ArrayList<>())
            .add(m.group(2) + " line " + m.group(5) + " " + m.group(4) + ": " + mutator);
      }
    }

    List<String> failures = new ArrayList<>();
    System.out.println("[mutation-scores] killed / mutants per class (core classes marked *):");
    for (Map.Entry<String, int[]> entry : scores.entrySet()) {
      int[] s = entry.getValue();
      int percent = s[1] == 0 ? 100 : (int) Math.floor(100.0 * s[0] / s[1]);
      boolean isCore = core.contains(entry.getKey());
      System.out.printf(
          "  %s %-28s %4d / %-4d %3d%%%n", isCore ? "*" : " ", entry.getKey(), s[0], s[1], percent);
      if (isCore) {
        for (String survivor : survivors.getOrDefault(entry.getKey(), List.of())) {
          System.out.println("      " + survivor);
        }
        if (percent < threshold) {
          failures.add(entry.getKey() + " " + percent + "%");
        }
      }
    }
    for (String name : core) {
      if (!scores.containsKey(name) && targeted.matcher(targetPackage + "." + name).matches()) {
        failures.add(name + " has no mutants in the report");
      }
    }
    if (!failures.isEmpty()) {
      System.err.println(
          "[mutation-scores] core classes below "
              + threshold
              + "%: "
              + String.join(", ", failures));
      System.exit(1);
    }
  }
}
