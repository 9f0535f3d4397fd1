package org.openpleb.ee.web.admin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.openpleb.ee.admin.CapacityReport;
import org.openpleb.ee.capacity.CapacityEstimate;
import org.openpleb.ee.capacity.CapacitySettings;
import org.openpleb.ee.capacity.CapacityStatus;

/**
 * The admin capacity page as JSON: live figures, the limits in force, and the estimate laid out as
 * a table with one flat row per server size (4, 8, 16 GB, then this server).
 *
 * @param level the capacity level of the last check
 * @param since when that level was entered
 * @param memoryLevel the level memory alone holds
 * @param sessionLevel the level the session count alone holds
 * @param checkedAt when the last check ran
 * @param memory memory figures of the last check
 * @param sessions session figures and limits
 * @param memoryThresholds the memory ratios that enter each level
 * @param walletCacheSize {@code WALLET_CACHE_SIZE}
 * @param openWallets wallet handles open on this server now (at most {@code walletCacheSize})
 * @param estimate the capacity table
 */
public record CapacityView(
    String level,
    Instant since,
    String memoryLevel,
    String sessionLevel,
    Instant checkedAt,
    Memory memory,
    Sessions sessions,
    Thresholds memoryThresholds,
    int walletCacheSize,
    int openWallets,
    Estimate estimate) {

  /**
   * Memory figures, ratios used / limit to four decimals.
   *
   * @param ratio the ratio the level follows (the larger of machine and heap)
   * @param machineRatio cgroup or meminfo ratio, 0 when the source has none
   * @param heapRatio JVM heap ratio
   * @param source where machine memory was read
   */
  public record Memory(
      BigDecimal ratio, BigDecimal machineRatio, BigDecimal heapRatio, String source) {}

  /**
   * Session figures.
   *
   * @param live live sessions counted in the database for this report
   * @param liveAtLastCheck live sessions the last capacity check saw
   * @param limit {@code SESSION_LIMIT}
   * @param warning live sessions that enter WARNING
   * @param critical live sessions that enter CRITICAL
   * @param emergency live sessions that enter EMERGENCY
   * @param expirySeconds {@code SESSION_EXPIRY}
   * @param criticalExpirySeconds lifetime of sessions created at CRITICAL or above
   */
  public record Sessions(
      long live,
      long liveAtLastCheck,
      int limit,
      long warning,
      long critical,
      long emergency,
      long expirySeconds,
      long criticalExpirySeconds) {}

  /**
   * Thresholds of one signal.
   *
   * @param warning enters WARNING
   * @param critical enters CRITICAL
   * @param emergency enters EMERGENCY
   */
  public record Thresholds(double warning, double critical, double emergency) {}

  /**
   * The estimate: its inputs and one row per server.
   *
   * @param perSessionBytes heap one session holds without its wallet
   * @param perWalletBytes memory one open wallet holds
   * @param baselineHeapBytes heap the application holds with no sessions
   * @param heapShare share of machine memory given to the heap on the standard servers
   * @param rows the table, smallest server first, then this server
   */
  public record Estimate(
      long perSessionBytes,
      long perWalletBytes,
      long baselineHeapBytes,
      double heapShare,
      List<Row> rows) {}

  /**
   * One row of the capacity table.
   *
   * @param server "4 GB", "8 GB", "16 GB" or "this server"
   * @param machineBytes machine memory (0 for this server: unknown)
   * @param heapBytes heap the row assumes
   * @param sessionsSupported live sessions that fit below the memory warning threshold
   * @param walletsOpen wallet handles open alongside them
   * @param recommendedSessionLimit {@code SESSION_LIMIT} to configure
   * @param recommendedWalletCacheSize {@code WALLET_CACHE_SIZE} to configure
   * @param recommendedSessionsWarning {@code CAPACITY_SESSIONS_WARNING} to configure
   * @param recommendedSessionsCritical {@code CAPACITY_SESSIONS_CRITICAL} to configure
   * @param recommendedSessionsEmergency {@code CAPACITY_SESSIONS_EMERGENCY} to configure
   * @param configuredLimitFits whether the configured session limit fits on such a server
   */
  public record Row(
      String server,
      long machineBytes,
      long heapBytes,
      long sessionsSupported,
      long walletsOpen,
      long recommendedSessionLimit,
      long recommendedWalletCacheSize,
      long recommendedSessionsWarning,
      long recommendedSessionsCritical,
      long recommendedSessionsEmergency,
      boolean configuredLimitFits) {}

  static CapacityView of(CapacityReport report) {
    CapacityStatus status = report.status();
    CapacitySettings settings = report.settings();
    CapacityEstimate estimate = report.estimate();
    return new CapacityView(
        status.level().name(),
        status.since(),
        status.memoryLevel().name(),
        status.sessionLevel().name(),
        status.reading().takenAt(),
        new Memory(
            ratio(status.memoryRatio()),
            ratio(status.reading().memory().machine().ratio()),
            ratio(status.reading().memory().heap().ratio()),
            status.reading().memory().source()),
        new Sessions(
            report.liveSessionsNow(),
            status.liveSessions(),
            report.sessionLimit(),
            settings.sessionsWarning(),
            settings.sessionsCritical(),
            settings.sessionsEmergency(),
            report.sessionExpiry().toSeconds(),
            Math.min(
                settings.criticalSessionExpiry().toSeconds(), report.sessionExpiry().toSeconds())),
        new Thresholds(
            settings.memoryWarning(), settings.memoryCritical(), settings.memoryEmergency()),
        report.walletCacheSize(),
        report.openWallets(),
        new Estimate(
            estimate.footprint().perSessionBytes(),
            estimate.footprint().perWalletBytes(),
            estimate.footprint().baselineHeapBytes(),
            CapacityEstimate.HEAP_SHARE,
            estimate.servers().stream().map(CapacityView::row).toList()));
  }

  private static Row row(CapacityEstimate.ServerCapacity server) {
    CapacityEstimate.Recommendation recommended = server.recommended();
    return new Row(
        server.server(),
        server.machineBytes(),
        server.heapBytes(),
        server.sessionsSupported(),
        server.walletsOpen(),
        recommended.sessionLimit(),
        recommended.walletCacheSize(),
        recommended.sessionsWarning(),
        recommended.sessionsCritical(),
        recommended.sessionsEmergency(),
        server.configuredLimitFits());
  }

  private static BigDecimal ratio(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
  }
}
