package org.openpleb.ee.restore;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.openpleb.ee.settlement.SettlementLedger;
import org.openpleb.ee.settlement.SettlementStep;

/**
 * The tokens settlement transfers made out of the wallet and recorded (step SENT) that the
 * receiving wallet has not redeemed yet: each lives sealed in its step until it is received.
 */
@ApplicationScoped
public class SettlementStepTokens implements UnclaimedTokenSource {

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  @EJB SettlementLedger ledger;

  @Override
  public List<String> tokens(String walletId) {
    List<String> tokens = new ArrayList<>();
    for (SettlementStep step :
        em.createQuery(
                "SELECT st FROM SettlementStep st WHERE st.fromWalletId = :wallet"
                    + " AND st.state = :sent AND st.token IS NOT NULL ORDER BY st.offerId, st.seq",
                SettlementStep.class)
            .setParameter("wallet", walletId)
            .setParameter("sent", SettlementStep.State.SENT)
            .getResultList()) {
      ledger.tokenOf(step.offerId(), step.seq()).ifPresent(tokens::add);
    }
    return tokens;
  }
}
