package org.openpleb.ee.settlement;

import java.util.Objects;

/**
 * One movement of sats between the parties' wallets during a settlement: taken out of the paying
 * party's hold for the offer (the maker's escrow or the taker's bond) and received, as a token,
 * into the receiving party's wallet.
 *
 * @param from MAKER or TAKER: whose hold pays
 * @param to who receives
 * @param amount sats sent, before mint fees
 */
public record Transfer(Party from, Party to, long amount) {

  /** Rejects empty transfers, transfers to oneself and the platform as a payer. */
  public Transfer {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from == Party.PLATFORM) {
      throw new IllegalArgumentException("the platform holds nothing of an offer");
    }
    if (from == to) {
      throw new IllegalArgumentException("a transfer goes to another party");
    }
    if (amount <= 0) {
      throw new IllegalArgumentException("a transfer moves at least one sat");
    }
  }
}
