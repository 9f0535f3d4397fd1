package org.openpleb.cashu.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.CashuException;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.store.ProofState;
import org.openpleb.cashu.store.StoredProof;

class CoinSelectorTest {

  private static int serial;

  private static StoredProof proof(long amount, String keyset) {
    String secret = "s" + serial++;
    return new StoredProof(
        new Proof(amount, keyset, secret, "c"), "y" + secret, ProofState.READY, null, null, null);
  }

  private static List<StoredProof> proofs(long... amounts) {
    List<StoredProof> list = new ArrayList<>();
    for (long a : amounts) {
      list.add(proof(a, "cheap"));
    }
    return list;
  }

  private static long sum(List<StoredProof> p) {
    return p.stream().mapToLong(StoredProof::amount).sum();
  }

  private static final InputFees NO_FEES = new InputFees(id -> 0);
  private static final InputFees FEES = new InputFees(id -> id.equals("cheap") ? 100 : 1000);

  @Test
  void findsAnExactSetWhenOneExists() {
    List<StoredProof> wallet = proofs(1, 2, 4, 8, 8, 32, 64);
    assertEquals(13, sum(CoinSelector.exact(wallet, 13).orElseThrow()));
    assertEquals(119, sum(CoinSelector.exact(wallet, 119).orElseThrow()));
    assertTrue(CoinSelector.exact(wallet, 120).isEmpty());
    assertTrue(CoinSelector.exact(proofs(4, 4), 3).isEmpty());
    assertTrue(CoinSelector.exact(wallet, 0).isEmpty());
  }

  @Test
  void coversTheTargetPlusTheFeeOfTheChosenInputs() {
    List<StoredProof> wallet = proofs(1, 2, 4, 8, 16, 32);
    for (long target = 1; target <= 60; target++) {
      List<StoredProof> chosen = CoinSelector.covering(wallet, target, FEES).orElseThrow();
      long fee = FEES.forKeysets(chosen.stream().map(StoredProof::keysetId).toList());
      assertTrue(sum(chosen) - fee >= target, "target " + target);
    }
    assertTrue(CoinSelector.covering(wallet, 63, FEES).isEmpty(), "63 sats leave nothing for fees");
    assertEquals(63, sum(CoinSelector.covering(wallet, 63, NO_FEES).orElseThrow()));
  }

  @Test
  void prefersFewerInputsWhenInputsCost() {
    List<StoredProof> wallet = proofs(1, 1, 1, 1, 1, 1, 1, 1, 64);
    assertEquals(
        List.of(64L),
        CoinSelector.covering(wallet, 5, FEES).orElseThrow().stream()
            .map(StoredProof::amount)
            .toList());
  }

  @Test
  void dropsInputsItDoesNotNeed() {
    List<StoredProof> wallet = proofs(2, 16, 32);
    List<StoredProof> chosen = CoinSelector.covering(wallet, 40, NO_FEES).orElseThrow();
    assertEquals(48, sum(chosen));
  }

  @Test
  void feesAreRoundedUpPerTransaction() {
    assertEquals(0, InputFees.roundUp(0));
    assertEquals(1, InputFees.roundUp(1));
    assertEquals(1, InputFees.roundUp(1000));
    assertEquals(2, InputFees.roundUp(1001));
    assertEquals(1, FEES.forKeysets(List.of("cheap", "cheap", "cheap")));
    assertEquals(2, FEES.forKeysets(List.of("cheap", "dear")));
  }

  @Test
  void amountsSplitIntoAscendingPowersOfTwo() {
    TreeMap<BigInteger, String> keys = new TreeMap<>();
    for (int i = 0; i < 64; i++) {
      keys.put(BigInteger.ONE.shiftLeft(i), "k" + i);
    }
    Keyset keyset = new Keyset("01ab", "sat", true, 0, null, keys);
    assertEquals(List.of(1L, 4L, 8L, 32L, 256L), Denominations.split(301, keyset));
    assertEquals(List.of(), Denominations.split(0, keyset));
    assertEquals(63, Denominations.split(Long.MAX_VALUE, keyset).size());

    TreeMap<BigInteger, String> small = new TreeMap<>();
    small.put(BigInteger.valueOf(2), "k");
    small.put(BigInteger.valueOf(8), "k");
    Keyset coarse = new Keyset("01cd", "sat", true, 0, null, small);
    assertEquals(List.of(2L, 8L, 8L), Denominations.split(18, coarse));
    assertThrows(CashuException.class, () -> Denominations.split(3, coarse));
  }
}
