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

  /** A figure with its 95 % margin, e.g. {@code 75 B ± 60 B}. */
  static String plusMinus(double value, double margin) {
    return margin > 0 ? bytes(value) + " ± " + bytes(margin) : bytes(value);
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
