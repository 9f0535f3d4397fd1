package org.openpleb.ee.offer;

import java.util.Objects;
import org.openpleb.ee.session.PubKey;
import org.openpleb.ee.session.SessionPrincipal;
import org.openpleb.ee.wallet.WalletId;

/**
 * A user acting on offers through a live session: the key that identifies them and the session
 * wallet their escrow, bond and payouts live in.
 *
 * @param sessionId the session
 * @param pubkey the x-only public key
 * @param walletId the session's wallet
 */
public record Trader(String sessionId, PubKey pubkey, WalletId walletId) {

  /** Requires all three. */
  public Trader {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(pubkey, "pubkey");
    Objects.requireNonNull(walletId, "walletId");
  }

  /** The user of a session. */
  public static Trader of(SessionPrincipal session) {
    return new Trader(
        session.sessionId(), new PubKey(session.pubkey()), new WalletId(session.walletId()));
  }
}
