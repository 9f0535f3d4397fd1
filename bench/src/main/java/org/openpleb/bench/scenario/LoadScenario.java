package org.openpleb.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openpleb.bench.client.ApiClient;
import org.openpleb.bench.client.ApiSurface;
import org.openpleb.bench.client.LoginClient;
import org.openpleb.bench.client.UserSession;
import org.openpleb.bench.report.RunResults.LoadLevel;
import org.openpleb.bench.stats.LatencyRecorder;
import org.openpleb.bench.stats.Percentiles;

/**
 * Mixed load at a given number of concurrent clients: each client is one live session calling the
 * mix (session read, platform info, price quote, wallet read and order-book read where the build
 * has them) either back to back (closed loop) or with a random think time between calls. A warm-up
 * precedes each measured stretch; CPU of the server, the dev mint, the driver and the machine is
 * taken over the stretch.
 */
public final class LoadScenario {

  private final ServerUnderTest server;
  private final SessionPool pool;
  private final int cores;

  /** Load on {@code server} with the sessions of {@code pool}. */
  public LoadScenario(ServerUnderTest server, SessionPool pool, int cores) {
    this.server = server;
    this.pool = pool;
    this.cores = cores;
  }

  /** The mix this build supports: every operation whose endpoint exists. */
  public static List<Operation> mix(ApiSurface surface, ApiClient api, String orderBookPath) {
    List<Operation> ops = new ArrayList<>();
    ops.add(
        new Operation(
            LoginClient.CURRENT,
            3,
            s -> api.get(LoginClient.CURRENT, "/api/sessions/current", s.token())));
    if (surface.has("GET /api/info")) {
      ops.add(new Operation("GET /api/info", 1, s -> api.get("GET /api/info", "/api/info", null)));
    }
    if (surface.has("POST /api/pricing/quote")) {
      ops.add(
          new Operation(
              "POST /api/pricing/quote",
              1,
              s ->
                  api.post(
                      "POST /api/pricing/quote",
                      "/api/pricing/quote",
                      s.token(),
                      Map.of(
                          "fiatAmount",
                          ThreadLocalRandom.current().nextLong(1_000, 100_000),
                          "btcPrice",
                          150_000_000))));
    }
    if (surface.has("GET /api/wallet")) {
      ops.add(
          new Operation(
              "GET /api/wallet", 2, s -> api.get("GET /api/wallet", "/api/wallet", s.token())));
    }
    if (orderBookPath != null) {
      ops.add(
          new Operation(
              "GET /api/offers (order book)",
              4,
              s -> api.get("GET /api/offers (order book)", orderBookPath, s.token())));
    }
    return ops;
  }

  /**
   * Runs one level: {@code clients} clients, {@code warmupSeconds} unmeasured, then {@code seconds}
   * measured, with a mean think time of {@code thinkMillis} (0: closed loop).
   */
  public LoadLevel run(
      List<Operation> mix, int clients, int thinkMillis, double warmupSeconds, double seconds) {
    int usable = Math.min(clients, pool.size());
    if (usable == 0) {
      throw new IllegalStateException("no live sessions to load the server with");
    }
    int totalWeight = mix.stream().mapToInt(Operation::weight).sum();
    AtomicBoolean stop = new AtomicBoolean();
    LatencyRecorder rec = new LatencyRecorder();
    ApiClient api = server.api();
    long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
    long end = warmupEnd + (long) (seconds * 1e9);
    ServerUnderTest.CpuMark[] marks = new ServerUnderTest.CpuMark[2];
    Thread timer =
        new Thread(
            () -> {
              try {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, warmupEnd - System.nanoTime()));
                api.recordInto(rec);
                marks[0] = server.cpuMark();
                TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
                marks[1] = server.cpuMark();
                api.recordInto(null);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                stop.set(true);
              }
            },
            "bench-load-timer");
    boolean profiled = clients == 200 && thinkMillis == 0;
    if (profiled) {
      // started before the clients, so jcmd's own start-up CPU falls into the warm-up
      server.startProfile(ServerUnderTest.PROFILE_LOAD);
    }
    timer.start();
    SessionPool.runConcurrently(
        clients,
        worker -> {
          UserSession me = pool.get(worker % usable);
          ThreadLocalRandom random = ThreadLocalRandom.current();
          while (!stop.get()) {
            if (thinkMillis > 0) {
              // exponential think time: users' pauses are memoryless around the mean
              long pause = (long) (-Math.log(1 - random.nextDouble()) * thinkMillis);
              sleep(Math.min(pause, thinkMillis * 10L), stop);
              if (stop.get()) {
                break;
              }
            }
            pick(mix, totalWeight, random).call().apply(me);
          }
        });
    try {
      timer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (profiled) {
      server.stopProfile();
    }
    ServerUnderTest.CpuMark a = marks[0];
    ServerUnderTest.CpuMark b = marks[1];
    double wall = b.secondsSince(a);
    var endpoints = rec.summarize(wall);
    long errors = rec.totalErrors();
    long[] all = rec.allSamples();
    return new LoadLevel(
        clients,
        thinkMillis,
        wall,
        pool.size(),
        Percentiles.of(all),
        wall > 0 ? (all.length + errors) / wall : 0,
        errors,
        endpoints,
        (b.server() - a.server()) / wall,
        (b.mint() - a.mint()) / wall,
        (b.database() - a.database()) / wall,
        (b.driver() - a.driver()) / wall,
        b.machineBusyCoresSince(a, cores));
  }

  private static Operation pick(List<Operation> mix, int totalWeight, ThreadLocalRandom random) {
    int r = random.nextInt(totalWeight);
    for (Operation op : mix) {
      r -= op.weight();
      if (r < 0) {
        return op;
      }
    }
    return mix.get(mix.size() - 1);
  }

  private static void sleep(long millis, AtomicBoolean stop) {
    long until = System.currentTimeMillis() + millis;
    while (!stop.get() && System.currentTimeMillis() < until) {
      try {
        Thread.sleep(Math.min(50, Math.max(1, until - System.currentTimeMillis())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
