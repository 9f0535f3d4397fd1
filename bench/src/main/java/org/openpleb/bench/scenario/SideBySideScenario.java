package org.openpleb.bench.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openpleb.bench.BenchmarkPlan.SideBySidePlan;
import org.openpleb.bench.client.ApiClient;
import org.openpleb.bench.client.ApiResponse;
import org.openpleb.bench.client.ApiSurface;
import org.openpleb.bench.client.LoginClient;
import org.openpleb.bench.client.UserKey;
import org.openpleb.bench.client.UserSession;
import org.openpleb.bench.report.RunResults;
import org.openpleb.bench.report.RunResults.Idle;
import org.openpleb.bench.report.RunResults.SideBySide;
import org.openpleb.bench.report.RunResults.Workload;
import org.openpleb.bench.server.ProcessFigures;
import org.openpleb.bench.stats.Percentiles;

/**
 * The workload issue #17 measured on the original backend and on this server side by side, so the
 * report can put the two beside each other:
 *
 * <ol>
 *   <li><b>fund offers, new makers</b>: every offer by a key that never traded (a new session and
 *       so a new session wallet file per offer); the logins happen before the window.
 *   <li><b>fund offers, returning makers</b>: the same makers fund again and again.
 *   <li><b>claims</b>: takers with a deposit claim funded offers, posting a bond each.
 *   <li><b>idle</b>: the server's background CPU and resident memory in a quiet window after the
 *       load.
 * </ol>
 *
 * <p>Each workload runs as closed-loop clients (the next operation starts when the last one ended):
 * first a warm-up that is not measured (so JIT compilation is mostly done), then the window. A
 * maker creates its offer, asks for the invoice (the dev mint pays it at once) and reads its offer
 * as a client would until it is funded; that whole sequence is the create → funded latency. CPU of
 * server, dev mint and PostgreSQL comes from {@code /proc} at the window's edges (see {@link
 * OperationWindow}).
 */
public final class SideBySideScenario {

  /** The operations the scenario needs. */
  public static final List<String> REQUIRED =
      List.of(
          "POST /api/offers",
          "GET /api/offers/{id}",
          "POST /api/offers/{id}/invoice",
          "POST /api/offers/{id}/claim",
          "POST /api/wallet/deposits/lightning");

  /** Profile of the new makers' window at 10 clients. */
  public static final String PROFILE_NEW_MAKERS = "side by side: fund offers, 10 new makers";

  /** Profile of the returning makers' window at 10 clients. */
  public static final String PROFILE_RETURNING_MAKERS =
      "side by side: fund offers, 10 returning makers";

  /** Profile of the claims window. */
  public static final String PROFILE_CLAIMS = "side by side: claims with a bond, 10 takers";

  /** The longest pause between two reads of a waiting maker. */
  static final long MAX_POLL_MILLIS = 500;

  /** Sats a taker deposits per claim it will make: a bond is about 1,200 sats here. */
  static final long SATS_PER_CLAIM = 2_000;

  private static final long FUNDED_TIMEOUT_NANOS = 120_000_000_000L;
  private static final String READ = "GET /api/offers/{id}";
  private static final String CLAIM = "POST /api/offers/{id}/claim";
  private static final String FUNDED = "INVOICE_PAID";

  private final ServerUnderTest server;
  private final List<String> notes;
  private final Runnable quiet;
  private final ConcurrentLinkedQueue<String> fundedOffers = new ConcurrentLinkedQueue<>();
  private final List<UserSession> opened = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger offerNumber = new AtomicInteger();
  private long pollMillis;

  /**
   * The scenario on {@code server}; what it could not do goes to {@code notes}. {@code quiet} is
   * run before the quiet window: it stops whatever else of the driver still calls the server (the
   * capacity watch scrapes /metrics every few seconds, which would count as idle CPU).
   */
  public SideBySideScenario(ServerUnderTest server, List<String> notes, Runnable quiet) {
    this.server = server;
    this.notes = notes;
    this.quiet = quiet;
  }

