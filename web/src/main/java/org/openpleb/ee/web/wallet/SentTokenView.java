package org.openpleb.ee.web.wallet;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.wallet.SentTokens;

/**
 * A token withdrawn from one of the caller's wallets that nobody has claimed yet, with its text so
 * the caller can take it again, or reclaim it with {@code POST /api/wallet/tokens/{id}/reclaim}.
 *
 * @param id the sent token, for the reclaim
 * @param walletId the wallet it came from (and goes back to when reclaimed)
 * @param amount sats in the token
 * @param createdAt when it was withdrawn
 * @param token the Cashu token; whoever holds it owns the sats
 */
@Schema(description = "An unclaimed withdrawn token; whoever holds the token owns the sats")
public record SentTokenView(
    String id, String walletId, long amount, OffsetDateTime createdAt, String token) {

  static SentTokenView of(SentTokens.Listed listed) {
    return new SentTokenView(
        listed.record().id(),
        listed.record().walletId(),
        listed.record().amount(),
        listed.record().createdAt(),
        listed.token());
  }

  @Override
  public String toString() {
    return "SentTokenView[" + id + ", " + amount + " sats]";
  }
}
