package org.openpleb.ee.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Per-state deadlines, measured from entering the state. */
class StateDeadlinesTest {

  static Map<OfferState, Duration> openPlebTimeouts() {
    Map<OfferState, Duration> t = new EnumMap<>(OfferState.class);
    t.put(OfferState.CREATED, Duration.ofSeconds(120));
    t.put(OfferState.INVOICE_CREATED, Duration.ofSeconds(120));
    t.put(OfferState.INVOICE_PAID, Duration.ofSeconds(300));
    t.put(OfferState.CLAIMED, Duration.ofSeconds(300));
    t.put(OfferState.RECEIPT_SUBMITTED, Duration.ofSeconds(500));
    t.put(OfferState.MARKED_WITH_ISSUE, Duration.ofSeconds(250));
    return t;
  }

  private final StateDeadlines deadlines = new StateDeadlines(openPlebTimeouts());

  @Test
  void aLateClaimStillGetsTheWholeClaimWindow() {
    OffsetDateTime claimedAt = OffsetDateTime.parse("2026-01-01T00:04:50Z");

    assertEquals(
        Optional.of(OffsetDateTime.parse("2026-01-01T00:09:50Z")),
        deadlines.deadline(OfferState.CLAIMED, claimedAt));
  }

  @Test
  void disputesAndFinishedTradesHaveNoDeadline() {
    OffsetDateTime now = OffsetDateTime.parse("2026-01-01T00:00:00Z");

    assertEquals(Optional.empty(), deadlines.deadline(OfferState.DISPUTED, now));
    assertEquals(Optional.empty(), deadlines.deadline(OfferState.COMPLETED, now));
    assertEquals(Optional.empty(), deadlines.deadline(OfferState.EXPIRED, now));
  }

  @Test
  void everyTimedStateNeedsAPositiveTimeout() {
    Map<OfferState, Duration> missing = openPlebTimeouts();
    missing.remove(OfferState.CLAIMED);
    Map<OfferState, Duration> zero = openPlebTimeouts();
    zero.put(OfferState.CREATED, Duration.ZERO);

    assertThrows(IllegalArgumentException.class, () -> new StateDeadlines(missing));
    assertThrows(IllegalArgumentException.class, () -> new StateDeadlines(zero));
  }
}
