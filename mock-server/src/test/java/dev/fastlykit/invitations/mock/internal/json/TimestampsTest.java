package dev.fastlykit.invitations.mock.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
  /** What the JDK says of a text: its epoch second, or null when it is not an instant. */
  private static Long jdk(String text) {
    try {
      return Instant.parse(text).getEpochSecond();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-01-05T09:00:00Z",
        "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "2024-02-29T12:00:00Z",
        "2000-02-29T12:00:00Z",
        "2100-02-29T12:00:00Z",
        "2023-02-29T12:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z",
        "2026-01-00T00:00:00Z",
        "2026-01-05T24:00:00Z",
        "2026-01-05T23:60:00Z",
        "2026-01-05T23:59:60Z",
        "2026-01-05t09:00:00Z",
        "2026-01-05T09:00:00z",
        "2026-01-05T09:00:00.5Z",
        "2026-01-05T09:00:00+01:00",
        "2026-01-05 09:00:00Z",
        "+2026-01-05T09:00:00Z",
        "2026-1-05T09:00:00Z",
        "2026-01-05T09:00Z",
        "yesterday",
        ""
      })
  void readsWhatTheJdkReadsAndRefusesWhatItRefuses(String text) {
    assertThat(Timestamps.parse(text)).isEqualTo(jdk(text));
  }

  @Test
  void agreesWithTheJdkOnEverySecondOfTheCalendarItFormats() {
    Random random = new Random(20261201);
    for (int i = 0; i < 20_000; i++) {
      long second = random.nextLong(-62_167_219_200L, 253_402_300_800L); // years 0 to 9999
      String text = Timestamps.format(second);
      assertThat(Timestamps.parse(text)).as(text).isEqualTo(second).isEqualTo(jdk(text));
    }
  }
}
