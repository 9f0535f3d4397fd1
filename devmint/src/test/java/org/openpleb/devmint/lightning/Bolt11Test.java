package org.openpleb.devmint.lightning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.openpleb.devmint.crypto.Secp256k1;

/** The fake node's invoices are real BOLT11: right prefix amount, bech32 data, valid signature. */
class Bolt11Test {

  // BOLT11 "Examples": "Please send $3 for a cup of coffee to the same peer, within one minute",
  // signed with the specification's example node key.
  private static final String SPEC_COFFEE =
      "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";
  private static final BigInteger SPEC_KEY =
      new BigInteger("e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734", 16);

  private final FakeLightning node =
      new FakeLightning(
          "test-seed", Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

  @Test
  void encoderReproducesTheBolt11CoffeeExampleByteForByte() {
    byte[] secret = new byte[32];
    java.util.Arrays.fill(secret, (byte) 0x11);
    String encoded =
        Bolt11.encode(
            "lnbc2500u",
            1496314658L,
            List.of(
                Bolt11.Field.bytes(Bolt11.TAG_PAYMENT_SECRET, secret),
                Bolt11.Field.bytes(
                    Bolt11.TAG_PAYMENT_HASH,
                    Hex.decode("0001020304050607080900010203040506070809000102030405060708090102")),
                Bolt11.Field.text(Bolt11.TAG_DESCRIPTION, "1 cup coffee"),
                Bolt11.Field.number(Bolt11.TAG_EXPIRY, 60),
                Bolt11.Field.number(Bolt11.TAG_FEATURES, (1L << 14) | (1L << 8))),
            SPEC_KEY);
    assertEquals(SPEC_COFFEE, encoded);
    assertEquals(OptionalLong.of(250_000_000L), Bolt11.amountMsat(SPEC_COFFEE));
  }

  @Test
  void amountPrefixFollowsBolt11Multipliers() {
    assertEquals(OptionalLong.of(100_000L), Bolt11.amountMsat("lnbcrt1000n1" + "q".repeat(10)));
    assertEquals(OptionalLong.of(100_000L), Bolt11.amountMsat("lnbcrt1u1" + "q".repeat(10)));
    assertEquals(OptionalLong.of(100_000_000L), Bolt11.amountMsat("lnbc1m1" + "q".repeat(10)));
    assertEquals(OptionalLong.of(1L), Bolt11.amountMsat("lntb10p1" + "q".repeat(10)));
    assertEquals(OptionalLong.empty(), Bolt11.amountMsat("lnbcrt1" + "q".repeat(10)));
    assertThrows(IllegalArgumentException.class, () -> Bolt11.amountMsat("lnbc15p1qqqqqqqqqq"));
    assertThrows(IllegalArgumentException.class, () -> Bolt11.amountMsat("cashuAbc1qqqqqqqq"));
    assertThrows(IllegalArgumentException.class, () -> Bolt11.amountMsat("lnbc1u1qqqqbqqqq"));
  }

  @Test
  void invoicesCarryTheirAmountInThePrefixUpToTheLastOne() {
    for (long sats : new long[] {1, 7, 100, 2_100, 100_000, 123_456_789}) {
      String invoice = node.createInvoice(sats, Duration.ofHours(1)).request();
      // cashu-ts reads the prefix as everything before the LAST '1'
      String hrp = invoice.substring(0, invoice.lastIndexOf('1'));
      assertTrue(hrp.startsWith("lnbcrt"), invoice);
      assertEquals(OptionalLong.of(sats), FakeLightning.amountSats(invoice));
      String data = invoice.substring(invoice.lastIndexOf('1') + 1);
      assertTrue(data.chars().allMatch(c -> Bech32.ALPHABET.indexOf(c) >= 0), data);
      assertTrue(Bech32.hasValidChecksum(invoice));
    }
    // the shortest exact unit: micro-bitcoin for whole hundreds, nano-bitcoin otherwise
    assertEquals("lnbcrt1u", prefixOf(node.createInvoice(100, Duration.ofHours(1))));
    assertEquals("lnbcrt70n", prefixOf(node.createInvoice(7, Duration.ofHours(1))));
    assertEquals("lnbcrt1m", prefixOf(node.createInvoice(100_000, Duration.ofHours(1))));
  }

  @Test
  void invoicesAreSignedByTheNodeKeyAndUnique() {
    Invoice first = node.createInvoice(21, Duration.ofMinutes(10));
    Invoice second = node.createInvoice(21, Duration.ofMinutes(10));
    assertNotEquals(first.request(), second.request());
    assertNotEquals(first.paymentHash(), second.paymentHash());
    assertEquals(
        first.paymentHash(), Hex.toHexString(Secp256k1.sha256(Hex.decode(first.preimage()))));
    assertTrue(first.request().contains(paymentHashField(first.paymentHash())));

    String invoice = first.request();
    String hrp = invoice.substring(0, invoice.lastIndexOf('1'));
    byte[] groups = toGroups(invoice.substring(hrp.length() + 1, invoice.length() - 6));
    byte[] data = java.util.Arrays.copyOf(groups, groups.length - 104);
    byte[] sig =
        Bech32.convertBits(
            java.util.Arrays.copyOfRange(groups, groups.length - 104, groups.length), 5, 8, false);
    byte[] digest = Secp256k1.sha256(hrp.getBytes(), Bech32.convertBits(data, 5, 8, true));
    ECPoint payee =
        Bolt11.recover(
            digest,
            new BigInteger(1, java.util.Arrays.copyOfRange(sig, 0, 32)),
            new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64)),
            sig[64]);
    assertEquals(node.nodePublicKey(), Secp256k1.toHex(payee));
    char last = invoice.charAt(invoice.length() - 1);
    String tampered = invoice.substring(0, invoice.length() - 1) + (last == 'q' ? 'p' : 'q');
    assertFalse(Bech32.hasValidChecksum(tampered));
  }

  private static String prefixOf(Invoice invoice) {
    return invoice.request().substring(0, invoice.request().lastIndexOf('1'));
  }

  private static String paymentHashField(String paymentHashHex) {
    StringBuilder text = new StringBuilder("pp5");
    for (byte b : Bech32.convertBits(Hex.decode(paymentHashHex), 8, 5, true)) {
      text.append(Bech32.ALPHABET.charAt(b));
    }
    return text.toString();
  }

  private static byte[] toGroups(String text) {
    byte[] groups = new byte[text.length()];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = (byte) Bech32.ALPHABET.indexOf(text.charAt(i));
    }
    return groups;
  }
}
