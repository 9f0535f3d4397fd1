package org.openpleb.cashu.mint;

/**
 * What the mint says about a proof (NUT-07): still spendable, locked by a running payment, or
 * spent.
 */
public enum ProofStatus {
  UNSPENT,
  PENDING,
  SPENT
}