  /** Runs every workload of {@code plan}, then the quiet window. */
  public SideBySide run(ApiSurface surface, SideBySidePlan plan) {
    List<String> missing = surface.missing(REQUIRED);
    if (!missing.isEmpty()) {
      return unavailable("the server lacks " + String.join(", ", missing));
    }
    pollMillis = plan.pollMillis();
    List<UserSession> returning = login(plan.returningMakers());
    if (returning.size() < plan.returningMakers()) {
      logoutAll();
      return unavailable(
          "only " + returning.size() + " of " + plan.returningMakers() + " makers could log in");
    }
    List<Workload> workloads = new ArrayList<>();
    for (int clients : plan.clientCounts()) {
      workloads.add(funding(RunResults.NEW_MAKERS, clients, plan, null));
    }
    for (int clients : plan.clientCounts()) {
      workloads.add(funding(RunResults.RETURNING_MAKERS, clients, plan, returning));
    }
    Workload claims = claims(plan, returning);
    if (claims != null) {
      workloads.add(claims);
    }
    logoutAll();
    Idle idle = idle(plan);
    SessionMemoryScenario.log(
        "idle: %.2f ms/s server CPU, %.0f MiB resident",
        idle.window().serverMillisPerSecond(), idle.rssBytes() / 1048576.0);
    return new SideBySide(null, plan.pollMillis(), workloads, idle);
  }

  /** Funding at {@code clients}: new makers when {@code returning} is null. */
  private Workload funding(
      String kind, int clients, SideBySidePlan plan, List<UserSession> returning) {
    ConcurrentLinkedQueue<UserSession> fresh = new ConcurrentLinkedQueue<>();
    if (returning == null) {
      // every offer gets its own new key; the logins are done before anything is measured
      fresh.addAll(login(plan.warmupOperations() + plan.windowOperations()));
    }
    MakerSource makers =
        (worker, iteration) ->
            returning == null
                ? fresh.poll()
                : returning.get(returningIndex(worker, iteration, clients, returning.size()));
    Phase warmup = fund(clients, plan.warmupOperations(), plan.warmupSeconds(), makers, null);
    ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
    // the 10-client windows are profiled (as the trade scenario's funding stretch is), so a miss
    // comes with where the CPU went; the recording costs the server little next to the work
    String profile =
        clients < 10 ? null : returning == null ? PROFILE_NEW_MAKERS : PROFILE_RETURNING_MAKERS;
    if (profile != null) {
      server.startProfile(profile);
    }
    ServerUnderTest.CpuMark start = server.cpuMark();
    Phase window = fund(clients, plan.windowOperations(), plan.windowSeconds(), makers, samples);
    ServerUnderTest.CpuMark end = server.cpuMark();
    if (profile != null) {
      server.stopProfile();
    }
    OperationWindow w = OperationWindow.between(start, end, window.completed());
    if (window.failed() > 0) {
      notes.add(
          String.format(
              "Side by side, fund offers (%s, %d clients): %d offers were refused or not funded"
                  + " within %d s.",
              kind, clients, window.failed(), FUNDED_TIMEOUT_NANOS / 1_000_000_000L));
    }
    // sessions of new makers the phases did not use are closed with the rest at the end
    SessionMemoryScenario.log(
        "side by side, %s at %d clients: %d funded in %.1f s (%.2f/s), %.2f ms server CPU each"
            + " (dev mint %.2f, PostgreSQL %.2f)",
        kind,
        clients,
        window.completed(),
        w.seconds(),
        w.perSecond(),
        w.serverMillisPerOperation(),
        w.mintMillisPerOperation(),
        w.databaseMillisPerOperation());
    return new Workload(
        kind,
        clients,
        warmup.completed(),
        warmup.seconds(),
        w,
        Percentiles.of(toArray(samples)),
        window.failed());
  }

