package dev.fastlykit.invitations.mock.internal.spec;

import java.util.List;
import java.util.Map;

/** Checks exchanges of the spec's operations against the spec at run time ({@code --validate}). */
public interface SpecValidator {
  /** How each violation of the request begins. */
  String REQUEST = "request: ";

  /** How each violation of the answer begins. */
  String RESPONSE = "response: ";

  /**
   * One exchange of a documented operation, as the server received and answered it.
   *
   * @param path the path as requested, such as {@code /invitations/4Lq8...}
   * @param checkRequest whether to check the request too: not for lenient forms the server accepts
   *     on purpose, nor for requests it refused
   */
  record Interaction(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> requestHeaders,
      String requestBody,
      boolean checkRequest,
      int status,
      Map<String, List<String>> responseHeaders,
      String responseBody) {}

  /** Returns the violations of this exchange; empty when it conforms. */
  List<String> check(Interaction interaction);

  /**
   * A validator of this spec; loads the validating library only when called. Servers of one JVM
   * check the same spec, so they share one validator (which a server's request threads already
   * share): making one parses the whole spec, about a tenth of a second in a warm JVM.
   */
  static SpecValidator of(String spec) {
    return OpenApiValidator.of(spec);
  }
}
