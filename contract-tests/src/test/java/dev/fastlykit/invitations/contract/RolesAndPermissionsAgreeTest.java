package dev.fastlykit.invitations.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fastlykit.invitations.Permission;
import dev.fastlykit.invitations.Role;
import dev.fastlykit.invitations.mock.internal.store.Roles;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The roles and permissions are listed in the spec's enums and copied in code: the SDK's constants,
 * the mock server's sets and the pact's matcher. Each copy must hold exactly the spec's values, so
 * that a role the spec gains fails the build until every copy knows it.
 */
class RolesAndPermissionsAgreeTest {
  private static final OpenAPI SPEC = new OpenAPIV3Parser().readContents(spec()).getOpenAPI();

  private static Set<String> specEnum(String schema) {
    TreeSet<String> values = new TreeSet<>();
    SPEC.getComponents().getSchemas().get(schema).getEnum().forEach(v -> values.add((String) v));
    return values;
  }

  /** The wire values of a class's public constants of its own type. */
  private static <T> Set<String> constants(Class<T> type, Function<T, String> value) {
    TreeSet<String> values = new TreeSet<>();
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (field.getType() == type && Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers)) {
        try {
          values.add(value.apply(type.cast(field.get(null))));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }

  @Test
  void everyCopyOfTheRolesIsTheSpecsEnum() {
    Set<String> spec = specEnum("RoleUser");

    assertThat(spec).contains("superuser", "engineer", "user", "billing");
    assertThat(constants(Role.class, Role::value)).as("the SDK's Role").isEqualTo(spec);
    assertThat(spec).allMatch(v -> Role.of(v).isKnown());
    assertThat(new TreeSet<>(Roles.ALL)).as("the mock server's roles").isEqualTo(spec);
    assertThat(new TreeSet<>(Arrays.asList(Contract.ROLE.split("\\|"))))
        .as("the pact's role matcher")
        .isEqualTo(spec);
  }

  @Test
  void everyCopyOfThePermissionsIsTheSpecsEnum() {
    Set<String> spec = specEnum("Permission");

    assertThat(spec).contains("full", "read_only");
    assertThat(constants(Permission.class, Permission::value))
        .as("the SDK's Permission")
        .isEqualTo(spec);
    assertThat(spec).allMatch(v -> Permission.of(v).isKnown());
    assertThat(new TreeSet<>(Roles.PERMISSIONS))
        .as("the mock server's permissions")
        .isEqualTo(spec);
  }

  private static String spec() {
    try (InputStream in =
        RolesAndPermissionsAgreeTest.class
            .getClassLoader()
            .getResourceAsStream("openapi/fastly-invitations.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
