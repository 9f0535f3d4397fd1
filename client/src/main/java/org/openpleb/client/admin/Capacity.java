package org.openpleb.client.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The capacity report: live figures, the limits in force, and the estimate as a table with one row
 * per server size.
 *
 * @param level the capacity level of the last check (NORMAL, WARNING, CRITICAL, EMERGENCY)
 * @param since when that level was entered
 * @param memoryLevel the level memory alone holds
 * @param sessionLevel the level the session count alone holds
 * @param checkedAt when the last check ran
 * @param memory memory figures of the last check
 * @param sessions session figures and limits
 * @param memoryThresholds the memory ratios that enter each level
 * @param walletCacheSize the configured wallet cache size
 * @param openWallets wallet handles open on the server now
 * @param estimate the capacity table
 */
public record Capacity(
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
   * Memory ratios, used / limit.
   *
   * @param ratio the ratio the level follows
   * @param machineRatio machine memory ratio, 0 when unknown
   * @param heapRatio JVM heap ratio
   * @param source where machine memory was read
   */
  public record Memory(
      BigDecimal ratio, BigDecimal machineRatio, BigDecimal heapRatio, String source) {}

  /**
   * Session figures.
   *
   * @param live live sessions now
   * @param liveAtLastCheck live sessions the last check saw
   * @param limit the session limit
   * @param warning live sessions that enter WARNING
   * @param critical live sessions that enter CRITICAL
   * @param emergency live sessions that enter EMERGENCY
   * @param expirySeconds session lifetime
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
   * The estimate's inputs and rows.
   *
   * @param perSessionBytes heap one session holds without its wallet
   * @param perWalletBytes memory one open wallet holds
   * @param baselineHeapBytes heap the application holds with no sessions
   * @param heapShare share of machine memory given to the heap
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
   * @param machineBytes machine memory (0 for this server)
   * @param heapBytes heap the row assumes
   * @param sessionsSupported live sessions that fit below the memory warning threshold
   * @param walletsOpen wallet handles open alongside them
   * @param recommendedSessionLimit session limit to configure
   * @param recommendedWalletCacheSize wallet cache size to configure
   * @param recommendedSessionsWarning WARNING session threshold to configure
   * @param recommendedSessionsCritical CRITICAL session threshold to configure
   * @param recommendedSessionsEmergency EMERGENCY session threshold to configure
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
}
