package org.openpleb.ee.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.events.LiveEventHub.Closing;
import org.openpleb.ee.platform.ProblemCode;

/**
 * The broadcaster without JAX-RS: who gets which event, in which order, and how gone, slow and
 * expired clients are dropped while the others carry on. A hand-run executor makes most tests
 * deterministic; a real pool shows a slow client holding up nobody.
 */
class LiveEventHubTest {

  private static final String ALICE = "a1".repeat(32);
  private static final String BOB = "b0".repeat(32);
  private static final String CAROL = "c0".repeat(32);
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  private final HandRunExecutor executor = new HandRunExecutor();
  private final AtomicInteger sent = new AtomicInteger();
  private final Map<Closing, AtomicInteger> closed = new ConcurrentHashMap<>();
  private final LiveEventHub.Listener listener =
      new LiveEventHub.Listener() {
        @Override
        public void sent(LiveEvent event) {
          sent.incrementAndGet();
        }

        @Override
        public void closed(Closing why) {
          closed.computeIfAbsent(why, w -> new AtomicInteger()).incrementAndGet();
        }
      };
  private ExecutorService pool;

  @AfterEach
  void stopPool() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  @Test
  void everyStreamStartsWithItsGreetingThenGetsEventsInOrder() {
    LiveEventHub hub = hub(executor, 10, 16);
    FakeClient client = FakeClient.anonymous();

    hub.open(client, "connected", "{\"authenticated\":false}");
    hub.publish(Audience.everyone(), "offer", "{\"n\":1}");
    hub.publish(Audience.everyone(), "offer", "{\"n\":2}");
    executor.runAll();

    assertEquals(
        List.of("connected {\"authenticated\":false}", "offer {\"n\":1}", "offer {\"n\":2}"),
        client.received);
    assertTrue(client.events.get(1).id() < client.events.get(2).id(), "ids increase");
    assertEquals(3, sent.get());
  }

  @Test
  void publicEventsReachEveryonePrivateEventsOnlyTheirParty() {
    LiveEventHub hub = hub(executor, 10, 16);
    FakeClient anonymous = FakeClient.anonymous();
    FakeClient alice = new FakeClient(owner("s-alice", ALICE));
    FakeClient bob = new FakeClient(owner("s-bob", BOB));
    FakeClient carol = new FakeClient(owner("s-carol", CAROL));
    for (FakeClient client : List.of(anonymous, alice, bob, carol)) {
      hub.open(client, "connected", "{}");
    }

    hub.publish(Audience.everyone(), "offer", "{\"offer\":\"o1\"}");
    hub.publish(Audience.party(ALICE), "trade", "{\"role\":\"MAKER\"}");
    hub.publish(Audience.party(BOB), "trade", "{\"role\":\"TAKER\"}");
    executor.runAll();

    assertEquals(List.of("connected", "offer"), anonymous.names());
    assertEquals(List.of("connected", "offer"), carol.names());
    assertEquals(List.of("connected", "offer", "trade"), alice.names());
    assertEquals("trade {\"role\":\"MAKER\"}", alice.received.get(2));
    assertEquals(List.of("connected", "offer", "trade"), bob.names());
    assertEquals("trade {\"role\":\"TAKER\"}", bob.received.get(2));
  }

  @Test
  void theSamePubkeyOnTwoSessionsGetsItsPrivateEventsOnBoth() {
    LiveEventHub hub = hub(executor, 10, 16);
    FakeClient phone = new FakeClient(owner("s-phone", ALICE));
    FakeClient laptop = new FakeClient(owner("s-laptop", ALICE));
    hub.open(phone, "connected", "{}");
    hub.open(laptop, "connected", "{}");

    hub.publish(Audience.party(ALICE), "trade", "{}");
    executor.runAll();

    assertEquals(List.of("connected", "trade"), phone.names());
    assertEquals(List.of("connected", "trade"), laptop.names());
  }

