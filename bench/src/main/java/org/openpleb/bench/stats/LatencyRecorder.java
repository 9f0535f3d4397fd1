package org.openpleb.bench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects the latency of every call made during one measured interval, per endpoint, from any
 * number of client threads. Every sample is kept (a few hundred thousand longs at most), so the
 * percentiles are exact rather than estimated from buckets.
 */
public final class LatencyRecorder {

  private final Map<String, Samples> byEndpoint = new ConcurrentHashMap<>();

  /** Records one successful call of {@code endpoint} that took {@code nanos}. */
  public void success(String endpoint, long nanos) {
    samples(endpoint).add(nanos);
  }

  /** Records one failed call of {@code endpoint}. */
  public void failure(String endpoint) {
    samples(endpoint).fail();
  }

  /** Every endpoint called so far, with its figures over an interval of {@code seconds}. */
  public List<EndpointLatency> summarize(double seconds) {
    List<EndpointLatency> out = new ArrayList<>();
    byEndpoint.forEach(
        (endpoint, samples) -> {
          long[] values;
          long errors;
          synchronized (samples) {
            values = Arrays.copyOf(samples.values, samples.size);
            errors = samples.errors;
          }
          double rate = seconds > 0 ? (values.length + errors) / seconds : 0;
          out.add(new EndpointLatency(endpoint, Percentiles.of(values), errors, rate));
        });
    out.sort(Comparator.comparing(EndpointLatency::endpoint));
    return out;
  }

  /** All successful samples of every endpoint together. */
  public long[] allSamples() {
    long[][] parts =
        byEndpoint.values().stream()
            .map(
                s -> {
                  synchronized (s) {
                    return Arrays.copyOf(s.values, s.size);
                  }
                })
            .toArray(long[][]::new);
    int total = 0;
    for (long[] p : parts) {
      total += p.length;
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  /** Failed calls of every endpoint together. */
  public long totalErrors() {
    long errors = 0;
    for (Samples s : byEndpoint.values()) {
      synchronized (s) {
        errors += s.errors;
      }
    }
    return errors;
  }

  private Samples samples(String endpoint) {
    return byEndpoint.computeIfAbsent(endpoint, e -> new Samples());
  }

  private static final class Samples {
    private long[] values = new long[1024];
    private int size;
    private long errors;

    synchronized void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    synchronized void fail() {
      errors++;
    }
  }
}
