package dev.fastlykit.invitations.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.fastlykit.invitations.mock.MockFastlyServer;
import dev.fastlykit.invitations.mock.junit5.MockFastlyExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A JUnit 5 class of ten tests (one repeated ten times) that each send one GET, once per server, as
 * a user's suite would write it: the mock server through {@link MockFastlyExtension} (the demo
 * account back before each test), WireMock through its {@link WireMockExtension} (stubs reset
 * before each test, so each test stubs its answer). {@link #classMillis} runs one through JUnit's
 * launcher and returns the class's time, from its start (the server's start included) to its end.
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

  @ExtendWith(MockFastlyExtension.class)
  static class MockTenGets {
    @RepeatedTest(10)
    void oneGet(MockFastlyServer fastly) throws IOException {
      if (Embedded.status(fastly.port()) != 200) {
        throw new AssertionError("not a 200");
      }
    }
  }

  static class WireMockTenGets {
    @RegisterExtension
    static final WireMockExtension WIREMOCK =
        WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @RepeatedTest(10)
    void oneGet() throws IOException {
      WIREMOCK.stubFor(
          WireMock.get("/invitations")
              .willReturn(WireMock.aResponse().withStatus(200).withBody("{\"data\":[]}")));
      if (Embedded.status(WIREMOCK.getPort()) != 200) {
        throw new AssertionError("not a 200");
      }
    }
  }
}
