package org.openpleb.cashu.wallet;

import org.openpleb.cashu.model.BlindedMessage;

/**
 * One output exactly as it was (or will be) sent to the mint, with everything needed to unblind its
 * signature later: the NUT-13 counter it used, its secret and blinding factor {@code r}.
 */
record JournalOutput(
    OutputRole role,
    long amount,
    String keysetId,
    long counter,
    String secret,
    String r,
    String blinded) {

  BlindedMessage message() {
    return new BlindedMessage(amount, keysetId, blinded);
  }

  @Override
  public String toString() {
    return "JournalOutput[role=" + role + ", amount=" + amount + ", counter=" + counter + "]";
  }
}
