package org.openpleb.cashu.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MintErrorTest {

  @Test
  void wireCodesMapToTypedErrors() {
    assertEquals(MintError.PROOFS_ALREADY_SPENT, MintError.ofCode(11001));
    assertEquals(MintError.PROOFS_PENDING, MintError.ofCode(11002));
    assertEquals(MintError.OUTPUTS_ALREADY_SIGNED, MintError.ofCode(11003));
    assertEquals(MintError.TRANSACTION_UNBALANCED, MintError.ofCode(11005));
    assertEquals(MintError.KEYSET_UNKNOWN, MintError.ofCode(12001));
    assertEquals(MintError.KEYSET_INACTIVE, MintError.ofCode(12002));
    assertEquals(MintError.QUOTE_NOT_PAID, MintError.ofCode(20001));
    assertEquals(MintError.QUOTE_ALREADY_ISSUED, MintError.ofCode(20002));
    assertEquals(MintError.QUOTE_PENDING, MintError.ofCode(20005));
    assertEquals(MintError.QUOTE_EXPIRED, MintError.ofCode(20007));
    assertEquals(MintError.UNKNOWN, MintError.ofCode(0));
    assertEquals(MintError.UNKNOWN, MintError.ofCode(99999));
  }

  @Test
  void anExceptionKeepsTheRawCodeAndAShortDetail() {
    MintException e = new MintException(99999, "x".repeat(500), 400);
    assertEquals(99999, e.code());
    assertEquals(MintError.UNKNOWN, e.error());
    assertEquals(400, e.httpStatus());
    assertTrue(e.getMessage().length() < 300);
    MintException spent = new MintException(11001, "Token already spent.", 400);
    assertTrue(spent.is(MintError.PROOFS_ALREADY_SPENT));
    assertFalse(spent.is(MintError.PROOFS_PENDING));
  }
}
