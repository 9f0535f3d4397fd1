package org.openpleb.ee.wallet;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How many extra questions to the mint the readers of invoices may cause: at most one look per
 * invoice per {@code spacing}, at most {@code perSecond} looks per reader (a user's key) in any
 * second, at most {@code inFlight} looks running at once, and memory for at most {@code maxKeys}
 * invoices and readers. A reader who asks for more is not refused anything: its read is answered
 * without a look, and the watchers' own schedule finds the payment. Nothing a request chooses makes
 * it hold more than {@code maxKeys} entries.
 */
final class LookBudget {

  private final LongSupplier nanos;
  private final long spacingNanos;
  private final int perSecond;
  private final int inFlightMax;
  private final int maxKeys;

  private final Map<String, Long> lastLook = new HashMap<>();
  private final Map<String, long[]> readerWindow = new HashMap<>();
  private int inFlight;

  /**
   * @param nanos a monotonic clock in nanoseconds ({@code System::nanoTime})
   * @param spacing the least time between two looks at one invoice
   * @param perSecond the most looks one reader may cause per second; 0 turns looks off
   * @param inFlight the most looks running at once
   * @param maxKeys the most invoices, and the most readers, remembered
   */
  LookBudget(LongSupplier nanos, Duration spacing, int perSecond, int inFlight, int maxKeys) {
    this.nanos = nanos;
    this.spacingNanos = spacing.toNanos();
    this.perSecond = perSecond;
    this.inFlightMax = inFlight;
    this.maxKeys = maxKeys;
  }

  /**
   * A permit for one look at {@code invoice} for {@code reader}, or empty when the budget has none.
   * Close the permit when the look is done.
   */
  synchronized Optional<Permit> take(String invoice, String reader) {
    if (perSecond <= 0 || inFlight >= inFlightMax) {
      return Optional.empty();
    }
    long now = nanos.getAsLong();
    Long last = lastLook.get(invoice);
    if (last != null && now - last < spacingNanos) {
      return Optional.empty();
    }
    long[] window = readerWindow.get(reader);
    boolean freshWindow = window == null || now - window[0] >= 1_000_000_000L;
    if (!freshWindow && window[1] >= perSecond) {
      return Optional.empty();
    }
    if (last == null && !roomFor(lastLook, now, spacingNanos)
        || window == null && !roomFor(readerWindow, now, 1_000_000_000L)) {
      return Optional.empty();
    }
    lastLook.put(invoice, now);
    if (freshWindow) {
      readerWindow.put(reader, new long[] {now, 1});
    } else {
      window[1]++;
    }
    inFlight++;
    return Optional.of(new Permit());
  }

  /**
   * Whether {@code map} may take one more key, after forgetting the entries older than {@code age}.
   */
  private boolean roomFor(Map<String, ?> map, long now, long age) {
    if (map.size() < maxKeys) {
      return true;
    }
    for (Iterator<? extends Map.Entry<String, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
      Object value = it.next().getValue();
      long at = value instanceof long[] w ? w[0] : (Long) value;
      if (now - at >= age) {
        it.remove();
      }
    }
    return map.size() < maxKeys;
  }

  /** Looks running now. */
  synchronized int inFlight() {
    return inFlight;
  }

  private synchronized void done() {
    inFlight--;
  }

  /** One look's share of the budget, given back once by {@link #close()}. */
  final class Permit implements AutoCloseable {
    private boolean closed;

    @Override
    public void close() {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
      }
      done();
    }
  }
}
