package org.openpleb.ee.offer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openpleb.ee.settlement.SettlementCompleted;

/**
 * Writes the end of an offer's settlement into the offer's audit chain, in the transaction that
 * marks the settlement done: what each party really received and what the mint charged.
 */
@ApplicationScoped
public class SettlementAudit {

  @EJB OfferRepository offers;

  @Inject Clock clock;

  void onSettled(@Observes SettlementCompleted settled) {
    Offer offer = offers.find(settled.offerId()).orElseThrow();
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("outcome", settled.outcome().name());
    facts.put("makerReceived", Long.toString(settled.makerReceived()));
    facts.put("takerReceived", Long.toString(settled.takerReceived()));
    facts.put("platformReceived", Long.toString(settled.platformReceived()));
    facts.put("mintFees", Long.toString(settled.mintFees()));
    offers.appendAudit(
        new OfferRepository.AuditEntryDraft(
            offer.id(),
            OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS),
            OfferTransitions.actor(Role.SYSTEM, null),
            "SETTLED",
            offer.status(),
            offer.status(),
            facts));
  }
}
