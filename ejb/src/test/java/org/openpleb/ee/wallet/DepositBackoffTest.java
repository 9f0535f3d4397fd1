package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DepositBackoffTest {

  @ParameterizedTest
  @CsvSource({
    "0, 3000",
    "1, 3000",
    "2, 4500",
    "3, 6750",
    "4, 10125",
    "9, 60000",
    "1000, 60000",
  })
  void anUnpaidDepositIsCheckedLessOftenUpToOnceAMinute(int checks, long millis) {
    DepositCrediting crediting = new DepositCrediting();
    crediting.config = new WalletConfig();
    crediting.config.depositPollMillis = 3000;

    assertEquals(Duration.ofMillis(millis), crediting.backoff(checks));
  }
}