  @Test
  void streamsBeyondTheCapAreRefusedUntilASlotFrees() {
    LiveEventHub hub = hub(executor, 2, 16);
    FakeClient first = FakeClient.anonymous();
    hub.open(first, "connected", "{}");
    hub.open(FakeClient.anonymous(), "connected", "{}");

    EventStreamLimitException refused =
        assertThrows(
            EventStreamLimitException.class,
            () -> hub.open(FakeClient.anonymous(), "connected", "{}"));

    assertEquals(ProblemCode.EVENT_STREAM_LIMIT, refused.code());
    assertEquals(503, refused.code().status());
    assertEquals(Duration.ofSeconds(30), refused.retryAfter().orElseThrow());
    assertEquals(2, hub.connected());

    first.gone = true;
    hub.publish(Audience.everyone(), "offer", "{}");
    executor.runAll();

    assertEquals(1, hub.connected());
    hub.open(FakeClient.anonymous(), "connected", "{}");
    assertEquals(2, hub.connected());
  }

  @Test
  void anAnonymousFloodLeavesSignedInUsersTheirStreamsAndPrivateEvents() {
    LiveEventHub hub =
        new LiveEventHub(
            executor,
            new LiveEventHub.Limits(
                new StreamAdmission.Caps(6, 4, 2, 2, Duration.ofSeconds(30)),
                16,
                Duration.ofSeconds(15)),
            listener);
    int flooders = 0;
    int refused = 0;
    for (int i = 0; i < 100; i++) {
      FakeClient anonymous = FakeClient.anonymous();
      anonymous.addressKey = "198.51.100." + (i % 50);
      try {
        hub.open(anonymous, "connected", "{}");
        flooders++;
      } catch (EventStreamLimitException e) {
        refused++;
      }
    }
    assertEquals(4, flooders);
    assertEquals(96, refused);

    FakeClient alice = new FakeClient(owner("alice-session", ALICE));
    hub.open(alice, "connected", "{}");
    hub.publish(Audience.party(ALICE), "trade", "{}");
    executor.runAll();

    assertEquals(List.of("connected", "trade"), alice.names());
    assertEquals(5, hub.connected());
  }

  @Test
  void closingAStreamGivesItsAddressItsSlotBack() {
    LiveEventHub hub =
        new LiveEventHub(
            executor,
            new LiveEventHub.Limits(
                new StreamAdmission.Caps(10, 5, 1, 1, Duration.ofSeconds(30)),
                16,
                Duration.ofSeconds(15)),
            listener);
    FakeClient first = FakeClient.anonymous();
    hub.open(first, "connected", "{}");
    assertEquals(
        ProblemCode.TOO_MANY_REQUESTS,
        assertThrows(
                EventStreamLimitException.class,
                () -> hub.open(FakeClient.anonymous(), "connected", "{}"))
            .code());

    first.gone = true;
    hub.publish(Audience.everyone(), "offer", "{}");
    executor.runAll();

    hub.open(FakeClient.anonymous(), "connected", "{}");
    assertEquals(1, hub.connected());
  }

  @Test
  void aClientWhoseWriteFailsIsDroppedAndClosed() {
    LiveEventHub hub = hub(executor, 10, 16);
    FakeClient leaving = FakeClient.anonymous();
    FakeClient staying = FakeClient.anonymous();
    hub.open(leaving, "connected", "{}");
    hub.open(staying, "connected", "{}");
    executor.runAll();

    leaving.gone = true;
    hub.publish(Audience.everyone(), "offer", "{}");
    executor.runAll();

    assertTrue(leaving.closed);
    assertEquals(1, hub.connected());
    assertEquals(1, closed.get(Closing.CLIENT_GONE).get());
    assertEquals(List.of("connected", "offer"), staying.names());
  }

  @Test
  void aHeartbeatIsAWrittenCommentNotACountedEvent() {
    LiveEventHub hub = hub(executor, 10, 16);
    FakeClient client = FakeClient.anonymous();
    hub.open(client, "connected", "{}");
    executor.runAll();
    int sentBefore = sent.get();

    hub.heartbeat(NOW);
    executor.runAll();
    hub.heartbeat(NOW);
    executor.runAll();

    assertEquals(List.of("connected", ":", ":"), client.names());
    assertEquals(sentBefore, sent.get());
    assertEquals(1, hub.connected());
  }

  @Test
  void aHeartbeatFindsAClientThatLeftSilently() {
    LiveEventHub hub = hub(executor, 10, 16);
    FakeClient silent = FakeClient.anonymous();
    hub.open(silent, "connected", "{}");
    executor.runAll();

    silent.gone = true;
    hub.heartbeat(NOW);
    executor.runAll();

    assertEquals(0, hub.connected());
    assertEquals(1, closed.get(Closing.CLIENT_GONE).get());
  }

