package org.openpleb.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.openpleb.bench.client.ApiClient;
import org.openpleb.bench.client.LoginClient;
import org.openpleb.bench.client.UserKey;
import org.openpleb.bench.client.UserSession;
import org.openpleb.bench.report.RunResults.CreationSegment;
import org.openpleb.bench.report.RunResults.KeepAlive;
import org.openpleb.bench.stats.EndpointLatency;
import org.openpleb.bench.stats.LatencyRecorder;
import org.openpleb.bench.stats.Percentiles;

/**
 * The live sessions the driver holds: grown by logging in fresh users (each a new key), kept in use
 * by reading each session back, and closed by logging out. Scenarios borrow sessions from it by
 * index.
 */
public final class SessionPool {

  /** Consecutive refusals after which growing stops: the server will not take more. */
  private static final int GIVE_UP_AFTER_REFUSALS = 200;

  private final ServerUnderTest server;
  private final LoginClient logins;
  private final List<UserSession> sessions = new ArrayList<>();
  private long refused;

  /** A pool of sessions on {@code server}. */
  public SessionPool(ServerUnderTest server) {
    this.server = server;
    this.logins = new LoginClient(server.api());
  }

  /** Live sessions held. */
  public synchronized int size() {
    return sessions.size();
  }

  /** The session at {@code index} (0 ≤ index < size). */
  public synchronized UserSession get(int index) {
    return sessions.get(index);
  }

  /** A copy of every session held. */
  public synchronized List<UserSession> all() {
    return List.copyOf(sessions);
  }

  /** Logins the server refused so far. */
  public synchronized long refused() {
    return refused;
  }

  /** The login client. */
  public LoginClient logins() {
    return logins;
  }

  /**
   * Logs in new users until {@code target} sessions are held, {@code concurrency} logins in flight,
   * and reports the stretch. Stops early when the server keeps refusing.
   */
  public CreationSegment growTo(int target, int concurrency) {
    int from = size();
    int needed = Math.max(0, target - from);
    LatencyRecorder rec = new LatencyRecorder();
    ApiClient api = server.api();
    api.recordInto(rec);
    AtomicInteger started = new AtomicInteger();
    AtomicLong refusedHere = new AtomicLong();
    AtomicInteger refusedInARow = new AtomicInteger();
    ServerUnderTest.CpuMark start = server.cpuMark();
    runConcurrently(
        concurrency,
        worker -> {
          while (started.getAndIncrement() < needed
              && refusedInARow.get() < GIVE_UP_AFTER_REFUSALS) {
            int[] status = new int[1];
            var opened = logins.login(UserKey.random(), status);
            if (opened.isPresent()) {
              refusedInARow.set(0);
              synchronized (this) {
                sessions.add(opened.get());
              }
            } else {
              refusedHere.incrementAndGet();
              refusedInARow.incrementAndGet();
            }
          }
        });
    ServerUnderTest.CpuMark end = server.cpuMark();
    api.recordInto(null);
    double seconds = end.secondsSince(start);
    int to = size();
    synchronized (this) {
      refused += refusedHere.get();
    }
    int added = to - from;
    List<EndpointLatency> figures = rec.summarize(seconds);
    return new CreationSegment(
        from,
        to,
        seconds,
        seconds > 0 ? added / seconds : 0,
        concurrency,
        added > 0 ? (end.server() - start.server()) * 1000 / added : 0,
        latencyOf(figures, LoginClient.CHALLENGE),
        latencyOf(figures, LoginClient.LOGIN),
        refusedHere.get());
  }

  /** Reads every held session back once ({@code concurrency} at a time). */
  public KeepAlive keepAlive(int concurrency) {
    List<UserSession> all = all();
    LatencyRecorder rec = new LatencyRecorder();
    server.api().recordInto(rec);
    AtomicInteger next = new AtomicInteger();
    AtomicLong failed = new AtomicLong();
    long start = System.nanoTime();
    runConcurrently(
        concurrency,
        worker -> {
          int i;
          while ((i = next.getAndIncrement()) < all.size()) {
            if (!logins.touch(all.get(i))) {
              failed.incrementAndGet();
            }
          }
        });
    double seconds = (System.nanoTime() - start) / 1e9;
    server.api().recordInto(null);
    return new KeepAlive(
        all.size(),
        latencyOf(rec.summarize(seconds), LoginClient.CURRENT),
        seconds > 0 ? all.size() / seconds : 0,
        failed.get());
  }

  /** Logs every held session out and forgets them; returns how many logouts failed. */
  public long logoutAll(int concurrency) {
    List<UserSession> all = all();
    AtomicInteger next = new AtomicInteger();
    AtomicLong failed = new AtomicLong();
    runConcurrently(
        concurrency,
        worker -> {
          int i;
          while ((i = next.getAndIncrement()) < all.size()) {
            if (!logins.logout(all.get(i))) {
              failed.incrementAndGet();
            }
          }
        });
    synchronized (this) {
      sessions.clear();
    }
    return failed.get();
  }

  static Percentiles latencyOf(List<EndpointLatency> figures, String endpoint) {
    return figures.stream()
        .filter(f -> f.endpoint().equals(endpoint))
        .map(EndpointLatency::latency)
        .findFirst()
        .orElse(Percentiles.NONE);
  }

  /** Runs {@code body} on {@code threads} threads and waits for all of them. */
  static void runConcurrently(int threads, Consumer<Integer> body) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        int worker = t;
        pool.execute(() -> body.accept(worker));
      }
      pool.shutdown();
      if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
        throw new IllegalStateException("workers did not finish within two hours");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
