package org.openpleb.ee.wallet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bounded set of open handles kept in least-recently-used order, where a handle in use is pinned
 * and never closed under its user. It is the wallet registry's bookkeeping, free of any container,
 * so its rules can be tested on their own.
 *
 * <p>{@link #acquire} returns a pinned {@link Lease}: a hit when the key is open, otherwise a miss
 * that makes room by closing the least recently used unpinned handle and then opens the key outside
 * the lock (opening may be slow). When every handle is pinned the caller waits up to its deadline
 * for one to be released, then gets {@link HandlesExhaustedException}. Two callers of the same key
 * never open it twice: the second waits for the first to finish.
 *
 * <p>Idle times come from the injected {@link Clock}, so tests move time instead of sleeping; the
 * bounded waits use the monotonic system timer.
 *
 * @param <K> the key of a handle (a wallet id)
 * @param <V> the open handle
 */
public final class HandleCache<K, V> {

  private static final Logger LOG = Logger.getLogger(HandleCache.class.getName());

  /** Why a handle was closed. */
  public enum Closing {
    /** Least recently used, closed to make room for another. */
    LRU,
    /** Unused for longer than the idle limit. */
    IDLE,
    /** Closed for capacity relief (EMERGENCY). */
    RELIEF,
    /** Its owner ended (session closed); closed once its last lease was released. */
    RETIRED,
    /** The registry shut down or discarded it on purpose. */
    SHUTDOWN,
    /** It met an error and can no longer work; the next use opens it afresh. */
    BROKEN
  }

  /** How handles are opened and closed; supplied by the owner of the cache. */
  public interface Lifecycle<K, V> {

    /** Opens the handle of {@code key}; called outside the cache's lock. */
    V open(K key);

    /** Closes a handle no lease holds any more. */
    void close(K key, V handle);

    /**
     * Whether a handle nobody holds can still be handed out; one that met an error is not, and is
     * closed and opened afresh instead. Asked only for unpinned handles.
     */
    default boolean usable(V handle) {
      return true;
    }

    /**
     * Whether an unpinned handle is nevertheless busy (an operation runs on it outside any lease);
     * a busy handle is treated like a pinned one. Asked only for unpinned handles.
     */
    default boolean busy(V handle) {
      return false;
    }
  }

  /** What the cache reports for metrics; every method has a do-nothing default. */
  public interface Events<K> {

    /** An acquire found the key open. */
    default void hit(K key) {}

    /** An acquire had to open the key. */
    default void miss(K key) {}

    /** The key was opened in {@code took}. */
    default void opened(K key, Duration took) {}

    /** A handle was closed for {@code why}. */
    default void closed(K key, Closing why) {}

    /** An acquire gave up because every handle stayed pinned. */
    default void exhausted(K key) {}
  }

  private static final class Entry<V> {
    V handle;
    int pins;
    Instant lastUsed;
    boolean retireOnRelease;
    boolean broken;
    // a placeholder without handle: the key is taken out of use (see exclude)
    boolean excluded;
  }

  private final int capacity;
  private final Clock clock;
  private final Lifecycle<K, V> lifecycle;
  private final Events<K> events;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // access order: iteration starts at the least recently used entry
  private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);

  /**
   * A cache of at most {@code capacity} open handles.
   *
   * @param events receives hits, misses, openings and closings (metrics); may be a no-op
   */
  public HandleCache(int capacity, Clock clock, Lifecycle<K, V> lifecycle, Events<K> events) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    this.events = Objects.requireNonNull(events, "events");
  }

  /** The most handles open at once. */
  public int capacity() {
    return capacity;
  }

  /**
   * The handle of {@code key}, pinned until the lease is closed; opened if it is not open yet.
   *
   * @param maxWait how long to wait for a pinned handle to be released when the cache is full of
   *     them (or for another caller's opening of the same key)
   * @throws HandlesExhaustedException when no handle could be had within {@code maxWait}
   * @throws RuntimeException whatever {@link Lifecycle#open} threw; nothing stays cached then
   */
  public Lease acquire(K key, Duration maxWait) {
    Objects.requireNonNull(key, "key");
    long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
    Entry<V> opening;
    lock.lock();
    try {
      while (true) {
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.handle != null && !entry.broken && !stillUsable(entry)) {
          // a dead handle is never handed out again: drop it and open the key afresh
          entries.remove(key);
          closeQuietly(key, entry.handle, Closing.BROKEN);
          changed.signalAll();
          continue;
        }
        if (entry != null && entry.handle != null && !entry.broken) {
          entry.pins++;
          entry.lastUsed = clock.instant();
          events.hit(key);
          return new Lease(key, entry);
        }
        if (entry == null && (entries.size() < capacity || closeLeastRecentlyUsed())) {
          opening = new Entry<>();
          opening.pins = 1;
          opening.lastUsed = clock.instant();
          entries.put(key, opening);
          events.miss(key);
          break;
        }
        // the cache is full of pinned handles, or another caller is opening (or dropping) this key
        awaitChange(key, deadline);
      }
    } finally {
      lock.unlock();
    }
    return open(key, opening);
  }

  private Lease open(K key, Entry<V> opening) {
    long started = System.nanoTime();
    V handle;
    try {
      handle = lifecycle.open(key);
      Objects.requireNonNull(handle, "opened handle");
    } catch (RuntimeException | Error e) {
      lock.lock();
      try {
        entries.remove(key, opening);
        changed.signalAll();
      } finally {
        lock.unlock();
      }
      throw e;
    }
    lock.lock();
    try {
      opening.handle = handle;
      opening.lastUsed = clock.instant();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    events.opened(key, Duration.ofNanos(System.nanoTime() - started));
    return new Lease(key, opening);
  }

  /**
   * Whether an entry may be handed out: a pinned one is (its users see its failures and mark it
   * broken); an unpinned one only if its handle still works.
   */
  private boolean stillUsable(Entry<V> entry) {
    if (entry.pins > 0) {
      return true;
    }
    try {
      return lifecycle.usable(entry.handle);
    } catch (RuntimeException | Error e) {
      return false;
    }
  }

  private void awaitChange(K key, long deadline) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      events.exhausted(key);
      throw new HandlesExhaustedException(capacity);
    }
    try {
      changed.awaitNanos(remaining);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      events.exhausted(key);
      throw new HandlesExhaustedException(capacity);
    }
  }

  /** Closes the least recently used unpinned handle; false when every handle is pinned. */
  private boolean closeLeastRecentlyUsed() {
    Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<K, Entry<V>> candidate = it.next();
      if (closable(candidate.getValue())) {
        it.remove();
        closeQuietly(candidate.getKey(), candidate.getValue().handle, Closing.LRU);
        return true;
      }
    }
    return false;
  }

  private boolean closable(Entry<V> entry) {
    return entry.handle != null && entry.pins == 0 && !lifecycle.busy(entry.handle);
  }

  /**
   * Closes every unpinned handle unused since {@code idle} ago or longer.
   *
   * @return how many were closed
   */
  public int closeIdle(Duration idle) {
    Instant cutoff = clock.instant().minus(idle);
    return closeWhere(entry -> !entry.lastUsed.isAfter(cutoff), Closing.IDLE);
  }

  /**
   * Closes every handle that is not pinned (capacity relief).
   *
   * @return how many were closed
   */
  public int closeUnpinned() {
    return closeWhere(entry -> true, Closing.RELIEF);
  }

  private int closeWhere(Predicate<Entry<V>> test, Closing why) {
    lock.lock();
    try {
      int closed = 0;
      Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<K, Entry<V>> e = it.next();
        if (closable(e.getValue()) && test.test(e.getValue())) {
          it.remove();
          closeQuietly(e.getKey(), e.getValue().handle, why);
          closed++;
        }
      }
      if (closed > 0) {
        changed.signalAll();
      }
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Closes the handle of {@code key} now if nothing uses it, else as soon as its last lease is
   * released.
   *
   * @return true if it was closed now or was not open; false if closing waits for its leases
   */
  public boolean retire(K key) {
    lock.lock();
    try {
      Entry<V> entry = entries.get(key);
      if (entry == null) {
        return true;
      }
      if (closable(entry)) {
        entries.remove(key);
        closeQuietly(key, entry.handle, Closing.RETIRED);
        changed.signalAll();
        return true;
      }
      entry.retireOnRelease = true;
      return false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Closes the handle of {@code key} if it is open and unused, then runs {@code action} while no
   * caller can open the key again (e.g. to delete the files behind it).
   *
   * @return false, without running the action, when the handle is pinned or being opened
   */
  public boolean whileClosed(K key, Runnable action) {
    lock.lock();
    try {
      Entry<V> entry = entries.get(key);
      if (entry != null) {
        if (!closable(entry)) {
          return false;
        }
        entries.remove(key);
        closeQuietly(key, entry.handle, Closing.SHUTDOWN);
        changed.signalAll();
      }
      action.run();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes {@code key} out of use: closes its handle if it is open and unused, and keeps every
   * caller from opening it until {@link #readmit} (an acquire of the key waits as for a handle
   * being opened, and gives up at its deadline). Meant for work on the files behind the key that
   * takes longer than the cache's lock may be held, e.g. rebuilding a wallet from its seed. The
   * placeholder counts as an open handle, so the cache may hold one more than its capacity while
   * every other handle is pinned.
   *
   * @return false, excluding nothing, when the handle is pinned, busy, being opened or already
   *     excluded
   */
  public boolean exclude(K key) {
    Objects.requireNonNull(key, "key");
    lock.lock();
    try {
      Entry<V> entry = entries.get(key);
      if (entry != null) {
        if (!closable(entry)) {
          return false;
        }
        entries.remove(key);
        closeQuietly(key, entry.handle, Closing.SHUTDOWN);
      }
      Entry<V> placeholder = new Entry<>();
      placeholder.excluded = true;
      placeholder.lastUsed = clock.instant();
      entries.put(key, placeholder);
      changed.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Lets callers open {@code key} again after {@link #exclude}; harmless if it is not excluded. */
  public void readmit(K key) {
    lock.lock();
    try {
      Entry<V> entry = entries.get(key);
      if (entry != null && entry.excluded) {
        entries.remove(key);
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Closes every open handle, pinned or not (shutdown); returns how many. */
  public int closeAll() {
    lock.lock();
    try {
      List<Map.Entry<K, Entry<V>>> all = new ArrayList<>(entries.entrySet());
      entries.clear();
      int closed = 0;
      for (Map.Entry<K, Entry<V>> e : all) {
        if (e.getValue().handle != null) {
          closeQuietly(e.getKey(), e.getValue().handle, Closing.SHUTDOWN);
          closed++;
        }
      }
      changed.signalAll();
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /** Handles open or being opened now. */
  public int size() {
    lock.lock();
    try {
      return entries.size();
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@code key} is open (or being opened). */
  public boolean isOpen(K key) {
    lock.lock();
    try {
      return entries.containsKey(key);
    } finally {
      lock.unlock();
    }
  }

  /** How many leases hold {@code key} now. */
  public int pins(K key) {
    lock.lock();
    try {
      Entry<V> entry = entries.get(key);
      return entry == null ? 0 : entry.pins;
    } finally {
      lock.unlock();
    }
  }

  private void release(K key, Entry<V> entry) {
    lock.lock();
    try {
      entry.pins--;
      entry.lastUsed = clock.instant();
      boolean current = entries.get(key) == entry;
      if (entry.pins == 0 && current && (entry.retireOnRelease || entry.broken)) {
        entries.remove(key);
        closeQuietly(key, entry.handle, entry.broken ? Closing.BROKEN : Closing.RETIRED);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void closeQuietly(K key, V handle, Closing why) {
    try {
      lifecycle.close(key, handle);
    } catch (RuntimeException e) {
      // the handle is gone from the cache either way; a failed close must not block the others
      LOG.log(Level.WARNING, "Closing handle " + key + " (" + why + ") failed", e);
    }
    events.closed(key, why);
  }

  /**
   * A pinned handle: while the lease is open the handle is neither evicted nor closed. Closing the
   * lease twice is harmless.
   */
  public final class Lease implements AutoCloseable {

    private final K key;
    private final Entry<V> entry;
    private final AtomicBoolean released = new AtomicBoolean();

    private Lease(K key, Entry<V> entry) {
      this.key = key;
      this.entry = entry;
    }

    /** The key this lease pins. */
    public K key() {
      return key;
    }

    /** The open handle. */
    public V handle() {
      return entry.handle;
    }

    /**
     * Marks the handle unusable (it failed in a way that may have damaged it): it is closed once
     * its last lease is released, and the next acquire opens a fresh one.
     */
    public void markBroken() {
      lock.lock();
      try {
        entry.broken = true;
      } finally {
        lock.unlock();
      }
    }

    /** Unpins the handle. */
    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        release(key, entry);
      }
    }

    @Override
    public String toString() {
      return "Lease[" + key + "]";
    }
  }
}
