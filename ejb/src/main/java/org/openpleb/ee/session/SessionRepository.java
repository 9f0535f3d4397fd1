package org.openpleb.ee.session;

import jakarta.ejb.Local;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Where sessions are kept; the shared database in production. */
@Local
public interface SessionRepository {

  /** Stores a new session. */
  void add(UserSession session);

  /** The session with this id, live or closed. */
  Optional<UserSession> find(String id);

  /** The session whose token hashes to {@code tokenHash}, if it is live at {@code now}. */
  Optional<UserSession> findLiveByTokenHash(String tokenHash, OffsetDateTime now);

  /** How many sessions are live at {@code now}, across all instances. */
  long countLive(OffsetDateTime now);
}
