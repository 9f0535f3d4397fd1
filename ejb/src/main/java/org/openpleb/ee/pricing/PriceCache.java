package org.openpleb.ee.pricing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The platform's memory of the bitcoin price: a good price is reused for {@code cacheFor}, then
 * fetched again; when the feed fails, the last good price is served until it is {@code maxAge} old,
 * after which nothing is priced ({@link PriceUnavailableException}). After a failure the feed is
 * left alone for {@code retryAfter}, so a dead feed is not hammered by every request.
 *
 * <p>One caller fetches at a time. While a usable price exists, others get it at once instead of
 * queueing behind the fetch; only callers with no usable price wait for its outcome. Failures are
 * logged without flooding: the first at WARNING, repeats at FINE, going stale at WARNING and the
 * recovery at INFO.
 */
final class PriceCache {

  private static final Logger LOG = Logger.getLogger(PriceCache.class.getName());

  /** What the cache reports about its feed's failures, e.g. to a metrics counter. */
  interface FailureListener {
    /** One fetch failed. */
    void failed();
  }

  private final PriceFeed feed;
  private final String currency;
  private final Clock clock;
  private final Duration cacheFor;
  private final Duration maxAge;
  private final Duration retryAfter;
  private final FailureListener listener;

  private final ReentrantLock fetching = new ReentrantLock();
  private volatile BtcPrice last;
  // guarded by fetching
  private Instant quietUntil = Instant.MIN;
  private int failuresInARow;
  private boolean reportedStale;

  /**
   * A cache over {@code feed} for prices in {@code currency}.
   *
   * @param cacheFor how long a good price is reused before the feed is asked again (0: every time)
   * @param maxAge how old the last good price may get while the feed fails; at least {@code
   *     cacheFor}
   * @param retryAfter how long the feed is left alone after it failed
   */
  PriceCache(
      PriceFeed feed,
      String currency,
      Clock clock,
      Duration cacheFor,
      Duration maxAge,
      Duration retryAfter,
      FailureListener listener) {
    this.feed = Objects.requireNonNull(feed, "feed");
    this.currency = Objects.requireNonNull(currency, "currency");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cacheFor = Objects.requireNonNull(cacheFor, "cacheFor");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    this.listener = Objects.requireNonNull(listener, "listener");
    if (maxAge.compareTo(cacheFor) < 0) {
      throw new IllegalArgumentException("maxAge must not be shorter than cacheFor");
    }
  }

  /**
   * The price to use now: the cached one while it is fresh, else a newly fetched one, else the last
   * good one while it is younger than {@code maxAge}.
   *
   * @throws PriceUnavailableException when no price younger than {@code maxAge} is known
   */
  BtcPrice current() {
    BtcPrice cached = last;
    Instant now = clock.instant();
    if (cached != null && fresh(cached, now)) {
      return cached;
    }
    if (cached != null && usable(cached, now)) {
      if (!fetching.tryLock()) {
        return cached; // someone is fetching; this one is still good enough
      }
    } else {
      fetching.lock();
    }
    try {
      return refresh();
    } finally {
      fetching.unlock();
    }
  }

  /** The last good price, however old, or null before the first one; never fetches. */
  BtcPrice lastKnown() {
    return last;
  }

  /** The feed this cache asks. */
  PriceFeed feed() {
    return feed;
  }

  /** How old a price may get before nothing is priced. */
  Duration maxAge() {
    return maxAge;
  }

  private BtcPrice refresh() {
    Instant now = clock.instant();
    BtcPrice cached = last;
    if (cached != null && fresh(cached, now)) {
      return cached; // fetched by the caller this one waited for
    }
    if (now.isBefore(quietUntil)) {
      return usableOrRefuse(cached, now);
    }
    PriceReading reading;
    try {
      reading = feed.fetch();
    } catch (PriceFeedException e) {
      return failed(e, cached, now);
    } catch (RuntimeException e) {
      // a feed bug must not take pricing down while a usable price exists
      return failed(new PriceFeedException(feed.name() + " failed: " + e, e), cached, now);
    }
    BtcPrice price =
        new BtcPrice(currency, reading.fiatPerBtc(), clock.instant(), reading.source());
    if (failuresInARow > 0) {
      LOG.log(
          Level.INFO,
          "Price feed {0} recovered after {1} failed fetches: {2} {3} per BTC",
          new Object[] {
            feed.name(),
            String.valueOf(failuresInARow),
            price.fiatPerBtc().toPlainString(),
            currency
          });
    }
    failuresInARow = 0;
    reportedStale = false;
    quietUntil = Instant.MIN;
    last = price;
    return price;
  }

  private BtcPrice failed(PriceFeedException failure, BtcPrice cached, Instant now) {
    failuresInARow++;
    quietUntil = now.plus(retryAfter);
    listener.failed();
    boolean usable = cached != null && usable(cached, now);
    if (failuresInARow == 1) {
      LOG.log(
          Level.WARNING,
          "Price feed {0} failed: {1}; {2}",
          new Object[] {
            feed.name(),
            failure.getMessage(),
            usable
                ? "keeping the price fetched at " + cached.fetchedAt() + " for now"
                : "no usable price, offers are refused until it answers"
          });
    } else {
      LOG.log(
          Level.FINE,
          "Price feed {0} failed again ({1} in a row): {2}",
          new Object[] {feed.name(), String.valueOf(failuresInARow), failure.getMessage()});
    }
    return usableOrRefuse(cached, now);
  }

  private BtcPrice usableOrRefuse(BtcPrice cached, Instant now) {
    if (cached != null && usable(cached, now)) {
      return cached;
    }
    if (cached != null && !reportedStale) {
      reportedStale = true;
      LOG.log(
          Level.WARNING,
          "The last {0} price is older than {1} s and the feed {2} still fails: offers are refused"
              + " until it answers",
          new Object[] {currency, String.valueOf(maxAge.toSeconds()), feed.name()});
    }
    Duration untilNextAttempt =
        now.isBefore(quietUntil) ? Duration.between(now, quietUntil) : Duration.ZERO;
    throw new PriceUnavailableException(
        "No "
            + currency
            + " price of bitcoin younger than "
            + maxAge.toSeconds()
            + " s is known: the price feed is unavailable. Retry later.",
        untilNextAttempt);
  }

  private boolean fresh(BtcPrice price, Instant now) {
    return price.age(now).compareTo(cacheFor) < 0;
  }

  private boolean usable(BtcPrice price, Instant now) {
    return price.age(now).compareTo(maxAge) < 0;
  }
}
