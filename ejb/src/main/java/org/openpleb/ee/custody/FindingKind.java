package org.openpleb.ee.custody;

/** What the reconciliation found wrong, one kind per finding. */
public enum FindingKind {
  /** A wallet file holds other sats than its journal says (a proof row lost or made up). */
  JOURNAL_DIFFERENCE,
  /**
   * The shared database knows a wallet holding sats (or offers' holds) whose file is gone; the
   * holds it should keep are part of this finding, not separate ones.
   */
  FILE_MISSING,
  /** A wallet file could not be read (corrupt, or locked for the whole busy timeout). */
  FILE_UNREADABLE,
  /** Sats are reserved for an owner that no offer holding funds claims. */
  HOLD_UNCLAIMED,
  /** An offer holding funds finds fewer (or more) sats reserved for it than it escrows. */
  HOLD_MISSING,
  /**
   * A settlement cannot pay out: its last attempt found the hold it pays out of empty, and the
   * wallet file has nothing reserved for that hold (the sats went elsewhere in the wallet, or never
   * came).
   */
  SETTLEMENT_STOPPED,
  /** A proof the wallet counts as spendable or reserved is not UNSPENT at the mint. */
  PROOF_NOT_UNSPENT,
  /** A proof the wallet wrote off as spent is still UNSPENT at the mint. */
  SPENT_PROOF_UNSPENT
}
