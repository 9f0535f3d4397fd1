package org.openpleb.client.wallet;

import java.time.OffsetDateTime;

/**
 * A withdrawn token nobody has claimed yet, as {@code GET /api/wallet/tokens} lists it.
 *
 * @param id the sent token, for {@link WalletApi#reclaimToken}
 * @param walletId the wallet it came from
 * @param amount sats in the token
 * @param createdAt when it was withdrawn
 * @param token the Cashu token, a bearer secret
 */
public record SentToken(
    String id, String walletId, long amount, OffsetDateTime createdAt, String token) {

  @Override
  public String toString() {
    return "SentToken[" + id + ", " + amount + " sats]";
  }
}
