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
 * @param slopeMargin half-width of the slope's 95 % confidence interval (Student's t with n − 2
 *     degrees of freedom); 0 for two points, where the line goes through both
 */
public record LinearFit(
    double slope, double intercept, double rSquared, int points, double slopeMargin) {

  /** Two-sided 97.5 % quantiles of Student's t for 1 to 10 degrees of freedom. */
  private static final double[] T975 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228
  };

  /** The slope's 95 % interval, low end. */
  public double slopeLow() {
    return slope - slopeMargin;
  }

  /** The slope's 95 % interval, high end. */
  public double slopeHigh() {
    return slope + slopeMargin;
  }

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
    double margin = 0;
    if (n > 2) {
      double residuals = 0;
      for (int i = 0; i < n; i++) {
        double r = ys[i] - (intercept + slope * xs[i]);
        residuals += r * r;
      }
      double standardError = Math.sqrt(residuals / (n - 2) / sxx);
      double t = n - 2 <= T975.length ? T975[n - 3] : 1.96;
      margin = t * standardError;
    }
    return new LinearFit(slope, intercept, r2, n, margin);
  }
}
