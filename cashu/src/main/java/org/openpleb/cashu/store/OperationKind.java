package org.openpleb.cashu.store;

import java.util.Locale;

/** What a journaled wallet operation does at the mint. */
public enum OperationKind {
  /** Mint ecash for a paid Lightning invoice (NUT-04). */
  MINT,
  /** Hand out proofs as a token, swapping first when no exact set is at hand (NUT-03). */
  SEND,
  /** Swap a received token's proofs into fresh ones of this wallet (NUT-03). */
  RECEIVE,
  /** Pay a Lightning invoice with proofs, getting the unused fee reserve back (NUT-05/08). */
  MELT,
  /** Swap proofs so that an exact amount can be set aside for an owner (NUT-03). */
  RESERVE,
  /** Swap the proofs of an unclaimed token back into the wallet (NUT-03). */
  RECLAIM;

  String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  static OperationKind ofColumn(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
