package org.openpleb.ee.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.capacity.CapacityEstimate.Footprint;
import org.openpleb.ee.capacity.CapacityEstimate.Limits;
import org.openpleb.ee.capacity.CapacityEstimate.Recommendation;
import org.openpleb.ee.capacity.CapacityEstimate.ServerCapacity;

class CapacityEstimateTest {

  private static final long KIB = 1L << 10;
  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;

  /** SESSION_LIMIT 600, WALLET_CACHE_SIZE 200, thresholds 300/400/450, memory warning 0.70. */
  private static final Limits DEFAULT_LIMITS = Limits.of(600, 200, CapacitySettings.defaults());

  @Test
  void roundNumbersShowTheModel() {
    // one session 1 MiB, one wallet 3 MiB, a wallet per three sessions: 2 MiB a session;
    // planning ceiling 0.5 and no baseline, so the 4 GB server (2 GiB heap) has 1 GiB = 512
    // sessions
    Footprint footprint = new Footprint(MIB, 3 * MIB, 0);
    Limits limits = new Limits(600, 200, 300, 400, 450, 0.5);

    CapacityEstimate estimate = CapacityEstimate.compute(footprint, limits, 3 * GIB);

    ServerCapacity small = estimate.servers().get(0);
    assertEquals("4 GB", small.server());
    assertEquals(4 * GIB, small.machineBytes());
    assertEquals(2 * GIB, small.heapBytes());
    assertEquals(512, small.sessionsSupported());
    assertEquals(170, small.walletsOpen()); // 512 / 3 = 170.67, rounded down
    // limit rounded down to 510; cache 510/3 = 170; thresholds 255, 340, 382.5 -> 382
    assertEquals(new Recommendation(510, 170, 255, 340, 382), small.recommended());
    assertFalse(small.configuredLimitFits());

    ServerCapacity medium = estimate.servers().get(1);
    assertEquals(1024, medium.sessionsSupported());
    assertTrue(medium.configuredLimitFits());

    ServerCapacity here = estimate.servers().get(3);
    assertEquals("this server", here.server());
    assertEquals(0, here.machineBytes());
    assertEquals(3 * GIB, here.heapBytes());
    assertEquals(768, here.sessionsSupported()); // 1.5 GiB / 2 MiB
  }

  @Test
  void tableHasTheThreeStandardServersThenThisOne() {
    CapacityEstimate estimate =
        CapacityEstimate.compute(new Footprint(64 * KIB, 3 * MIB, 100 * MIB), DEFAULT_LIMITS, GIB);
    assertEquals(
        List.of("4 GB", "8 GB", "16 GB", "this server"),
        estimate.servers().stream().map(ServerCapacity::server).toList());
    assertEquals(
        List.of(2 * GIB, 4 * GIB, 8 * GIB, GIB),
        estimate.servers().stream().map(ServerCapacity::heapBytes).toList());
  }

  @Test
  void realisticFootprintWithBaseline() {
    // 64 KiB a session, 3 MiB a wallet, 100 MiB idle heap, default limits.
    // 4 GB: heap 2 GiB; 2147483648 x 0.7 = 1503238553.6 -> 1503238553; minus 104857600
    // = 1398380953 bytes of budget. 600 sessions with 200 wallets cost
    // 600 x 65536 + 200 x 3145728 = 668467200, so sessions = floor(1398380953 x 600 / 668467200)
    // = floor(1255.16) = 1255, wallets = floor(1255 / 3) = 418, limit 1250 -> cache 416,
    // thresholds 625 / 833 / 937.
    CapacityEstimate estimate =
        CapacityEstimate.compute(
            new Footprint(64 * KIB, 3 * MIB, 100 * MIB), DEFAULT_LIMITS, 1536 * MIB);

    ServerCapacity small = estimate.servers().get(0);
    assertEquals(1255, small.sessionsSupported());
    assertEquals(418, small.walletsOpen());
    assertEquals(new Recommendation(1250, 416, 625, 833, 937), small.recommended());
    assertTrue(small.configuredLimitFits());

    // 16 GB: heap 8 GiB -> 6012954214 - 104857600 = 5908096614 -> 5302 sessions, 1767 wallets
    ServerCapacity large = estimate.servers().get(2);
    assertEquals(5302, large.sessionsSupported());
    assertEquals(1767, large.walletsOpen());
    assertEquals(new Recommendation(5300, 1766, 2650, 3533, 3975), large.recommended());

    // this server, heap 1.5 GiB: 1127428915 - 104857600 = 1022571315 -> 917 sessions
    ServerCapacity here = estimate.servers().get(3);
    assertEquals(917, here.sessionsSupported());
    assertEquals(305, here.walletsOpen());
  }

  @Test
  void moreMemoryNeverSupportsFewerSessions() {
    CapacityEstimate estimate =
        CapacityEstimate.compute(new Footprint(200 * KIB, 5 * MIB, 300 * MIB), DEFAULT_LIMITS, GIB);
    List<ServerCapacity> rows = estimate.servers();
    for (int i = 1; i < 3; i++) {
      assertTrue(rows.get(i).sessionsSupported() > rows.get(i - 1).sessionsSupported());
    }
  }

  @Test
  void aBaselineLargerThanTheBudgetSupportsNothing() {
    CapacityEstimate estimate =
        CapacityEstimate.compute(new Footprint(MIB, MIB, 2 * GIB), DEFAULT_LIMITS, GIB);
    ServerCapacity here = estimate.servers().get(3);
    assertEquals(0, here.sessionsSupported());
    assertEquals(0, here.walletsOpen());
    assertEquals(new Recommendation(0, 0, 0, 0, 0), here.recommended());
    assertFalse(here.configuredLimitFits());
  }

  @Test
  void withoutAWalletCacheSessionsAloneCount() {
    Limits noCache = new Limits(600, 0, 300, 400, 450, 0.5);
    CapacityEstimate estimate =
        CapacityEstimate.compute(new Footprint(MIB, 100 * MIB, 0), noCache, GIB);
    // 1 GiB heap x 0.5 = 512 MiB at 1 MiB a session
    assertEquals(512, estimate.servers().get(3).sessionsSupported());
    assertEquals(0, estimate.servers().get(3).walletsOpen());
  }

  @Test
  void nonsenseInputsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Footprint(0, MIB, 0));
    assertThrows(IllegalArgumentException.class, () -> new Footprint(MIB, MIB, -1));
    assertThrows(IllegalArgumentException.class, () -> new Limits(0, 200, 300, 400, 450, 0.7));
    assertThrows(IllegalArgumentException.class, () -> new Limits(600, 200, 300, 400, 450, 1.5));
    assertThrows(
        IllegalArgumentException.class,
        () -> CapacityEstimate.compute(new Footprint(MIB, MIB, 0), DEFAULT_LIMITS, 0));
  }
}
