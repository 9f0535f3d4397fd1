package org.openpleb.ee.web.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.wallet.MeltStatus;

/** The API's names for wallet states are exactly the wallet's, so none can be answered unnamed. */
class WalletEnumsTest {

  @Test
  void depositStatesAreTheWalletsDepositStates() {
    assertEquals(names(org.openpleb.ee.wallet.DepositState.values()), names(DepositState.values()));
    for (org.openpleb.ee.wallet.DepositState state : org.openpleb.ee.wallet.DepositState.values()) {
      assertEquals(state.name(), DepositState.of(state).name());
    }
  }

  @Test
  void withdrawalStatusesAreTheMeltStatuses() {
    assertEquals(names(MeltStatus.values()), names(WithdrawalStatus.values()));
    for (MeltStatus status : MeltStatus.values()) {
      assertEquals(status.name(), WithdrawalStatus.of(status).name());
    }
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
