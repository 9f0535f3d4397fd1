package org.openpleb.ee.web.events;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openpleb.ee.events.LiveEvents;
import org.openpleb.ee.events.OfferStateChange;

/**
 * Test-only controls, deployed only into the live-event IT's archive (never into ROOT.war): fire an
 * offer change the way trading does, inside a transaction that commits or rolls back, and beat the
 * heartbeat on demand.
 */
@Path("test-support/events")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class EventsTestSupport {

  @Inject Event<OfferStateChange> changes;

  @Inject LiveEvents events;

  @Resource UserTransaction transaction;

  /** Fires a change of {@code offerId} and commits, or rolls back when {@code rollback}. */
  @POST
  @Path("fire")
  public Map<String, Object> fire(
      @QueryParam("offerId") String offerId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("maker") String maker,
      @QueryParam("taker") String taker,
      @QueryParam("public") boolean inBook,
      @QueryParam("rollback") boolean rollback)
      throws Exception {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", offerId);
    view.put("status", to);
    view.put("fiatAmount", 100_000);
    view.put("sats", 66_667);
    transaction.begin();
    try {
      changes.fire(
          new TestOfferChanged(
              offerId, from, to, inBook ? view : null, maker, taker, Instant.now()));
    } finally {
      if (rollback) {
        transaction.rollback();
      } else {
        transaction.commit();
      }
    }
    return Map.of("fired", offerId, "connected", events.connected());
  }
}
