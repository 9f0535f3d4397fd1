package org.openpleb.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import org.openpleb.bench.client.ApiSurface;
import org.openpleb.bench.report.RunResults.CreationSegment;
import org.openpleb.bench.report.RunResults.Growth;
import org.openpleb.bench.report.RunResults.KeepAlive;
import org.openpleb.bench.report.RunResults.MemoryStep;
import org.openpleb.bench.report.RunResults.SessionMemory;
import org.openpleb.bench.server.ClassHistogram;
import org.openpleb.bench.stats.LinearFit;

/**
 * Memory against live sessions: from none, log in users up to each step (timing the logins), read
 * every session back once, then take the heap after full collections and the resident size. The
 * slope of those readings is what one more session costs; the class histogram's growth between the
 * first and last step shows what it is made of.
 */
public final class SessionMemoryScenario {

  /** The operations the scenario needs. */
  public static final List<String> REQUIRED =
      List.of(
          "POST /api/sessions/challenge",
          "POST /api/sessions",
          "GET /api/sessions/current",
          "DELETE /api/sessions/current");

  private final ServerUnderTest server;
  private final SessionPool pool;
  private final int loginConcurrency;
  private final int keepAliveConcurrency;
  private final List<String> notes;

  /** The scenario on {@code server}, growing {@code pool}. */
  public SessionMemoryScenario(
      ServerUnderTest server,
      SessionPool pool,
      int loginConcurrency,
      int keepAliveConcurrency,
      List<String> notes) {
    this.server = server;
    this.pool = pool;
    this.loginConcurrency = loginConcurrency;
    this.keepAliveConcurrency = keepAliveConcurrency;
    this.notes = notes;
  }

  /**
   * Runs the steps (the first should be 0) after a warm-up of {@code warmupSessions} logins and
   * logouts (so class loading and compilation do not count as session memory), and returns the
   * figures, the end-of-run readings still unset.
   */
  public SessionMemory run(ApiSurface surface, int[] steps, int warmupSessions) {
    List<String> missing = surface.missing(REQUIRED);
    if (!missing.isEmpty()) {
      return unavailable("the server lacks " + String.join(", ", missing));
    }
    if (warmupSessions > 0) {
      var warm = pool.growTo(warmupSessions, loginConcurrency);
      pool.keepAlive(keepAliveConcurrency);
      pool.logoutAll(keepAliveConcurrency);
      log("warm-up: %,d logins and logouts at %.1f/s", warm.toSessions(), warm.perSecond());
    }
    List<MemoryStep> readings = new ArrayList<>();
    List<CreationSegment> creation = new ArrayList<>();
    List<KeepAlive> keepAlive = new ArrayList<>();
    ClassHistogram first = null;
    ClassHistogram last = null;
    for (int i = 0; i < steps.length; i++) {
      int target = steps[i];
      if (target > pool.size()) {
        CreationSegment segment = pool.growTo(target, loginConcurrency);
        creation.add(segment);
        log(
            "sessions %,d -> %,d at %.1f/s (%d refused)",
            segment.fromSessions(), segment.toSessions(), segment.perSecond(), segment.refused());
        if (pool.size() < target) {
          notes.add(
              "Logins stopped at "
                  + pool.size()
                  + " sessions of the "
                  + target
                  + " wanted: the server refused "
                  + segment.refused()
                  + " logins.");
        }
      }
      if (pool.size() > 0) {
        KeepAlive k = pool.keepAlive(keepAliveConcurrency);
        keepAlive.add(k);
        if (k.failed() > 0) {
          notes.add(k.failed() + " live sessions were unknown to the server at " + pool.size());
        }
      }
      MemoryStep step = server.measure(String.format("%,d sessions", pool.size()), pool.size(), 0);
      readings.add(step);
      log(
          "step %,d sessions: heap %,d KiB after GC, RSS %,d KiB",
          step.liveSessions(), step.heapUsedBytes() / 1024, step.rssBytes() / 1024);
      if (i == 0) {
        first = server.jvm().classHistogram();
      } else if (i == steps.length - 1) {
        last = server.jvm().classHistogram();
      }
    }
    double[] xs = readings.stream().mapToDouble(MemoryStep::liveSessions).toArray();
    double[] heap = readings.stream().mapToDouble(MemoryStep::heapUsedBytes).toArray();
    // resident memory without the JVM's classes and compiled code, which grow with warm-up
    double[] rss =
        readings.stream().mapToDouble(m -> m.rssBytes() - m.jvmCodeAndClassesBytes()).toArray();
    boolean fit = distinct(xs);
    LinearFit heapFit = fit ? LinearFit.of(xs, heap) : new LinearFit(0, 0, 0, xs.length, 0);
    LinearFit rssFit = fit ? LinearFit.of(xs, rss) : new LinearFit(0, 0, 0, xs.length, 0);
    long added =
        readings.isEmpty()
            ? 0
            : readings.get(readings.size() - 1).liveSessions() - readings.get(0).liveSessions();
    List<Growth> growth =
        first != null && last != null && added > 0 ? growth(first, last, added, 15) : List.of();
    return new SessionMemory(
        null,
        readings,
        heapFit.slope(),
        heapFit.slopeMargin(),
        heapFit.rSquared(),
        rssFit.slope(),
        rssFit.slopeMargin(),
        rssFit.rSquared(),
        creation,
        keepAlive,
        growth,
        null,
        null,
        List.of(),
        pool.refused());
  }

  /** The histogram growth from {@code before} to {@code after} per one of {@code units}. */
  public static List<Growth> growth(
      ClassHistogram before, ClassHistogram after, long units, int n) {
    return after.growthSince(before, n).stream()
        .map(
            e ->
                new Growth(
                    e.className(), e.instances() / (double) units, e.bytes() / (double) units))
        .toList();
  }

  /** The figures of a scenario that could not run. */
  public static SessionMemory unavailable(String why) {
    return new SessionMemory(
        why, List.of(), 0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), null, null, List.of(),
        0);
  }

  private static boolean distinct(double[] xs) {
    for (double x : xs) {
      if (x != xs[0]) {
        return true;
      }
    }
    return false;
  }

  static void log(String format, Object... args) {
    System.out.printf("bench: " + format + "%n", args);
  }
}
