package org.openpleb.ee.wallet;

import jakarta.persistence.EntityExistsException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link AskedQuoteRepository} in memory, with {@link JpaAskedQuoteRepository}'s contract: every
 * change is a compare-and-set on the state, rows are copied in and out, and adopting stores the
 * deposit only when the row was still RECORDED. Synchronized, so concurrent callers see one order
 * of changes; {@link #adopt} holds the deposits' lock too, as one transaction would.
 */
final class InMemoryAskedQuoteRepository implements AskedQuoteRepository {

  private static final Set<AskedQuoteState> SWEPT =
      Set.of(AskedQuoteState.ASKING, AskedQuoteState.RECORDED);

  private final Map<String, AskedQuote> rows = new LinkedHashMap<>();
  private final InMemoryDepositRepository deposits;

  InMemoryAskedQuoteRepository(InMemoryDepositRepository deposits) {
    this.deposits = deposits;
  }

  @Override
  public synchronized void add(AskedQuote quote) {
    if (rows.containsKey(quote.id())) {
      throw new EntityExistsException("quote row " + quote.id() + " exists");
    }
    rows.put(quote.id(), RowCopies.copy(quote));
  }

  @Override
  public synchronized Optional<AskedQuote> find(String id) {
    return Optional.ofNullable(rows.get(id)).map(RowCopies::copy);
  }

  @Override
  public synchronized boolean recordAnswer(
      String id,
      String quoteRef,
      String quoteSealed,
      String invoice,
      OffsetDateTime expiresAt,
      OffsetDateTime now) {
    AskedQuote row = rows.get(id);
    if (row == null || row.state() != AskedQuoteState.ASKING) {
      return false;
    }
    if (rows.values().stream().anyMatch(r -> quoteRef.equals(r.quoteRef().orElse(null)))) {
      throw new EntityExistsException("quote_ref is unique");
    }
    RowCopies.set(row, "state", AskedQuoteState.RECORDED);
    RowCopies.set(row, "quoteRef", quoteRef);
    RowCopies.set(row, "quoteSealed", quoteSealed);
    RowCopies.set(row, "invoice", invoice);
    RowCopies.set(row, "expiresAt", expiresAt);
    RowCopies.set(row, "updatedAt", now);
    return true;
  }

  @Override
  public synchronized boolean hold(String id, OffsetDateTime now) {
    AskedQuote row = rows.get(id);
    if (row == null || row.state() != AskedQuoteState.RECORDED) {
      return false;
    }
    RowCopies.set(row, "state", AskedQuoteState.HELD);
    RowCopies.set(row, "updatedAt", now);
    return true;
  }

  @Override
  public synchronized void forget(String id) {
    AskedQuote row = rows.get(id);
    if (row != null && row.state() == AskedQuoteState.ASKING) {
      rows.remove(id);
    }
  }

  @Override
  public synchronized List<AskedQuote> recordedFor(
      QuotePurpose purpose, String purposeId, long amount) {
    return rows.values().stream()
        .filter(
            q ->
                q.purpose() == purpose
                    && q.purposeId().equals(purposeId)
                    && q.amount() == amount
                    && q.state() == AskedQuoteState.RECORDED)
        .sorted(Comparator.comparing(AskedQuote::createdAt).reversed())
        .map(RowCopies::copy)
        .toList();
  }

  @Override
  public synchronized List<AskedQuote> ofRequest(String requestRef) {
    return rows.values().stream()
        .filter(q -> requestRef.equals(q.requestRef().orElse(null)))
        .sorted(Comparator.comparing(AskedQuote::createdAt).reversed())
        .limit(10)
        .map(RowCopies::copy)
        .toList();
  }

  @Override
  public synchronized List<String> dueIds(OffsetDateTime now, int max) {
    return rows.values().stream()
        .filter(q -> SWEPT.contains(q.state()) && !q.nextCheckAt().isAfter(now))
        .sorted(Comparator.comparing(AskedQuote::nextCheckAt))
        .limit(max)
        .map(AskedQuote::id)
        .toList();
  }

  @Override
  public synchronized boolean claim(String id, OffsetDateTime now, OffsetDateTime leaseUntil) {
    AskedQuote row = rows.get(id);
    if (row == null || !SWEPT.contains(row.state()) || row.nextCheckAt().isAfter(now)) {
      return false;
    }
    RowCopies.set(row, "nextCheckAt", leaseUntil);
    RowCopies.set(row, "checks", row.checks() + 1);
    return true;
  }

  @Override
  public synchronized void reschedule(String id, OffsetDateTime nextCheckAt, OffsetDateTime now) {
    AskedQuote row = rows.get(id);
    if (row != null && SWEPT.contains(row.state())) {
      RowCopies.set(row, "nextCheckAt", nextCheckAt);
      RowCopies.set(row, "updatedAt", now);
    }
  }

  @Override
  public synchronized boolean end(String id, AskedQuoteState end, OffsetDateTime now) {
    if (end != AskedQuoteState.LAPSED
        && end != AskedQuoteState.LOST
        && end != AskedQuoteState.FAILED) {
      throw new IllegalArgumentException("a swept quote ends LAPSED, LOST or FAILED");
    }
    AskedQuote row = rows.get(id);
    if (row == null || !SWEPT.contains(row.state())) {
      return false;
    }
    RowCopies.set(row, "state", end);
    RowCopies.set(row, "updatedAt", now);
    return true;
  }

  @Override
  public boolean adopt(String id, Deposit deposit, OffsetDateTime now) {
    synchronized (deposits) {
      synchronized (this) {
        AskedQuote row = rows.get(id);
        if (row == null || row.state() != AskedQuoteState.RECORDED) {
          return false;
        }
        deposits.add(deposit);
        RowCopies.set(row, "state", AskedQuoteState.ADOPTED);
        RowCopies.set(row, "depositId", deposit.id());
        RowCopies.set(row, "updatedAt", now);
        return true;
      }
    }
  }

  /** Every row, in the order stored. */
  synchronized List<AskedQuote> all() {
    return rows.values().stream().map(RowCopies::copy).toList();
  }

  /** Removes a row, as if it had never been written. */
  synchronized void delete(String id) {
    rows.remove(id);
  }
}