  /** The claims workload: one closed-loop client per taker, each claiming funded offers. */
  private Workload claims(SideBySidePlan plan, List<UserSession> returning) {
    int takers = plan.takers();
    int wanted = plan.warmupOperations() + plan.windowOperations();
    List<UserSession> takerSessions = login(takers);
    if (takerSessions.size() < takers) {
      notes.add("Side by side, claims: only " + takerSessions.size() + " takers could log in.");
      return null;
    }
    long deposit = (wanted / takers + 2) * SATS_PER_CLAIM;
    AtomicInteger credited = new AtomicInteger();
    SessionPool.runConcurrently(
        takers,
        worker -> {
          if (WalletScenario.fund(server.api(), takerSessions.get(worker), deposit) != null) {
            credited.incrementAndGet();
          }
        });
    if (credited.get() < takers) {
      notes.add(
          "Side by side, claims: "
              + (takers - credited.get())
              + " takers' deposits were not credited in time; their claims fail.");
    }
    if (fundedOffers.size() < wanted) {
      // more funded offers to claim, by the returning makers, not measured
      int more = wanted - fundedOffers.size();
      int clients = Math.min(10, returning.size());
      fund(
          clients,
          more,
          plan.windowSeconds(),
          (worker, iteration) ->
              returning.get(returningIndex(worker, iteration, clients, returning.size())),
          null);
    }
    Phase warmup = claim(takerSessions, plan.warmupOperations(), plan.warmupSeconds(), null);
    ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
    server.startProfile(PROFILE_CLAIMS);
    ServerUnderTest.CpuMark start = server.cpuMark();
    Phase window = claim(takerSessions, plan.windowOperations(), plan.windowSeconds(), samples);
    ServerUnderTest.CpuMark end = server.cpuMark();
    server.stopProfile();
    OperationWindow w = OperationWindow.between(start, end, window.completed());
    if (window.failed() > 0) {
      notes.add(
          "Side by side, claims: "
              + window.failed()
              + " claims were refused in the window; first answers: "
              + String.join("; ", window.firstFailures()));
    }
    SessionMemoryScenario.log(
        "side by side, claims at %d takers: %d in %.1f s, %.2f ms server CPU each (PostgreSQL"
            + " %.2f)",
        takers,
        window.completed(),
        w.seconds(),
        w.serverMillisPerOperation(),
        w.databaseMillisPerOperation());
    return new Workload(
        RunResults.CLAIMS,
        takers,
        warmup.completed(),
        warmup.seconds(),
        w,
        Percentiles.of(toArray(samples)),
        window.failed());
  }

  /** The quiet window after the load: no client calls the server. */
  private Idle idle(SideBySidePlan plan) {
    quiet.run();
    pause((long) (plan.idleSettleSeconds() * 1000));
    ServerUnderTest.CpuMark start = server.cpuMark();
    pause((long) (plan.idleSeconds() * 1000));
    ServerUnderTest.CpuMark end = server.cpuMark();
    ProcessFigures p = server.process().read();
    return new Idle(OperationWindow.between(start, end, 0), p.rssBytes(), p.rssPeakBytes());
  }

  /** Which maker to give a client. */
  @FunctionalInterface
  private interface MakerSource {
    /** The maker of {@code worker}'s {@code iteration}-th offer, or null when none is left. */
    UserSession next(int worker, int iteration);
  }

  /**
   * Operations of a phase.
   *
   * @param completed operations that succeeded
   * @param failed operations that failed
   * @param seconds wall time of the phase
   * @param firstFailures a few distinct failure descriptions
   */
  private record Phase(long completed, long failed, double seconds, List<String> firstFailures) {}

  /**
   * Funds offers at {@code clients} in a closed loop until {@code maxOffers} were started or {@code
   * maxSeconds} passed; offers under way at the deadline are waited for.
   */
  private Phase fund(
      int clients,
      int maxOffers,
      double maxSeconds,
      MakerSource makers,
      ConcurrentLinkedQueue<Long> samples) {
    ApiClient api = server.api();
    AtomicInteger started = new AtomicInteger();
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long begin = System.nanoTime();
    long deadline = begin + (long) (maxSeconds * 1e9);
    SessionPool.runConcurrently(
        clients,
        worker -> {
          for (int k = 0; System.nanoTime() < deadline; k++) {
            if (started.getAndIncrement() >= maxOffers) {
              break;
            }
            UserSession maker = makers.next(worker, k);
            if (maker == null) {
              break;
            }
            long t0 = System.nanoTime();
            String id = TradeScenario.createAndInvoice(api, maker, offerNumber.incrementAndGet());
            if (id != null && awaitFunded(api, maker, id)) {
              completed.incrementAndGet();
              fundedOffers.add(id);
              if (samples != null) {
                samples.add(System.nanoTime() - t0);
              }
            } else {
              failed.incrementAndGet();
            }
          }
        });
    return new Phase(completed.get(), failed.get(), (System.nanoTime() - begin) / 1e9, List.of());
  }

