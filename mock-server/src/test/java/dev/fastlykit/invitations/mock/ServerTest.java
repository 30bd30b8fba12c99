package dev.fastlykit.invitations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs each test against its own server with the demo account, validating every exchange against
 * the spec: a test fails when the server answered anything the spec does not allow.
 */
abstract class ServerTest {
  static final String SUPERUSER = MockFastlyServer.DEMO_SUPERUSER_TOKEN;
  static final String ENGINEER = MockFastlyServer.DEMO_ENGINEER_TOKEN;
  static final String LIMITED_ENGINEER = MockFastlyServer.DEMO_LIMITED_ENGINEER_TOKEN;
  static final String USER = MockFastlyServer.DEMO_USER_TOKEN;
  static final String BILLING = MockFastlyServer.DEMO_BILLING_TOKEN;
  static final String OTHER = MockFastlyServer.OTHER_SUPERUSER_TOKEN;
  static final String DEMO_CUSTOMER = "7mH1CzgJ0wPq3n5VdYk2Lr";
  static final String DENNIS = "4Lq8Vd2Kx9Tn3Rb6Yh1WsZ";
  static final String FRANCES = "8Pw3Jc5Nf0Gm2Xa7Ku4EtB";
  static final String ALAN = "5Tz0Ue3Wr6Qa9Sd2Fg8HjK";
  static final String SERVICE = "SU1Z0isxPaozGVKXdv0eY";
  static final String OTHER_SERVICE = "4kP8sT2vX6zB0dF5hJ9mNq";

  MockFastlyServer server;
  Http http;

  MockFastlyServer.Builder configure(MockFastlyServer.Builder builder) {
    return builder;
  }

  @BeforeEach
  void startServer() {
    server = configure(MockFastlyServer.builder().validate(true)).build().start();
    http = new Http(server);
  }

  @AfterEach
  void stopServer() {
    try {
      assertThat(server.specViolations()).as("spec violations").isEmpty();
    } finally {
      server.close();
    }
  }

  static String invitation(String email) {
    return "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"" + email + "\"}}}";
  }

  static String invitation(String email, String role) {
    return "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\""
        + email
        + "\",\"role\":\""
        + role
        + "\"}}}";
  }
}
