package org.openpleb.ee.session;

import jakarta.ejb.Local;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Where login challenges are kept; the shared database, so every server sees every challenge. */
@Local
public interface LoginChallengeRepository {

  /** Stores a freshly issued challenge. */
  void add(LoginChallenge challenge);

  /** The challenge with this text, used or not, until it is purged. */
  Optional<LoginChallenge> find(String challenge);

  /**
   * Marks the challenge used if it is unused and not expired at {@code now}, as one conditional
   * update, so of two concurrent logins with the same challenge only one succeeds.
   *
   * @return whether this call consumed it
   */
  boolean consume(String challenge, OffsetDateTime now);

  /** Deletes challenges that expired before {@code cutoff}, used or not; returns how many. */
  int purgeExpiredBefore(OffsetDateTime cutoff);
}
