package org.openpleb.ee.wallet;

import jakarta.persistence.EntityExistsException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DepositRepository} in memory, with {@link JpaDepositRepository}'s contract: the claim and
 * every state change are compare-and-sets on an open deposit (a closed one is left alone), rows are
 * copied in and out so a caller never holds the stored one, and a reason is cut to the column's 200
 * characters. Synchronized, so concurrent callers see one order of changes.
 */
final class InMemoryDepositRepository implements DepositRepository {

  private final Map<String, Deposit> rows = new LinkedHashMap<>();

  /** The quote ledger's rows, which {@link #addHolding} marks held. */
  InMemoryAskedQuoteRepository quotes;

  @Override
  public synchronized void add(Deposit deposit) {
    if (rows.containsKey(deposit.id())) {
      throw new EntityExistsException("deposit " + deposit.id() + " exists");
    }
    rows.put(deposit.id(), RowCopies.copy(deposit));
  }

  @Override
  public synchronized boolean addHolding(Deposit deposit, String askedQuoteId, OffsetDateTime now) {
    if (!quotes.hold(askedQuoteId, now)) {
      return false;
    }
    add(deposit);
    return true;
  }

  /** Removes a deposit, as if its row had been lost. */
  synchronized void delete(String id) {
    rows.remove(id);
  }

  @Override
  public synchronized Optional<Deposit> find(String id) {
    return Optional.ofNullable(rows.get(id)).map(RowCopies::copy);
  }

  @Override
  public synchronized List<String> dueIds(OffsetDateTime now, int max) {
    return rows.values().stream()
        .filter(d -> d.state().open() && !d.nextCheckAt().isAfter(now))
        .sorted(Comparator.comparing(Deposit::nextCheckAt))
        .limit(max)
        .map(Deposit::id)
        .toList();
  }

  @Override
  public synchronized boolean claim(String id, OffsetDateTime now, OffsetDateTime leaseUntil) {
    Deposit row = rows.get(id);
    if (row == null || !row.state().open() || row.nextCheckAt().isAfter(now)) {
      return false;
    }
    RowCopies.set(row, "nextCheckAt", leaseUntil);
    RowCopies.set(row, "checks", row.checks() + 1);
    return true;
  }

  @Override
  public synchronized boolean takeNow(
      String id, OffsetDateTime notLeasedBy, OffsetDateTime leaseUntil) {
    Deposit row = rows.get(id);
    if (row == null || !row.state().open() || row.nextCheckAt().isAfter(notLeasedBy)) {
      return false;
    }
    RowCopies.set(row, "nextCheckAt", leaseUntil);
    return true;
  }

  @Override
  public synchronized void reschedule(String id, DepositState state, OffsetDateTime nextCheckAt) {
    if (!state.open()) {
      throw new IllegalArgumentException("only open deposits are rescheduled");
    }
    Deposit row = rows.get(id);
    if (row != null && row.state().open()) {
      RowCopies.set(row, "state", state);
      RowCopies.set(row, "nextCheckAt", nextCheckAt);
    }
  }

  @Override
  public synchronized boolean markCredited(String id, long amount, OffsetDateTime now) {
    Deposit row = rows.get(id);
    if (row == null || !row.state().open()) {
      return false;
    }
    RowCopies.set(row, "state", DepositState.CREDITED);
    RowCopies.set(row, "creditedAt", now);
    RowCopies.set(row, "creditedAmount", amount);
    return true;
  }

  @Override
  public synchronized void markEnded(String id, DepositState state, String reason) {
    if (state != DepositState.EXPIRED && state != DepositState.FAILED) {
      throw new IllegalArgumentException("a deposit ends EXPIRED or FAILED");
    }
    Deposit row = rows.get(id);
    if (row != null && row.state().open()) {
      RowCopies.set(row, "state", state);
      RowCopies.set(
          row,
          "failure",
          reason == null ? null : reason.substring(0, Math.min(200, reason.length())));
    }
  }

  @Override
  public synchronized long countOpen(String walletId) {
    return rows.values().stream()
        .filter(d -> d.walletId().equals(walletId) && d.state().open())
        .count();
  }

  /** Deletes the finished deposits of {@code walletId}, as the wallet row's delete does. */
  synchronized void deleteOf(String walletId) {
    rows.values().removeIf(d -> d.walletId().equals(walletId));
  }

  /** Every stored deposit, copied. */
  synchronized List<Deposit> all() {
    return rows.values().stream().map(RowCopies::copy).toList();
  }
}
