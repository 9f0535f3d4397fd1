package org.openpleb.ee.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderBookTest {

  private static final long TTL = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(5_000_000_000L);
  private final AtomicInteger loads = new AtomicInteger();
  private final List<OfferView> offers = new ArrayList<>();
  private Runnable duringLoad = () -> {};
  private OrderBook book;

  private static OfferView offer(String id) {
    OffsetDateTime at =
        OffsetDateTime.ofInstant(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    return new OfferView(
        id, OfferState.INVOICE_PAID, 10_000, "KRW", "upbit", 6_667, 717, 767, 7_384, at, null);
  }

  private OrderBook book(long ttl) {
    OrderBook b = new OrderBook();
    b.use(
        new OrderBook.Source() {
          @Override
          public List<OfferView> offers(String fiatProvider, int page, int size) {
            loads.incrementAndGet();
            duringLoad.run();
            return List.copyOf(offers);
          }

          @Override
          public long total(String fiatProvider) {
            return offers.size();
          }
        },
        ttl,
        now::get);
    return b;
  }

  private static OfferChanged bookChange(OfferView view) {
    return new OfferChanged(
        view.id(),
        "INVOICE_CREATED",
        "INVOICE_PAID",
        view,
        "02" + "ab".repeat(32),
        null,
        Instant.now(),
        new PartyView(
            view.id(),
            view.status(),
            view.fiatAmount(),
            view.currency(),
            view.fiatProvider(),
            view.sats(),
            view.takerFee(),
            view.bond(),
            view.takerEarns(),
            view.createdAt(),
            view.expiresAt(),
            null,
            null,
            0,
            0,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
  }

  @BeforeEach
  void fill() {
    offers.add(offer("a"));
    book = book(TTL);
  }

  @Test
  void aPageReadAgainWithinTheTimeToLiveComesFromMemory() {
    OrderBook.Page first = book.page(null, 0, 20);
    now.addAndGet(TTL - 1);
    assertSame(first, book.page(null, 0, 20));
    assertSame(first, book.page("  ", 0, 20), "a blank provider is no provider");
    assertEquals(1, loads.get());
    book.page(null, 1, 20);
    book.page("upbit", 0, 20);
    assertEquals(3, loads.get(), "each page, size and provider is its own entry");
  }

  @Test
  void aPageOlderThanTheTimeToLiveIsReadAgain() {
    book.page(null, 0, 20);
    offers.add(offer("b"));
    now.addAndGet(TTL);
    OrderBook.Page again = book.page(null, 0, 20);
    assertEquals(2, loads.get());
    assertEquals(2, again.total());
  }

  @Test
  void aCommittedChangeToTheBookDropsEveryPage() {
    book.page(null, 0, 20);
    book.page("upbit", 0, 20);
    offers.add(offer("b"));
    book.bookChanged(bookChange(offer("b")));
    assertEquals(0, book.kept());
    assertEquals(2, book.page(null, 0, 20).offers().size());
    assertEquals(3, loads.get());
  }

  @Test
  void aPageLoadedWhileTheBookChangedIsNotKept() {
    duringLoad =
        () -> {
          duringLoad = () -> {};
          offers.add(offer("b"));
          book.invalidate();
        };
    book.page(null, 0, 20);
    assertEquals(0, book.kept(), "the load may have missed the change");
    assertEquals(2, book.page(null, 0, 20).offers().size());
    assertEquals(1, book.kept());
  }

  @Test
  void zeroTimeToLiveReadsTheDatabaseEveryTime() {
    OrderBook uncached = book(0);
    uncached.page(null, 0, 20);
    uncached.page(null, 0, 20);
    assertEquals(2, loads.get());
    assertEquals(0, uncached.kept());
  }

  @Test
  void theNumberOfKeptPagesIsBounded() {
    for (int page = 0; page < OrderBook.MAX_PAGES + 10; page++) {
      book.page(null, page, 1);
    }
    assertEquals(10, book.kept(), "full at 256: started over with the last ten");
  }
}
