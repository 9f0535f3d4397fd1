package org.openpleb.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineChartTest {

  @Test
  void ticksAreRoundAndCoverTheMaximum() {
    assertArrayEquals(new double[] {0, 5_000, 10_000, 15_000, 20_000}, LineChart.ticks(20_000));
    assertArrayEquals(new double[] {0, 20, 40, 60, 80, 100}, LineChart.ticks(97));
    assertArrayEquals(new double[] {0, 0.5, 1, 1.5}, LineChart.ticks(1.2), 1e-12);
    assertArrayEquals(new double[] {0, 1}, LineChart.ticks(0));
  }

  @Test
  void everySeriesBecomesALineWithItsPointsAndALegendEntry() {
    String svg =
        new LineChart(
                "t <&>",
                "clients",
                "ms",
                List.of(
                    new LineChart.Series("p50", new double[] {10, 50, 200}, new double[] {1, 2, 9}),
                    new LineChart.Series(
                        "p95", new double[] {10, 50, 200}, new double[] {3, 8, 40})),
                true)
            .toSvg();
    assertEquals(2, count(svg, "<polyline"));
    assertEquals(6, count(svg, "<circle"));
    assertTrue(svg.contains(">p95</text>"));
    assertTrue(svg.contains("t &lt;&amp;&gt;"));
  }

  @Test
  void seriesNeedAsManyXAsY() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new LineChart.Series("x", new double[] {1, 2}, new double[] {1}));
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
