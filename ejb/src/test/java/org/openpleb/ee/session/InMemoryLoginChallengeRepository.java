package org.openpleb.ee.session;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LoginChallengeRepository} in memory, with the contract of {@link
 * JpaLoginChallengeRepository}: {@code consume} is a compare-and-set (unused and not yet expired),
 * reads return copies, and the challenge text is the primary key.
 */
final class InMemoryLoginChallengeRepository implements LoginChallengeRepository {

  private final Map<String, LoginChallenge> rows = new LinkedHashMap<>();

  @Override
  public synchronized void add(LoginChallenge challenge) {
    if (rows.containsKey(challenge.challenge())) {
      throw new IllegalStateException("duplicate challenge");
    }
    rows.put(challenge.challenge(), Entities.copy(challenge));
  }

  @Override
  public synchronized Optional<LoginChallenge> find(String challenge) {
    return Optional.ofNullable(rows.get(challenge)).map(Entities::copy);
  }

  @Override
  public synchronized boolean consume(String challenge, OffsetDateTime now) {
    LoginChallenge row = rows.get(challenge);
    if (row == null || row.usedAt().isPresent() || !row.expiresAt().isAfter(now)) {
      return false;
    }
    Entities.set(row, "usedAt", now);
    return true;
  }

  @Override
  public synchronized int purgeExpiredBefore(OffsetDateTime cutoff) {
    int before = rows.size();
    rows.values().removeIf(c -> c.expiresAt().isBefore(cutoff));
    return before - rows.size();
  }

  /** Every stored challenge, as copies, in issue order. */
  synchronized List<LoginChallenge> all() {
    return rows.values().stream().map(Entities::copy).toList();
  }
}
