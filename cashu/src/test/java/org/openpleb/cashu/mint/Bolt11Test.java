package org.openpleb.cashu.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.CashuException;

class Bolt11Test {

  @Test
  void readsTheAmountFromTheHumanReadablePrefix() {
    assertEquals(OptionalLong.of(250_000_000L), Bolt11.amountMsat("lnbc2500u1pvjluezpp5qqq"));
    assertEquals(OptionalLong.of(100_000L), Bolt11.amountMsat("lnbcrt1000n1pjqqqxyz"));
    assertEquals(OptionalLong.of(2_000_000_000L), Bolt11.amountMsat("lntb20m1pvjluezhp5"));
    assertEquals(OptionalLong.of(1L), Bolt11.amountMsat("lnbc10p1pqqqq"));
    assertEquals(OptionalLong.of(200_000_000_000L), Bolt11.amountMsat("lnbc21pvjluez"));
  }

  @Test
  void satsAreRoundedUpFromMillisats() {
    assertEquals(OptionalLong.of(100), Bolt11.amountSat("LNBCRT1000N1PJQQQ"));
    assertEquals(OptionalLong.of(1), Bolt11.amountSat("lnbc10p1pqqqq"));
  }

  @Test
  void aPrefixWithoutDigitsIsAnAmountlessInvoice() {
    assertTrue(Bolt11.amountMsat("lnbc1pvjluezpp5qqqsyqcyq5rqwzqf").isEmpty());
    assertTrue(Bolt11.amountMsat("lightning:lnbcrt1pvjluez").isEmpty());
  }

  @Test
  void rejectsWhatIsNotAValidAmount() {
    assertThrows(CashuException.class, () -> Bolt11.amountMsat("lnbc15p1pqqqq"));
    assertThrows(CashuException.class, () -> Bolt11.amountMsat("lnbc01u1pqqqq"));
    assertThrows(CashuException.class, () -> Bolt11.amountMsat("lnbcm1pqqqq"));
    assertThrows(CashuException.class, () -> Bolt11.amountMsat("bc1qxyz"));
    assertThrows(CashuException.class, () -> Bolt11.amountMsat("cashuBxyz"));
    assertThrows(CashuException.class, () -> Bolt11.amountMsat("lnbc100x1pqqqq"));
    assertThrows(CashuException.class, () -> Bolt11.amountMsat(null));
  }
}
