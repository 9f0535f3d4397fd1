package org.openpleb.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinearFitTest {

  @Test
  void anExactLineIsRecovered() {
    // 64 MiB baseline plus 3,000 bytes per session
    double[] sessions = {0, 1_000, 5_000, 10_000, 20_000};
    double[] heap = new double[sessions.length];
    for (int i = 0; i < sessions.length; i++) {
      heap[i] = 64 * 1024 * 1024 + 3_000 * sessions[i];
    }
    LinearFit fit = LinearFit.of(sessions, heap);
    assertEquals(3_000, fit.slope(), 1e-6);
    assertEquals(64 * 1024 * 1024, fit.intercept(), 1e-3);
    assertEquals(1.0, fit.rSquared(), 1e-12);
    assertEquals(5, fit.points());
    assertEquals(0, fit.slopeMargin(), 1e-6); // no residuals, no doubt
  }

  @Test
  void theMarginIsStudentsTOverTheSlopesStandardError() {
    // residuals of {0, 12, 18, 31, 39} against 9.7x + 0.6: -0.6, 1.7, -2, 1.3, -0.4 → SSE 9.1;
    // standard error sqrt(9.1 / 3 / 10) = 0.5508; t(0.975, 3) = 3.182 → margin 1.7525
    LinearFit fit = LinearFit.of(new double[] {0, 1, 2, 3, 4}, new double[] {0, 12, 18, 31, 39});
    assertEquals(1.7525, fit.slopeMargin(), 1e-4);
    assertEquals(9.7 - 1.7525, fit.slopeLow(), 1e-4);
    assertEquals(9.7 + 1.7525, fit.slopeHigh(), 1e-4);
  }

  @Test
  void noiseLowersTheFitButNotTheSlopeMuch() {
    double[] xs = {0, 1, 2, 3, 4};
    double[] ys = {0, 12, 18, 31, 39}; // about 10 per step
    LinearFit fit = LinearFit.of(xs, ys);
    assertEquals(9.7, fit.slope(), 1e-9);
    assertTrue(fit.rSquared() < 1 && fit.rSquared() > 0.98);
  }

  @Test
  void aFlatLineHasZeroSlope() {
    LinearFit fit = LinearFit.of(new double[] {0, 10, 20}, new double[] {5, 5, 5});
    assertEquals(0, fit.slope());
    assertEquals(5, fit.intercept());
  }

  @Test
  void needsTwoDistinctX() {
    assertThrows(
        IllegalArgumentException.class, () -> LinearFit.of(new double[] {1}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> LinearFit.of(new double[] {2, 2}, new double[] {1, 3}));
    assertThrows(
        IllegalArgumentException.class, () -> LinearFit.of(new double[] {1, 2}, new double[] {1}));
  }
}
