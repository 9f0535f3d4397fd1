package org.openpleb.ee.idempotency;

import java.util.Optional;

/**
 * How an endpoint learns what the first execution of an orphaned request did (its server died
 * before the answer was stored), so that the retry gets the outcome of what happened instead of 409
 * for ever or a second execution.
 */
@FunctionalInterface
public interface Recovery {

  /** Nothing can be learnt and nothing moved money: the request simply runs again. */
  Recovery RUN_AGAIN = requestId -> Optional.empty();

  /**
   * Rebuilds the answer of the dead execution from what it left behind (the wallet's journal, the
   * database).
   *
   * @param requestId the id that execution ran under (its wallet operation id), or {@code null} for
   *     a request claimed by a version that recorded none
   * @return the answer the first execution would have given, which is stored and replayed; empty
   *     when none of the first execution happened, and the request runs afresh
   * @throws RuntimeException when it cannot be told now (e.g. the mint is away): the key stays
   *     orphaned and the exception is the retry's answer
   */
  Optional<StoredAnswer> rebuild(String requestId);
}
