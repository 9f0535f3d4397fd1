package org.openpleb.bench.stats;

/**
 * The least-squares line y = intercept + slope × x through measured points, with its coefficient of
 * determination. Used for the memory one more live session or open wallet costs: the slope of heap
 * (or resident memory) against their count.
 *
 * @param slope change of y per unit of x
 * @param intercept y at x = 0
 * @param rSquared how much of y's variance the line explains, 0 to 1 (1 when y is constant)
 * @param points number of points the line was fitted to
 */
public record LinearFit(double slope, double intercept, double rSquared, int points) {

  /** The line through the points (xs[i], ys[i]); needs at least two distinct x values. */
  public static LinearFit of(double[] xs, double[] ys) {
    if (xs.length != ys.length) {
      throw new IllegalArgumentException("xs and ys differ in length");
    }
    int n = xs.length;
    if (n < 2) {
      throw new IllegalArgumentException("a line needs at least two points");
    }
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < n; i++) {
      meanX += xs[i];
      meanY += ys[i];
    }
    meanX /= n;
    meanY /= n;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = xs[i] - meanX;
      double dy = ys[i] - meanY;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
    if (sxx == 0) {
      throw new IllegalArgumentException("a line needs at least two distinct x values");
    }
    double slope = sxy / sxx;
    double intercept = meanY - slope * meanX;
    double r2 = syy == 0 ? 1 : (sxy * sxy) / (sxx * syy);
    return new LinearFit(slope, intercept, r2, n);
  }
}
