package org.openpleb.cashu.mint;

/** The life of a NUT-04 mint quote: its invoice is unpaid, paid, or the ecash was issued. */
public enum MintQuoteState {
  UNPAID,
  PAID,
  ISSUED
}
