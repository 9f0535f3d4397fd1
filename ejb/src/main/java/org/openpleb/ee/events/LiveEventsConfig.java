package org.openpleb.ee.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;

/** How the live event streams are kept: heartbeat period, stream cap and per-stream backlog. */
@ApplicationScoped
public class LiveEventsConfig {

  /** Period of the heartbeat comment on every stream, seconds. */
  public static final String HEARTBEAT_SECONDS = "OPENPLEB_EVENTS_HEARTBEAT_SECONDS";

  /** Most streams open at once on this instance. */
  public static final String MAX_CLIENTS = "OPENPLEB_EVENTS_MAX_CLIENTS";

  /** Most events waiting for one stream before it counts as too slow. */
  public static final String QUEUE_LIMIT = "OPENPLEB_EVENTS_QUEUE_LIMIT";

  @Inject
  @ConfigProperty(name = HEARTBEAT_SECONDS)
  long heartbeatSeconds;

  @Inject
  @ConfigProperty(name = MAX_CLIENTS)
  int maxClients;

  @Inject
  @ConfigProperty(name = QUEUE_LIMIT)
  int queueLimit;

  /** How often every stream gets a heartbeat; also the deadline of one write to a client. */
  public Duration heartbeat() {
    return Duration.ofSeconds(heartbeatSeconds);
  }

  /** The most streams open at once on this instance. */
  public int maxClients() {
    return maxClients;
  }

  /** The most events waiting for one stream. */
  public int queueLimit() {
    return queueLimit;
  }

  /** Declares the rules for this feature's settings. */
  public static void validate(ConfigCheck check) {
    check.positiveLong(HEARTBEAT_SECONDS);
    check.positiveInt(MAX_CLIENTS);
    check.positiveInt(QUEUE_LIMIT);
  }
}
