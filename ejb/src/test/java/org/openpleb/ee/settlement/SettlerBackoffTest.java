package org.openpleb.ee.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How long a failing settlement waits before its next attempt. */
class SettlerBackoffTest {

  @ParameterizedTest(name = "after {0} attempts wait {1} s")
  @CsvSource({"0, 5", "1, 10", "2, 20", "3, 40", "5, 160", "6, 300", "40, 300"})
  void theWaitDoublesUpToFiveMinutes(int attempts, long seconds) {
    assertEquals(Duration.ofSeconds(seconds), Settler.backoff(attempts));
  }
}
