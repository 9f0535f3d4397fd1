package org.openpleb.ee.offer;

import jakarta.ejb.Local;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where offers, their audit logs and receipts are kept: the shared database. Every change of an
 * offer is a typed {@link OfferChange} written as a compare-and-set ({@code UPDATE … WHERE id = ?
 * AND status = ?}) whose row count says whether it happened; all methods join the caller's
 * transaction.
 */
@Local
public interface OfferRepository {

  /** Stores a new offer. */
  void add(Offer offer);

  /** The offer as the database holds it now. */
  Optional<Offer> find(String id);

  /**
   * Applies {@code change} to its offer if the offer as it stands admits it ({@link
   * OfferChange#admits}): one compare-and-set.
   *
   * @return whether the row changed
   */
  boolean apply(OfferChange change);

  /**
   * Locks the offer if it is due ({@code expires_at <= now}) in one of {@code states}, skipping it
   * when another transaction holds it ({@code FOR UPDATE SKIP LOCKED}).
   *
   * @return whether this transaction now holds it
   */
  boolean lockIfDue(String id, Set<OfferState> states, OffsetDateTime now);

  /** Offers in a timed state whose deadline passed, not waiting out a retry, most overdue first. */
  List<String> dueIds(OffsetDateTime now, int max);

  /** Offers whose invoice is watched and due for a look. */
  List<String> quoteDueIds(OffsetDateTime now, int max);

  /** Offers with a funding or claim attempt whose time is up. */
  List<String> staleAttemptIds(OffsetDateTime now, int max);

  /** Funded offers in the order book, newest first, optionally of one fiat provider. */
  List<Offer> book(String fiatProvider, int offset, int limit);

  /** How many offers the order book holds, optionally of one fiat provider. */
  long bookSize(String fiatProvider);

  /** The offers {@code pubkey} made or took, newest first. */
  List<Offer> ofParty(String pubkey, int limit);

  /** Offers in DISPUTED, oldest first. */
  List<Offer> disputed(int offset, int limit);

  /** How many offers are in each state. */
  Map<OfferState, Long> countByState();

  /** Sats held for running offers: escrows of funded ones, plus bonds of claimed ones. */
  long heldSats();

  /** Unfinished offers {@code pubkey} made. */
  long countOpenAsMaker(String pubkey);

  /** Unfinished offers {@code pubkey} claimed. */
  long countOpenAsTaker(String pubkey);

  /**
   * Whether an unfinished offer, or an attempt in flight, involves the wallet {@code walletId} or
   * the key {@code pubkey}.
   */
  boolean hasOpenTrades(String pubkey, String walletId);

  /**
   * Serialises offer creation per user: locks the user's live session rows until the transaction
   * ends, so two concurrent creations cannot both slip under the limit.
   */
  void lockUser(String pubkey);

  /**
   * Appends a line to the offer's audit log, chained to the previous one. Locks the offer's row for
   * the rest of the transaction.
   */
  AuditRecord appendAudit(AuditEntryDraft draft);

  /** The offer's audit log, oldest first. */
  List<AuditRecord> audit(String offerId);

  /** Stores the receipt of an offer. */
  void addReceipt(Receipt receipt);

  /** The receipt of an offer, if one was posted. */
  Optional<Receipt> receipt(String offerId);

  /**
   * What goes into an audit line before it gets its place in the chain.
   *
   * @param offerId the offer
   * @param at when
   * @param actor who
   * @param action what
   * @param from state before, or null
   * @param to state after
   * @param facts further facts
   */
  record AuditEntryDraft(
      String offerId,
      OffsetDateTime at,
      String actor,
      String action,
      OfferState from,
      OfferState to,
      Map<String, String> facts) {}
}
