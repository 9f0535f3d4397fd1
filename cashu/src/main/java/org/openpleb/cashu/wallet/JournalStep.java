package org.openpleb.cashu.wallet;

/** The moments of a journaled mint call at which a crash is survivable and tested. */
enum JournalStep {
  /** The request is committed to the journal; the mint has not been called. */
  JOURNALED,
  /** The mint has answered; its answer is not stored yet. */
  ANSWERED,
  /** The answer's effects are committed. */
  STORED
}
