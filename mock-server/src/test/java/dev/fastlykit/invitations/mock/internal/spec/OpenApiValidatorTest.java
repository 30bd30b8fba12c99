package dev.fastlykit.invitations.mock.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fastlykit.invitations.mock.internal.http.MockState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proves that validation would catch a server that drifted from the spec. */
class OpenApiValidatorTest {
  private final SpecValidator validator = SpecValidator.of(MockState.spec());

  @Test
  void aResponseMissingWhatTheSpecRequiresIsAViolation() {
    List<String> violations = validator.check(list(200, "{\"data\":[]}"));

    assertThat(violations).anyMatch(v -> v.startsWith("response:") && v.contains("links"));
  }

  @Test
  void aRequestTheSpecForbidsIsAViolationOnlyWhenItIsToBeChecked() {
    String body = "{\"data\":{\"type\":\"invitation\",\"attributes\":{}}}";
    String created =
        "{\"data\":{\"id\":\"x\",\"type\":\"invitation\",\"attributes\":{\"email\":\"a@b.example\"}}}";

    assertThat(validator.check(create(body, true, created)))
        .anyMatch(v -> v.startsWith("request:"));
    assertThat(validator.check(create(body, false, created)))
        .noneMatch(v -> v.startsWith("request:"));
  }

  @Test
  void serversCheckingTheSameSpecShareOneValidatorAndAnotherSpecGetsItsOwn() {
    String spec = MockState.spec();
    // The same text in another string, as a server reading the spec again would have it.
    assertThat(SpecValidator.of(new String(spec.toCharArray()))).isSameAs(SpecValidator.of(spec));

    String renamed = spec.replace("title: ", "title: Renamed ");
    assertThat(renamed).isNotEqualTo(spec);
    SpecValidator other = SpecValidator.of(renamed);
    assertThat(other).isNotSameAs(validator);
    assertThat(other.check(list(200, "{\"data\":[]}")))
        .anyMatch(v -> v.startsWith("response:") && v.contains("links"));
  }

  private static SpecValidator.Interaction list(int status, String body) {
    return new SpecValidator.Interaction(
        "GET",
        "/invitations",
        Map.of(),
        Map.of("Fastly-Key", List.of("k")),
        null,
        true,
        status,
        Map.of("Content-Type", List.of("application/vnd.api+json")),
        body);
  }

  private static SpecValidator.Interaction create(
      String body, boolean checkRequest, String answer) {
    return new SpecValidator.Interaction(
        "POST",
        "/invitations",
        Map.of(),
        Map.of("Fastly-Key", List.of("k"), "Content-Type", List.of("application/vnd.api+json")),
        body,
        checkRequest,
        200,
        Map.of("Content-Type", List.of("application/vnd.api+json")),
        answer);
  }
}
