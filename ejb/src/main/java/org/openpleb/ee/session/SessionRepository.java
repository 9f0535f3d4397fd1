package org.openpleb.ee.session;

import jakarta.ejb.Local;
import java.time.OffsetDateTime;
import java.util.List;
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

  /**
   * Takes the admission lock until the current transaction ends: logins on every server queue here,
   * so counting live sessions and adding one happen as one step.
   */
  void lockAdmission();

  /**
   * Closes the session if it is still LIVE (a compare-and-set on its state).
   *
   * @return whether this call closed it; false when it was already closed or does not exist
   */
  boolean close(String id, SessionCloseReason reason, OffsetDateTime now);

  /** Ids of sessions still marked LIVE whose expiry is at or before {@code now}, oldest first. */
  List<String> findExpiredIds(OffsetDateTime now, int max);

  /**
   * LIVE, unexpired sessions whose last activity is before {@code idleSince}, least recently seen
   * first.
   */
  List<UserSession> findIdle(OffsetDateTime idleSince, OffsetDateTime now, int max);

  /**
   * LIVE, unexpired sessions that made no request since login (last activity not after creation),
   * newest first.
   */
  List<UserSession> findUnused(OffsetDateTime now, int max);

  /**
   * Records activity at {@code now} unless it was recorded at or after {@code notBefore} (the first
   * activity after login is always recorded, so relief can tell a used session from an unused one):
   * a conditional update, so a busy session costs one write per interval, not one per request.
   *
   * @return whether a write happened
   */
  boolean touch(String id, OffsetDateTime now, OffsetDateTime notBefore);
}
