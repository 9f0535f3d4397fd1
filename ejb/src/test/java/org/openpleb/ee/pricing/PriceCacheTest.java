package org.openpleb.ee.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.platform.ProblemCode;

/**
 * How long a price is trusted: reuse within the cache period, the last good price while the feed
 * fails, refusal once it is older than the staleness bound, a pause after failures, one fetch at a
 * time, and logs that do not flood. Time is moved by hand.
 */
class PriceCacheTest {

  private static final Duration CACHE = Duration.ofSeconds(60);
  private static final Duration MAX_AGE = Duration.ofSeconds(300);
  private static final Duration RETRY = Duration.ofSeconds(10);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final ScriptedFeed feed = new ScriptedFeed();
  private final AtomicInteger failuresCounted = new AtomicInteger();
  private final List<LogRecord> logged = new ArrayList<>();
  private final Logger logger = Logger.getLogger(PriceCache.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private PriceCache cache;

  @BeforeEach
  void setUp() {
    cache = cache(CACHE, MAX_AGE, RETRY);
    capture.setLevel(Level.ALL);
    logger.addHandler(capture);
    logger.setLevel(Level.ALL);
  }

  @AfterEach
  void tearDown() {
    logger.removeHandler(capture);
    logger.setLevel(null);
  }

  @Test
  void aPriceIsReusedWithinTheCachePeriodAndFetchedAgainAfterIt() {
    feed.answers("150000000", "151000000");

    BtcPrice first = cache.current();
    clock.advance(CACHE.minusSeconds(1));
    BtcPrice reused = cache.current();
    clock.advance(Duration.ofSeconds(1));
    BtcPrice fetched = cache.current();

    assertSame(first, reused);
    assertEquals(new BigDecimal("151000000"), fetched.fiatPerBtc());
    assertEquals(2, feed.calls.get());
    assertEquals(clock.instant(), fetched.fetchedAt());
    assertEquals("KRW", fetched.currency());
    assertEquals("scripted", fetched.source());
  }

  @Test
  void whileTheFeedFailsTheLastGoodPriceIsServedUntilItIsStale() {
    feed.answers("150000000", null, null);
    BtcPrice good = cache.current();

    clock.advance(CACHE);
    assertSame(good, cache.current());
    clock.advance(MAX_AGE.minus(CACHE).minusSeconds(1));
    assertSame(good, cache.current());

    clock.advance(Duration.ofSeconds(1));
    PriceUnavailableException refused =
        assertThrows(PriceUnavailableException.class, cache::current);

    assertEquals(ProblemCode.PRICE_UNAVAILABLE, refused.code());
    assertEquals(503, refused.code().status());
    assertEquals(
        "No KRW price of bitcoin younger than 300 s is known: the price feed is unavailable."
            + " Retry later.",
        refused.getMessage());
    // the last failed fetch was a second ago: the feed is asked again in RETRY minus that second
    assertEquals(RETRY.minusSeconds(1), refused.retryAfter().orElseThrow());
    assertEquals(3, feed.calls.get());
    assertEquals(2, failuresCounted.get());
  }

  @Test
  void withoutAnyGoodPriceAFailedFeedRefusesAtOnce() {
    feed.answers((String) null);

    assertThrows(PriceUnavailableException.class, cache::current);
    assertEquals(null, cache.lastKnown());
  }

  @Test
  void aFailedFeedIsLeftAloneForTheRetryPause() {
    feed.answers(null, null, "150000000");

    assertThrows(PriceUnavailableException.class, cache::current);
    clock.advance(RETRY.minusSeconds(1));
    assertThrows(PriceUnavailableException.class, cache::current);
    assertThrows(PriceUnavailableException.class, cache::current);
    assertEquals(1, feed.calls.get());

    clock.advance(Duration.ofSeconds(1));
    assertThrows(PriceUnavailableException.class, cache::current);
    assertEquals(2, feed.calls.get());

    clock.advance(RETRY);
    assertEquals(new BigDecimal("150000000"), cache.current().fiatPerBtc());
    assertEquals(3, feed.calls.get());
  }

  @Test
  void aStalePriceRecoversWhenTheFeedAnswersAgain() {
    feed.answers("150000000", null, "152000000");
    cache.current();
    clock.advance(MAX_AGE);
    assertThrows(PriceUnavailableException.class, cache::current);

    clock.advance(RETRY);
    BtcPrice recovered = cache.current();

    assertEquals(new BigDecimal("152000000"), recovered.fiatPerBtc());
    assertEquals(clock.instant(), recovered.fetchedAt());
  }

  @Test
  void aFeedThatThrowsUnexpectedlyCountsAsAFailure() {
    feed.answers("150000000");
    BtcPrice good = cache.current();
    feed.explode = true;
    clock.advance(CACHE);

    assertSame(good, cache.current());
    assertEquals(1, failuresCounted.get());
  }

  @Test
  void failuresAreLoggedOnceAtWarningThenQuietlyUntilTheyMatter() {
    Duration noPause = Duration.ZERO;
    cache = cache(CACHE, MAX_AGE, noPause);
    feed.answers("150000000", null, null, null, null, "151000000");
    cache.current();

    clock.advance(CACHE);
    cache.current();
    cache.current();
    cache.current();
    clock.advance(MAX_AGE);
    assertThrows(PriceUnavailableException.class, cache::current);
    cache.current();

    List<String> lines = logged.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList();
    assertEquals(Level.WARNING, logged.get(0).getLevel(), lines::toString);
    assertEquals(Level.FINE, logged.get(1).getLevel(), lines::toString);
    assertEquals(Level.FINE, logged.get(2).getLevel(), lines::toString);
    assertEquals(Level.FINE, logged.get(3).getLevel(), lines::toString);
    assertTrue(logged.get(4).getMessage().contains("older than"), lines::toString);
    assertEquals(Level.WARNING, logged.get(4).getLevel(), lines::toString);
    assertTrue(logged.get(5).getMessage().contains("recovered"), lines::toString);
    assertEquals(Level.INFO, logged.get(5).getLevel(), lines::toString);
    assertEquals(6, logged.size(), lines::toString);
  }

  @Test
  void whileOneCallerFetchesOthersGetTheUsablePriceAtOnce() throws Exception {
    feed.answers("150000000", "151000000");
    BtcPrice good = cache.current();
    clock.advance(CACHE);
    feed.block();

    CompletableFuture<BtcPrice> fetcher = CompletableFuture.supplyAsync(cache::current);
    assertTrue(feed.entered.await(10, TimeUnit.SECONDS), "the fetch must start");
    BtcPrice meanwhile = cache.current();
    feed.unblock();

    assertSame(good, meanwhile);
    assertEquals(new BigDecimal("151000000"), fetcher.get(10, TimeUnit.SECONDS).fiatPerBtc());
    assertEquals(2, feed.calls.get());
  }

  @Test
  void callersWithoutAUsablePriceWaitForTheOneFetchInsteadOfStartingTheirOwn() throws Exception {
    feed.answers("150000000");
    feed.block();

    CompletableFuture<BtcPrice> first = CompletableFuture.supplyAsync(cache::current);
    assertTrue(feed.entered.await(10, TimeUnit.SECONDS), "the fetch must start");
    CompletableFuture<BtcPrice> second = CompletableFuture.supplyAsync(cache::current);
    feed.unblock();

    assertSame(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
    assertEquals(1, feed.calls.get());
  }

  @Test
  void aStalenessBoundShorterThanTheCachePeriodIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> cache(Duration.ofSeconds(60), Duration.ofSeconds(59), RETRY));
  }

