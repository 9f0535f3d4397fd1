package org.openpleb.ee.session;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link SessionRepository} in memory, with the contract of {@link JpaSessionRepository}: reads
 * return copies (a later update does not show through an object read before it, as with a JPQL bulk
 * update), {@code close} and {@code touch} are compare-and-sets on the stored row, and ids and
 * token hashes are unique as the table's keys are.
 */
class InMemorySessionRepository implements SessionRepository {

  private final Map<String, UserSession> rows = new LinkedHashMap<>();
  private int admissionLocks;

  @Override
  public synchronized void add(UserSession session) {
    if (rows.containsKey(session.id())) {
      throw new IllegalStateException("duplicate session id " + session.id());
    }
    if (rows.values().stream().anyMatch(s -> s.tokenHash().equals(session.tokenHash()))) {
      throw new IllegalStateException("duplicate token hash");
    }
    rows.put(session.id(), Entities.copy(session));
  }

  @Override
  public synchronized Optional<UserSession> find(String id) {
    return Optional.ofNullable(rows.get(id)).map(Entities::copy);
  }

  @Override
  public synchronized Optional<UserSession> findLiveByTokenHash(
      String tokenHash, OffsetDateTime now) {
    return live(now).filter(s -> s.tokenHash().equals(tokenHash)).findFirst().map(Entities::copy);
  }

  @Override
  public synchronized long countLive(OffsetDateTime now) {
    return live(now).count();
  }

  @Override
  public synchronized void lockAdmission() {
    admissionLocks++;
  }

  @Override
  public synchronized boolean close(String id, SessionCloseReason reason, OffsetDateTime now) {
    UserSession row = rows.get(id);
    if (row == null || row.state() != SessionState.LIVE) {
      return false;
    }
    Entities.set(row, "state", SessionState.CLOSED);
    Entities.set(row, "closeReason", reason);
    Entities.set(row, "closedAt", now);
    return true;
  }

  @Override
  public synchronized List<String> findExpiredIds(OffsetDateTime now, int max) {
    return rows.values().stream()
        .filter(s -> s.state() == SessionState.LIVE && !s.expiresAt().isAfter(now))
        .sorted(Comparator.comparing(UserSession::expiresAt))
        .limit(max)
        .map(UserSession::id)
        .toList();
  }

  @Override
  public synchronized List<UserSession> findIdle(
      OffsetDateTime idleSince, OffsetDateTime now, int max) {
    return live(now)
        .filter(s -> s.lastSeenAt().isBefore(idleSince))
        .sorted(Comparator.comparing(UserSession::lastSeenAt))
        .limit(max)
        .map(Entities::copy)
        .toList();
  }

  @Override
  public synchronized List<UserSession> findUnused(OffsetDateTime now, int max) {
    return live(now)
        .filter(s -> !s.lastSeenAt().isAfter(s.createdAt()))
        .sorted(Comparator.comparing(UserSession::createdAt).reversed())
        .limit(max)
        .map(Entities::copy)
        .toList();
  }

  @Override
  public synchronized boolean touch(String id, OffsetDateTime now, OffsetDateTime notBefore) {
    UserSession row = rows.get(id);
    if (row == null
        || row.state() != SessionState.LIVE
        || !(row.lastSeenAt().isBefore(notBefore) || !row.lastSeenAt().isAfter(row.createdAt()))) {
      return false;
    }
    Entities.set(row, "lastSeenAt", now);
    return true;
  }

  /** How many times the admission lock was taken. */
  synchronized int admissionLocks() {
    return admissionLocks;
  }

  /** Every stored session, as copies, in insertion order. */
  synchronized List<UserSession> all() {
    return rows.values().stream().map(Entities::copy).toList();
  }

  /** The stored row of {@code id}, copied; fails when there is none. */
  synchronized UserSession row(String id) {
    return Entities.copy(rows.get(id));
  }

  /** Moves a stored row's last activity, as another server's touch would. */
  synchronized void setLastSeen(String id, OffsetDateTime at) {
    Entities.set(rows.get(id), "lastSeenAt", at);
  }

  private Stream<UserSession> live(OffsetDateTime now) {
    return rows.values().stream()
        .filter(s -> s.state() == SessionState.LIVE && s.expiresAt().isAfter(now));
  }
}
