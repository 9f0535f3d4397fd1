package org.openpleb.cashu.wallet;

/** What becomes of an output once the mint has signed it. */
enum OutputRole {
  /** Stays in the wallet, spendable. */
  KEEP,
  /** Goes into the token the operation hands out; in flight until claimed. */
  SEND,
  /** Stays in the wallet, set aside for the operation's owner. */
  RESERVE,
  /** A NUT-08 blank output: change for unused Lightning fee reserve, amount set by the mint. */
  BLANK
}
