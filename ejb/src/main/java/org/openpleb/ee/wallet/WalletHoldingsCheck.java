package org.openpleb.ee.wallet;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpleb.ee.session.SessionHoldings;

/**
 * Tells capacity relief which sessions' wallets hold sats, from the balance snapshot stored after
 * every money movement (no wallet is opened for it). A wallet without a row never moved money.
 */
@ApplicationScoped
public class WalletHoldingsCheck implements SessionHoldings {

  @EJB WalletRepository wallets;

  @Override
  public boolean holdsFunds(String sessionId, String pubkey, String walletId) {
    return wallets.find(walletId).map(w -> w.balance().total() > 0).orElse(false);
  }
}
