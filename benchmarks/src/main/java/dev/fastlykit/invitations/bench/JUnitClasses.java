package dev.fastlykit.invitations.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import dev.fastlykit.invitations.mock.junit5.MockFastlyExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A JUnit 5 class of ten tests that each send one GET, once per server, as a user's suite would
 * write it: the mock server through {@link MockFastlyExtension} (the demo account back before each
 * test), WireMock through its {@link WireMockExtension} (stubs reset before each test, so each test
 * stubs its answer). {@link #classMillis} runs one through JUnit's launcher and returns the class's
 * time, from its start (the server's start included) to its end.
 */
final class JUnitClasses {
  private JUnitClasses() {}

  static double classMillis(String candidate) {
    Class<?> testClass =
        switch (candidate) {
          case "mock" -> MockTenGets.class;
          case "wiremock" -> WireMockTenGets.class;
          default -> throw new IllegalArgumentException(candidate);
        };
    long[] span = new long[2];
    List<String> failures = new ArrayList<>();
    int[] passed = {0};
    TestExecutionListener listener =
        new TestExecutionListener() {
          @Override
          public void executionStarted(TestIdentifier id) {
            if (isTheClass(id)) {
              span[0] = System.nanoTime();
            }
          }

          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (isTheClass(id)) {
              span[1] = System.nanoTime();
            }
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
              failures.add(id.getDisplayName() + ": " + result.getThrowable().orElse(null));
            } else if (id.isTest()) {
              passed[0]++;
            }
          }

          private boolean isTheClass(TestIdentifier id) {
            return id.getSource().filter(ClassSource.class::isInstance).isPresent();
          }
        };
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
            listener);
    if (!failures.isEmpty() || passed[0] != 10) {
      throw new IllegalStateException(
          candidate + ": " + passed[0] + " of 10 tests passed; " + failures);
    }
    return (span[1] - span[0]) / 1e6;
  }

  /** A raw HTTP/1.1 GET of {@code /invitations}; its status. */
  static int get(int port) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /invitations HTTP/1.1\r\nHost: 127.0.0.1\r\nFastly-Key: "
                  + MockFastlyServer.DEMO_SUPERUSER_TOKEN
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return Integer.parseInt(answer.substring(9, 12));
    }
  }

  @ExtendWith(MockFastlyExtension.class)
  static class MockTenGets {
    private static void oneGet(MockFastlyServer fastly) throws IOException {
      if (get(fastly.port()) != 200) {
        throw new AssertionError("not a 200");
      }
    }

    @Test
    void get1(MockFastlyServer fastly) throws IOException {
      oneGet(fastly);
    }

    @Test
    void get2(MockFastlyServer fastly) throws IOException {
      oneGet(fastly);
    }

    @Test
    void get3(MockFastlyServer fastly) throws IOException {
      oneGet(fastly);
    }

    @Test
    void get4(MockFastlyServer fastly) throws IOException {
      oneGet(fastly);
    }

    @Test
    void get5(MockFastlyServer fastly) throws IOException {
      oneGet(fastly);
    }

    @Test
    void get6(MockFastlyServer fastly) throws IOException {
      oneGet(fastly);
    }

    @Test
    void get7(MockFastlyServer fastly) throws IOException {
      oneGet(fastly);
    }

    @Test
    void get8(MockFastlyServer fastly) throws IOException {
      oneGet(fastly);
    }

    @Test
    void get9(MockFastlyServer fastly) throws IOException {
      oneGet(fastly);
    }

    @Test
    void get10(MockFastlyServer fastly) throws IOException {
      oneGet(fastly);
    }
  }

  static class WireMockTenGets {
    @RegisterExtension
    static final WireMockExtension WIREMOCK =
        WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static void oneGet() throws IOException {
      WIREMOCK.stubFor(
          WireMock.get("/invitations")
              .willReturn(WireMock.aResponse().withStatus(200).withBody("{\"data\":[]}")));
      if (get(WIREMOCK.getPort()) != 200) {
        throw new AssertionError("not a 200");
      }
    }

    @Test
    void get1() throws IOException {
      oneGet();
    }

    @Test
    void get2() throws IOException {
      oneGet();
    }

    @Test
    void get3() throws IOException {
      oneGet();
    }

    @Test
    void get4() throws IOException {
      oneGet();
    }

    @Test
    void get5() throws IOException {
      oneGet();
    }

    @Test
    void get6() throws IOException {
      oneGet();
    }

    @Test
    void get7() throws IOException {
      oneGet();
    }

    @Test
    void get8() throws IOException {
      oneGet();
    }

    @Test
    void get9() throws IOException {
      oneGet();
    }

    @Test
    void get10() throws IOException {
      oneGet();
    }
  }
}
