package org.openpleb.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

  @Test
  void groupsCallsPerEndpointWithErrorsAndRate() {
    LatencyRecorder rec = new LatencyRecorder();
    for (int i = 1; i <= 100; i++) {
      rec.success("GET /api/offers", i * 1_000_000L);
    }
    rec.success("GET /api/info", 5_000_000);
    rec.failure("GET /api/info");
    List<EndpointLatency> figures = rec.summarize(2.0);
    assertEquals(2, figures.size());
    EndpointLatency info = figures.get(0);
    assertEquals("GET /api/info", info.endpoint());
    assertEquals(1, info.latency().count());
    assertEquals(1, info.errors());
    assertEquals(2, info.calls());
    assertEquals(1.0, info.throughputPerSecond());
    EndpointLatency offers = figures.get(1);
    assertEquals(95_000_000, offers.latency().p95Nanos());
    assertEquals(50.0, offers.throughputPerSecond());
    assertEquals(101, rec.allSamples().length);
    assertEquals(1, rec.totalErrors());
  }

  @Test
  void keepsEverySampleFromManyThreads() throws InterruptedException {
    LatencyRecorder rec = new LatencyRecorder();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      pool.execute(
          () -> {
            for (int i = 0; i < 5_000; i++) {
              rec.success("GET /x", i);
            }
          });
    }
    pool.shutdown();
    assertEquals(true, pool.awaitTermination(30, TimeUnit.SECONDS));
    assertEquals(40_000, rec.summarize(1).get(0).latency().count());
  }
}
