package org.openpleb.bench.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap by class, as {@code jcmd <pid> GC.class_histogram} prints it (after a full collection):
 * instances and bytes per class. Two histograms give the growth between them, the evidence of what
 * a session or a wallet actually keeps on the heap.
 *
 * @param entries one row per class, largest first
 */
public record ClassHistogram(List<Entry> entries) {

  private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

  public ClassHistogram {
    entries = List.copyOf(entries);
  }

  /**
   * One class.
   *
   * @param className the class, JVM notation for arrays ({@code [B} is byte[])
   * @param instances live instances
   * @param bytes shallow bytes of those instances
   */
  public record Entry(String className, long instances, long bytes) {}

  /** Parses jcmd's output; lines that are not histogram rows are ignored. */
  public static ClassHistogram parse(String text) {
    List<Entry> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        rows.add(new Entry(m.group(3), Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
      }
    }
    rows.sort(Comparator.comparingLong(Entry::bytes).reversed());
    return new ClassHistogram(rows);
  }

  /** The largest {@code n} rows. */
  public List<Entry> top(int n) {
    return entries.subList(0, Math.min(n, entries.size()));
  }

  /** Total bytes of all rows. */
  public long totalBytes() {
    return entries.stream().mapToLong(Entry::bytes).sum();
  }

  /**
   * What grew from {@code before} to this histogram, class by class, the largest growth first;
   * classes that shrank are left out.
   */
  public List<Entry> growthSince(ClassHistogram before, int n) {
    Map<String, Entry> old = new HashMap<>();
    for (Entry e : before.entries) {
      old.put(e.className(), e);
    }
    List<Entry> growth = new ArrayList<>();
    for (Entry e : entries) {
      Entry o = old.get(e.className());
      long bytes = e.bytes() - (o == null ? 0 : o.bytes());
      long instances = e.instances() - (o == null ? 0 : o.instances());
      if (bytes > 0) {
        growth.add(new Entry(e.className(), instances, bytes));
      }
    }
    growth.sort(Comparator.comparingLong(Entry::bytes).reversed());
    return growth.subList(0, Math.min(n, growth.size()));
  }
}
