package org.openpleb.bench.stats;

/**
 * How one endpoint answered during one measured interval: its latency percentiles over the
 * successful calls, how many calls failed, and the rate at which calls completed.
 *
 * @param endpoint the endpoint's label, e.g. {@code GET /api/sessions/current}
 * @param latency percentiles of the successful calls
 * @param errors calls that failed (transport error or a status the scenario did not expect)
 * @param throughputPerSecond completed calls (successful and failed) per second of the interval
 */
public record EndpointLatency(
    String endpoint, Percentiles latency, long errors, double throughputPerSecond) {

  /** Successful plus failed calls. */
  public long calls() {
    return latency.count() + errors;
  }
}
