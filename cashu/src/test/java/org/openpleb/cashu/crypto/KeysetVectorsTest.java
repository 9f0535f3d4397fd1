package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.vectors.VectorFile;
import org.openpleb.cashu.vectors.VectorFile.Block;

/** The NUT-01 keyset acceptance vectors and the NUT-02 keyset id vectors, read from disk. */
class KeysetVectorsTest {

  private static final VectorFile NUT01 = VectorFile.cashu("01-tests.md");
  private static final VectorFile NUT02 = VectorFile.cashu("02-tests.md");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void walletRejectsAndAcceptsTheNut01Keysets() throws Exception {
    // The prose before a block says whether the keysets from there on must be rejected or accepted.
    Boolean accept = null;
    for (Block block : NUT01.blocks()) {
      String keysJson = NUT01.use(block);
      if (block.preceding().contains("should be rejected")) {
        accept = false;
      } else if (block.preceding().contains("should be accepted")) {
        accept = true;
      }
      assertTrue(accept != null, "01-tests.md: no verdict before block " + block.index());
      if (accept) {
        SortedMap<BigInteger, String> keys = KeysetValidation.parseKeys(keysJson);
        List<BigInteger> amounts = new ArrayList<>();
        JSON.readTree(keysJson).fieldNames().forEachRemaining(f -> amounts.add(new BigInteger(f)));
        assertEquals(amounts.size(), keys.size());
        assertEquals(amounts.stream().max(BigInteger::compareTo).orElseThrow(), keys.lastKey());
      } else {
        assertThrows(CashuCryptoException.class, () -> KeysetValidation.parseKeys(keysJson));
      }
      NUT01.checked(1);
    }
  }

  @Test
  void everyNut02KeysetIdIsReproduced() {
    for (Block block : NUT02.blocks()) {
      SortedMap<BigInteger, String> keys = KeysetValidation.parseKeys(NUT02.use(block));
      String id = field(block, "Keyset id");
      if (id.startsWith("00")) {
        assertEquals(id, KeysetIds.v1(keys));
        assertTrue(KeysetIds.matches(new Keyset(id, "sat", true, 0, null, keys)));
      } else {
        String unit = field(block, "Unit");
        long fee = Long.parseLong(field(block, "Input fee ppk"));
        String expiryText = optionalField(block, "Final expiry");
        Long expiry = expiryText == null ? null : Long.parseLong(expiryText);
        assertEquals(id, KeysetIds.v2(keys, unit, fee, expiry));
        assertTrue(KeysetIds.matches(new Keyset(id, unit, true, fee, expiry, keys)));
        // Any other fee must give another id: the fee is committed to.
        assertTrue(!KeysetIds.matches(new Keyset(id, unit, true, fee + 1, expiry, keys)));
        assertEquals(id.substring(0, 16), KeysetIds.shortId(id));
      }
      NUT02.checked(1);
    }
  }

  @AfterAll
  static void report() {
    NUT01.report();
    NUT02.report();
  }

  private static String field(Block block, String name) {
    String value = optionalField(block, name);
    assertTrue(value != null, "02-tests.md block " + block.index() + " has no " + name);
    return value;
  }

  private static String optionalField(Block block, String name) {
    Matcher m = Pattern.compile(Pattern.quote(name) + ":\\s*`([^`]*)`").matcher(block.preceding());
    return m.find() ? m.group(1) : null;
  }
}
