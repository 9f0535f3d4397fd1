package org.openpleb.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpleb.bench.report.RunResults.WalletOpen;
import org.openpleb.bench.server.MetricsText;

class WalletFiguresTest {

  @Test
  void theOpenTimerIsReadPerIntervalWithPayarasNanosecondQuantiles() {
    MetricsText before =
        MetricsText.parse(
            "openpleb_wallet_open_seconds_count{mp_scope=\"application\"} 10.0\n"
                + "openpleb_wallet_open_seconds_sum{mp_scope=\"application\"} 0.5\n");
    MetricsText after =
        MetricsText.parse(
            "openpleb_wallet_open_seconds_count{mp_scope=\"application\"} 210.0\n"
                + "openpleb_wallet_open_seconds_sum{mp_scope=\"application\"} 1.3\n"
                + "openpleb_wallet_open_seconds{mp_scope=\"application\",quantile=\"0.5\"}"
                + " 3500000.0\n"
                + "openpleb_wallet_open_seconds{mp_scope=\"application\",quantile=\"0.95\"}"
                + " 0.0081\n"
                + "openpleb_wallet_open_seconds_max{mp_scope=\"application\"} 2.4E7\n");
    WalletOpen open = WalletScenario.serverOpens("cold", "test", before, after);
    assertEquals(200, open.count());
    assertEquals(4_000_000, open.latency().meanNanos()); // 0.8 s over 200 opens
    assertEquals(3_500_000, open.latency().p50Nanos()); // exported in nanoseconds
    assertEquals(8_100_000, open.latency().p95Nanos()); // exported in seconds
    assertEquals(24_000_000, open.latency().maxNanos());
  }

  @Test
  void reopensAreReadFromTheReopenTimerWhenTheServerHasOne() {
    MetricsText before =
        MetricsText.parse(
            "openpleb_wallet_open_seconds_count{mp_scope=\"application\"} 300.0\n"
                + "openpleb_wallet_open_seconds_sum{mp_scope=\"application\"} 9.0\n"
                + "openpleb_wallet_reopen_seconds_count{mp_scope=\"application\"} 0.0\n"
                + "openpleb_wallet_reopen_seconds_sum{mp_scope=\"application\"} 0.0\n");
    MetricsText after =
        MetricsText.parse(
            "openpleb_wallet_open_seconds_count{mp_scope=\"application\"} 350.0\n"
                + "openpleb_wallet_open_seconds_sum{mp_scope=\"application\"} 9.1\n"
                + "openpleb_wallet_open_seconds{mp_scope=\"application\",quantile=\"0.95\"} 0.03\n"
                + "openpleb_wallet_reopen_seconds_count{mp_scope=\"application\"} 50.0\n"
                + "openpleb_wallet_reopen_seconds_sum{mp_scope=\"application\"} 0.1\n"
                + "openpleb_wallet_reopen_seconds{mp_scope=\"application\",quantile=\"0.95\"}"
                + " 0.0031\n");
    WalletOpen reopen = WalletScenario.serverReopens("cold", "test", before, after);
    assertEquals(50, reopen.count());
    assertEquals(2_000_000, reopen.latency().meanNanos());
    assertEquals(3_100_000, reopen.latency().p95Nanos(), "not the open timer's 30 ms");
    WalletOpen fallback =
        WalletScenario.serverReopens(
            "cold",
            "test",
            MetricsText.parse("openpleb_wallet_open_seconds_count{mp_scope=\"application\"} 1.0\n"),
            MetricsText.parse(
                "openpleb_wallet_open_seconds_count{mp_scope=\"application\"} 3.0\n"));
    assertEquals(2, fallback.count(), "a server without the reopen timer: the open timer");
  }

  @Test
  void noTimerMeansNoSamples() {
    WalletOpen open =
        WalletScenario.serverOpens("cold", "test", MetricsText.parse(""), MetricsText.parse(""));
    assertEquals(0, open.count());
  }

  @Test
  void aWalletsFilesAreItsDatabaseWithWalAndSharedMemory(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("a.sqlite"), new byte[4096]);
    Files.write(dir.resolve("a.sqlite-wal"), new byte[8192]);
    Files.write(dir.resolve("a.sqlite-shm"), new byte[32768]);
    Files.write(dir.resolve("b.sqlite"), new byte[12288]);
    Files.write(dir.resolve("c.sqlite"), new byte[100]); // not ours
    WalletScenario.FileFigures f = WalletScenario.files(dir, Set.of("a", "b", "missing"));
    assertEquals(2, f.wallets());
    assertEquals((4096 + 8192 + 32768 + 12288) / 2.0, f.meanAll());
    assertEquals(4096 + 8192 + 32768, f.maxAll());
    assertEquals(2, f.databases().size());
    assertEquals(3, WalletScenario.countFiles(dir));
  }
}
