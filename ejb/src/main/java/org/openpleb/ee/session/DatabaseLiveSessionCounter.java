package org.openpleb.ee.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.openpleb.ee.capacity.LiveSessionCounter;

/**
 * The session side of the capacity level: live sessions counted in the shared database, so every
 * server sharing it sees the same figure.
 */
@ApplicationScoped
public class DatabaseLiveSessionCounter implements LiveSessionCounter {

  @EJB SessionRepository sessions;

  @Inject Clock clock;

  @Override
  public long liveSessions() {
    return sessions.countLive(OffsetDateTime.now(clock));
  }
}
