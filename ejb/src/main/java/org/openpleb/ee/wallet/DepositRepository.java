package org.openpleb.ee.wallet;

import jakarta.ejb.Local;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Where Lightning deposits are kept: the shared database, so any server can credit them. */
@Local
public interface DepositRepository {

  /** Stores a new deposit. */
  void add(Deposit deposit);

  /**
   * Stores a new deposit that holds the quote of ledger row {@code askedQuoteId}, and marks that
   * row held, in one transaction.
   *
   * @return whether it was stored (false, with nothing stored, when the quote ledger had taken the
   *     quote as lost meanwhile)
   */
  boolean addHolding(Deposit deposit, String askedQuoteId, OffsetDateTime now);

  /** The deposit with this id. */
  Optional<Deposit> find(String id);

  /** Open deposits due for a check at {@code now}, the most overdue first, at most {@code max}. */
  List<String> dueIds(OffsetDateTime now, int max);

  /**
   * Takes a due deposit for one check by moving its next check to {@code leaseUntil}: a
   * compare-and-set, so of several servers only one checks it.
   *
   * @return whether this call took it
   */
  boolean claim(String id, OffsetDateTime now, OffsetDateTime leaseUntil);

  /**
   * Takes an open deposit for one check now, due or not, unless another check holds it (its next
   * check is after {@code notLeasedBy}): moves its next check to {@code leaseUntil} and leaves its
   * count of checks, so a check on read does not grow the watcher's backoff.
   *
   * @return whether this call took it
   */
  boolean takeNow(String id, OffsetDateTime notLeasedBy, OffsetDateTime leaseUntil);

  /** Schedules the next check of an open deposit, in {@code state} (PENDING or PAID). */
  void reschedule(String id, DepositState state, OffsetDateTime nextCheckAt);

  /**
   * Marks an open deposit credited with {@code amount} sats.
   *
   * @return whether this call did (false if it was no longer open)
   */
  boolean markCredited(String id, long amount, OffsetDateTime now);

  /** Ends an open deposit as EXPIRED or FAILED, with a reason that holds no secret. */
  void markEnded(String id, DepositState state, String reason);

  /** How many deposits into {@code walletId} are still open. */
  long countOpen(String walletId);
}
