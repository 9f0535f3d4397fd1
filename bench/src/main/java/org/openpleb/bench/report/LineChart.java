package org.openpleb.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as a self-contained SVG document: linear axes with round tick values, one polyline
 * with point markers per series, and a legend. Written by hand so the report needs no plotting
 * library and renders on any Markdown viewer that shows images.
 *
 * @param title the chart's title
 * @param xLabel the x axis' label
 * @param yLabel the y axis' label
 * @param series the lines
 * @param xCategorical place x values at even spacing (e.g. 10, 50, 200 clients) instead of to scale
 */
public record LineChart(
    String title, String xLabel, String yLabel, List<Series> series, boolean xCategorical) {

  private static final String[] COLORS = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf"
  };
  private static final int WIDTH = 720;
  private static final int HEIGHT = 420;
  private static final int LEFT = 80;
  private static final int RIGHT = 180;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;

  public LineChart {
    series = List.copyOf(series);
  }

  /**
   * One line.
   *
   * @param name its legend entry
   * @param xs x values
   * @param ys y values, same length
   */
  public record Series(String name, double[] xs, double[] ys) {
    public Series {
      if (xs.length != ys.length) {
        throw new IllegalArgumentException("xs and ys differ in length for " + name);
      }
    }
  }

  /** The SVG document. */
  public String toSvg() {
    StringBuilder svg = new StringBuilder();
    svg.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0"
                    + " %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT))
        .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    text(svg, WIDTH / 2.0, 22, "middle", 15, title);

    List<Double> xsAll = new ArrayList<>();
    double yMax = 0;
    for (Series s : series) {
      for (int i = 0; i < s.xs().length; i++) {
        if (Double.isFinite(s.ys()[i]) && Double.isFinite(s.xs()[i])) {
          if (!xsAll.contains(s.xs()[i])) {
            xsAll.add(s.xs()[i]);
          }
          yMax = Math.max(yMax, s.ys()[i]);
        }
      }
    }
    xsAll.sort(Double::compare);
    double[] yTicks = ticks(yMax);
    double yTop = yTicks[yTicks.length - 1];
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;

    // axes and grid
    for (double t : yTicks) {
      double y = TOP + plotH - (yTop == 0 ? 0 : t / yTop * plotH);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
              LEFT,
              y,
              LEFT + plotW,
              y));
      text(svg, LEFT - 6, y + 4, "end", 11, number(t));
    }
    double[] xTicks = xCategorical ? toArray(xsAll) : ticks(xsAll.isEmpty() ? 1 : max(xsAll));
    double xTop = xTicks.length == 0 ? 1 : xTicks[xTicks.length - 1];
    for (double t : xTicks) {
      double x = xPos(t, xsAll, xTop, plotW);
      text(svg, x, TOP + plotH + 18, "middle", 11, number(t));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n",
            LEFT,
            TOP + plotH,
            LEFT + plotW,
            TOP + plotH));
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\"/>%n",
            LEFT,
            TOP,
            LEFT,
            TOP + plotH));
    text(svg, LEFT + plotW / 2, HEIGHT - 18, "middle", 12, xLabel);
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\""
                + " transform=\"rotate(-90 18 %.1f)\">%s</text>%n",
            TOP + plotH / 2,
            TOP + plotH / 2,
            escape(yLabel)));

    // series
    for (int k = 0; k < series.size(); k++) {
      Series s = series.get(k);
      String color = COLORS[k % COLORS.length];
      StringBuilder points = new StringBuilder();
      StringBuilder markers = new StringBuilder();
      for (int i = 0; i < s.xs().length; i++) {
        if (!Double.isFinite(s.ys()[i])) {
          continue;
        }
        double x = xPos(s.xs()[i], xsAll, xTop, plotW);
        double y = TOP + plotH - (yTop == 0 ? 0 : s.ys()[i] / yTop * plotH);
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        markers.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n",
                x,
                y,
                color));
      }
      svg.append(
              String.format(
                  Locale.ROOT,
                  "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                  color,
                  points.toString().trim()))
          .append(markers);
      double ly = TOP + 10 + k * 20;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                  + " stroke-width=\"3\"/>%n",
              LEFT + plotW + 14,
              ly,
              LEFT + plotW + 34,
              ly,
              color));
      text(svg, LEFT + plotW + 40, ly + 4, "start", 11, s.name());
    }
    return svg.append("</svg>\n").toString();
  }

  private double xPos(double value, List<Double> xsAll, double xTop, double plotW) {
    if (xCategorical) {
      int i = xsAll.indexOf(value);
      int n = xsAll.size();
      return LEFT + (n <= 1 ? plotW / 2 : plotW * (0.05 + 0.9 * i / (n - 1)));
    }
    return LEFT + (xTop == 0 ? 0 : value / xTop * plotW);
  }

  /** Round tick values from 0 to at least {@code max}: steps of 1, 2 or 5 times a power of 10. */
  static double[] ticks(double max) {
    if (!(max > 0)) {
      return new double[] {0, 1};
    }
    double rough = max / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double step = magnitude;
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * magnitude >= rough) {
        step = m * magnitude;
        break;
      }
    }
    int n = (int) Math.ceil(max / step - 1e-9);
    double[] out = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      out[i] = i * step;
    }
    return out;
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static void text(
      StringBuilder svg, double x, double y, String anchor, int size, String content) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
            x,
            y,
            anchor,
            size,
            escape(content)));
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
