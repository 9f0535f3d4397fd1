package org.openpleb.ee.offer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpleb.ee.session.OpenTradeCheck;

/**
 * Tells capacity relief which sessions take part in a running trade (as maker, taker, or with a
 * funding or claim in flight), so it never force-closes them.
 */
@ApplicationScoped
public class TradeOpenCheck implements OpenTradeCheck {

  @EJB OfferRepository offers;

  @Override
  public boolean hasOpenTrades(String sessionId, String pubkey, String walletId) {
    return offers.hasOpenTrades(pubkey, walletId);
  }
}
