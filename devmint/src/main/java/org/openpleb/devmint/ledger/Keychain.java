package org.openpleb.devmint.ledger;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.ECPoint;
import org.openpleb.devmint.crypto.KeysetId;
import org.openpleb.devmint.crypto.Secp256k1;

/**
 * The mint's keysets, derived deterministically from the seed: keyset {@code i}, amount {@code a}
 * has the key {@code HMAC-SHA256(seed, "openpleb/devmint/keyset/i/a") mod n}. The same seed
 * therefore always yields the same keyset ids.
 */
final class Keychain {

  /** Amounts 2^0 … 2^(DENOMINATIONS-1). */
  static final int DENOMINATIONS = 32;

  private final String seed;
  private final List<MintKeyset> keysets = new ArrayList<>();

  Keychain(String seed, List<KeysetRecord> records) {
    this.seed = seed;
    for (KeysetRecord record : records) {
      keysets.add(derive(record.index(), record.inputFeePpk(), record.active()));
    }
  }

  /** A fresh mint: an inactive keyset (index 0) to test rotation, and the active one (index 1). */
  static List<KeysetRecord> initial(long inputFeePpk) {
    return List.of(new KeysetRecord(0, inputFeePpk, false), new KeysetRecord(1, inputFeePpk, true));
  }

  List<MintKeyset> all() {
    return List.copyOf(keysets);
  }

  List<MintKeyset> active() {
    return keysets.stream().filter(MintKeyset::active).toList();
  }

  MintKeyset find(String id) {
    for (MintKeyset keyset : keysets) {
      if (keyset.id().equals(id)) {
        return keyset;
      }
    }
    return null;
  }

  /** Deactivates every active keyset and adds a new active one with the given fee. */
  MintKeyset rotate(long inputFeePpk) {
    int next = keysets.stream().mapToInt(MintKeyset::index).max().orElse(-1) + 1;
    keysets.replaceAll(k -> k.active() ? k.deactivated() : k);
    MintKeyset fresh = derive(next, inputFeePpk, true);
    keysets.add(fresh);
    return fresh;
  }

  List<KeysetRecord> records() {
    return keysets.stream()
        .map(k -> new KeysetRecord(k.index(), k.inputFeePpk(), k.active()))
        .toList();
  }

  private MintKeyset derive(int index, long inputFeePpk, boolean active) {
    SortedMap<Long, BigInteger> privateKeys = new TreeMap<>();
    SortedMap<Long, ECPoint> publicKeys = new TreeMap<>();
    SortedMap<BigInteger, String> forId = new TreeMap<>();
    for (int bit = 0; bit < DENOMINATIONS; bit++) {
      long amount = 1L << bit;
      BigInteger key = privateKey(index, amount);
      ECPoint publicKey = Secp256k1.G.multiply(key).normalize();
      privateKeys.put(amount, key);
      publicKeys.put(amount, publicKey);
      forId.put(BigInteger.valueOf(amount), Secp256k1.toHex(publicKey));
    }
    String id = KeysetId.v2(forId, MintLedger.UNIT, inputFeePpk, null);
    return new MintKeyset(index, id, inputFeePpk, active, privateKeys, publicKeys);
  }

  private BigInteger privateKey(int index, long amount) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      for (int attempt = 0; ; attempt++) {
        String label = "openpleb/devmint/keyset/" + index + "/" + amount;
        if (attempt > 0) {
          label += "/" + attempt;
        }
        BigInteger key =
            new BigInteger(1, mac.doFinal(label.getBytes(StandardCharsets.UTF_8))).mod(Secp256k1.N);
        if (key.signum() != 0) {
          return key;
        }
      }
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
    }
  }
}
