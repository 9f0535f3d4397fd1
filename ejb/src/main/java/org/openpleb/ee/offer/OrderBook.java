package org.openpleb.ee.offer;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The public order book, page by page, kept for a moment: the book is the hottest read of the
 * platform and the same for every reader (public fields only), so a page read twice within {@code
 * OFFER_BOOK_CACHE_TTL} milliseconds is answered from memory.
 *
 * <p>Fresh on this server: a committed change that moves an offer into or out of the book ({@link
 * OfferChanged} with a public view) drops every kept page at once, and a page loaded while such a
 * change committed is not kept. A change committed by another server shows here after at most the
 * time to live. {@code OFFER_BOOK_CACHE_TTL=0} reads the database every time.
 */
@ApplicationScoped
public class OrderBook {

  /** Most pages kept; more distinct (provider, page, size) requests start the cache over. */
  static final int MAX_PAGES = 256;

  /** A page of the book as every reader sees it. */
  public record Page(List<OfferView> offers, long total) {

    /** Copies the list. */
    public Page {
      offers = List.copyOf(offers);
    }
  }

  /** Where pages come from: the database, through {@link Trading}. */
  interface Source {
    List<OfferView> offers(String fiatProvider, int page, int size);

    long total(String fiatProvider);
  }

  private record Key(String fiatProvider, int page, int size) {}

  private record Kept(Page page, long generation, long loadedAt) {}

  private final Map<Key, Kept> pages = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  @EJB Trading trading;

  @Inject TradeConfig config;

  private volatile Source source;
  private volatile long ttlNanos;
  private volatile LongSupplier clock;

  /** The page, from memory when a fresh copy is kept. Bad page or size: the trading error. */
  public Page page(String fiatProvider, int page, int size) {
    Key key = new Key(normal(fiatProvider), page, size);
    long ttl = ttlNanos;
    long now = clock.getAsLong();
    long gen = generation.get();
    Kept kept = ttl > 0 ? pages.get(key) : null;
    if (kept != null && kept.generation() == gen && now - kept.loadedAt() < ttl) {
      return kept.page();
    }
    Page fresh = new Page(source.offers(fiatProvider, page, size), source.total(fiatProvider));
    // Kept only if no book change committed while it loaded; a later change outdates it by the
    // generation even if it lands after this put.
    if (ttl > 0 && generation.get() == gen) {
      if (pages.size() >= MAX_PAGES) {
        pages.clear();
      }
      pages.put(key, new Kept(fresh, gen, now));
    }
    return fresh;
  }

  /** Drops every kept page once a change to the book has committed. */
  void bookChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OfferChanged change) {
    if (change.publicView() != null) {
      invalidate();
    }
  }

  void invalidate() {
    generation.incrementAndGet();
    pages.clear();
  }

  /** Pages kept now (for tests). */
  int kept() {
    return pages.size();
  }

  @PostConstruct
  void connect() {
    long ttl = config.bookCacheTtl().toNanos();
    use(
        new Source() {
          @Override
          public List<OfferView> offers(String fiatProvider, int page, int size) {
            return trading.book(fiatProvider, page, size).stream().map(OfferView::of).toList();
          }

          @Override
          public long total(String fiatProvider) {
            return trading.bookSize(fiatProvider);
          }
        },
        ttl,
        System::nanoTime);
  }

  /** Where pages come from, how long they are kept (nanoseconds) and the clock that says so. */
  void use(Source source, long ttlNanos, LongSupplier clock) {
    this.source = source;
    this.ttlNanos = ttlNanos;
    this.clock = clock;
  }

  private static String normal(String fiatProvider) {
    return fiatProvider == null || fiatProvider.isBlank() ? null : fiatProvider.trim();
  }
}
