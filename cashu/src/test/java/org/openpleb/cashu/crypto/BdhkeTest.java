package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class BdhkeTest {

  private static final SecureRandom RND = new SecureRandom();

  @Test
  void mintSignatureUnblindsToAProofTheMintAccepts() {
    BigInteger k = Secp256k1.randomScalar(RND);
    ECPoint mintKey = Secp256k1.G().multiply(k);
    String secret = randomSecret();
    BigInteger r = Secp256k1.randomScalar(RND);

    ECPoint blinded = Bdhke.blindMessage(secret, r);
    ECPoint c = Bdhke.unblind(Bdhke.sign(k, blinded), r, mintKey);

    assertTrue(Bdhke.verify(k, secret, c));
    assertFalse(Bdhke.verify(k, randomSecret(), c));
    assertFalse(Bdhke.verify(k.add(BigInteger.ONE), secret, c));
  }

  @Test
  void secretsAreHashedAsUtf8TextNotHexBytes() {
    String secret = randomSecret();
    BigInteger r = Secp256k1.randomScalar(RND);

    assertEquals(
        Bdhke.blind(secret.getBytes(StandardCharsets.UTF_8), r), Bdhke.blindMessage(secret, r));
    assertNotEquals(Bdhke.blind(HexFormat.of().parseHex(secret), r), Bdhke.blindMessage(secret, r));
  }

  @Test
  void yIsTheCompressedHashOfTheSecret() {
    String secret = "[\"P2PK\",{\"nonce\":\"00\",\"data\":\"02ab\",\"tags\":[]}]";
    assertEquals(
        Secp256k1.encode(Secp256k1.hashToCurve(secret.getBytes(StandardCharsets.UTF_8))),
        Bdhke.y(secret));
  }

  @Test
  void blindingFactorsOutOfRangeAreRefused() {
    assertThrows(CashuCryptoException.class, () -> Bdhke.blindMessage("s", BigInteger.ZERO));
    assertThrows(CashuCryptoException.class, () -> Bdhke.blindMessage("s", Secp256k1.order()));
    assertThrows(CashuCryptoException.class, () -> Bdhke.blindMessage(null, BigInteger.ONE));
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    RND.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
