package org.openpleb.ee.restore;

import java.util.List;
import java.util.Optional;
import org.openpleb.ee.wallet.WalletBalance;

/**
 * What restoring a wallet from its seed did.
 *
 * @param walletId the wallet
 * @param proofs unspent proofs the mint had signed for the wallet's seed
 * @param sats their value
 * @param spentProofs proofs the mint had signed for the seed that are spent
 * @param tokensInFlight tokens the wallet handed out that are back in flight (unclaimed)
 * @param inflightSats the sats of those tokens
 * @param claimedSats sats of known tokens the mint reports claimed, so no longer the wallet's
 * @param holds each hold PostgreSQL knows, as expected and as reserved again
 * @param balance the wallet's balance after the restore (also written to its row)
 * @param keptAside the name the replaced wallet file was kept under, when there was one
 */
public record RestoreOutcome(
    String walletId,
    int proofs,
    long sats,
    int spentProofs,
    int tokensInFlight,
    long inflightSats,
    long claimedSats,
    List<RestoredHold> holds,
    WalletBalance balance,
    Optional<String> keptAside) {

  /** Every hold reserved again in full. */
  public boolean complete() {
    return holds.stream().allMatch(h -> h.reserved() == h.expected());
  }

  /**
   * A hold put back.
   *
   * @param owner the owner label (an offer's escrow or bond)
   * @param expected sats PostgreSQL says it holds
   * @param reserved sats reserved for it now (less only when the mint no longer holds enough)
   */
  public record RestoredHold(String owner, long expected, long reserved) {}
}
