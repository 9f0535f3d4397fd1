package org.openpleb.bench.report;

import java.util.ArrayList;
import java.util.List;
import org.openpleb.bench.report.RunResults.CreationSegment;
import org.openpleb.bench.report.RunResults.Growth;
import org.openpleb.bench.report.RunResults.KeepAlive;
import org.openpleb.bench.report.RunResults.LoadLevel;
import org.openpleb.bench.report.RunResults.MemoryStep;
import org.openpleb.bench.report.RunResults.SessionMemory;
import org.openpleb.bench.report.RunResults.Trades;
import org.openpleb.bench.report.RunResults.WalletMemory;
import org.openpleb.bench.report.RunResults.WalletOpen;
import org.openpleb.bench.scenario.ServerUnderTest;
import org.openpleb.bench.server.CpuProfile;
import org.openpleb.bench.server.MachineInfo;
import org.openpleb.bench.server.WalletFileAnatomy;
import org.openpleb.bench.stats.EndpointLatency;
import org.openpleb.bench.stats.Percentiles;

/** Run results made up for the report tests, with figures chosen to hit or miss each target. */
final class RunFixtures {

  static final long MIB = 1024 * 1024;

  private RunFixtures() {}

  static Percentiles millis(double p50, double p95, double p99) {
    return new Percentiles(
        1000,
        100_000,
        (long) (p50 * 1e6),
        (long) (p95 * 1e6),
        (long) (p99 * 1e6),
        (long) (p99 * 2e6),
        (long) (p50 * 1e6));
  }

  static MemoryStep step(long sessions, long heapMib) {
    return new MemoryStep(
        String.format("%,d sessions", sessions),
        sessions,
        0,
        heapMib * MIB,
        512 * MIB,
        110 * MIB,
        (800 + heapMib / 10) * MIB,
        780 * MIB,
        250 * MIB,
        30);
  }

  static RunResults.RunInfo info(String startedAt, String mode) {
    return new RunResults.RunInfo(
        "2026-11-27",
        startedAt,
        1500,
        mode,
        "bench/run.sh",
        "abc1234",
        new MachineInfo(2, 24L * 1024 * MIB, "Test CPU", "Linux 6", "OpenJDK 17"),
        "OpenJDK 64-Bit Server VM version 17.0.15",
        "-XX:MaxHeapSize=536870912",
        512 * MIB,
        List.of("SESSION_LIMIT=30000"),
        0.5,
        1.5);
  }

  /** Sessions cost {@code bytesPerSession} heap each; 20,000 reached. */
  static SessionMemory sessions(double bytesPerSession) {
    List<MemoryStep> steps = new ArrayList<>();
    for (long n : new long[] {0, 1_000, 5_000, 10_000, 20_000}) {
      steps.add(step(n, 64 + (long) (n * bytesPerSession / MIB)));
    }
    return new SessionMemory(
        null,
        steps,
        bytesPerSession,
        60,
        0.999,
        1_000,
        200,
        0.9,
        List.of(
            new CreationSegment(
                0, 20_000, 80, 250, 16, 3.2, millis(2, 5, 9), millis(6, 15, 30), 0)),
        List.of(new KeepAlive(20_000, millis(1.5, 4, 8), 900, 0)),
        List.of(new Growth("org.openpleb.ee.session.UserSession", 1, bytesPerSession * 0.6)),
        step(20_000, 64 + (long) (20_000 * bytesPerSession / MIB)),
        step(0, 70),
        List.of(),
        0);
  }

  static WalletMemory wallets(double residentPerWallet, double coldP95Millis, double fileBytes) {
    return new WalletMemory(
        null,
        250,
        200,
        195,
        step(20_000, 120),
        step(20_000, 140),
        residentPerWallet / 4,
        residentPerWallet * 3 / 4,
        residentPerWallet,
        29,
        12,
        4,
        fileBytes + 300 * 1024,
        fileBytes,
        (long) fileBytes + 4096,
        250,
        new WalletFileAnatomy(
            25,
            4096,
            fileBytes / 4096,
            0,
            19,
            List.of(new WalletFileAnatomy.BtreePages("proofs", 3))),
        List.of(
            new WalletOpen(
                "cold", "server timer", 250, millis(2, coldP95Millis, coldP95Millis * 1.5)),
            new WalletOpen("warm", "driver", 50, millis(1, 2, 3))),
        millis(300, 600, 800),
        List.of(new Growth("org.sqlite.core.NativeDB", 1, 120)));
  }

