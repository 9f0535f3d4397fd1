package org.openpleb.ee.custody;

import java.util.Collection;
import org.openpleb.cashu.store.OperationKind;
import org.openpleb.cashu.store.OperationState;

/**
 * The conservation books of one wallet file (or of all of them, added up): what its journal says
 * came in and went out, against what its proofs hold.
 *
 * <pre>
 * issued   = minted + received + reclaimed + restored
 * left     = melted + sentRedeemed + fees
 * expected = issued − left
 * holdings = ready + reserved + inflight
 * difference = holdings − expected          (0 when nothing was lost or made up)
 * </pre>
 *
 * <p>How each journal entry of the wallet's {@code operations} table counts (the wallet writes
 * {@code amount} as the net sats the operation moved and {@code fee} as the mint fee it paid, see
 * {@code JournalOutcomes}):
 *
 * <ul>
 *   <li>{@code mint}, done: {@code amount} sats minted from a paid invoice → minted.
 *   <li>{@code receive}, done: {@code amount} sats kept from a token, its swap fee already taken
 *       from the token → received.
 *   <li>{@code reclaim}, done: {@code amount} sats kept from a token of this wallet's that nobody
 *       claimed → reclaimed (the token's full value left with its send, below).
 *   <li>{@code melt}, done: {@code amount} is minus the sats paid (inputs less change), {@code fee}
 *       the part of it the Lightning fee took → melted {@code −amount − fee}, fees {@code fee}.
 *   <li>{@code send}, done (the token redeemed, or reclaimed): {@code −amount} sats of token →
 *       sentRedeemed, and the swap fee {@code fee} → fees.
 *   <li>{@code send}, pending (the token is out, its proofs in flight and still counted in
 *       holdings): the swap fee {@code fee} → fees, and the proofs of the token the mint already
 *       reported spent (a holder redeemed part of it) → sentRedeemed.
 *   <li>{@code reserve}, done: a swap to cut an exact amount, {@code amount = −fee} → fees.
 *   <li>Executing, failed, and pending melts: 0. Their inputs are held in flight and still counted
 *       in holdings; a failed operation gave them back.
 * </ul>
 *
 * Proofs with no creating operation were found on the mint by a restore from the seed (NUT-09) and
 * count as restored. Anything else that moves sats without a journal entry (a proof row deleted, a
 * proof marked spent because someone else spent it) shows as a difference.
 *
 * @param minted sats minted from paid Lightning invoices
 * @param received sats received from tokens (after the swap fee)
 * @param reclaimed sats taken back from this wallet's own unclaimed tokens (after the fee)
 * @param restored sats of proofs a restore from the seed put back
 * @param melted sats paid out over Lightning (invoice amounts)
 * @param sentRedeemed sats of tokens handed out and redeemed (or reclaimed)
 * @param fees mint fees the wallet paid (swap input fees, Lightning fees)
 * @param ready sats of spendable proofs
 * @param reserved sats of proofs reserved for an owner (an offer's escrow or bond)
 * @param inflight sats of proofs held by an operation or out in a token nobody redeemed yet
 */
public record Ledger(
    long minted,
    long received,
    long reclaimed,
    long restored,
    long melted,
    long sentRedeemed,
    long fees,
    long ready,
    long reserved,
    long inflight) {

  /** The books of no wallet at all. */
  public static final Ledger EMPTY = new Ledger(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /**
   * One group of journal entries of a wallet file.
   *
   * @param kind what the operations did
   * @param state where they stand
   * @param amount the sum of their {@code amount} column
   * @param fee the sum of their {@code fee} column
   * @param redeemedSoFar for pending sends: sats of their tokens' proofs already spent at the mint
   */
  public record JournalLine(
      OperationKind kind, OperationState state, long amount, long fee, long redeemedSoFar) {}

  /**
   * The books of one wallet file from its journal lines and its proofs' totals.
   *
   * @param restored sats of proofs no operation created (found by a restore)
   */
  public static Ledger of(
      Collection<JournalLine> journal, long restored, long ready, long reserved, long inflight) {
    long minted = 0;
    long received = 0;
    long reclaimed = 0;
    long melted = 0;
    long sentRedeemed = 0;
    long fees = 0;
    for (JournalLine line : journal) {
      if (line.state() == OperationState.DONE) {
        switch (line.kind()) {
          case MINT -> minted += line.amount();
          case RECEIVE -> received += line.amount();
          case RECLAIM -> reclaimed += line.amount();
          case MELT -> {
            melted += -line.amount() - line.fee();
            fees += line.fee();
          }
          case SEND -> {
            sentRedeemed += -line.amount();
            fees += line.fee();
          }
          case RESERVE -> fees += -line.amount();
        }
      } else if (line.state() == OperationState.PENDING && line.kind() == OperationKind.SEND) {
        sentRedeemed += line.redeemedSoFar();
        fees += line.fee();
      }
    }
    return new Ledger(
        minted,
        received,
        reclaimed,
        restored,
        melted,
        sentRedeemed,
        fees,
        ready,
        reserved,
        inflight);
  }

  /** Sats that entered the wallet. */
  public long issued() {
    return minted + received + reclaimed + restored;
  }

  /** Sats that left it. */
  public long left() {
    return melted + sentRedeemed + fees;
  }

  /** What the journal says the wallet holds. */
  public long expected() {
    return issued() - left();
  }

  /** What its proofs hold. */
  public long holdings() {
    return ready + reserved + inflight;
  }

  /**
   * Holdings less expected: negative when sats are missing, positive when some came from nowhere.
   */
  public long difference() {
    return holdings() - expected();
  }

  /** These books and {@code other} added up. */
  public Ledger plus(Ledger other) {
    return new Ledger(
        minted + other.minted,
        received + other.received,
        reclaimed + other.reclaimed,
        restored + other.restored,
        melted + other.melted,
        sentRedeemed + other.sentRedeemed,
        fees + other.fees,
        ready + other.ready,
        reserved + other.reserved,
        inflight + other.inflight);
  }
}
