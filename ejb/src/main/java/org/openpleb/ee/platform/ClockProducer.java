package org.openpleb.ee.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The platform's one source of "now". Everything that compares against deadlines injects this
 * clock, so tests can move time instead of sleeping.
 */
@ApplicationScoped
public class ClockProducer {

  /** UTC system time; the database stores every instant with its offset. */
  @Produces
  public Clock clock() {
    return Clock.systemUTC();
  }
}
