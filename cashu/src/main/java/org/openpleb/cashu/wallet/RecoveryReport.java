package org.openpleb.cashu.wallet;

/**
 * What a recovery pass did.
 *
 * @param resolved interrupted or pending operations brought to an end (done or undone)
 * @param unresolved operations still open, e.g. because the mint is unreachable or a payment is
 *     still in flight
 * @param tokensSettled handed-out tokens found claimed at the mint
 * @param tokensOutstanding handed-out tokens not claimed yet (their proofs stay in flight)
 * @param orphansReleased proofs freed that were held by no open operation
 */
public record RecoveryReport(
    int resolved, int unresolved, int tokensSettled, int tokensOutstanding, int orphansReleased) {

  /** Whether no interrupted operation is left open. */
  public boolean clean() {
    return unresolved == 0;
  }
}
