package org.openpleb.ee.restore;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.custody.OfferHolds;
import org.openpleb.ee.offer.Offer;
import org.openpleb.ee.settlement.Settlement;
import org.openpleb.ee.settlement.SettlementStep;

/**
 * What PostgreSQL says a wallet must hold reserved, owner label by owner label: the maker's escrow
 * of each funded offer that has not ended ({@code offers.funding} under {@code escrow_owner}), the
 * taker's bond of each claimed one ({@code offers.bond} under {@code bond_owner}), and, for an
 * ended offer whose settlement is still pending, what its steps have not taken out of those holds
 * yet. These are the amounts trading reserves ({@code Trading.fund}, {@code Trading.claim}, the
 * funding watcher's mint of {@code funding}) and the settlement pays out of.
 *
 * <p>The holds of open offers are {@link OfferHolds#expectedHolds(String)}, the reconciliation's
 * own answer; this adds what a pending settlement's steps have left in its holds, which the
 * reconciliation only bounds (a hold in motion) but a restore must reserve exactly.
 */
@ApplicationScoped
public class ExpectedHolds {

  private static final Logger LOG = Logger.getLogger(ExpectedHolds.class.getName());

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  @EJB OfferHolds offerHolds;

  /**
   * The sats wallet {@code walletId} must hold reserved, by owner label (the key handed to the
   * wallet); owners that should hold nothing are left out.
   */
  public Map<String, Long> expectedHolds(String walletId) {
    List<Hold> open = new ArrayList<>();
    // the holds of open offers: the reconciliation's answer, one definition of which states hold
    offerHolds.expectedHolds(walletId).forEach((owner, sats) -> open.add(new Hold(owner, sats)));
    List<SettlementStep> steps =
        em.createQuery(
                "SELECT st FROM SettlementStep st WHERE st.fromWalletId = :wallet AND st.offerId IN"
                    + " (SELECT s.offerId FROM Settlement s WHERE s.state = :pending)"
                    + " ORDER BY st.offerId, st.seq",
                SettlementStep.class)
            .setParameter("wallet", walletId)
            .setParameter("pending", Settlement.State.PENDING)
            .getResultList();
    List<Step> paying = new ArrayList<>();
    Map<String, Offer> offers = new LinkedHashMap<>();
    for (SettlementStep st : steps) {
      Offer offer = offers.computeIfAbsent(st.offerId(), id -> em.find(Offer.class, id));
      Long held = heldUnder(offer, st.fromOwner());
      if (held == null) {
        LOG.log(
            Level.WARNING,
            "Settlement step {0} of offer {1} pays out of a hold its offer does not name",
            new Object[] {st.seq(), st.offerId()});
        continue;
      }
      paying.add(
          new Step(
              st.fromOwner(),
              held,
              st.kind(),
              st.state(),
              st.sentAmount().orElse(0L),
              st.sendFee()));
    }
    return fold(open, paying);
  }

  private static Long heldUnder(Offer offer, String owner) {
    if (offer == null) {
      return null;
    }
    if (owner.equals(offer.escrowOwner().orElse(null))) {
      return offer.funding();
    }
    if (owner.equals(offer.bondOwner().orElse(null))) {
      return offer.terms().bond();
    }
    return null;
  }

  /**
   * The holds of open offers as they are, and the holds of pending settlements less what their
   * steps took: a transfer that made its token (SENT or DONE) took its amount and the send's fee, a
   * release that is DONE took the rest; a step still PLANNED or SENDING took nothing (a token a
   * SENDING step may have made died with the old file and is made again).
   */
  static Map<String, Long> fold(List<Hold> open, List<Step> settling) {
    Map<String, Long> expected = new LinkedHashMap<>();
    for (Hold h : open) {
      expected.merge(h.owner(), h.sats(), Long::sum);
    }
    Map<String, Long> left = new LinkedHashMap<>();
    for (Step st : settling) {
      long now = left.computeIfAbsent(st.owner(), o -> st.held());
      boolean took =
          st.kind() == SettlementStep.Kind.RELEASE
              ? st.state() == SettlementStep.State.DONE
              : st.state() == SettlementStep.State.SENT || st.state() == SettlementStep.State.DONE;
      if (took) {
        now = st.kind() == SettlementStep.Kind.RELEASE ? 0 : now - st.sent() - st.fee();
      }
      left.put(st.owner(), Math.max(0, now));
    }
    left.forEach((owner, sats) -> expected.merge(owner, sats, Long::sum));
    expected.values().removeIf(sats -> sats <= 0);
    return expected;
  }

  /** A hold of an open offer: {@code sats} reserved under {@code owner}. */
  record Hold(String owner, long sats) {}

  /**
   * A step of a pending settlement paying out of the hold {@code owner}, which held {@code held}
   * when the trade ended.
   */
  record Step(
      String owner,
      long held,
      SettlementStep.Kind kind,
      SettlementStep.State state,
      long sent,
      long fee) {}
}