  @Test
  void aStreamThatLeavesTwoHeartbeatsUnwrittenIsTooSlow() {
    LiveEventHub hub = hub(executor, 10, 16);
    hub.open(FakeClient.anonymous(), "connected", "{}");
    // the executor is never run: nothing gets written

    hub.heartbeat(NOW);
    hub.heartbeat(NOW.plusSeconds(15));
    assertEquals(1, hub.connected(), "one missed heartbeat is forgiven");
    hub.heartbeat(NOW.plusSeconds(30));

    assertEquals(0, hub.connected());
    assertEquals(1, closed.get(Closing.TOO_SLOW).get());
  }

  @Test
  void aStreamWhoseQueueOverflowsIsTooSlow() {
    LiveEventHub hub = hub(executor, 10, 3);
    FakeClient client = FakeClient.anonymous();
    hub.open(client, "connected", "{}");

    hub.publish(Audience.everyone(), "offer", "{\"n\":1}");
    hub.publish(Audience.everyone(), "offer", "{\"n\":2}");
    assertEquals(1, hub.connected());
    hub.publish(Audience.everyone(), "offer", "{\"n\":3}");
    executor.runAll();

    assertEquals(0, hub.connected());
    assertTrue(client.closed);
    assertEquals(List.of(), client.received, "a closed stream gets nothing more");
    assertEquals(1, closed.get(Closing.TOO_SLOW).get());
  }

  @Test
  void aSlowClientHoldsUpNobodyElse() throws Exception {
    pool = Executors.newFixedThreadPool(2);
    LiveEventHub hub = hub(pool, 10, 4);
    FakeClient slow = FakeClient.anonymous();
    slow.gate = new CountDownLatch(1);
    FakeClient fast = FakeClient.anonymous();
    hub.open(slow, "connected", "{}");
    hub.open(fast, "connected", "{}");

    for (int n = 1; n <= 6; n++) {
      hub.publish(Audience.everyone(), "offer", "{\"n\":" + n + "}");
      int expected = n + 1;
      await(() -> fast.received.size() == expected); // while the slow one is stuck
    }

    await(() -> closed.containsKey(Closing.TOO_SLOW));
    slow.gate.countDown();
    await(() -> hub.connected() == 1);
    assertTrue(slow.closed);
    assertEquals(
        List.of("connected", "offer", "offer", "offer", "offer", "offer", "offer"), fast.names());
    assertEquals("offer {\"n\":6}", fast.received.get(6));
  }

  @Test
  void aWriteThatNeverFinishesCountsAsAGoneClient() throws Exception {
    pool = Executors.newSingleThreadExecutor();
    LiveEventHub hub =
        new LiveEventHub(
            pool,
            new LiveEventHub.Limits(10, 16, Duration.ofMillis(100), Duration.ofSeconds(30)),
            listener);
    FakeClient hanging = FakeClient.anonymous();
    hanging.neverFinishes = true;

    hub.open(hanging, "connected", "{}");

    await(() -> hub.connected() == 0);
    assertTrue(hanging.closed);
    assertEquals(1, closed.get(Closing.CLIENT_GONE).get());
  }

  @Test
  void aSessionsStreamsEndWithTheSession() {
    LiveEventHub hub = hub(executor, 10, 16);
    FakeClient alicePhone = new FakeClient(owner("s-alice", ALICE));
    FakeClient aliceLaptop = new FakeClient(owner("s-alice-2", ALICE));
    FakeClient anonymous = FakeClient.anonymous();
    hub.open(alicePhone, "connected", "{}");
    hub.open(aliceLaptop, "connected", "{}");
    hub.open(anonymous, "connected", "{}");

    hub.closeSession("s-alice");
    hub.publish(Audience.party(ALICE), "trade", "{}");
    executor.runAll();

    assertTrue(alicePhone.closed);
    assertEquals(List.of(), alicePhone.received);
    assertEquals(List.of("connected", "trade"), aliceLaptop.names());
    assertEquals(2, hub.connected());
    assertEquals(1, closed.get(Closing.SESSION_ENDED).get());
  }

