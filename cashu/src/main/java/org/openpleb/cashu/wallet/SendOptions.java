package org.openpleb.cashu.wallet;

/**
 * How to make a token.
 *
 * @param lockToPubkey lock the token to this public key (NUT-11 P2PK; 33-byte compressed or 32-byte
 *     x-only hex) so only its owner can claim it, or {@code null}
 * @param memo a memo written into the token, or {@code null}
 * @param includeReceiveFee add the fee the receiver will pay to swap the token, so the receiver
 *     nets exactly the amount sent
 */
public record SendOptions(String lockToPubkey, String memo, boolean includeReceiveFee) {

  /** An unlocked token without memo; the receiver pays its own swap fee. */
  public static SendOptions defaults() {
    return new SendOptions(null, null, false);
  }

  public SendOptions lockedTo(String pubkey) {
    return new SendOptions(pubkey, memo, includeReceiveFee);
  }

  public SendOptions withMemo(String text) {
    return new SendOptions(lockToPubkey, text, includeReceiveFee);
  }

  public SendOptions withReceiveFee() {
    return new SendOptions(lockToPubkey, memo, true);
  }
}