  static List<LoadLevel> load(double p95At200) {
    List<LoadLevel> out = new ArrayList<>();
    for (int clients : new int[] {10, 50, 200}) {
      double p95 = clients == 200 ? p95At200 : clients / 10.0;
      out.add(
          new LoadLevel(
              clients,
              0,
              60,
              20_000,
              millis(p95 / 3, p95, p95 * 1.5),
              1_500,
              0,
              List.of(new EndpointLatency("GET /api/info", millis(1, p95, p95 * 2), 0, 500)),
              1.2,
              0.01,
              0.1,
              0.6,
              1.95));
    }
    out.add(
        new LoadLevel(
            200, 1000, 60, 20_000, millis(2, 6, 9), 195, 0, List.of(), 0.2, 0, 0.05, 0.1, 0.4));
    return out;
  }

  static Trades trades(double cpuPerOffer) {
    return new Trades(
        null,
        1_500,
        90,
        cpuPerOffer,
        1.5,
        2.5,
        millis(35, 60, 90),
        1_500,
        1_500L * 400,
        millis(20, 30, 40),
        1.5,
        9,
        20,
        60,
        0,
        120,
        25,
        List.of(),
        null);
  }

  static RunResults.Capacity capacity(double perSession, double perWallet, boolean measured) {
    CapacityModel.Inputs in =
        new CapacityModel.Inputs(
            perSession, perWallet / 4, perWallet, 64 * MIB, 300 * MIB, 0.7, 0.5, measured);
    return new RunResults.Capacity(
        null, List.of(), CapacityModel.serverModel(in), CapacityModel.fixedCacheModel(in), in);
  }

  static CpuProfile profile(String stretch) {
    return CpuProfile.of(
        stretch,
        60,
        List.of(
            List.of(
                "org.bouncycastle.math.ec.ECPoint.multiply",
                "org.openpleb.cashu.crypto.Dleq.verify",
                "org.openpleb.ee.wallet.SessionWallet.mint"),
            List.of("java.util.HashMap.get", "org.postgresql.core.v3.QueryExecutorImpl.execute"),
            List.of(
                "org.bouncycastle.math.raw.Nat256.mul", "org.openpleb.cashu.crypto.Dleq.verify")),
        10);
  }

  /** Every target met. */
  static RunResults passing(String startedAt) {
    return new RunResults(
        info(startedAt, "full"),
        List.of(new RunResults.ScenarioStatus("sessions and memory", true, List.of())),
        sessions(3_000),
        wallets(200 * 1024, 6, 40 * 1024),
        load(40),
        trades(3),
        capacity(3_000, 200 * 1024, true),
        List.of(),
        List.of("Capacity monitor: highest level NORMAL"));
  }

  /** Every target missed. */
  static RunResults missing(String startedAt) {
    return new RunResults(
        info(startedAt, "full"),
        List.of(),
        sessions(88_000),
        wallets(900 * 1024, 25, 420 * 1024),
        load(180),
        trades(12),
        capacity(88_000, 900 * 1024, true),
        List.of(profile(ServerUnderTest.PROFILE_FUNDING), profile(ServerUnderTest.PROFILE_LOAD)),
        List.of());
  }

  /** A build without wallets and trading. */
  static RunResults withoutWalletsAndTrades(String startedAt) {
    return new RunResults(
        info(startedAt, "full"),
        List.of(
            new RunResults.ScenarioStatus(
                "open wallets",
                false,
                List.of("GET /api/wallet", "POST /api/wallet/deposits/lightning"))),
        sessions(3_000),
        org.openpleb.bench.scenario.WalletScenario.unavailable("the server lacks GET /api/wallet"),
        load(40),
        org.openpleb.bench.scenario.TradeScenario.unavailable("the server lacks POST /api/offers"),
        capacity(3_000, 3 * MIB, false),
        List.of(),
        List.of());
  }
}