  @Test
  void anExpiredSessionsStreamEndsAtTheNextHeartbeat() {
    LiveEventHub hub = hub(executor, 10, 16);
    FakeClient alice = new FakeClient(new StreamOwner("s-alice", ALICE, NOW.plusSeconds(60)));
    hub.open(alice, "connected", "{}");
    executor.runAll();

    hub.heartbeat(NOW.plusSeconds(59));
    executor.runAll();
    assertEquals(1, hub.connected());
    hub.heartbeat(NOW.plusSeconds(60));

    assertEquals(0, hub.connected());
    assertTrue(alice.closed);
    assertEquals(1, closed.get(Closing.SESSION_ENDED).get());
  }

  @Test
  void aClientClosedByTheContainerIsDroppedAtTheNextHeartbeat() {
    LiveEventHub hub = hub(executor, 10, 16);
    FakeClient client = FakeClient.anonymous();
    hub.open(client, "connected", "{}");
    executor.runAll();

    client.closed = true;
    hub.heartbeat(NOW);

    assertEquals(0, hub.connected());
    assertEquals(1, closed.get(Closing.CLIENT_GONE).get());
  }

  @Test
  void aFullExecutorDropsTheStreamInsteadOfLosingItsEventsSilently() {
    Executor full =
        task -> {
          throw new RejectedExecutionException("full");
        };
    LiveEventHub hub = hub(full, 10, 16);
    FakeClient client = FakeClient.anonymous();

    hub.open(client, "connected", "{}");

    assertEquals(0, hub.connected());
    assertTrue(client.closed);
    assertEquals(1, closed.get(Closing.TOO_SLOW).get());
  }

  @Test
  void shutdownClosesEveryStreamAndRefusesNewOnes() {
    LiveEventHub hub = hub(executor, 10, 16);
    FakeClient client = FakeClient.anonymous();
    hub.open(client, "connected", "{}");

    hub.shutdown();

    assertTrue(client.closed);
    assertEquals(0, hub.connected());
    assertThrows(
        EventStreamLimitException.class, () -> hub.open(FakeClient.anonymous(), "connected", "{}"));
    assertEquals(0, hub.connected());
  }

  @Test
  void manyConcurrentPublishersLoseAndReorderNothingPerStream() throws Exception {
    pool = Executors.newFixedThreadPool(4);
    LiveEventHub hub = hub(pool, 100, 10_000);
    List<FakeClient> clients = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      FakeClient client = FakeClient.anonymous();
      clients.add(client);
      hub.open(client, "connected", "{}");
    }
    ExecutorService publishers = Executors.newFixedThreadPool(4);
    try {
      for (int p = 0; p < 4; p++) {
        publishers.execute(
            () -> {
              for (int n = 0; n < 250; n++) {
                hub.publish(Audience.everyone(), "offer", "{}");
              }
            });
      }
      publishers.shutdown();
      assertTrue(publishers.awaitTermination(30, TimeUnit.SECONDS));
    } finally {
      publishers.shutdownNow();
    }

    for (FakeClient client : clients) {
      await(() -> client.events.size() == 1_001);
      List<Long> ids = client.events.stream().map(LiveEvent::id).toList();
      for (int i = 1; i < ids.size(); i++) {
        assertTrue(ids.get(i - 1) < ids.get(i), "ids arrive in increasing order");
      }
    }
    assertEquals(20, hub.connected());
    assertFalse(closed.containsKey(Closing.TOO_SLOW));
  }

  private LiveEventHub hub(Executor executor, int maxClients, int queueLimit) {
    return new LiveEventHub(
        executor,
        new LiveEventHub.Limits(
            maxClients, queueLimit, Duration.ofSeconds(15), Duration.ofSeconds(30)),
        listener);
  }

  private static StreamOwner owner(String sessionId, String pubkey) {
    return new StreamOwner(sessionId, pubkey, NOW.plusSeconds(3600));
  }

  /** Polls a condition every few milliseconds for at most ten seconds. */
  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(5);
    }
  }

  /** An executor that runs its tasks only when the test says so, on the test's thread. */
  private static final class HandRunExecutor implements Executor {
    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      while (true) {
        Runnable next;
        synchronized (this) {
          next = tasks.poll();
        }
        if (next == null) {
          return;
        }
        next.run();
      }
    }
  }
}
