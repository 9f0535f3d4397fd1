package org.openpleb.devmint.lightning;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.openpleb.devmint.crypto.Secp256k1;

/**
 * BOLT11 invoice text: writing signed regtest invoices and reading the amount from any invoice's
 * human-readable prefix.
 */
public final class Bolt11 {

  /** The regtest prefix; a fake mint must never look like it takes mainnet payments. */
  static final String PREFIX = "lnbcrt";

  // Prefix rule shared with cashu-ts: the part before the LAST '1' is "ln" + network + amount.
  private static final Pattern HRP = Pattern.compile("^ln([a-z]+?)(\\d*)([munp]?)$");

  static final int TAG_PAYMENT_HASH = 1;
  static final int TAG_PAYMENT_SECRET = 16;
  static final int TAG_DESCRIPTION = 13;
  static final int TAG_EXPIRY = 6;
  private static final int TAG_MIN_FINAL_CLTV = 24;
  static final int TAG_FEATURES = 5;

  private Bolt11() {}

  /**
   * The amount of an invoice in millisatoshis, or empty for an amountless invoice.
   *
   * @throws IllegalArgumentException if the text is not shaped like a BOLT11 invoice
   */
  public static OptionalLong amountMsat(String invoice) {
    if (invoice == null) {
      throw new IllegalArgumentException("no invoice");
    }
    String lower = invoice.strip().toLowerCase(Locale.ROOT);
    if (lower.startsWith("lightning:")) {
      lower = lower.substring("lightning:".length());
    }
    int separator = lower.lastIndexOf('1');
    if (separator < 0 || lower.length() - separator - 1 < 7) {
      throw new IllegalArgumentException("not a BOLT11 invoice");
    }
    for (int i = separator + 1; i < lower.length(); i++) {
      if (Bech32.ALPHABET.indexOf(lower.charAt(i)) < 0) {
        throw new IllegalArgumentException("invoice data is not bech32");
      }
    }
    Matcher m = HRP.matcher(lower.substring(0, separator));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a BOLT11 prefix");
    }
    if (m.group(2).isEmpty()) {
      if (!m.group(3).isEmpty()) {
        throw new IllegalArgumentException("multiplier without amount");
      }
      return OptionalLong.empty();
    }
    BigInteger digits = new BigInteger(m.group(2));
    BigInteger msat;
    switch (m.group(3)) {
      case "" -> msat = digits.multiply(BigInteger.valueOf(100_000_000_000L));
      case "m" -> msat = digits.multiply(BigInteger.valueOf(100_000_000L));
      case "u" -> msat = digits.multiply(BigInteger.valueOf(100_000L));
      case "n" -> msat = digits.multiply(BigInteger.valueOf(100L));
      default -> {
        // pico-bitcoin is a tenth of a millisatoshi: only multiples of ten are whole
        if (!digits.mod(BigInteger.TEN).equals(BigInteger.ZERO)) {
          throw new IllegalArgumentException("sub-millisatoshi amount");
        }
        msat = digits.divide(BigInteger.TEN);
      }
    }
    if (msat.signum() <= 0 || msat.bitLength() > 62) {
      throw new IllegalArgumentException("invoice amount out of range");
    }
    return OptionalLong.of(msat.longValueExact());
  }

  /** The prefix amount for whole satoshis, in the shortest exact unit. */
  static String amountPart(long sats) {
    if (sats <= 0) {
      throw new IllegalArgumentException("invoice amount must be positive");
    }
    if (sats % 100_000 == 0) {
      return (sats / 100_000) + "m";
    }
    if (sats % 100 == 0) {
      return (sats / 100) + "u";
    }
    return Math.multiplyExact(sats, 10L) + "n";
  }

  /** One tagged field of the data part: a 5-bit type and its value in 5-bit groups. */
  record Field(int tag, byte[] data5) {

    /** A field holding bytes, e.g. a payment hash. */
    static Field bytes(int tag, byte[] bytes) {
      return new Field(tag, Bech32.convertBits(bytes, 8, 5, true));
    }

    /** A field holding text, e.g. a description. */
    static Field text(int tag, String text) {
      return bytes(tag, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A field holding a number in as few groups as it needs, e.g. an expiry. */
    static Field number(int tag, long value) {
      return new Field(tag, Bolt11.number(value));
    }
  }

  /**
   * A signed regtest invoice with payment hash, payment secret, description, expiry, final CLTV
   * delta and the feature bits every payer requires (var_onion_optin, payment_secret).
   *
   * @param paymentHash 32 bytes
   * @param paymentSecret 32 bytes
   * @param timestampSeconds creation time, unix seconds
   * @param expirySeconds how long the invoice may be paid
   * @param nodeKey the payee's private key
   */
  static String encode(
      long sats,
      byte[] paymentHash,
      byte[] paymentSecret,
      String description,
      long timestampSeconds,
      long expirySeconds,
      BigInteger nodeKey) {
    return encode(
        PREFIX + amountPart(sats),
        timestampSeconds,
        List.of(
            Field.bytes(TAG_PAYMENT_SECRET, paymentSecret),
            Field.bytes(TAG_PAYMENT_HASH, paymentHash),
            Field.text(TAG_DESCRIPTION, description),
            Field.number(TAG_EXPIRY, expirySeconds),
            Field.number(TAG_MIN_FINAL_CLTV, 18),
            Field.number(TAG_FEATURES, (1L << 14) | (1L << 8))),
        nodeKey);
  }

  /** Any invoice: prefix, timestamp and fields, signed over SHA256(prefix || data bits). */
  static String encode(String hrp, long timestampSeconds, List<Field> fields, BigInteger nodeKey) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    writeNumber(data, timestampSeconds, 7);
    for (Field field : fields) {
      data.write(field.tag());
      data.write((field.data5().length >>> 5) & 31);
      data.write(field.data5().length & 31);
      data.writeBytes(field.data5());
    }
    byte[] unsigned = data.toByteArray();
    byte[] digest =
        Secp256k1.sha256(
            hrp.getBytes(StandardCharsets.US_ASCII), Bech32.convertBits(unsigned, 5, 8, true));
    byte[] signature = signRecoverable(digest, nodeKey);
    data.writeBytes(Bech32.convertBits(signature, 8, 5, true));
    return Bech32.encode(hrp, data.toByteArray());
  }

  /** ECDSA with RFC 6979 nonces and low s, as r(32) || s(32) || recovery id(1). */
  static byte[] signRecoverable(byte[] digest, BigInteger privateKey) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(privateKey, Secp256k1.DOMAIN));
    BigInteger[] rs = signer.generateSignature(digest);
    BigInteger r = rs[0];
    BigInteger s = rs[1];
    if (s.compareTo(Secp256k1.N.shiftRight(1)) > 0) {
      s = Secp256k1.N.subtract(s);
    }
    ECPoint publicKey = Secp256k1.G.multiply(privateKey).normalize();
    for (int recoveryId = 0; recoveryId < 2; recoveryId++) {
      ECPoint recovered = recover(digest, r, s, recoveryId);
      if (recovered != null && recovered.equals(publicKey)) {
        byte[] out = new byte[65];
        System.arraycopy(Secp256k1.scalarBytes(r), 0, out, 0, 32);
        System.arraycopy(Secp256k1.scalarBytes(s), 0, out, 32, 32);
        out[64] = (byte) recoveryId;
        return out;
      }
    }
    // r ≥ n - p happens with negligible probability; the ids 2 and 3 are not worth supporting
    throw new IllegalStateException("could not determine the recovery id");
  }

  /** The public key that made a recoverable signature, or null if the id does not fit. */
  static ECPoint recover(byte[] digest, BigInteger r, BigInteger s, int recoveryId) {
    byte[] encodedR = new byte[33];
    encodedR[0] = (byte) (0x02 | (recoveryId & 1));
    System.arraycopy(Secp256k1.scalarBytes(r), 0, encodedR, 1, 32);
    ECPoint bigR;
    try {
      bigR = Secp256k1.decodePoint(encodedR);
    } catch (IllegalArgumentException e) {
      return null;
    }
    BigInteger e = new BigInteger(1, digest);
    BigInteger rInverse = r.modInverse(Secp256k1.N);
    return bigR.multiply(s).subtract(Secp256k1.G.multiply(e)).multiply(rInverse).normalize();
  }

  private static void writeNumber(ByteArrayOutputStream out, long value, int groups) {
    for (int i = groups - 1; i >= 0; i--) {
      out.write((int) ((value >>> (5 * i)) & 31));
    }
  }

  private static byte[] number(long value) {
    int groups = 1;
    while (groups < 13 && (value >>> (5 * groups)) != 0) {
      groups++;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(groups);
    writeNumber(out, value, groups);
    return out.toByteArray();
  }
}
