package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class DeterministicSecretsTest {

  private static final String V2_ID =
      "015ba18a8adcd02e715a58358eb618da4a4b3791151a4bee5e968bb88406ccf76a";
  private static final String V1_ID = "009a1f293253e41e";

  private final byte[] seed = new byte[64];

  DeterministicSecretsTest() {
    new SecureRandom().nextBytes(seed);
  }

  @Test
  void sameSeedKeysetAndCounterGiveTheSameOutput() {
    for (String id : new String[] {V1_ID, V2_ID}) {
      DerivedOutput first = DeterministicSecrets.derive(seed, id, 3);
      assertEquals(first, DeterministicSecrets.derive(seed, id, 3));
      assertNotEquals(first, DeterministicSecrets.derive(seed, id, 4));
      assertEquals(64, first.secret().length());
      assertTrue(first.r().signum() > 0 && first.r().compareTo(Secp256k1.order()) < 0);
    }
    assertNotEquals(
        DeterministicSecrets.derive(seed, V1_ID, 0).secret(),
        DeterministicSecrets.derive(seed, V2_ID, 0).secret());
  }

  @Test
  void passphraseChangesTheSeed() {
    String words =
        "half depart obvious quality work element tank gorilla view sugar picture humble";
    assertEquals(64, DeterministicSecrets.seedFromMnemonic(words, "").length);
    assertNotEquals(
        new BigInteger(1, DeterministicSecrets.seedFromMnemonic(words, "")),
        new BigInteger(1, DeterministicSecrets.seedFromMnemonic(words, "x")));
    assertEquals(
        new BigInteger(1, DeterministicSecrets.seedFromMnemonic(words, null)),
        new BigInteger(1, DeterministicSecrets.seedFromMnemonic(words, "")));
  }

  @Test
  void unsupportedInputsAreRefused() {
    assertThrows(CashuCryptoException.class, () -> DeterministicSecrets.derive(seed, "02ab", 0));
    assertThrows(
        CashuCryptoException.class, () -> DeterministicSecrets.derive(seed, "I2yN+iRYfkzT", 0));
    assertThrows(CashuCryptoException.class, () -> DeterministicSecrets.derive(seed, V2_ID, -1));
    assertThrows(
        CashuCryptoException.class, () -> DeterministicSecrets.derive(seed, V1_ID, 1L << 31));
    assertThrows(CashuCryptoException.class, () -> DeterministicSecrets.derive(null, V2_ID, 0));
    assertThrows(CashuCryptoException.class, () -> DeterministicSecrets.seedFromMnemonic(" ", ""));
  }

  @Test
  void derivedOutputNeverPrintsItsValues() {
    DerivedOutput output = DeterministicSecrets.derive(seed, V2_ID, 0);
    String text = output.toString();
    assertFalse(text.contains(output.secret()));
    assertFalse(text.contains(output.r().toString(16)));
    assertFalse(text.contains(output.r().toString()));
  }
}
