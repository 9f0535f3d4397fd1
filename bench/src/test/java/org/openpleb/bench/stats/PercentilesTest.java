package org.openpleb.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void oneToHundredGivesTheRankItself() {
    long[] samples = LongStream.rangeClosed(1, 100).toArray();
    Percentiles p = Percentiles.of(samples);
    assertEquals(100, p.count());
    assertEquals(1, p.minNanos());
    assertEquals(50, p.p50Nanos());
    assertEquals(95, p.p95Nanos());
    assertEquals(99, p.p99Nanos());
    assertEquals(100, p.maxNanos());
    assertEquals(50, p.meanNanos()); // 5050 / 100 = 50.5, rounded down
  }

  @Test
  void nearestRankTakesAnObservedSampleNeverAnInterpolation() {
    // ranks: p50 of 4 samples is rank ceil(2) = 2, p95 is rank ceil(3.8) = 4
    long[] samples = {40, 10, 30, 20};
    Percentiles p = Percentiles.of(samples);
    assertEquals(20, p.p50Nanos());
    assertEquals(40, p.p95Nanos());
    assertEquals(40, p.p99Nanos());
  }

  @Test
  void tailPercentilesSeeTheSlowCallsOfALargeSample() {
    long[] samples = new long[1000];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = i < 940 ? 1_000_000 : 80_000_000; // 6 % slow calls
    }
    Percentiles p = Percentiles.of(samples);
    assertEquals(1_000_000, p.p50Nanos());
    assertEquals(80_000_000, p.p95Nanos());
    assertEquals(80.0, p.p95Millis());
    assertEquals(1.0, p.p50Millis());
  }

  @Test
  void theInputIsNotReordered() {
    long[] samples = {3, 1, 2};
    Percentiles.of(samples);
    assertEquals(3, samples[0]);
    assertEquals(1, samples[1]);
  }

  @Test
  void aSingleSampleIsEveryPercentile() {
    Percentiles p = Percentiles.of(new long[] {7});
    assertEquals(7, p.p50Nanos());
    assertEquals(7, p.p99Nanos());
    assertEquals(7, p.maxNanos());
  }

  @Test
  void noSamplesGiveZeros() {
    assertEquals(Percentiles.NONE, Percentiles.of(new long[0]));
  }

  @Test
  void rankRefusesPercentagesOutsideTheRange() {
    long[] sorted = {1, 2, 3};
    assertThrows(IllegalArgumentException.class, () -> Percentiles.rank(sorted, 0));
    assertThrows(IllegalArgumentException.class, () -> Percentiles.rank(sorted, 100.5));
    assertThrows(IllegalArgumentException.class, () -> Percentiles.rank(new long[0], 50));
    assertEquals(3, Percentiles.rank(sorted, 100));
    assertEquals(1, Percentiles.rank(sorted, 1));
  }
}
