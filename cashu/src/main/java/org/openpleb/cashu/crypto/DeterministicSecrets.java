package org.openpleb.cashu.crypto;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Deterministic secrets (NUT-13): every output's secret and blinding factor follow from the wallet
 * seed, the keyset id and a per-keyset counter, so a lost wallet can be restored from its seed.
 *
 * <p>V2 keysets ({@code 01…}) use an HMAC-SHA256 KDF; legacy V1 keysets ({@code 00…}) use BIP32
 * path {@code m/129372'/0'/<keyset int>'/<counter>'/0} for the secret and {@code …/1} for r.
 */
public final class DeterministicSecrets {

  private static final byte[] KDF_DOMAIN =
      "Cashu_KDF_HMAC_SHA256".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BIP32_MASTER_KEY = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);
  private static final long HARDENED = 0x8000_0000L;
  private static final BigInteger KEYSET_INT_MODULUS = BigInteger.valueOf((1L << 31) - 1);

  private DeterministicSecrets() {}

  /**
   * The secret (lowercase hex string) and blinding factor of output {@code counter} of a keyset.
   *
   * @param seed64 the 64-byte BIP39 seed
   * @throws CashuCryptoException for a keyset id of an unsupported version, or a negative counter
   *     (or, for V1 keysets, one of 2^31 or more)
   */
  public static DerivedOutput derive(byte[] seed64, String keysetId, long counter) {
    return derive(Secp256k1Backends.active(), seed64, keysetId, counter);
  }

  static DerivedOutput derive(
      Secp256k1Backend backend, byte[] seed64, String keysetId, long counter) {
    if (seed64 == null || seed64.length == 0) {
      throw new CashuCryptoException("seed is missing");
    }
    if (counter < 0) {
      throw new CashuCryptoException("counter must not be negative");
    }
    if (KeysetIds.isV2(keysetId)) {
      return deriveHmac(seed64, keysetId, counter);
    }
    if (KeysetIds.isV1(keysetId)) {
      return deriveBip32(backend, seed64, keysetId, counter);
    }
    throw new CashuCryptoException("unsupported keyset id version for deterministic secrets");
  }

  /**
   * The BIP39 seed of a mnemonic: PBKDF2-HMAC-SHA512, 2048 rounds, salt {@code "mnemonic" +
   * passphrase}, both NFKD-normalised. The word list and checksum are not checked.
   */
  public static byte[] seedFromMnemonic(String mnemonic, String passphrase) {
    if (mnemonic == null || mnemonic.isBlank()) {
      throw new CashuCryptoException("mnemonic is missing");
    }
    String words = Normalizer.normalize(mnemonic.trim(), Normalizer.Form.NFKD);
    String salt =
        Normalizer.normalize(
            "mnemonic" + (passphrase == null ? "" : passphrase), Normalizer.Form.NFKD);
    // The JDK's PBKDF2 encodes the password chars as UTF-8, which is what BIP39 asks for.
    PBEKeySpec spec =
        new PBEKeySpec(words.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), 2048, 512);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available in this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** The BIP32 path of a V1 keyset's output, up to the hardened counter level. */
  static String v1DerivationPath(String keysetId, long counter) {
    return "m/129372'/0'/" + v1KeysetInt(keysetId) + "'/" + counter + "'";
  }

  /** A keyset id as the integer of its BIP32 path level: the id's bytes mod 2^31 - 1. */
  static long v1KeysetInt(String keysetId) {
    String id = KeysetIds.shortId(keysetId);
    return new BigInteger(1, Secp256k1.parseHex(id, "keyset id"))
        .mod(KEYSET_INT_MODULUS)
        .longValue();
  }

  private static DerivedOutput deriveHmac(byte[] seed, String keysetId, long counter) {
    byte[] message =
        ByteBuffer.allocate(KDF_DOMAIN.length + 33 + 8)
            .put(KDF_DOMAIN)
            .put(Secp256k1.parseHex(keysetId, "keyset id"))
            .putLong(counter)
            .array();
    byte[] secret = Secp256k1.hmacSha256(seed, message, new byte[] {0x00});
    BigInteger r =
        new BigInteger(1, Secp256k1.hmacSha256(seed, message, new byte[] {0x01}))
            .mod(Secp256k1.order());
    if (r.signum() == 0) {
      throw new CashuCryptoException("derived blinding factor is zero");
    }
    return new DerivedOutput(Secp256k1.hex(secret), r);
  }

  private static DerivedOutput deriveBip32(
      Secp256k1Backend backend, byte[] seed, String keysetId, long counter) {
    if (counter >= HARDENED) {
      throw new CashuCryptoException("counter too large for a BIP32 path");
    }
    String path = v1DerivationPath(keysetId, counter);
    BigInteger secret = bip32PrivateKey(backend, seed, path + "/0");
    BigInteger r = bip32PrivateKey(backend, seed, path + "/1");
    return new DerivedOutput(Secp256k1.hex(Secp256k1.toBytes32(secret)), r);
  }

  /** BIP32 private key derivation along a path such as {@code m/129372'/0'/5'/0'/1}. */
  static BigInteger bip32PrivateKey(Secp256k1Backend backend, byte[] seed, String path) {
    byte[] master = Secp256k1.hmacSha512(BIP32_MASTER_KEY, seed);
    BigInteger key = new BigInteger(1, Arrays.copyOfRange(master, 0, 32));
    byte[] chainCode = Arrays.copyOfRange(master, 32, 64);
    BigInteger n = Secp256k1.order();
    if (key.signum() == 0 || key.compareTo(n) >= 0) {
      throw new CashuCryptoException("seed gives an invalid BIP32 master key");
    }
    for (long index : parsePath(path)) {
      byte[] data;
      if (index >= HARDENED) {
        data =
            ByteBuffer.allocate(37)
                .put((byte) 0)
                .put(Secp256k1.toBytes32(key))
                .putInt((int) index)
                .array();
      } else {
        // the parent's public key: the one multiplication of G per level, on the back end
        data = ByteBuffer.allocate(37).put(backend.multiplyG(key)).putInt((int) index).array();
      }
      byte[] child = Secp256k1.hmacSha512(chainCode, data);
      BigInteger tweak = new BigInteger(1, Arrays.copyOfRange(child, 0, 32));
      key = tweak.add(key).mod(n);
      // BIP32 says to skip to the next index here; the odds are below 2^-127, so failing is fine.
      if (tweak.compareTo(n) >= 0 || key.signum() == 0) {
        throw new CashuCryptoException("BIP32 derivation hit an invalid child key");
      }
      chainCode = Arrays.copyOfRange(child, 32, 64);
    }
    return key;
  }

  private static List<Long> parsePath(String path) {
    String[] levels = path.split("/");
    if (levels.length == 0 || !levels[0].equals("m")) {
      throw new CashuCryptoException("a BIP32 path starts with m");
    }
    List<Long> indexes = new ArrayList<>(levels.length - 1);
    for (int i = 1; i < levels.length; i++) {
      String level = levels[i];
      boolean hardened = level.endsWith("'");
      long index = Long.parseLong(hardened ? level.substring(0, level.length() - 1) : level);
      if (index < 0 || index >= HARDENED) {
        throw new CashuCryptoException("BIP32 index out of range");
      }
      indexes.add(hardened ? index + HARDENED : index);
    }
    return indexes;
  }
}
