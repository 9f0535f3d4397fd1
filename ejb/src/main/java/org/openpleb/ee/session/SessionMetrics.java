package org.openpleb.ee.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;

/** Session figures for the operator's dashboards, read from the shared database at each scrape. */
@ApplicationScoped
public class SessionMetrics {

  private static final Logger LOG = Logger.getLogger(SessionMetrics.class.getName());

  @EJB SessionRepository sessions;

  @Inject Clock clock;

  /** Creates the bean at startup: MicroProfile Metrics registers a gauge only once it exists. */
  void registerAtStartup(@Observes @Initialized(ApplicationScoped.class) Object context) {
    LOG.fine("Session gauges registered");
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
}