  /** Claims funded offers, one closed-loop client per taker. */
  private Phase claim(
      List<UserSession> takers,
      int maxClaims,
      double maxSeconds,
      ConcurrentLinkedQueue<Long> samples) {
    ApiClient api = server.api();
    AtomicInteger started = new AtomicInteger();
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ConcurrentLinkedQueue<String> why = new ConcurrentLinkedQueue<>();
    long begin = System.nanoTime();
    long deadline = begin + (long) (maxSeconds * 1e9);
    SessionPool.runConcurrently(
        takers.size(),
        worker -> {
          while (System.nanoTime() < deadline && started.getAndIncrement() < maxClaims) {
            String id = fundedOffers.poll();
            if (id == null) {
              break;
            }
            long t0 = System.nanoTime();
            ApiResponse r =
                api.post(CLAIM, "/api/offers/" + id + "/claim", takers.get(worker).token(), "{}");
            if (r.ok()) {
              completed.incrementAndGet();
              if (samples != null) {
                samples.add(System.nanoTime() - t0);
              }
            } else {
              failed.incrementAndGet();
              why.add(r.status() + " " + r.text("code"));
            }
          }
        });
    return new Phase(
        completed.get(),
        failed.get(),
        (System.nanoTime() - begin) / 1e9,
        why.stream().distinct().limit(3).toList());
  }

  /** Reads the offer as its maker would, pausing longer each time, until it is funded. */
  private boolean awaitFunded(ApiClient api, UserSession maker, String id) {
    long deadline = System.nanoTime() + FUNDED_TIMEOUT_NANOS;
    for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
      ApiResponse r = api.get(READ, "/api/offers/" + id, maker.token());
      if (r.ok() && FUNDED.equals(TradeScenario.status(r.json()))) {
        return true;
      }
      pause(pollPause(pollMillis, attempt));
    }
    return false;
  }

  /**
   * The pause after the {@code attempt}-th unanswered read (from 0): {@code first} milliseconds,
   * doubling each time up to {@link #MAX_POLL_MILLIS}, as a client that wants a quick answer but
   * does not hammer the server would poll.
   */
  static long pollPause(long first, int attempt) {
    if (first <= 0) {
      throw new IllegalArgumentException("the first pause must be positive: " + first);
    }
    long pause = first;
    for (int i = 0; i < attempt && pause < MAX_POLL_MILLIS; i++) {
      pause *= 2;
    }
    return Math.min(pause, Math.max(first, MAX_POLL_MILLIS));
  }

  /**
   * Which of {@code makers} returning makers funds {@code worker}'s {@code iteration}-th offer at
   * {@code clients}: with as many clients as makers each client keeps its own maker; with fewer,
   * each client goes round its share of them, so every maker keeps coming back.
   */
  static int returningIndex(int worker, int iteration, int clients, int makers) {
    if (clients <= 0 || makers <= 0 || worker < 0 || worker >= clients || iteration < 0) {
      throw new IllegalArgumentException("worker " + worker + " of " + clients + ", " + makers);
    }
    return (int) ((worker + (long) iteration * clients) % makers);
  }

  /** Logs {@code count} new users in (each a new key); fewer when the server refuses. */
  private List<UserSession> login(int count) {
    LoginClient logins = new LoginClient(server.api());
    List<UserSession> out = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    SessionPool.runConcurrently(
        Math.max(1, Math.min(8, count)),
        worker -> {
          while (next.getAndIncrement() < count) {
            logins.login(UserKey.random(), null).ifPresent(out::add);
          }
        });
    opened.addAll(out);
    return new ArrayList<>(out);
  }

  private void logoutAll() {
    List<UserSession> all;
    synchronized (opened) {
      all = new ArrayList<>(opened);
      opened.clear();
    }
    LoginClient logins = new LoginClient(server.api());
    AtomicInteger next = new AtomicInteger();
    SessionPool.runConcurrently(
        8,
        worker -> {
          int i;
          while ((i = next.getAndIncrement()) < all.size()) {
            logins.logout(all.get(i));
          }
        });
  }

  private static long[] toArray(ConcurrentLinkedQueue<Long> samples) {
    return samples.stream().mapToLong(Long::longValue).toArray();
  }

  /** The figures of a scenario that could not run. */
  public static SideBySide unavailable(String why) {
    return new SideBySide(why, 0, List.of(), null);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
