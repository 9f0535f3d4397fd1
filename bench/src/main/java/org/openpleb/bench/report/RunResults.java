package org.openpleb.bench.report;

import java.util.List;
import org.openpleb.bench.scenario.OperationWindow;
import org.openpleb.bench.server.CpuProfile;
import org.openpleb.bench.server.MachineInfo;
import org.openpleb.bench.server.WalletFileAnatomy;
import org.openpleb.bench.stats.EndpointLatency;
import org.openpleb.bench.stats.Percentiles;

/**
 * Everything one benchmark run measured. A section a build could not run carries the reason in its
 * {@code unavailable} field (null when it was measured), and the report says so instead of
 * inventing figures.
 *
 * @param run how, where and when the run happened
 * @param scenarios which scenarios ran and which endpoints the others lacked
 * @param sessions memory against live sessions and the session creation rate
 * @param wallets memory and latency of open wallets
 * @param load latency and throughput against concurrent clients
 * @param trades CPU and latency of funded offers and whole trades, and the order-book read
 * @param capacity the server's own capacity report and the tables recomputed from this run
 * @param profiles CPU profiles of the server over some stretches (Java Flight Recorder)
 * @param notes observations the run made on its way (refusals, capacity levels, errors)
 * @param sideBySide the workload of issue #17 measured the way the original was (null: not run)
 */
