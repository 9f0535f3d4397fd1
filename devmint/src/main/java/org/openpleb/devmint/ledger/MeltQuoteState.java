package org.openpleb.devmint.ledger;

/** NUT-05 melt quote states. */
public enum MeltQuoteState {
  UNPAID,
  PENDING,
  PAID
}
