package org.openpleb.devmint.ledger;

import java.math.BigInteger;
import java.util.Collections;
import java.util.SortedMap;
import org.bouncycastle.math.ec.ECPoint;

/**
 * One keyset of the mint: a private key per power-of-two amount, its V2 id, its input fee and
 * whether new outputs may use it.
 */
public final class MintKeyset {

  private final int index;
  private final String id;
  private final long inputFeePpk;
  private final boolean active;
  private final SortedMap<Long, BigInteger> privateKeys;
  private final SortedMap<Long, ECPoint> publicKeys;

  MintKeyset(
      int index,
      String id,
      long inputFeePpk,
      boolean active,
      SortedMap<Long, BigInteger> privateKeys,
      SortedMap<Long, ECPoint> publicKeys) {
    this.index = index;
    this.id = id;
    this.inputFeePpk = inputFeePpk;
    this.active = active;
    this.privateKeys = Collections.unmodifiableSortedMap(privateKeys);
    this.publicKeys = Collections.unmodifiableSortedMap(publicKeys);
  }

  int index() {
    return index;
  }

  /** The V2 keyset id ({@code 01…}). */
  public String id() {
    return id;
  }

  /** Always {@code sat}. */
  public String unit() {
    return MintLedger.UNIT;
  }

  /** The fee per input in parts per thousand of a sat. */
  public long inputFeePpk() {
    return inputFeePpk;
  }

  /** Whether the mint signs new outputs with this keyset. */
  public boolean active() {
    return active;
  }

  /** The public key per amount, ascending. */
  public SortedMap<Long, ECPoint> publicKeys() {
    return publicKeys;
  }

  boolean hasAmount(long amount) {
    return privateKeys.containsKey(amount);
  }

  BigInteger privateKey(long amount) {
    BigInteger key = privateKeys.get(amount);
    if (key == null) {
      throw new IllegalArgumentException("no key for amount " + amount);
    }
    return key;
  }

  MintKeyset deactivated() {
    return new MintKeyset(index, id, inputFeePpk, false, privateKeys, publicKeys);
  }

  @Override
  public String toString() {
    return "MintKeyset[id=" + id + ", inputFeePpk=" + inputFeePpk + ", active=" + active + "]";
  }
}
