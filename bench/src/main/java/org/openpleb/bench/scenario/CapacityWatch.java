package org.openpleb.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openpleb.bench.server.MetricsText;

/**
 * Watches the server's capacity monitor while the benchmark runs (a /metrics scrape every few
 * seconds): the highest capacity level and memory ratios it reported, so the report can say whether
 * the monitor would have acted at its default thresholds.
 */
public final class CapacityWatch {

  private static final long PERIOD_MILLIS = 5_000;
  private static final String[] LEVELS = {"NORMAL", "WARNING", "CRITICAL", "EMERGENCY"};

  private final ServerUnderTest server;
  private volatile boolean running;
  private Thread thread;
  private double maxLevel = -1;
  private double maxRatio;
  private double maxHeapRatio;
  private double maxMachineRatio;
  private int scrapes;

  /** Watches {@code server}. */
  public CapacityWatch(ServerUnderTest server) {
    this.server = server;
  }

  /** Starts scraping in the background. */
  public void start() {
    running = true;
    thread =
        new Thread(
            () -> {
              while (running) {
                scrape();
                try {
                  Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-capacity-watch");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops scraping (one last scrape first). */
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    scrape();
  }

  private synchronized void scrape() {
    MetricsText m = server.metrics();
    if (m.samples().isEmpty()) {
      return;
    }
    scrapes++;
    maxLevel = Math.max(maxLevel, m.value("openpleb_capacity_level").orElse(-1));
    maxRatio = Math.max(maxRatio, m.value("openpleb_capacity_memory_ratio").orElse(0));
    maxHeapRatio = Math.max(maxHeapRatio, m.value("openpleb_capacity_memory_heap_ratio").orElse(0));
    maxMachineRatio =
        Math.max(maxMachineRatio, m.value("openpleb_capacity_memory_machine_ratio").orElse(0));
  }

  /** What the watch saw, as sentences for the report. */
  public synchronized List<String> observations() {
    List<String> out = new ArrayList<>();
    if (scrapes == 0 || maxLevel < 0) {
      out.add("The server's capacity metrics could not be read during the run.");
      return out;
    }
    int level = (int) Math.round(maxLevel);
    out.add(
        String.format(
            Locale.ROOT,
            "Capacity monitor over %d scrapes of /metrics: highest level %s; highest memory ratio"
                + " %.3f (heap %.3f, machine %.3f). The heap ratio is used ÷ max at the instant of"
                + " the check, garbage included; at the default thresholds (0.70 / 0.85 / 0.95) a"
                + " heap ratio of %.3f would have meant %s.",
            scrapes,
            level >= 0 && level < LEVELS.length ? LEVELS[level] : Integer.toString(level),
            maxRatio,
            maxHeapRatio,
            maxMachineRatio,
            maxHeapRatio,
            maxHeapRatio >= 0.95
                ? "EMERGENCY (logins refused, idle sessions closed)"
                : maxHeapRatio >= 0.85
                    ? "CRITICAL (shorter sessions, aggressive cleanup)"
                    : maxHeapRatio >= 0.70 ? "WARNING (a log line)" : "NORMAL"));
    return out;
  }
}
