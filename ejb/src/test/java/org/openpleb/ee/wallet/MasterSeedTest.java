package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MasterSeedTest {

  private static final HexFormat HEX = HexFormat.of();

  @TempDir Path dir;

  @Test
  void aWalletSeedIsHmacSha512OfTheWalletIdUnderTheMasterSecret() {
    // RFC 4231 test case 6: a 131-byte key of 0xaa
    MasterSeed master = MasterSeed.fromHex("aa".repeat(131), "TEST");

    byte[] seed = master.walletSeed("Test Using Larger Than Block-Size Key - Hash Key First");

    assertEquals(
        "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
            + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598",
        HEX.formatHex(seed));
  }

  @Test
  void theAnswerKeyIsHmacSha256OfItsOwnLabelAndNoWalletSeed() throws Exception {
    MasterSeed master = MasterSeed.fromHex("03".repeat(32), "TEST");
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(HEX.parseHex("03".repeat(32)), "HmacSHA256"));

    byte[] key = master.answerKey();

    assertEquals(32, key.length);
    assertEquals(
        HEX.formatHex(mac.doFinal("openpleb idempotent-answer key v1".getBytes("UTF-8"))),
        HEX.formatHex(key));
    assertNotEquals(
        HEX.formatHex(key),
        HEX.formatHex(master.walletSeed("openpleb idempotent-answer key v1")).substring(0, 64));
  }

  @Test
  void theSettlementTokenKeyHasItsOwnLabel() throws Exception {
    MasterSeed master = MasterSeed.fromHex("03".repeat(32), "TEST");
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(HEX.parseHex("03".repeat(32)), "HmacSHA256"));

    byte[] key = master.settlementTokenKey();

    assertEquals(
        HEX.formatHex(mac.doFinal("openpleb settlement-token key v1".getBytes("UTF-8"))),
        HEX.formatHex(key));
    assertNotEquals(HEX.formatHex(master.answerKey()), HEX.formatHex(key));
  }

  @Test
  void eachWalletGetsItsOwnStableSixtyFourByteSeed() {
    MasterSeed master = MasterSeed.fromHex("01".repeat(32), "TEST");

    byte[] a = master.walletSeed("wallet-a");

    assertEquals(64, a.length);
    assertArrayEquals(a, master.walletSeed("wallet-a"));
    assertFalse(HEX.formatHex(a).equals(HEX.formatHex(master.walletSeed("wallet-b"))));
    assertFalse(
        HEX.formatHex(a)
            .equals(
                HEX.formatHex(MasterSeed.fromHex("02".repeat(32), "T").walletSeed("wallet-a"))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "zz",
        "0102",
        "secretsecretsecretsecretsecretsecretsecretsecretsecretsecretsecr"
      })
  void aShortOrNonHexSecretIsRefusedWithoutQuotingIt(String value) {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> MasterSeed.fromHex(value, "OPENPLEB_MASTER_SEED"));

    assertTrue(refused.getMessage().startsWith("OPENPLEB_MASTER_SEED must be hex"));
    if (!value.isEmpty()) {
      assertFalse(refused.getMessage().contains(value), refused::getMessage);
    }
  }

  @Test
  void upperCaseHexAndSurroundingSpaceAreAccepted() {
    String lower = "ab".repeat(40);

    assertArrayEquals(
        MasterSeed.fromHex(lower, "T").walletSeed("w"),
        MasterSeed.fromHex("  " + lower.toUpperCase() + "\n", "T").walletSeed("w"));
  }

  @Test
  void aMissingFileIsCreatedOwnerOnlyAndReadBackNextTime() throws Exception {
    Path file = dir.resolve("data/master-seed");

    MasterSeed first = MasterSeed.loadOrCreate(file, new SecureRandom());
    MasterSeed second = MasterSeed.loadOrCreate(file, new SecureRandom());

    assertTrue(first.generated());
    assertFalse(second.generated());
    assertArrayEquals(first.walletSeed("w"), second.walletSeed("w"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(2 * MasterSeed.MIN_BYTES, Files.readString(file).trim().length());
  }

  @Test
  void anExistingFileReadableByOthersIsTightened() throws Exception {
    Path file = dir.resolve("master-seed");
    Files.writeString(file, "cd".repeat(32));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    MasterSeed seed = MasterSeed.loadOrCreate(file, new SecureRandom());

    assertFalse(seed.generated());
    assertArrayEquals(
        MasterSeed.fromHex("cd".repeat(32), "T").walletSeed("x"), seed.walletSeed("x"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void aCorruptFileIsRefused() throws Exception {
    Path file = dir.resolve("master-seed");
    Files.writeString(file, "not a seed");

    assertThrows(
        IllegalArgumentException.class, () -> MasterSeed.loadOrCreate(file, new SecureRandom()));
  }

  @Test
  void theSecretNeverShowsInText() {
    String hex = "5a".repeat(32);

    assertEquals("MasterSeed[redacted]", MasterSeed.fromHex(hex, "T").toString());
  }
}
