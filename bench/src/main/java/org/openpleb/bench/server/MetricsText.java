package org.openpleb.bench.server;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A scrape of the server's {@code /metrics} (Prometheus text format): sample lines with their name,
 * labels and value, read by name and label.
 *
 * @param samples every sample line
 */
public record MetricsText(List<Sample> samples) {

  public MetricsText {
    samples = List.copyOf(samples);
  }

  /**
   * One sample line.
   *
   * @param name the metric name
   * @param labels the label text between the braces, {@code ""} when there are none
   * @param value the value
   */
  public record Sample(String name, String labels, double value) {

    /** Whether the labels contain {@code key="value"}. */
    public boolean hasLabel(String key, String value) {
      return labels.contains(key + "=\"" + value + "\"");
    }
  }

  /** Parses the text format; comments and unparsable lines are skipped. */
  public static MetricsText parse(String text) {
    List<Sample> out = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space;
      String name;
      String labels;
      if (brace >= 0 && brace < line.indexOf(' ')) {
        int close = line.indexOf('}', brace);
        if (close < 0) {
          continue;
        }
        name = line.substring(0, brace);
        labels = line.substring(brace + 1, close);
        space = close + 1;
      } else {
        space = line.indexOf(' ');
        if (space < 0) {
          continue;
        }
        name = line.substring(0, space);
        labels = "";
      }
      String[] rest = line.substring(space).trim().split("\\s+");
      try {
        out.add(new Sample(name, labels, Double.parseDouble(rest[0])));
      } catch (NumberFormatException e) {
        // NaN/Inf spellings Java does not read, or a malformed line: not a figure we use
      }
    }
    return new MetricsText(out);
  }

  /** The first sample named {@code name} (any labels). */
  public OptionalDouble value(String name) {
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .mapToDouble(Sample::value)
        .findFirst();
  }

  /** The first sample named {@code name} whose labels contain {@code key="value"}. */
  public OptionalDouble value(String name, String key, String value) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.hasLabel(key, value))
        .mapToDouble(Sample::value)
        .findFirst();
  }

  /** Whether any sample's name starts with {@code prefix}. */
  public boolean hasFamily(String prefix) {
    return samples.stream().anyMatch(s -> s.name().startsWith(prefix));
  }
}
