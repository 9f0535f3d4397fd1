package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.wallet.HandleCache.Closing;

class HandleCacheTest {

  private static final Duration NO_WAIT = Duration.ZERO;
  private static final Duration LONG_WAIT = Duration.ofSeconds(10);

  private final MovableClock clock = new MovableClock();
  private final Handles handles = new Handles();
  private final Counts counts = new Counts();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private HandleCache<String, Handle> cache(int capacity) {
    return new HandleCache<>(capacity, clock, handles, counts);
  }

  private static void use(HandleCache<String, Handle> cache, String key) {
    cache.acquire(key, NO_WAIT).close();
  }

  @Test
  void aFirstAcquireOpensAndTheNextOneHits() {
    HandleCache<String, Handle> cache = cache(3);

    Handle first;
    try (HandleCache<String, Handle>.Lease lease = cache.acquire("a", NO_WAIT)) {
      first = lease.handle();
      assertEquals(1, cache.pins("a"));
    }
    try (HandleCache<String, Handle>.Lease lease = cache.acquire("a", NO_WAIT)) {
      assertSame(first, lease.handle());
    }

    assertEquals(1, counts.misses.get());
    assertEquals(1, counts.hits.get());
    assertEquals(1, counts.opened.get());
    assertEquals(List.of("a"), handles.opened);
    assertEquals(0, cache.pins("a"));
  }

  @Test
  void aFullCacheClosesTheLeastRecentlyUsedHandle() {
    HandleCache<String, Handle> cache = cache(3);
    use(cache, "a");
    use(cache, "b");
    use(cache, "c");
    use(cache, "a");

    use(cache, "d");

    assertEquals(List.of("b"), handles.closedKeys());
    assertEquals(List.of(Closing.LRU), counts.closings);
    assertEquals(3, cache.size());
    assertTrue(cache.isOpen("a") && cache.isOpen("c") && cache.isOpen("d"));
    assertFalse(cache.isOpen("b"));
  }

  @Test
  void fiveKeysUsedInTurnLeaveThreeOpenAfterFiveMissesAndTwoEvictions() {
    HandleCache<String, Handle> cache = cache(3);

    for (String key : List.of("w1", "w2", "w3", "w4", "w5")) {
      use(cache, key);
    }

    assertEquals(3, cache.size());
    assertEquals(5, counts.misses.get());
    assertEquals(2, handles.closed.size());
    assertEquals(List.of("w1", "w2"), handles.closedKeys());
  }

  @Test
  void aPinnedHandleIsNeverEvicted() {
    HandleCache<String, Handle> cache = cache(2);
    HandleCache<String, Handle>.Lease pinned = cache.acquire("a", NO_WAIT);

    for (String key : List.of("b", "c", "d", "e")) {
      use(cache, key);
    }

    assertTrue(cache.isOpen("a"));
    assertFalse(handles.closedKeys().contains("a"));
    assertEquals(List.of("b", "c", "d"), handles.closedKeys());
    // released, it counts as just used, and is evicted in its turn
    pinned.close();
    use(cache, "f");
    use(cache, "g");
    assertEquals(List.of("b", "c", "d", "e", "a"), handles.closedKeys());
  }

