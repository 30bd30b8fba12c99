package com.example.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastlykit.invitations.mock.MockFastlyServer;
import dev.fastlykit.invitations.mock.junit5.MockFastlyExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The spec check itself works here, with nothing but the kit's artifacts declared. */
class SpecCheckTest {
  @RegisterExtension
  static final MockFastlyExtension FASTLY =
      new MockFastlyExtension(b -> b.validate(true)).failOnSpecViolations(false);

  @Test
  void aRequestTheSpecForbidsIsNamed(MockFastlyServer fastly) throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(fastly.url() + "/invitations?page%5Bsize%5D=500"))
                    .header("Fastly-Key", MockFastlyServer.DEMO_SUPERUSER_TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(200, page.statusCode()); // clamped to 100, as Fastly does
    assertEquals(1, fastly.requestViolations().size());
    assertTrue(fastly.requestViolations().get(0).contains("maximum: 100"));
  }
}
