package org.openpleb.cashu.store;

import java.util.Locale;

/**
 * Where a proof the wallet holds stands.
 *
 * <ul>
 *   <li>{@link #READY}: spendable.
 *   <li>{@link #RESERVED}: set aside for an owner (e.g. an offer's escrow); spendable only by that
 *       owner's settlement.
 *   <li>{@link #INFLIGHT}: held by an operation: the input of a running swap or melt, or handed out
 *       in a token nobody has claimed yet. Still the wallet's until the mint says it is spent.
 *   <li>{@link #SPENT}: gone; kept for history and recovery.
 * </ul>
 */
public enum ProofState {
  READY,
  RESERVED,
  INFLIGHT,
  SPENT;

  String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ProofState ofColumn(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