  @Test
  void whenEveryHandleIsPinnedTheCallerGivesUpAfterItsWait() {
    HandleCache<String, Handle> cache = cache(2);
    HandleCache<String, Handle>.Lease a = cache.acquire("a", NO_WAIT);
    HandleCache<String, Handle>.Lease b = cache.acquire("b", NO_WAIT);

    long started = System.nanoTime();
    HandlesExhaustedException refused =
        assertThrows(
            HandlesExhaustedException.class, () -> cache.acquire("c", Duration.ofMillis(50)));

    assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(50));
    assertEquals(2, refused.capacity());
    assertEquals(1, counts.exhausted.get());
    assertEquals(List.of(), handles.closed);
    assertFalse(cache.isOpen("c"));
    a.close();
    b.close();
  }

  @Test
  void aWaitingCallerTakesTheSlotOfAReleasedHandle() throws Exception {
    HandleCache<String, Handle> cache = cache(1);
    HandleCache<String, Handle>.Lease a = cache.acquire("a", NO_WAIT);
    CountDownLatch waiting = new CountDownLatch(1);

    Future<String> b =
        threads.submit(
            () -> {
              waiting.countDown();
              try (HandleCache<String, Handle>.Lease lease = cache.acquire("b", LONG_WAIT)) {
                return lease.handle().key;
              }
            });
    assertTrue(waiting.await(5, TimeUnit.SECONDS));
    a.close();

    assertEquals("b", b.get(5, TimeUnit.SECONDS));
    assertEquals(List.of("a"), handles.closedKeys());
    assertTrue(cache.isOpen("b"));
  }

  @Test
  void idleHandlesAreClosedByTheClockButPinnedOnesStay() {
    HandleCache<String, Handle> cache = cache(5);
    use(cache, "early");
    HandleCache<String, Handle>.Lease pinned = cache.acquire("pinned", NO_WAIT);
    clock.advance(Duration.ofMinutes(6));
    use(cache, "recent");
    clock.advance(Duration.ofMinutes(5));

    int closed = cache.closeIdle(Duration.ofMinutes(10));

    assertEquals(1, closed);
    assertEquals(List.of("early"), handles.closedKeys());
    assertEquals(List.of(Closing.IDLE), counts.closings);
    assertTrue(cache.isOpen("pinned") && cache.isOpen("recent"));
    pinned.close();
  }

  @Test
  void reliefClosesEveryUnpinnedHandle() {
    HandleCache<String, Handle> cache = cache(5);
    HandleCache<String, Handle>.Lease pinned = cache.acquire("pinned", NO_WAIT);
    use(cache, "b");
    use(cache, "c");

    assertEquals(2, cache.closeUnpinned());

    assertEquals(1, cache.size());
    assertTrue(cache.isOpen("pinned"));
    assertEquals(List.of(Closing.RELIEF, Closing.RELIEF), counts.closings);
    pinned.close();
  }

  @Test
  void aRetiredHandleClosesNowOrWhenItsLastLeaseIsReleased() {
    HandleCache<String, Handle> cache = cache(5);
    use(cache, "idle");
    HandleCache<String, Handle>.Lease first = cache.acquire("busy", NO_WAIT);
    HandleCache<String, Handle>.Lease second = cache.acquire("busy", NO_WAIT);

    assertTrue(cache.retire("idle"));
    assertFalse(cache.retire("busy"));
    assertTrue(cache.retire("never-opened"));
    assertEquals(List.of("idle"), handles.closedKeys());

    first.close();
    assertTrue(cache.isOpen("busy"));
    second.close();
    second.close();

    assertFalse(cache.isOpen("busy"));
    assertEquals(List.of("idle", "busy"), handles.closedKeys());
    assertEquals(List.of(Closing.RETIRED, Closing.RETIRED), counts.closings);
  }

  @Test
  void aFailedOpeningLeavesNothingBehindAndTheNextAcquireTriesAgain() {
    HandleCache<String, Handle> cache = cache(2);
    handles.failNext.set(1);

    assertThrows(IllegalStateException.class, () -> cache.acquire("a", NO_WAIT));
    assertEquals(0, cache.size());

    try (HandleCache<String, Handle>.Lease lease = cache.acquire("a", NO_WAIT)) {
      assertEquals("a", lease.handle().key);
    }
    assertEquals(2, counts.misses.get());
    assertEquals(1, counts.opened.get());
  }

  @Test
  void twoCallersOfTheSameKeyShareOneOpening() throws Exception {
    HandleCache<String, Handle> cache = cache(2);
    handles.gate = new CountDownLatch(1);
    CountDownLatch firstOpening = handles.opening;

    Future<Handle> first = threads.submit(() -> holdAndReturn(cache, "a"));
    assertTrue(firstOpening.await(5, TimeUnit.SECONDS));
    Future<Handle> second = threads.submit(() -> holdAndReturn(cache, "a"));
    handles.gate.countDown();

    assertSame(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS));
    assertEquals(List.of("a"), handles.opened);
    assertEquals(1, counts.misses.get());
    assertEquals(1, counts.hits.get());
  }

  private static Handle holdAndReturn(HandleCache<String, Handle> cache, String key) {
    try (HandleCache<String, Handle>.Lease lease = cache.acquire(key, LONG_WAIT)) {
      return lease.handle();
    }
  }

  @Test
  void aBusyHandleIsTreatedAsPinned() {
    HandleCache<String, Handle> cache = cache(1);
    HandleCache<String, Handle>.Lease lease = cache.acquire("a", NO_WAIT);
    Handle a = lease.handle();
    lease.close();
    a.busy = true;

    assertThrows(HandlesExhaustedException.class, () -> cache.acquire("b", NO_WAIT));
    assertEquals(0, cache.closeUnpinned());

    a.busy = false;
    use(cache, "b");
    assertEquals(List.of("a"), handles.closedKeys());
  }

  @Test
  void anActionRunsWithTheKeyClosedUnlessTheHandleIsPinned() {
    HandleCache<String, Handle> cache = cache(3);
    use(cache, "a");
    HandleCache<String, Handle>.Lease pinned = cache.acquire("b", NO_WAIT);
    List<String> ran = new ArrayList<>();

    assertTrue(cache.whileClosed("a", () -> ran.add("a")));
    assertFalse(cache.whileClosed("b", () -> ran.add("b")));
    assertTrue(cache.whileClosed("c", () -> ran.add("c")));

    assertEquals(List.of("a", "c"), ran);
    assertEquals(List.of("a"), handles.closedKeys());
    assertTrue(cache.isOpen("b"));
    pinned.close();
  }

  @Test
  void anExcludedKeyIsClosedAndCannotBeOpenedUntilReadmitted() throws Exception {
    HandleCache<String, Handle> cache = cache(3);
    use(cache, "a");
    HandleCache<String, Handle>.Lease pinned = cache.acquire("b", NO_WAIT);

    assertTrue(cache.exclude("a"));
    assertFalse(cache.exclude("b"), "a handle in use is never taken away from its user");
    assertFalse(cache.exclude("a"), "excluded already");
    assertEquals(List.of("a"), handles.closedKeys());
    assertThrows(HandlesExhaustedException.class, () -> cache.acquire("a", NO_WAIT));
    assertTrue(cache.exclude("c"), "a key never opened can be excluded too");

    // a caller waiting for the key gets it once it is readmitted, opened afresh
    CountDownLatch waiting = new CountDownLatch(1);
    Future<Handle> later =
        threads.submit(
            () -> {
              waiting.countDown();
              try (HandleCache<String, Handle>.Lease lease = cache.acquire("a", LONG_WAIT)) {
                return lease.handle();
              }
            });
    waiting.await();
    cache.readmit("a");
    assertEquals("a", later.get(10, TimeUnit.SECONDS).key);
    assertEquals(2, handles.opened.stream().filter("a"::equals).count());
    cache.readmit("c");
    cache.readmit("b"); // not excluded: nothing happens
    assertTrue(cache.isOpen("b"));
    assertFalse(cache.isOpen("c"));
    pinned.close();
  }

  @Test
  void aBrokenHandleIsClosedAfterItsLastLeaseAndOpenedAfresh() {
    HandleCache<String, Handle> cache = cache(3);
    HandleCache<String, Handle>.Lease lease = cache.acquire("a", NO_WAIT);
    Handle broken = lease.handle();

    lease.markBroken();
    lease.close();

    assertFalse(cache.isOpen("a"));
    assertEquals(List.of(broken), handles.closed);
    assertEquals(List.of(Closing.BROKEN), counts.closings);
    try (HandleCache<String, Handle>.Lease again = cache.acquire("a", NO_WAIT)) {
      assertNotSame(broken, again.handle());
    }
  }

  @Test
  void aHandleThatMetAnErrorIsReplacedOnTheNextUseEvenUnmarked() {
    HandleCache<String, Handle> cache = cache(3);
    Handle first;
    try (HandleCache<String, Handle>.Lease lease = cache.acquire("a", NO_WAIT)) {
      first = lease.handle();
      // the caller's work met an Error and nobody marked the lease broken
      assertThrows(OutOfMemoryError.class, first::work);
    }
    assertTrue(cache.isOpen("a"), "kept until the next use asks");

    try (HandleCache<String, Handle>.Lease again = cache.acquire("a", NO_WAIT)) {
      assertNotSame(first, again.handle());
      assertTrue(handles.usable(again.handle()));
    }
    assertEquals(List.of(first), handles.closed);
    assertEquals(List.of(Closing.BROKEN), counts.closings);
    assertEquals(List.of("a", "a"), handles.opened);
  }

  @Test
  void aHandleWhoseHealthCannotBeAskedIsReplaced() {
    HandleCache<String, Handle> cache = cache(3);
    Handle first;
    try (HandleCache<String, Handle>.Lease lease = cache.acquire("a", NO_WAIT)) {
      first = lease.handle();
    }
    first.gone = true; // the container discarded the bean behind the handle

    try (HandleCache<String, Handle>.Lease again = cache.acquire("a", NO_WAIT)) {
      assertNotSame(first, again.handle());
    }
    assertEquals(List.of(first), handles.closed);
  }

  @Test
  void aPinnedHandleIsNotAskedAndStaysShared() {
    HandleCache<String, Handle> cache = cache(3);
    HandleCache<String, Handle>.Lease held = cache.acquire("a", NO_WAIT);
    held.handle().dead = true;
    try (HandleCache<String, Handle>.Lease second = cache.acquire("a", NO_WAIT)) {
      assertSame(held.handle(), second.handle());
    }
    held.close();
    try (HandleCache<String, Handle>.Lease fresh = cache.acquire("a", NO_WAIT)) {
      assertNotSame(held.handle(), fresh.handle());
    }
  }

  @Test
  void shutdownClosesEveryHandlePinnedOrNot() {
    HandleCache<String, Handle> cache = cache(3);
    use(cache, "a");
    HandleCache<String, Handle>.Lease pinned = cache.acquire("b", NO_WAIT);

    assertEquals(2, cache.closeAll());

    assertEquals(0, cache.size());
    assertEquals(Set.of("a", "b"), Set.copyOf(handles.closedKeys()));
    pinned.close();
    assertEquals(2, handles.closed.size());
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> cache(0));
  }

  /** A fake open wallet. */
  static final class Handle {
    final String key;
    volatile boolean busy;
    volatile boolean dead;
    volatile boolean gone;

    /** Work that runs out of memory; like a session wallet, the handle is unusable after. */
    void work() {
      dead = true;
      throw new OutOfMemoryError("fake");
    }

    Handle(String key) {
      this.key = key;
    }
  }

  /** Opens and closes fake handles, remembering the order. */
  static final class Handles implements HandleCache.Lifecycle<String, Handle> {
    final List<String> opened = Collections.synchronizedList(new ArrayList<>());
    final List<Handle> closed = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger failNext = new AtomicInteger();
    final CountDownLatch opening = new CountDownLatch(1);
    volatile CountDownLatch gate;

    @Override
    public Handle open(String key) {
      opening.countDown();
      if (gate != null) {
        try {
          assertTrue(gate.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("cannot open " + key);
      }
      opened.add(key);
      return new Handle(key);
    }

    @Override
    public boolean usable(Handle handle) {
      if (handle.gone) {
        throw new IllegalStateException("no such bean");
      }
      return !handle.dead;
    }

    @Override
    public void close(String key, Handle handle) {
      closed.add(handle);
    }

    @Override
    public boolean busy(Handle handle) {
      return handle.busy;
    }

    List<String> closedKeys() {
      synchronized (closed) {
        return closed.stream().map(h -> h.key).toList();
      }
    }
  }

  /** Counts what the cache reports. */
  static final class Counts implements HandleCache.Events<String> {
    final AtomicInteger hits = new AtomicInteger();
    final AtomicInteger misses = new AtomicInteger();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger exhausted = new AtomicInteger();
    final List<Closing> closings = Collections.synchronizedList(new ArrayList<>());
    final Set<String> keys = ConcurrentHashMap.newKeySet();

    @Override
    public void hit(String key) {
      hits.incrementAndGet();
    }

    @Override
    public void miss(String key) {
      misses.incrementAndGet();
    }

    @Override
    public void opened(String key, Duration took) {
      opened.incrementAndGet();
    }

    @Override
    public void closed(String key, Closing why) {
      closings.add(why);
    }

    @Override
    public void exhausted(String key) {
      exhausted.incrementAndGet();
    }
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-27T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
