package org.openpleb.devmint.ledger;

/** NUT-04 mint quote states. */
public enum MintQuoteState {
  UNPAID,
  PAID,
  ISSUED
}
