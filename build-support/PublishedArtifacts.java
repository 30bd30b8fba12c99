import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks what a release would publish, as the build staged it with the deploy plugin: every
 * published artifact is there with the files it must carry, its POM stands alone (no parent) and
 * holds the metadata Maven Central requires, and the modules that are not published are absent.
 *
 * <p>Usage: {@code java PublishedArtifacts.java offline=BOOL STAGING GROUP VERSION
 * artifact=kind,... !artifact} where a kind is {@code pom}, {@code jar} or a classifier ({@code
 * sources}, {@code javadoc}, {@code standalone}).
 */
public class PublishedArtifacts {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("offline=true")) {
      System.out.println("[published-artifacts] skipped: an offline build stages nothing");
      return;
    }
    args = java.util.Arrays.copyOfRange(args, 1, args.length);
    Path group = Path.of(args[0]).resolve(args[1].replace('.', '/'));
    String version = args[2];
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (int i = 3; i < args.length; i++) {
      if (args[i].startsWith("!")) {
        String artifact = args[i].substring(1);
        if (Files.exists(group.resolve(artifact))) {
          problems.add(artifact + " was deployed, but is not to be published");
        }
        continue;
      }
      String[] spec = args[i].split("=", 2);
      checked++;
      problems.addAll(check(group.resolve(spec[0]).resolve(version), spec[0], version, spec[1]));
    }
    if (!problems.isEmpty()) {
      System.err.println("[published-artifacts] what a release would publish is not right:");
      problems.forEach(p -> System.err.println("  " + p));
      System.exit(1);
    }
    System.out.println(
        "[published-artifacts] "
            + checked
            + " artifacts staged in "
            + args[0]
            + " with their files and POM metadata; nothing else");
  }

  private static List<String> check(Path dir, String artifact, String version, String kinds)
      throws Exception {
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return List.of(artifact + ": not deployed to " + dir);
    }
    Map<String, String> files = files(dir, artifact, version);
    for (String kind : kinds.split(",")) {
      String key = kind.equals("pom") || kind.equals("jar") ? "." + kind : "-" + kind + ".jar";
      if (!files.containsKey(key)) {
        problems.add(artifact + ": no " + key + " file in " + dir);
      }
    }
    if (!files.containsKey(".pom")) {
      return problems;
    }
    Element pom = parse(dir.resolve(files.get(".pom"))).getDocumentElement();
    if (child(pom, "parent") != null) {
      problems.add(artifact + ": the POM names a parent; published POMs stand alone");
    }
    for (String field : List.of("groupId", "artifactId", "version", "name", "description", "url")) {
      if (text(pom, field).isEmpty()) {
        problems.add(artifact + ": the POM has no " + field);
      }
    }
    if (!text(pom, "version").equals(version)) {
      problems.add(
          artifact + ": the POM's version is " + text(pom, "version") + ", not " + version);
    }
    requireAll(problems, artifact, pom, "licenses", "license", "name", "url");
    requireAll(problems, artifact, pom, "developers", "developer", "name");
    Element scm = child(pom, "scm");
    if (scm == null || text(scm, "url").isEmpty() || text(scm, "connection").isEmpty()) {
      problems.add(artifact + ": the POM's scm needs a url and a connection");
    }
    return problems;
  }

  /** The newest file of each kind, by the metadata a snapshot deployment writes, or by name. */
  private static Map<String, String> files(Path dir, String artifact, String version)
      throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    Path metadata = dir.resolve("maven-metadata.xml");
    if (version.endsWith("-SNAPSHOT") && Files.exists(metadata)) {
      NodeList versions = parse(metadata).getElementsByTagName("snapshotVersion");
      for (int i = 0; i < versions.getLength(); i++) {
        Element v = (Element) versions.item(i);
        String classifier = text(v, "classifier");
        String key = (classifier.isEmpty() ? "" : "-" + classifier) + "." + text(v, "extension");
        String name = artifact + "-" + text(v, "value") + key;
        if (Files.exists(dir.resolve(name))) {
          files.put(key, name);
        }
      }
    } else {
      String prefix = artifact + "-" + version;
      try (var list = Files.list(dir)) {
        list.map(p -> p.getFileName().toString())
            .filter(n -> n.startsWith(prefix) && !n.endsWith(".sha1") && !n.endsWith(".md5"))
            .forEach(n -> files.put(n.substring(prefix.length()), n));
      }
    }
    return files;
  }

  private static void requireAll(
      List<String> problems, String artifact, Element pom, String list, String item, String... in) {
    Element parent = child(pom, list);
    List<Element> items = parent == null ? List.of() : children(parent, item);
    if (items.isEmpty()) {
      problems.add(artifact + ": the POM has no " + list);
    }
    for (Element e : items) {
      for (String field : in) {
        if (text(e, field).isEmpty()) {
          problems.add(artifact + ": a " + item + " in the POM has no " + field);
        }
      }
    }
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try {
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (IOException e) {
      throw new IOException("cannot read " + file, e);
    }
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? "" : e.getTextContent().trim();
  }
}
