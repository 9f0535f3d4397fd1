package org.openpleb.ee.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one round trip to the shared database, as readiness reports it.
 *
 * @param reachable whether a query came back
 * @param product the database product and version, e.g. {@code PostgreSQL 15.18}, when reachable
 * @param latency how long the round trip took
 * @param failure the kind of failure (exception type and SQL state) when unreachable; never the
 *     driver's message, which may name hosts and users
 */
public record DatabaseStatus(
    boolean reachable, Optional<String> product, Duration latency, Optional<String> failure) {

  /** A successful round trip. */
  public static DatabaseStatus up(String product, Duration latency) {
    return new DatabaseStatus(true, Optional.of(product), latency, Optional.empty());
  }

  /** A failed round trip. */
  public static DatabaseStatus down(String failure, Duration latency) {
    return new DatabaseStatus(false, Optional.empty(), latency, Optional.of(failure));
  }
}
