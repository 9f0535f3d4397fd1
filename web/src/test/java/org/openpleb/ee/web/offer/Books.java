package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The conservation check of the trade ITs. The test counts what entered the platform from outside
 * (invoices it paid, tokens it posted) and what left it (tokens it withdrew and redeemed); the
 * server's wallet files tell what the platform holds and what the mint charged. Then
 *
 * <pre>Σ wallet balances + issued unredeemed tokens = deposits − withdrawals − mint fees</pre>
 *
 * and every proof a wallet counts as ready or reserved is UNSPENT at the mint. Client-side only.
 */
final class Books {

  private final AtomicLong deposits = new AtomicLong();
  private final AtomicLong withdrawals = new AtomicLong();

  /** Sats that entered the platform from outside. */
  void deposited(long sats) {
    deposits.addAndGet(sats);
  }

  /** Sats that left the platform and were redeemed outside. */
  void withdrew(long sats) {
    withdrawals.addAndGet(sats);
  }

  /** Runs the check against the server's wallet files and the mint; fails the test if it breaks. */
  Balance check(TradeClient api) throws Exception {
    JsonNode books = api.support("GET", "books");
    long ready = 0;
    long reserved = 0;
    long fees = 0;
    List<String> held = new ArrayList<>();
    List<String> inflightYs = new ArrayList<>();
    List<Long> inflightAmounts = new ArrayList<>();
    for (JsonNode wallet : books) {
      assertEquals(
          0, wallet.path("executing").asLong(), () -> "an operation is left open: " + wallet);
      fees += wallet.path("fees").asLong();
      for (JsonNode proof : wallet.path("live")) {
        String state = proof.path("state").asText();
        long amount = proof.path("amount").asLong();
        switch (state) {
          case "ready" -> {
            ready += amount;
            held.add(proof.path("y").asText());
          }
          case "reserved" -> {
            reserved += amount;
            held.add(proof.path("y").asText());
          }
          default -> {
            inflightYs.add(proof.path("y").asText());
            inflightAmounts.add(amount);
          }
        }
      }
    }
    List<Boolean> heldUnspent = TradeMint.get().unspent(held);
    for (int i = 0; i < held.size(); i++) {
      assertTrue(heldUnspent.get(i), "a ready or reserved proof is not UNSPENT at the mint");
    }
    List<Boolean> inflightUnspent = TradeMint.get().unspent(inflightYs);
    long unredeemed = 0;
    for (int i = 0; i < inflightYs.size(); i++) {
      if (inflightUnspent.get(i)) {
        unredeemed += inflightAmounts.get(i);
      }
    }
    long expected = deposits.get() - withdrawals.get() - fees;
    assertEquals(
        expected,
        ready + reserved + unredeemed,
        "conservation: ready "
            + ready
            + " + reserved "
            + reserved
            + " + unredeemed tokens "
            + unredeemed
            + " must equal deposits "
            + deposits.get()
            + " - withdrawals "
            + withdrawals.get()
            + " - mint fees "
            + fees);
    return new Balance(ready, reserved, unredeemed, fees);
  }

  /** What the check found. */
  record Balance(long ready, long reserved, long unredeemedTokens, long mintFees) {}
}
