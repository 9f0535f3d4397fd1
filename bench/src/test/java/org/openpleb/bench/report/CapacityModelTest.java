package org.openpleb.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityModelTest {

  private static final long MIB = 1024 * 1024;

  @Test
  void theServerModelChargesAThirdOfAWalletPerSession() {
    // 64 KiB per session and 3 MiB per wallet (the server's defaults), 100 MiB baseline:
    // 4 GB → heap 2 GiB; budget = floor(2 GiB × 0.7) − 100 MiB = 1,398,380,953 bytes;
    // one session costs 65,536 + 3 MiB × 200 / 600 = 1,114,112 bytes → 1,255 sessions, 418 wallets
    CapacityModel.Inputs in =
        new CapacityModel.Inputs(65_536, 3 * MIB, 3 * MIB, 100 * MIB, 300 * MIB, 0.7, 0.5, false);
    List<CapacityModel.Row> rows = CapacityModel.serverModel(in);
    assertEquals(3, rows.size());
    CapacityModel.Row fourGb = rows.get(0);
    assertEquals("4 GB", fourGb.server());
    assertEquals(2L * 1024 * MIB, fourGb.heapBytes());
    assertEquals(1_255, fourGb.sessionsSupported());
    assertEquals(418, fourGb.walletsOpen());
    assertEquals(1_250, fourGb.recommendedSessionLimit());
    assertEquals(600, fourGb.analysisSessions());
    assertEquals(1_255 / 600.0, fourGb.timesAnalysis(), 1e-12);
  }

  @Test
  void theFixedCacheModelChargesTheProfilesCacheOnce() {
    // 3,000 bytes per session, 256 KiB heap per wallet: 4 GB → (1,398,380,953 − 200 × 262,144) /
    // 3,000 = 448,650 sessions
    CapacityModel.Inputs in =
        new CapacityModel.Inputs(
            3_000, 256 * 1024, 512 * 1024, 100 * MIB, 300 * MIB, 0.7, 0.5, true);
    CapacityModel.Row fourGb = CapacityModel.fixedCacheModel(in).get(0);
    assertEquals(448_650, fourGb.sessionsSupported());
    assertEquals(200, fourGb.walletsOpen());
    // RSS = 2 GiB heap + 300 MiB + 200 × 256 KiB native = 2,412 MiB, below 70 % of 4 GiB
    assertEquals(2L * 1024 * MIB + 300 * MIB + 200 * 256 * 1024, fourGb.expectedRssBytes());
    assertTrue(fourGb.residentFits());
  }

  @Test
  void aServerTooSmallForItsWalletsSupportsNoSessions() {
    CapacityModel.Inputs in =
        new CapacityModel.Inputs(3_000, 20 * MIB, 40 * MIB, 100 * MIB, 300 * MIB, 0.7, 0.5, true);
    CapacityModel.Row fourGb = CapacityModel.fixedCacheModel(in).get(0);
    assertEquals(0, fourGb.sessionsSupported());
    assertFalse(fourGb.residentFits());
  }
}
