package dev.fastlykit.invitations.contract;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import java.util.Map;

/** The names, states and body shapes the consumer and the provider side share. */
final class Contract {
  static final String CONSUMER = "fastly-invitations-sdk";
  static final String PROVIDER = "fastly-invitations-mock-server";

  static final String JSON_API = "application/vnd.api+json";
  static final String JSON = "application/json";
  static final Map<String, String> JSON_API_HEADERS = Map.of("Content-Type", JSON_API);
  static final Map<String, String> ERROR_HEADERS = Map.of("Content-Type", JSON);

  // Provider states: plain English, with parameters.
  static final String HAS_INVITATIONS = "the demo account has pending invitations";
  static final String INVITATION_EXISTS = "an invitation exists for an email";
  static final String NO_SUCH_INVITATION = "no invitation has the id";
  static final String OWNS_SERVICE = "the demo account owns the service";
  static final String BUDGET_SPENT = "the caller has spent its hourly write budget";

  static final String ID = "[0-9A-Za-z]{22}";
  static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
  static final String ROLE = "user|billing|engineer|superuser|tls_viewer|tls_admin";
  static final String EXAMPLE_ID = "4Lq8Vd2Kx9Tn3Rb6Yh1WsZ";
  static final String DEMO_CUSTOMER = "7mH1CzgJ0wPq3n5VdYk2Lr";
  static final String SERVICE = "SU1Z0isxPaozGVKXdv0eY";

  private Contract() {}

  /** An invitation resource as the SDK reads it: types and patterns, not literals. */
  static void invitation(LambdaDslObject o, String email, String role, boolean withServices) {
    o.stringMatcher("id", ID, EXAMPLE_ID);
    o.stringValue("type", "invitation");
    o.object(
        "attributes",
        a -> {
          a.stringMatcher("email", "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", email);
          a.booleanType("limit_services", withServices);
          a.stringMatcher("role", ROLE, role);
          a.array("roles", r -> {});
          a.integerType("status_code", 1);
          a.stringMatcher("created_at", TIMESTAMP, "2026-01-08T11:22:33Z");
          a.stringMatcher("updated_at", TIMESTAMP, "2026-01-08T11:22:33Z");
          a.nullValue("deleted_at");
        });
    o.object(
        "relationships",
        r -> {
          r.object(
              "customer",
              c ->
                  c.object(
                      "data",
                      d -> {
                        d.stringValue("type", "customer");
                        d.stringMatcher("id", ID, DEMO_CUSTOMER);
                      }));
          if (withServices) {
            r.object(
                "service_invitations",
                s ->
                    s.minArrayLike(
                        "data",
                        1,
                        m -> {
                          m.stringValue("type", "service_invitation");
                          m.stringMatcher("id", ID, "9Cm4Tz7Aw2Ek5Qh0Ju3XyF");
                        }));
          }
        });
  }

  /** Fastly's error body: a fixed msg, and a detail of any text. */
  static DslPart error(String msg, boolean withDetail) {
    return newJsonBody(
            o -> {
              o.stringValue("msg", msg);
              if (withDetail) {
                o.stringType("detail", "why");
              }
            })
        .build();
  }
}
