package org.openpleb.ee.wallet;

import jakarta.ejb.Local;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Where the mint quotes the server asked for are kept ({@code mint_quotes}): the shared database,
 * so any server can find one whose holder was lost. Every change is a compare-and-set on the state.
 */
@Local
public interface AskedQuoteRepository {

  /** Stores a quote about to be asked for (ASKING), committed before the mint is asked. */
  void add(AskedQuote quote);

  /** The row with this id. */
  Optional<AskedQuote> find(String id);

  /**
   * Records the mint's answer: ASKING becomes RECORDED with the sealed quote, its keyed hash and
   * the invoice.
   *
   * @return whether this call did (false if the row was no longer ASKING)
   */
  boolean recordAnswer(
      String id,
      String quoteRef,
      String quoteSealed,
      String invoice,
      OffsetDateTime expiresAt,
      OffsetDateTime now);

  /**
   * Marks a RECORDED quote held by its offer or deposit. Joins the caller's transaction, which
   * stores the quote on the holder, so both commit or neither does.
   *
   * @return whether this call did (false if the sweep took it as lost meanwhile)
   */
  boolean hold(String id, OffsetDateTime now);

  /** Deletes an ASKING row the mint refused (no quote was created). */
  void forget(String id);

  /**
   * RECORDED quotes for {@code purposeId} of {@code amount} sats that nobody holds yet, newest
   * first: what a retried request may hand out again instead of asking for another.
   */
  List<AskedQuote> recordedFor(QuotePurpose purpose, String purposeId, long amount);

  /** Quotes asked by the request of this Idempotency-Key scope hash, newest first. */
  List<AskedQuote> ofRequest(String requestRef);

  /** Ids of ASKING and RECORDED rows due for a look at {@code now}, most overdue first. */
  List<String> dueIds(OffsetDateTime now, int max);

  /**
   * Takes a due row for one look by moving its next look to {@code leaseUntil}: a compare-and-set,
   * so of several servers and runs only one looks.
   *
   * @return whether this call took it
   */
  boolean claim(String id, OffsetDateTime now, OffsetDateTime leaseUntil);

  /** Schedules the next look at a row still ASKING or RECORDED. */
  void reschedule(String id, OffsetDateTime nextCheckAt, OffsetDateTime now);

  /**
   * Ends a row still ASKING or RECORDED as LAPSED, LOST or FAILED.
   *
   * @return whether this call did
   */
  boolean end(String id, AskedQuoteState end, OffsetDateTime now);

  /**
   * Adopts a RECORDED quote nobody holds: stores {@code deposit} (which holds the quote) and marks
   * the row ADOPTED by it, in one transaction.
   *
   * @return whether this call did (false if the row was no longer RECORDED: someone held or adopted
   *     it first)
   */
  boolean adopt(String id, Deposit deposit, OffsetDateTime now);
}
