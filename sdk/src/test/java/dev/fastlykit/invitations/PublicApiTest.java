package dev.fastlykit.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API, kept under watch as OkHttp keeps its {@code api/*.api} files: every public
 * signature of the SDK is written in {@code sdk/api/fastly-invitations-sdk.api}, and a change to
 * the API that does not update the file in the same change fails here, printing the difference.
 * When the change is meant, run this test with {@code -Dapi.update=true} and commit the file with
 * it.
 */
class PublicApiTest {
  private static final Path API_FILE = Path.of("api", "fastly-invitations-sdk.api");
  private static final Path CLASSES =
      Path.of("target", "classes", "dev", "fastlykit", "invitations");

  @Test
  void thePublicApiIsTheOneTheApiFileRecords() throws Exception {
    List<String> actual = signatures();
    if (Boolean.getBoolean("api.update")) {
      Files.write(API_FILE, actual, StandardCharsets.UTF_8);
    }
    List<String> recorded = Files.readAllLines(API_FILE, StandardCharsets.UTF_8);

    List<String> difference = new ArrayList<>();
    recorded.stream().filter(line -> !actual.contains(line)).forEach(l -> difference.add("- " + l));
    actual.stream().filter(line -> !recorded.contains(line)).forEach(l -> difference.add("+ " + l));
    assertThat(difference)
        .as(
            "the public API differs from "
                + API_FILE.toAbsolutePath()
                + " (- recorded only, + compiled only); if that is meant, rerun with"
                + " -Dapi.update=true and commit the file")
        .isEmpty();
  }

  @Test
  void theApiIsThisPackageAlone() throws Exception {
    assertThat(signatures()).isNotEmpty().allMatch(line -> !line.contains("GENERATED."));
  }

  /** Each public type of the package and each of its public or protected members, one a line. */
  static List<String> signatures() throws IOException, ClassNotFoundException {
    TreeSet<String> lines = new TreeSet<>();
    List<Path> classFiles;
    try (Stream<Path> files = Files.list(CLASSES)) {
      classFiles = files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
    }
    for (Path file : classFiles) {
      String simple = file.getFileName().toString().replace(".class", "");
      Class<?> type = Class.forName("dev.fastlykit.invitations." + simple);
      if (!isApi(type)) {
        continue;
      }
      String name = shorten(type.getName());
      lines.add(name + ": " + shorten(describe(type)));
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (visible(constructor)) {
          lines.add(name + ": " + shorten(constructor.toGenericString()));
        }
      }
      for (Method method : type.getDeclaredMethods()) {
        if (visible(method) && !method.isSynthetic() && !method.isBridge()) {
          lines.add(name + ": " + shorten(method.toGenericString()));
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (visible(field) && !field.isSynthetic()) {
          lines.add(name + ": " + shorten(field.toGenericString()));
        }
      }
    }
    return new ArrayList<>(lines);
  }

  /**
   * Names of this package without it, of {@code java.lang} and {@code java.util} without theirs.
   */
  private static String shorten(String signature) {
    return signature
        .replace("dev.fastlykit.invitations.generated.", "GENERATED.")
        .replace("dev.fastlykit.invitations.", "")
        .replace("java.lang.", "");
  }

  /** Public, and every enclosing type public too. */
  private static boolean isApi(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static String describe(Class<?> type) {
    StringBuilder text = new StringBuilder(type.toGenericString());
    if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class) {
      text.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    if (type.getGenericInterfaces().length > 0) {
      text.append(type.isInterface() ? " extends " : " implements ");
      List<String> interfaces = new ArrayList<>();
      for (java.lang.reflect.Type i : type.getGenericInterfaces()) {
        interfaces.add(i.getTypeName());
      }
      text.append(String.join(", ", interfaces));
    }
    return text.toString();
  }

  private static boolean visible(Member member) {
    int modifiers = member.getModifiers();
    boolean subclassable = !Modifier.isFinal(member.getDeclaringClass().getModifiers());
    return Modifier.isPublic(modifiers) || (subclassable && Modifier.isProtected(modifiers));
  }
}
