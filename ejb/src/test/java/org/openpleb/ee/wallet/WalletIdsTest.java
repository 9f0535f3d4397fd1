package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WalletIdsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "../../etc/passwd",
        "0f8e3c1a-1b2c-4d5e-8f90-0123456789ab.sqlite",
        "0f8e3c1a1b2c4d5e8f900123456789ab",
        "0f8e3c1a-1b2c-4d5e-8f90-0123456789a/",
      })
  void anythingButAUuidIsRefusedBeforeItCanNameAFile(String text) {
    assertFalse(WalletIds.isWellFormed(text));
    assertThrows(IllegalArgumentException.class, () -> WalletIds.require(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0f8e3c1a-1b2c-4d5e-8f90-0123456789ab", "0F8E3C1A-1B2C-4D5E-8F90-0123456789AB"})
  void aUuidInEitherCaseIsStoredInLowerCase(String text) {
    assertTrue(WalletIds.isWellFormed(text));
    assertEquals("0f8e3c1a-1b2c-4d5e-8f90-0123456789ab", WalletIds.require(text));
  }
}