  @Test
  void aFixedPriceIsNeverStale() {
    cache =
        new PriceCache(
            new FixedPriceFeed(new BigDecimal("150000000")),
            "KRW",
            clock,
            CACHE,
            MAX_AGE,
            RETRY,
            failuresCounted::incrementAndGet);

    BtcPrice first = cache.current();
    clock.advance(Duration.ofDays(30));
    BtcPrice later = cache.current();

    assertEquals(new BigDecimal("150000000"), later.fiatPerBtc());
    assertEquals("fixed", later.source());
    assertEquals(clock.instant(), later.fetchedAt());
    assertTrue(later.fetchedAt().isAfter(first.fetchedAt()));
  }

  private PriceCache cache(Duration cacheFor, Duration maxAge, Duration retry) {
    return new PriceCache(
        feed, "KRW", clock, cacheFor, maxAge, retry, failuresCounted::incrementAndGet);
  }

  /** A feed that answers a script: a price, or null for a failure. */
  private static final class ScriptedFeed implements PriceFeed {
    final Deque<String> script = new ArrayDeque<>();
    final AtomicInteger calls = new AtomicInteger();
    volatile CountDownLatch entered = new CountDownLatch(1);
    volatile CountDownLatch gate = new CountDownLatch(0);
    volatile boolean explode;

    void answers(String... prices) {
      for (String price : prices) {
        script.add(price == null ? "" : price);
      }
    }

    /** Holds the next fetches until {@link #unblock()}; {@link #entered} opens when one starts. */
    void block() {
      entered = new CountDownLatch(1);
      gate = new CountDownLatch(1);
    }

    void unblock() {
      gate.countDown();
    }

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public PriceReading fetch() throws PriceFeedException {
      calls.incrementAndGet();
      entered.countDown();
      try {
        if (!gate.await(10, TimeUnit.SECONDS)) {
          throw new PriceFeedException("scripted feed was never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PriceFeedException("interrupted");
      }
      if (explode) {
        throw new IllegalStateException("bug in the feed");
      }
      String next = script.poll();
      if (next == null || next.isEmpty()) {
        throw new PriceFeedException("scripted failure");
      }
      return new PriceReading(new BigDecimal(next), name());
    }
  }
}
