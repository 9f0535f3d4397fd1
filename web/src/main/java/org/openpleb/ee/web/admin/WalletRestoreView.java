package org.openpleb.ee.web.admin;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.restore.RestoreOutcome;

/**
 * What restoring a wallet from its seed did, for the operator.
 *
 * @param walletId the wallet
 * @param proofs unspent proofs the mint had signed for the wallet's seed
 * @param sats their value
 * @param spentProofs proofs signed for the seed that are spent
 * @param tokensInFlight tokens the wallet handed out, unclaimed, put back in flight
 * @param inflightSats the sats of those tokens
 * @param claimedSats sats of known tokens the mint reports claimed
 * @param holds the holds of the wallet's offers, expected and reserved again
 * @param complete whether every hold is reserved in full
 * @param balance the wallet's balance now (also its row's)
 * @param keptAside the file name the replaced wallet file was kept under, or null
 */
@Schema(
    description = "A wallet rebuilt from its seed, with its holds and unclaimed tokens put back")
public record WalletRestoreView(
    String walletId,
    int proofs,
    long sats,
    int spentProofs,
    int tokensInFlight,
    long inflightSats,
    long claimedSats,
    List<Hold> holds,
    boolean complete,
    Balance balance,
    @Schema(description = "In WALLET_DIR; absent when there was no file") String keptAside) {

  static WalletRestoreView of(RestoreOutcome o) {
    return new WalletRestoreView(
        o.walletId(),
        o.proofs(),
        o.sats(),
        o.spentProofs(),
        o.tokensInFlight(),
        o.inflightSats(),
        o.claimedSats(),
        o.holds().stream().map(h -> new Hold(h.owner(), h.expected(), h.reserved())).toList(),
        o.complete(),
        new Balance(o.balance().spendable(), o.balance().reserved(), o.balance().inflight()),
        o.keptAside().orElse(null));
  }

  /**
   * One hold of an offer in the wallet.
   *
   * @param owner its owner label: {@code escrow:<offer>:<attempt>} or {@code
   *     bond:<offer>:<attempt>}
   * @param expected sats PostgreSQL says it holds
   * @param reserved sats reserved for it now; less than expected only if the mint holds less
   */
  @Schema(description = "A hold of an offer, as PostgreSQL expects it and as reserved again")
  public record Hold(String owner, long expected, long reserved) {}

  /**
   * The wallet's balance in sats.
   *
   * @param spendable ready to spend
   * @param reserved held for offers
   * @param inflight in tokens handed out and not yet claimed, or in running operations
   */
  @Schema(description = "The restored wallet's balance")
  public record Balance(long spendable, long reserved, long inflight) {}
}
