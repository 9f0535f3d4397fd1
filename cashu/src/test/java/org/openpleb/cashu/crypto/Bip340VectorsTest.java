package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpleb.cashu.crypto.Schnorr.Revision;
import org.openpleb.cashu.vectors.VectorFile;

/**
 * Every row of the shared BIP-340 CSV: key generation and signing where the row has a secret key,
 * verification with the expected result for all rows.
 *
 * <p>The CSV names its revision in its comments: rows that speak of {@code has_square_y} come from
 * the March 2020 draft (square-y nonce, {@code BIP340/} tags), rows that speak of {@code
 * has_even_y} from the final BIP-340. The rows are checked under the revision the file declares;
 * the public API always uses the final one, which the NUT-11 signatures pin independently.
 *
 * <p>On both back ends: the x-only public key of every row (the same under either revision) comes
 * from the back end, and a draft-revision file is checked by the reference (libsecp256k1 knows only
 * the final revision) while the back end's final-revision signature and verification of every row
 * must equal the reference's. Final BIP-340 vector 0 is pinned for both.
 */
class Bip340VectorsTest {

  private static final VectorFile FILE = VectorFile.bip340("test-vectors.csv");
  private static final HexFormat HEX = HexFormat.of();
  private static int signed;
  private static Revision revision;

  @ParameterizedTest
  @MethodSource("org.openpleb.cashu.crypto.BothBackends#all")
  void everyRowSignsAndVerifiesAsExpected(Secp256k1Backend backend) {
    List<String> lines = FILE.lines();
    assertTrue(lines.get(0).startsWith("index,secret key,public key"), "unexpected CSV header");
    revision = FILE.text().contains("has_square_y") ? Revision.DRAFT_2020_03 : Revision.FINAL;
    for (String line : lines.subList(1, lines.size())) {
      String[] col = line.split(",", 8);
      String row = "row " + col[0] + " on " + backend.name();
      byte[] publicKey = HEX.parseHex(col[2]);
      byte[] message = HEX.parseHex(col[4]);
      byte[] signature = HEX.parseHex(col[5]);
      boolean expected = Boolean.parseBoolean(col[6].toLowerCase());
      if (!col[1].isEmpty()) {
        byte[] secretKey = HEX.parseHex(col[1]);
        byte[] aux = HEX.parseHex(col[3]);
        assertArrayEquals(publicKey, Schnorr.publicKey(backend, secretKey), row + " public key");
        byte[] actual =
            revision == Revision.FINAL
                ? Schnorr.sign(backend, secretKey, message, aux)
                : Schnorr.sign(revision, secretKey, message, aux);
        assertEquals(col[5].toLowerCase(), HEX.formatHex(actual), row + " signature");
        assertArrayEquals(
            Schnorr.sign(Revision.FINAL, secretKey, message, aux),
            Schnorr.sign(backend, secretKey, message, aux),
            row + " final-revision signature equals the reference's");
        signed++;
      }
      boolean verified =
          revision == Revision.FINAL
              ? Schnorr.verify(backend, publicKey, message, signature)
              : Schnorr.verify(revision, publicKey, message, signature);
      assertEquals(expected, verified, row);
      assertEquals(
          Schnorr.verify(Revision.FINAL, publicKey, message, signature),
          Schnorr.verify(backend, publicKey, message, signature),
          row + " final-revision verification equals the reference's");
      FILE.checked(1);
    }
  }

  /** Row 0 of the final BIP-340 test vectors: secret key 3, zero aux_rand, zero message. */
  @ParameterizedTest
  @MethodSource("org.openpleb.cashu.crypto.BothBackends#all")
  void finalVectorZeroIsReproduced(Secp256k1Backend backend) {
    byte[] secretKey = HEX.parseHex("00".repeat(31) + "03");
    byte[] zero = new byte[32];
    byte[] publicKey =
        HEX.parseHex("f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9");
    byte[] expected =
        HEX.parseHex(
            "e907831f80848d1069a5371b402410364bdf1c5f8307b0084c55f1ce2dca8215"
                + "25f66a4a85ea8b71e482a74f382d2ce5ebeee8fdb2172f477df4900d310536c0");
    assertArrayEquals(publicKey, Schnorr.publicKey(backend, secretKey));
    assertArrayEquals(expected, Schnorr.sign(backend, secretKey, zero, zero), backend.name());
    assertTrue(Schnorr.verify(backend, publicKey, zero, expected), backend.name());
  }

  @AfterAll
  static void report() {
    FILE.report(
        " ("
            + signed
            + " signatures reproduced, every row verified on both back ends; file revision "
            + revision
            + ")");
  }
}
