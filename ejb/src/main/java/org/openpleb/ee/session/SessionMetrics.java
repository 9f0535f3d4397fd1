package org.openpleb.ee.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.Gauge;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Session figures for the operator's dashboards (application scope, Prometheus adds {@code _total}
 * to counters):
 *
 * <ul>
 *   <li>{@code openpleb_sessions_live} gauge: live sessions across all instances, read from the
 *       shared database at each scrape;
 *   <li>{@code openpleb_sessions_created} counter: sessions this instance opened;
 *   <li>{@code openpleb_sessions_rejected{reason}} counter: refused logins by {@link
 *       LoginRefusal#tag()} ({@code limit}, {@code emergency}, {@code bad_signature}, …);
 *   <li>{@code openpleb_sessions_closed{reason}} counter: sessions this instance closed, by
 *       lowercase {@link SessionCloseReason} ({@code expired}, {@code logged_out}, {@code
 *       capacity}).
 * </ul>
 */
@ApplicationScoped
public class SessionMetrics {

  private static final Logger LOG = Logger.getLogger(SessionMetrics.class.getName());

  static final Metadata CREATED =
      Metadata.builder()
          .withName("openpleb_sessions_created")
          .withDescription("User sessions opened by this instance")
          .withUnit(MetricUnits.NONE)
          .build();

  static final Metadata REJECTED =
      Metadata.builder()
          .withName("openpleb_sessions_rejected")
          .withDescription("Logins refused by this instance, by reason")
          .withUnit(MetricUnits.NONE)
          .build();

  static final Metadata CLOSED =
      Metadata.builder()
          .withName("openpleb_sessions_closed")
          .withDescription("User sessions closed by this instance, by reason")
          .withUnit(MetricUnits.NONE)
          .build();

  @EJB SessionRepository sessions;

  @Inject Clock clock;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry metrics;

  /**
   * Creates the bean at startup: MicroProfile Metrics registers a gauge only once it exists. Every
   * counter series is registered at zero so dashboards see it before the first event.
   */
  void registerAtStartup(@Observes @Initialized(ApplicationScoped.class) Object context) {
    metrics.counter(CREATED);
    for (LoginRefusal refusal : LoginRefusal.values()) {
      metrics.counter(REJECTED, new Tag("reason", refusal.tag()));
    }
    for (SessionCloseReason reason : SessionCloseReason.values()) {
      metrics.counter(CLOSED, closeTag(reason));
    }
    LOG.fine("Session metrics registered");
  }

  /** Live sessions across all instances, or -1 while the database cannot be asked. */
  @Gauge(
      name = "openpleb_sessions_live",
      absolute = true,
      unit = MetricUnits.NONE,
      description = "Live user sessions across all instances (-1 when the database is unreachable)")
  public long liveSessions() {
    try {
      return sessions.countLive(OffsetDateTime.now(clock));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot count live sessions", e);
      return -1;
    }
  }

  /** Counts a session opened. */
  public void created() {
    metrics.counter(CREATED).inc();
  }

  /** Counts a refused login. */
  public void rejected(LoginRefusal refusal) {
    metrics.counter(REJECTED, new Tag("reason", refusal.tag())).inc();
  }

  /** Counts a closed session. */
  public void closed(SessionCloseReason reason) {
    metrics.counter(CLOSED, closeTag(reason)).inc();
  }

  private static Tag closeTag(SessionCloseReason reason) {
    return new Tag("reason", reason.name().toLowerCase(Locale.ROOT));
  }
}
