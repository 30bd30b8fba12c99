package dev.fastlykit.invitations.mock;

import io.javalin.http.Context;
import java.util.List;

/** Checks requests and responses against the spec at run time ({@code --validate}). */
interface SpecValidator {
  /** Returns the violations of this exchange; empty when it conforms. */
  List<String> check(Context ctx, String requestBody, boolean canonicalRequest);
}
