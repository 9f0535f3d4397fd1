package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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
 */
class Bip340VectorsTest {

  private static final VectorFile FILE = VectorFile.bip340("test-vectors.csv");
  private static final HexFormat HEX = HexFormat.of();
  private static int signed;
  private static Revision revision;

  @Test
  void everyRowSignsAndVerifiesAsExpected() {
    List<String> lines = FILE.lines();
    assertTrue(lines.get(0).startsWith("index,secret key,public key"), "unexpected CSV header");
    revision = FILE.text().contains("has_square_y") ? Revision.DRAFT_2020_03 : Revision.FINAL;
    for (String line : lines.subList(1, lines.size())) {
      String[] col = line.split(",", 8);
      String row = "row " + col[0];
      byte[] publicKey = HEX.parseHex(col[2]);
      byte[] message = HEX.parseHex(col[4]);
      byte[] signature = HEX.parseHex(col[5]);
      boolean expected = Boolean.parseBoolean(col[6].toLowerCase());
      if (!col[1].isEmpty()) {
        byte[] secretKey = HEX.parseHex(col[1]);
        assertArrayEquals(publicKey, Schnorr.publicKey(secretKey), row + " public key");
        byte[] actual = Schnorr.sign(revision, secretKey, message, HEX.parseHex(col[3]));
        assertEquals(col[5].toLowerCase(), HEX.formatHex(actual), row + " signature");
        signed++;
      }
      assertEquals(expected, Schnorr.verify(revision, publicKey, message, signature), row);
      FILE.checked(1);
    }
  }

  @AfterAll
  static void report() {
    FILE.report(
        " ("
            + signed
            + " signatures reproduced, every row verified; file revision "
            + revision
            + ")");
  }
}
