package org.openpleb.cashu.mint;

/**
 * The life of a NUT-05 melt quote: the mint has not paid the invoice, is paying it, or has paid it.
 */
public enum MeltQuoteState {
  UNPAID,
  PENDING,
  PAID
}
