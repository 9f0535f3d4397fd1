package org.openpleb.bench.report;

import java.util.Locale;

/** How the report writes quantities: binary byte units, milliseconds, rates and counts. */
final class Figures {

  private Figures() {}

  /** Bytes in B, KiB, MiB or GiB with three significant digits. */
  static String bytes(double b) {
    if (Double.isNaN(b)) {
      return "n/a";
    }
    double abs = Math.abs(b);
    if (abs < 1024) {
      return String.format(Locale.ROOT, "%.0f B", b);
    }
    if (abs < 1024 * 1024) {
      return String.format(Locale.ROOT, "%s KiB", sig(b / 1024));
    }
    if (abs < 1024.0 * 1024 * 1024) {
      return String.format(Locale.ROOT, "%s MiB", sig(b / (1024 * 1024)));
    }
    return String.format(Locale.ROOT, "%s GiB", sig(b / (1024.0 * 1024 * 1024)));
  }

  /** Milliseconds with precision that suits their size. */
  static String ms(double millis) {
    if (Double.isNaN(millis)) {
      return "n/a";
    }
    if (millis < 10) {
      return String.format(Locale.ROOT, "%.2f ms", millis);
    }
    if (millis < 100) {
      return String.format(Locale.ROOT, "%.1f ms", millis);
    }
    return String.format(Locale.ROOT, "%,.0f ms", millis);
  }

  /** A plain number with thousands separators. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A number with one decimal. */
  static String one(double v) {
    return String.format(Locale.ROOT, "%,.1f", v);
  }

  /** A number with two decimals. */
  static String two(double v) {
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  /** A ratio as a percentage with one decimal. */
  static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
  }

  private static String sig(double v) {
    double abs = Math.abs(v);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