public record RunResults(
    RunInfo run,
    List<ScenarioStatus> scenarios,
    SessionMemory sessions,
    WalletMemory wallets,
    List<LoadLevel> load,
    Trades trades,
    Capacity capacity,
    List<CpuProfile> profiles,
    List<String> notes,
    SideBySide sideBySide) {

  /** A run without the side-by-side workload (runs archived before it existed read the same). */
  public RunResults(
      RunInfo run,
      List<ScenarioStatus> scenarios,
      SessionMemory sessions,
      WalletMemory wallets,
      List<LoadLevel> load,
      Trades trades,
      Capacity capacity,
      List<CpuProfile> profiles,
      List<String> notes) {
    this(run, scenarios, sessions, wallets, load, trades, capacity, profiles, notes, null);
  }

  /** The profile of {@code stretch}, or null. */
  public CpuProfile profile(String stretch) {
    return profiles == null
        ? null
        : profiles.stream().filter(p -> p.stretch().equals(stretch)).findFirst().orElse(null);
  }

  /**
   * The run's circumstances.
   *
   * @param date the run's date (results folder name), ISO
   * @param startedAt start time, ISO instant
   * @param durationSeconds wall time of the measured part
   * @param mode {@code full}, {@code quick} or {@code sessions}
   * @param command the command that produced the report
   * @param commit the git commit of the measured build
   * @param machine the machine
   * @param serverJvm the server JVM's version
   * @param serverJvmFlags the server's JVM flags as jcmd reports them
   * @param heapMaxBytes the server's maximum heap
   * @param serverSettings the environment the server was given (limits, thresholds)
   * @param loadAverageStart one-minute load average before the run
   * @param loadAverageEnd one-minute load average after the run
   */
  public record RunInfo(
      String date,
      String startedAt,
      double durationSeconds,
      String mode,
      String command,
      String commit,
      MachineInfo machine,
      String serverJvm,
      String serverJvmFlags,
      long heapMaxBytes,
      List<String> serverSettings,
      double loadAverageStart,
      double loadAverageEnd) {}

  /**
   * Whether a scenario ran.
   *
   * @param scenario the scenario's name
   * @param available whether this build has every endpoint it needs
   * @param missing the operations it lacks ({@code METHOD /path})
   */
  public record ScenarioStatus(String scenario, boolean available, List<String> missing) {}

  /**
   * Memory and CPU of the server at one point of a scenario.
   *
   * @param label what the point is (e.g. {@code 5000 sessions})
   * @param liveSessions live sessions the driver held
   * @param openWallets wallets the driver had opened
   * @param heapUsedBytes heap in use after a full collection
   * @param heapCommittedBytes heap committed
   * @param metaspaceBytes metaspace in use
   * @param rssBytes server resident set size
   * @param rssAnonBytes its anonymous part
   * @param jvmCodeAndClassesBytes resident memory the JVM holds for classes and compiled code
   *     (metaspace committed plus the code cache's high-water mark)
   * @param serverCpuSeconds server CPU time since it started
   */
  public record MemoryStep(
      String label,
      long liveSessions,
      long openWallets,
      long heapUsedBytes,
      long heapCommittedBytes,
      long metaspaceBytes,
      long rssBytes,
      long rssAnonBytes,
      long jvmCodeAndClassesBytes,
      double serverCpuSeconds) {

    /**
     * Resident memory that is neither the heap nor the JVM's classes and compiled code: what data
     * outside the heap takes (SQLite, buffers, thread stacks, malloc arenas).
     */
    public long residentDataBytes() {
      return rssBytes - heapCommittedBytes - jvmCodeAndClassesBytes;
    }
  }

  /**
   * One stretch of logins.
   *
   * @param fromSessions live sessions before it
   * @param toSessions live sessions after it
   * @param seconds its wall time
   * @param perSecond successful logins per second
   * @param concurrency logins in flight at once
   * @param serverCpuMillisPerLogin server CPU per login (challenge plus login)
   * @param challenge latency of the challenge call
   * @param login latency of the login call
   * @param refused logins the server refused
   */
  public record CreationSegment(
      long fromSessions,
      long toSessions,
      double seconds,
      double perSecond,
      int concurrency,
      double serverCpuMillisPerLogin,
      Percentiles challenge,
      Percentiles login,
      long refused) {}

  /**
   * Latency of reading the session back ({@code GET /api/sessions/current}) with every live
   * session, once each, at one step: the keep-alive pass.
   *
   * @param liveSessions live sessions at that step
   * @param latency the call's latency
   * @param perSecond calls per second
   * @param failed sessions the server no longer knew
   */
  public record KeepAlive(long liveSessions, Percentiles latency, double perSecond, long failed) {}

  /**
   * One class's share of the heap growth per unit (session or wallet).
   *
   * @param className the class
   * @param instancesPerUnit instances per unit
   * @param bytesPerUnit shallow bytes per unit
   */
  public record Growth(String className, double instancesPerUnit, double bytesPerUnit) {}

  /**
   * Memory against live sessions.
   *
   * @param unavailable why it did not run, or null
   * @param steps memory at each session count, the first with none
   * @param heapPerSessionBytes slope of heap after full GC against live sessions
   * @param heapMarginBytes half-width of that slope's 95 % confidence interval
   * @param heapFitR2 how straight that line is
   * @param rssPerSessionBytes slope of resident memory against live sessions
   * @param rssMarginBytes half-width of that slope's 95 % confidence interval
   * @param rssFitR2 how straight that line is
   * @param creation the login stretches between steps
   * @param keepAlive the keep-alive pass at each step
   * @param growth what the heap grew by, per session, between the first and last step
   * @param beforeLogout memory at the end of the run, every session still live, or null
   * @param afterLogout memory after every session logged out again (a leak check), or null
   * @param logoutGrowth what the heap grew by across the final logout, per session logged out
   * @param refusedLogins logins the server refused
   */
  public record SessionMemory(
      String unavailable,
      List<MemoryStep> steps,
      double heapPerSessionBytes,
      double heapMarginBytes,
      double heapFitR2,
      double rssPerSessionBytes,
      double rssMarginBytes,
      double rssFitR2,
      List<CreationSegment> creation,
      List<KeepAlive> keepAlive,
      List<Growth> growth,
      MemoryStep beforeLogout,
      MemoryStep afterLogout,
      List<Growth> logoutGrowth,
      long refusedLogins) {

    /** The same figures with the end-of-run readings around the final logout. */
    public SessionMemory withLogout(MemoryStep before, MemoryStep after, List<Growth> growthBy) {
      return new SessionMemory(
          unavailable,
          steps,
          heapPerSessionBytes,
          heapMarginBytes,
          heapFitR2,
          rssPerSessionBytes,
          rssMarginBytes,
          rssFitR2,
          creation,
          keepAlive,
          growth,
          before,
          after,
          growthBy,
          refusedLogins);
    }

    /**
     * Memory per session for planning: the larger of the heap slope and the resident slope (a
     * session may cost memory outside the heap too), at least one byte.
     */
    public double planningBytesPerSession() {
      return Math.max(1, Math.max(heapHighBytes(), rssPerSessionBytes + rssMarginBytes));
    }

    /** The heap per session at the high end of its 95 % interval: what the target is held to. */
    public double heapHighBytes() {
      return heapPerSessionBytes + heapMarginBytes;
    }

    /** The overall session creation rate over every stretch, logins per second. */
    public double overallCreationRate() {
      double seconds = creation.stream().mapToDouble(CreationSegment::seconds).sum();
      long logins = creation.stream().mapToLong(c -> c.toSessions() - c.fromSessions()).sum();
      return seconds > 0 ? logins / seconds : 0;
    }

    /** The step with the most live sessions, or null. */
    public MemoryStep top() {
      return steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }
  }

  /**
   * Wallet opening as the server's metrics and the driver saw it.
   *
   * @param kind {@code cold} (the handle was not open: the file was opened and recovered) or {@code
   *     warm} (the handle was open)
   * @param source where the figures come from
   * @param count samples
   * @param latency the figures (percentiles of the source's samples)
   */
  public record WalletOpen(String kind, String source, long count, Percentiles latency) {}

  /**
   * Memory and disk of open wallets.
   *
   * @param unavailable why it did not run, or null
   * @param walletsOpened wallets the driver funded and saw credited (each opened by its deposit)
   * @param openHandles open handles the server reported afterwards
   * @param handlesAdded handles opened between the two memory readings (the divisor)
   * @param before memory before (after a few warm-up wallets)
   * @param after memory with the wallets open
   * @param heapPerWalletBytes heap after GC per open wallet
   * @param nativePerWalletBytes resident memory outside the heap per open wallet
   * @param residentPerWalletBytes the two together
   * @param proofsPerWallet ecash proofs in each wallet
   * @param serverCpuMillisPerColdUse server CPU per token withdrawal that reopened its wallet
   * @param serverCpuMillisPerWarmUse server CPU per token withdrawal on an open handle
   * @param fileBytesWhileOpen disk per wallet while its handle is open: database, WAL and
   *     shared-memory files, mean
   * @param fileBytesClosed disk per wallet once the handles are closed (WAL checkpointed), mean; 0
   *     when not measured
   * @param fileBytesClosedMax the same, largest
   * @param files closed wallet files measured
   * @param anatomy what the closed files' pages hold
   * @param opens wallet open latency, cold and warm
   * @param deposit time from asking for a Lightning deposit to seeing it credited
   * @param growth heap growth per wallet by class
   */
  public record WalletMemory(
      String unavailable,
      int walletsOpened,
      long openHandles,
      long handlesAdded,
      MemoryStep before,
      MemoryStep after,
      double heapPerWalletBytes,
      double nativePerWalletBytes,
      double residentPerWalletBytes,
      double proofsPerWallet,
      double serverCpuMillisPerColdUse,
      double serverCpuMillisPerWarmUse,
      double fileBytesWhileOpen,
      double fileBytesClosed,
      long fileBytesClosedMax,
      int files,
      WalletFileAnatomy anatomy,
      List<WalletOpen> opens,
      Percentiles deposit,
      List<Growth> growth) {

    /** The same figures with the closed files measured. */
    public WalletMemory withClosedFiles(
        double meanBytes, long maxBytes, int count, WalletFileAnatomy fileAnatomy) {
      return new WalletMemory(
          unavailable,
          walletsOpened,
          openHandles,
          handlesAdded,
          before,
          after,
          heapPerWalletBytes,
          nativePerWalletBytes,
          residentPerWalletBytes,
          proofsPerWallet,
          serverCpuMillisPerColdUse,
          serverCpuMillisPerWarmUse,
          fileBytesWhileOpen,
          meanBytes,
          maxBytes,
          count,
          fileAnatomy,
          opens,
          deposit,
          growth);
    }
  }

  /**
   * One load level.
   *
   * @param clients concurrent clients
   * @param thinkMillis mean pause between a client's calls (0: closed loop, next call at once)
   * @param seconds measured wall time
   * @param liveSessions live sessions while it ran
   * @param overall latency of every call together
   * @param throughputPerSecond calls per second
   * @param errors failed calls
   * @param endpoints per endpoint
   * @param serverCores server CPU seconds per second
   * @param mintCores dev mint CPU seconds per second
   * @param databaseCores PostgreSQL CPU seconds per second (all its processes)
   * @param driverCores the driver's CPU seconds per second
   * @param machineBusyCores the whole machine's busy CPU seconds per second
   */
  public record LoadLevel(
      int clients,
      int thinkMillis,
      double seconds,
      long liveSessions,
      Percentiles overall,
      double throughputPerSecond,
      long errors,
      List<EndpointLatency> endpoints,
      double serverCores,
      double mintCores,
      double databaseCores,
      double driverCores,
      double machineBusyCores) {}

  /**
   * Trading figures.
   *
   * @param unavailable why it did not run, or null
   * @param fundedOffers offers funded by Lightning in the funding stretch
   * @param fundingSeconds wall time of that stretch
   * @param serverCpuMillisPerFundedOffer server CPU per funded offer (create, invoice, credited)
   * @param mintCpuMillisPerFundedOffer dev mint CPU per funded offer
   * @param databaseCpuMillisPerFundedOffer PostgreSQL CPU per funded offer
   * @param fundingSequence one client's time from creating an offer to seeing it funded
   * @param orderBookOffers open offers in the order book when it was read
   * @param orderBookBytes bytes of one full order-book answer
   * @param orderBookRead latency of reading one page of 100 offers at one client
   * @param serverCpuMillisPerPageRead server CPU per page of 100 offers
   * @param serverCpuMillisPerOrderBookRead server CPU per read of the whole book, page by page
   * @param traders concurrent traders in the whole-trade stretch
   * @param tradesCompleted trades that reached COMPLETED
   * @param tradesFailed trades that did not
   * @param tradeSeconds wall time of the whole-trade stretch
   * @param serverCpuMillisPerTrade server CPU per completed trade
   * @param tradeSteps latency per trade call
   * @param note what the scenario could not do, or null
   */
  public record Trades(
      String unavailable,
      int fundedOffers,
      double fundingSeconds,
      double serverCpuMillisPerFundedOffer,
      double mintCpuMillisPerFundedOffer,
      double databaseCpuMillisPerFundedOffer,
      Percentiles fundingSequence,
      int orderBookOffers,
      long orderBookBytes,
      Percentiles orderBookRead,
      double serverCpuMillisPerPageRead,
      double serverCpuMillisPerOrderBookRead,
      int traders,
      int tradesCompleted,
      int tradesFailed,
      double tradeSeconds,
      double serverCpuMillisPerTrade,
      List<EndpointLatency> tradeSteps,
      String note) {}

  /**
   * Capacity tables.
   *
   * @param unavailable why the server's report could not be read, or null
   * @param serverEstimate the server's own table (from its configured footprint figures)
   * @param serverModel the table recomputed with the server's model (wallets in proportion)
   * @param fixedCacheModel the table with the profiles' fixed wallet caches
   * @param inputs the figures the recomputed tables used
   */
  public record Capacity(
      String unavailable,
      List<CapacityModel.Row> serverEstimate,
      List<CapacityModel.Row> serverModel,
      List<CapacityModel.Row> fixedCacheModel,
      CapacityModel.Inputs inputs) {}

  /** Workload kind: every offer by a maker that never funded before (new key, new wallet file). */
  public static final String NEW_MAKERS = "new makers";

  /** Workload kind: the same makers funding again and again. */
  public static final String RETURNING_MAKERS = "returning makers";

  /** Workload kind: takers claiming funded offers with a bond. */
  public static final String CLAIMS = "claims";

  /**
   * The side-by-side workload of issue #17: funding by new and by returning makers and claims with
   * a bond, each at 1 and 10 closed-loop clients, measured over a window after a warm-up, and the
   * server's idle background CPU and resident memory after the load.
   *
   * @param unavailable why it could not run, or null
   * @param pollMillis how often a maker reads its offer while it waits for the funding
   * @param workloads one entry per kind and client count
   * @param idle the quiet window after the load, or null
   */
  public record SideBySide(
      String unavailable, long pollMillis, List<Workload> workloads, Idle idle) {

    /** The workload of {@code kind} at {@code clients}, or null. */
    public Workload find(String kind, int clients) {
      return workloads == null
          ? null
          : workloads.stream()
              .filter(w -> w.kind().equals(kind) && w.clients() == clients)
              .findFirst()
              .orElse(null);
    }
  }

  /**
   * One workload at one client count.
   *
   * @param kind {@link #NEW_MAKERS}, {@link #RETURNING_MAKERS} or {@link #CLAIMS}
   * @param clients closed-loop clients
   * @param warmupOperations operations done before the window, unmeasured
   * @param warmupSeconds wall time of the warm-up
   * @param window the measured window: its CPU and completed operations
   * @param latency per operation: create → funded as the maker saw it, or the claim call
   * @param failures operations in the window that failed or timed out
   */
  public record Workload(
      String kind,
      int clients,
      long warmupOperations,
      double warmupSeconds,
      OperationWindow window,
      Percentiles latency,
      long failures) {}

  /**
   * The server at rest after the load.
   *
   * @param window CPU over the quiet window (no operations)
   * @param rssBytes server resident memory at the window's end
   * @param peakRssBytes the server's peak resident memory (VmHWM) over its whole life
   */
  public record Idle(OperationWindow window, long rssBytes, long peakRssBytes) {}
}
