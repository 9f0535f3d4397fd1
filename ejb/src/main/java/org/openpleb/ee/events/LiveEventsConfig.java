package org.openpleb.ee.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/** How the live event streams are kept: heartbeat period, stream caps and per-stream backlog. */
@ApplicationScoped
public class LiveEventsConfig implements SettingsRule {

  /** Period of the heartbeat comment on every stream, seconds. */
  public static final String HEARTBEAT_SECONDS = "OPENPLEB_EVENTS_HEARTBEAT_SECONDS";

  /** Most streams open at once on this instance. */
  public static final String MAX_CLIENTS = "OPENPLEB_EVENTS_MAX_CLIENTS";

  /**
   * Most anonymous streams open at once; below {@link #MAX_CLIENTS}, the difference is reserved for
   * signed-in streams.
   */
  public static final String MAX_ANONYMOUS = "OPENPLEB_EVENTS_MAX_ANONYMOUS";

  /** Most anonymous streams of one client address (an IPv6 /64 counts as one). */
  public static final String MAX_PER_ADDRESS = "OPENPLEB_EVENTS_MAX_PER_ADDRESS";

  /** Most streams of one session. */
  public static final String MAX_PER_SESSION = "OPENPLEB_EVENTS_MAX_PER_SESSION";

  /** Most events waiting for one stream before it counts as too slow. */
  public static final String QUEUE_LIMIT = "OPENPLEB_EVENTS_QUEUE_LIMIT";

  @Inject
  @ConfigProperty(name = HEARTBEAT_SECONDS)
  long heartbeatSeconds;

  @Inject
  @ConfigProperty(name = MAX_CLIENTS)
  int maxClients;

  @Inject
  @ConfigProperty(name = MAX_ANONYMOUS)
  int maxAnonymous;

  @Inject
  @ConfigProperty(name = MAX_PER_ADDRESS)
  int maxPerAddress;

  @Inject
  @ConfigProperty(name = MAX_PER_SESSION)
  int maxPerSession;

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

  /** The caps on streams; a refused client is told to retry after two heartbeats. */
  public StreamAdmission.Caps caps() {
    return new StreamAdmission.Caps(
        maxClients, maxAnonymous, maxPerAddress, maxPerSession, heartbeat().multipliedBy(2));
  }

  /** The most events waiting for one stream. */
  public int queueLimit() {
    return queueLimit;
  }

  /** Declares the rules for this feature's settings. */
  @Override
  public void declare(ConfigCheck check) {
    check.positiveLong(HEARTBEAT_SECONDS);
    check.positiveInt(MAX_CLIENTS);
    check.positiveInt(MAX_ANONYMOUS);
    check.positiveInt(MAX_PER_ADDRESS);
    check.positiveInt(MAX_PER_SESSION);
    check.positiveInt(QUEUE_LIMIT);
    check.below(MAX_ANONYMOUS, MAX_CLIENTS);
  }
}
