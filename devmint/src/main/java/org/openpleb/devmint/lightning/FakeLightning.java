package org.openpleb.devmint.lightning;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import org.bouncycastle.util.encoders.Hex;
import org.openpleb.devmint.crypto.Secp256k1;

/**
 * A Lightning node that exists only in memory: it writes real-looking signed regtest invoices and
 * pretends to pay any invoice it is given. Nothing ever leaves the process.
 */
public final class FakeLightning {

  private static final String DESCRIPTION = "OpenPleb devmint FAKE invoice";

  private final BigInteger nodeKey;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** A node whose key is derived from the mint seed, so its invoices are recognisably its own. */
  public FakeLightning(String seed, Clock clock) {
    BigInteger key =
        new BigInteger(1, Secp256k1.sha256("openpleb/devmint/lightning-node/" + seed))
            .mod(Secp256k1.N);
    this.nodeKey = key.signum() == 0 ? BigInteger.ONE : key;
    this.clock = clock;
  }

  /** The node's public key, compressed hex. */
  public String nodePublicKey() {
    return Secp256k1.toHex(Secp256k1.G.multiply(nodeKey));
  }

  /** A fresh invoice for {@code sats}, unique by its random payment hash. */
  public Invoice createInvoice(long sats, Duration expiry) {
    byte[] preimage = randomBytes();
    byte[] paymentHash = Secp256k1.sha256(preimage);
    String request =
        Bolt11.encode(
            sats,
            paymentHash,
            randomBytes(),
            DESCRIPTION,
            clock.millis() / 1000,
            Math.max(1, expiry.toSeconds()),
            nodeKey);
    return new Invoice(request, sats, Hex.toHexString(paymentHash), Hex.toHexString(preimage));
  }

  /**
   * The whole-satoshi amount of an invoice, rounded up, or empty for an amountless invoice.
   *
   * @throws IllegalArgumentException if the text is not BOLT11-shaped
   */
  public static OptionalLong amountSats(String invoice) {
    OptionalLong msat = Bolt11.amountMsat(invoice);
    if (msat.isEmpty()) {
      return msat;
    }
    return OptionalLong.of((msat.getAsLong() + 999) / 1000);
  }

  /** A made-up preimage for paying someone else's invoice. */
  public String paymentPreimage(String invoice) {
    return Hex.toHexString(
        Secp256k1.sha256(invoice.getBytes(StandardCharsets.UTF_8), Secp256k1.scalarBytes(nodeKey)));
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return bytes;
  }
}
