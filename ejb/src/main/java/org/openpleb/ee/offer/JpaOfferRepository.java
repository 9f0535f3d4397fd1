package org.openpleb.ee.offer;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Offers in the shared database through JPA; the row locks in portable SQL. */
@Stateless
public class JpaOfferRepository implements OfferRepository {

  // The statements of the offer changes, one fixed text each (the pieces are compile-time
  // constants). A move sets the state, when it was entered, its deadline (NULL in a state without
  // one) and the outcome of an end, and clears the sweep backoff; a party's move also needs the
  // deadline of the state it leaves not passed yet.

  private static final String MOVE =
      "UPDATE Offer o SET o.status = :to, o.stateEnteredAt = :at, o.sweepFailures = 0,"
          + " o.sweepRetryAt = NULL";

  private static final String TIMED = ", o.expiresAt = :deadline";

  private static final String UNTIMED = ", o.expiresAt = NULL";

  private static final String ENDS = ", o.expiresAt = NULL, o.outcome = :outcome";

  private static final String CLEAR_ATTEMPT =
      ", o.attemptId = NULL, o.attemptKind = NULL, o.attemptPubkey = NULL,"
          + " o.attemptWalletId = NULL, o.attemptUntil = NULL";

  private static final String FROM = " WHERE o.id = :id AND o.status = :from";

  private static final String IN_TIME = " AND (o.expiresAt IS NULL OR o.expiresAt > :at)";

  private static final String INVOICE_REQUESTED_JPQL =
      MOVE
          + TIMED
          + ", o.fundingMethod = :lightning, o.escrowOwner = :owner, o.quoteId = :quoteId,"
          + " o.invoice = :invoice, o.quoteExpiresAt = :quoteExpiresAt,"
          + " o.quoteState = :watching, o.quoteNextCheckAt = :at"
          + FROM
          + IN_TIME
          + " AND o.attemptId IS NULL";

  private static final String FUNDED_JPQL =
      MOVE
          + TIMED
          + CLEAR_ATTEMPT
          + ", o.makerSessionId = :sessionId, o.makerWalletId = :walletId"
          + ", o.fundingMethod = :method, o.escrowOwner = :owner, o.fundingFee = :fee"
          + FROM
          + IN_TIME
          + " AND o.attemptId = :attemptId";

  private static final String INVOICE_MINTED_JPQL =
      MOVE
          + TIMED
          + ", o.quoteState = :minted, o.quoteNextCheckAt = NULL"
          + FROM
          + " AND o.quoteState = :watching";

  private static final String CLAIMED_JPQL =
      MOVE
          + TIMED
          + CLEAR_ATTEMPT
          + ", o.takerPubkey = :pubkey, o.takerSessionId = :sessionId,"
          + " o.takerWalletId = :walletId, o.bondOwner = :owner, o.bondFee = :fee,"
          + " o.claimedAt = :at"
          + FROM
          + IN_TIME
          + " AND o.attemptId = :attemptId";

  private static final String RECEIPT_POSTED_JPQL =
      MOVE + TIMED + ", o.receiptAt = :at" + FROM + IN_TIME + " AND o.takerPubkey = :taker";

  private static final String APPROVED_JPQL =
      MOVE + ENDS + ", o.makerFeedback = :text" + FROM + IN_TIME;

  private static final String ISSUE_MARKED_JPQL =
      MOVE + TIMED + ", o.makerFeedback = :text" + FROM + IN_TIME;

  private static final String COUNTERED_JPQL =
      MOVE + UNTIMED + ", o.takerResponse = :text" + FROM + IN_TIME + " AND o.takerPubkey = :taker";

  private static final String FORFEITED_JPQL =
      MOVE + ENDS + ", o.takerResponse = :text" + FROM + IN_TIME + " AND o.takerPubkey = :taker";

  private static final String RESOLVED_JPQL =
      MOVE
          + ENDS
          + ", o.resolution = :resolution, o.resolutionReason = :reason, o.resolvedBy = :admin"
          + FROM;

  private static final String EXPIRED_JPQL = MOVE + ENDS + FROM;

  private static final String ATTEMPT_STARTED_JPQL =
      "UPDATE Offer o SET o.attemptId = :attemptId, o.attemptKind = :kind,"
          + " o.attemptPubkey = :pubkey, o.attemptWalletId = :walletId, o.attemptUntil = :until"
          + FROM
          + IN_TIME
          + " AND o.attemptId IS NULL";

  private static final String ATTEMPT_DROPPED_JPQL =
      "UPDATE Offer o SET o.attemptId = NULL, o.attemptKind = NULL, o.attemptPubkey = NULL,"
          + " o.attemptWalletId = NULL, o.attemptUntil = NULL"
          + " WHERE o.id = :id AND o.attemptId = :attemptId";

  private static final String QUOTE_CHECK_TAKEN_JPQL =
      "UPDATE Offer o SET o.quoteNextCheckAt = :until WHERE o.id = :id"
          + " AND o.quoteState = :watching AND o.quoteNextCheckAt = :dueAt";

  private static final String QUOTE_CHECK_RESCHEDULED_JPQL =
      "UPDATE Offer o SET o.quoteNextCheckAt = :next, o.quoteChecks = :checks"
          + " WHERE o.id = :id AND o.quoteState = :watching";

  private static final String QUOTE_ENDED_JPQL =
      "UPDATE Offer o SET o.quoteState = :end, o.quoteNextCheckAt = NULL"
          + " WHERE o.id = :id AND o.quoteState = :watching";

  private static final String EXPIRY_PUT_ASIDE_JPQL =
      "UPDATE Offer o SET o.sweepRetryAt = :retryAt, o.sweepFailures = :failures"
          + " WHERE o.id = :id AND o.status IN :timed";

  private static final List<OfferState> OPEN = List.copyOf(OfferState.open());

  /** States in which the maker's escrow is held. */
  private static final Set<OfferState> FUNDED =
      EnumSet.of(
          OfferState.INVOICE_PAID,
          OfferState.CLAIMED,
          OfferState.RECEIPT_SUBMITTED,
          OfferState.MARKED_WITH_ISSUE,
          OfferState.DISPUTED);

  /** States in which the taker's bond is held. */
  private static final Set<OfferState> CLAIMED =
      EnumSet.of(
          OfferState.CLAIMED,
          OfferState.RECEIPT_SUBMITTED,
          OfferState.MARKED_WITH_ISSUE,
          OfferState.DISPUTED);

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  @Override
  public void add(Offer offer) {
    em.persist(offer);
    em.flush();
  }

  @Override
  public Optional<Offer> find(String id) {
    Offer offer = em.find(Offer.class, id);
    if (offer != null) {
      // a compare-and-set in this transaction may have changed the row behind the context's back
      em.refresh(offer);
    }
    return Optional.ofNullable(offer);
  }

  @Override
  public boolean apply(OfferChange change) {
    Query update;
    if (change instanceof OfferChange.InvoiceRequested c) {
      update =
          moved(INVOICE_REQUESTED_JPQL, c.move())
              .setParameter("owner", c.escrow().key())
              .setParameter("quoteId", c.quoteId())
              .setParameter("invoice", c.bolt11())
              .setParameter("quoteExpiresAt", c.quoteExpiresAt())
              .setParameter("watching", QuoteWatch.WATCHING)
              .setParameter("lightning", FundingMethod.LIGHTNING);
    } else if (change instanceof OfferChange.Funded c) {
      update =
          moved(FUNDED_JPQL, c.move())
              .setParameter("attemptId", c.attemptId())
              .setParameter("sessionId", c.maker().sessionId())
              .setParameter("walletId", c.maker().walletId().value())
              .setParameter("method", c.method())
              .setParameter("owner", c.escrow().key())
              .setParameter("fee", c.fee());
    } else if (change instanceof OfferChange.InvoiceMinted c) {
      update =
          moved(INVOICE_MINTED_JPQL, c.move())
              .setParameter("watching", QuoteWatch.WATCHING)
              .setParameter("minted", QuoteWatch.MINTED);
    } else if (change instanceof OfferChange.Claimed c) {
      update =
          moved(CLAIMED_JPQL, c.move())
              .setParameter("attemptId", c.attemptId())
              .setParameter("pubkey", c.taker().pubkey().hex())
              .setParameter("sessionId", c.taker().sessionId())
              .setParameter("walletId", c.taker().walletId().value())
              .setParameter("owner", c.bond().key())
              .setParameter("fee", c.fee());
    } else if (change instanceof OfferChange.ReceiptPosted c) {
      update = moved(RECEIPT_POSTED_JPQL, c.move()).setParameter("taker", c.taker().hex());
    } else if (change instanceof OfferChange.Approved c) {
      update = moved(APPROVED_JPQL, c.move()).setParameter("text", c.feedback());
    } else if (change instanceof OfferChange.IssueMarked c) {
      update = moved(ISSUE_MARKED_JPQL, c.move()).setParameter("text", c.feedback());
    } else if (change instanceof OfferChange.Countered c) {
      update =
          moved(COUNTERED_JPQL, c.move())
              .setParameter("taker", c.taker().hex())
              .setParameter("text", c.response());
    } else if (change instanceof OfferChange.Forfeited c) {
      update =
          moved(FORFEITED_JPQL, c.move())
              .setParameter("taker", c.taker().hex())
              .setParameter("text", c.response());
    } else if (change instanceof OfferChange.Resolved c) {
      update =
          moved(RESOLVED_JPQL, c.move())
              .setParameter("resolution", c.resolution().name())
              .setParameter("reason", c.reason())
              .setParameter("admin", c.admin());
    } else if (change instanceof OfferChange.Expired c) {
      update = moved(EXPIRED_JPQL, c.move());
    } else if (change instanceof OfferChange.AttemptStarted c) {
      update =
          em.createQuery(ATTEMPT_STARTED_JPQL)
              .setParameter("attemptId", c.attemptId())
              .setParameter("kind", c.kind())
              .setParameter("pubkey", c.trader().pubkey().hex())
              .setParameter("walletId", c.trader().walletId().value())
              .setParameter("until", c.until())
              .setParameter("id", c.offerId().value())
              .setParameter("from", c.from())
              .setParameter("at", c.at());
    } else if (change instanceof OfferChange.AttemptDropped c) {
      update =
          em.createQuery(ATTEMPT_DROPPED_JPQL)
              .setParameter("id", c.offerId().value())
              .setParameter("attemptId", c.attemptId());
    } else if (change instanceof OfferChange.QuoteCheckTaken c) {
      update =
          em.createQuery(QUOTE_CHECK_TAKEN_JPQL)
              .setParameter("until", c.until())
              .setParameter("id", c.offerId().value())
              .setParameter("watching", QuoteWatch.WATCHING)
              .setParameter("dueAt", c.dueAt());
    } else if (change instanceof OfferChange.QuoteCheckRescheduled c) {
      update =
          em.createQuery(QUOTE_CHECK_RESCHEDULED_JPQL)
              .setParameter("next", c.next())
              .setParameter("checks", c.checks())
              .setParameter("id", c.offerId().value())
              .setParameter("watching", QuoteWatch.WATCHING);
    } else if (change instanceof OfferChange.QuoteEnded c) {
      update =
          em.createQuery(QUOTE_ENDED_JPQL)
              .setParameter("end", c.end())
              .setParameter("id", c.offerId().value())
              .setParameter("watching", QuoteWatch.WATCHING);
    } else if (change instanceof OfferChange.ExpiryPutAside c) {
      update =
          em.createQuery(EXPIRY_PUT_ASIDE_JPQL)
              .setParameter("retryAt", c.retryAt())
              .setParameter("failures", c.failures())
              .setParameter("id", c.offerId().value())
              .setParameter("timed", List.copyOf(OfferState.withDeadline()));
    } else {
      throw new IllegalArgumentException("unknown change " + change);
    }
    return update.executeUpdate() == 1;
  }

  /** A change of state: its fixed statement with the parameters every move has. */
  private Query moved(String jpql, OfferChange.Move move) {
    Query update =
        em.createQuery(jpql)
            .setParameter("id", move.offerId().value())
            .setParameter("from", move.from())
            .setParameter("to", move.to())
            .setParameter("at", move.at());
    if (move.deadline() != null) {
      update.setParameter("deadline", move.deadline());
    }
    if (move.outcome() != null) {
      update.setParameter("outcome", move.outcome());
    }
    return update;
  }

  @Override
  public boolean lockIfDue(String id, Set<OfferState> states, OffsetDateTime now) {
    // One row by primary key: H2 locks exactly this row too (with a row limit it would lock every
    // row the WHERE clause matches, not only those returned).
    Query select =
        em.createNativeQuery(
                "SELECT id FROM offers WHERE id = ? AND status IN ("
                    + placeholders(states.size())
                    + ") AND expires_at <= ? FOR UPDATE SKIP LOCKED")
            .setParameter(1, id);
    int i = 2;
    for (OfferState state : states) {
      select.setParameter(i++, state.name());
    }
    select.setParameter(i, now);
    return !select.getResultList().isEmpty();
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  @Override
  public List<String> dueIds(OffsetDateTime now, int max) {
    return em.createQuery(
            "SELECT o.id FROM Offer o WHERE o.status IN :timed AND o.expiresAt <= :now"
                + " AND (o.sweepRetryAt IS NULL OR o.sweepRetryAt <= :now) ORDER BY o.expiresAt",
            String.class)
        .setParameter("timed", List.copyOf(OfferState.withDeadline()))
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public List<String> quoteDueIds(OffsetDateTime now, int max) {
    return em.createQuery(
            "SELECT o.id FROM Offer o WHERE o.quoteState = :watching"
                + " AND o.quoteNextCheckAt <= :now ORDER BY o.quoteNextCheckAt",
            String.class)
        .setParameter("watching", QuoteWatch.WATCHING)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public List<String> staleAttemptIds(OffsetDateTime now, int max) {
    return em.createQuery(
            "SELECT o.id FROM Offer o WHERE o.attemptUntil < :now ORDER BY o.attemptUntil",
            String.class)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public List<Offer> book(String fiatProvider, int offset, int limit) {
    TypedQuery<Offer> query =
        em.createQuery(
            "SELECT o FROM Offer o WHERE o.status = :paid"
                + (fiatProvider == null ? "" : " AND o.fiatProvider = :provider")
                + " ORDER BY o.createdAt DESC, o.id",
            Offer.class);
    query.setParameter("paid", OfferState.INVOICE_PAID);
    if (fiatProvider != null) {
      query.setParameter("provider", fiatProvider);
    }
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long bookSize(String fiatProvider) {
    TypedQuery<Long> query =
        em.createQuery(
            "SELECT COUNT(o) FROM Offer o WHERE o.status = :paid"
                + (fiatProvider == null ? "" : " AND o.fiatProvider = :provider"),
            Long.class);
    query.setParameter("paid", OfferState.INVOICE_PAID);
    if (fiatProvider != null) {
      query.setParameter("provider", fiatProvider);
    }
    return query.getSingleResult();
  }

  @Override
  public List<Offer> ofParty(String pubkey, int limit) {
    return em.createQuery(
            "SELECT o FROM Offer o WHERE o.makerPubkey = :pubkey OR o.takerPubkey = :pubkey"
                + " ORDER BY o.createdAt DESC, o.id",
            Offer.class)
        .setParameter("pubkey", pubkey)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<Offer> disputed(int offset, int limit) {
    return em.createQuery(
            "SELECT o FROM Offer o WHERE o.status = :disputed ORDER BY o.stateEnteredAt, o.id",
            Offer.class)
        .setParameter("disputed", OfferState.DISPUTED)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public Map<OfferState, Long> countByState() {
    Map<OfferState, Long> counts = new EnumMap<>(OfferState.class);
    for (Object[] row :
        em.createQuery("SELECT o.status, COUNT(o) FROM Offer o GROUP BY o.status", Object[].class)
            .getResultList()) {
      counts.put((OfferState) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }

  @Override
  public long heldSats() {
    Number escrows =
        em.createQuery("SELECT SUM(o.funding) FROM Offer o WHERE o.status IN :funded", Number.class)
            .setParameter("funded", List.copyOf(FUNDED))
            .getSingleResult();
    Number bonds =
        em.createQuery("SELECT SUM(o.bond) FROM Offer o WHERE o.status IN :claimed", Number.class)
            .setParameter("claimed", List.copyOf(CLAIMED))
            .getSingleResult();
    return (escrows == null ? 0 : escrows.longValue()) + (bonds == null ? 0 : bonds.longValue());
  }

  @Override
  public long countOpenAsMaker(String pubkey) {
    return em.createQuery(
            "SELECT COUNT(o) FROM Offer o WHERE o.makerPubkey = :pubkey AND o.status IN :open",
            Long.class)
        .setParameter("pubkey", pubkey)
        .setParameter("open", OPEN)
        .getSingleResult();
  }

  @Override
  public long countOpenAsTaker(String pubkey) {
    return em.createQuery(
            "SELECT COUNT(o) FROM Offer o WHERE o.takerPubkey = :pubkey AND o.status IN :open",
            Long.class)
        .setParameter("pubkey", pubkey)
        .setParameter("open", OPEN)
        .getSingleResult();
  }

  @Override
  public boolean hasOpenTrades(String pubkey, String walletId) {
    long count =
        em.createQuery(
                "SELECT COUNT(o) FROM Offer o WHERE (o.status IN :open AND (o.makerPubkey = :pubkey"
                    + " OR o.takerPubkey = :pubkey OR o.makerWalletId = :wallet"
                    + " OR o.takerWalletId = :wallet)) OR o.attemptWalletId = :wallet",
                Long.class)
            .setParameter("open", OPEN)
            .setParameter("pubkey", pubkey)
            .setParameter("wallet", walletId)
            .getSingleResult();
    return count > 0;
  }

  @Override
  public void lockUser(String pubkey) {
    em.createNativeQuery(
            "SELECT id FROM sessions WHERE pubkey = ? AND state = 'LIVE' ORDER BY id FOR UPDATE")
        .setParameter(1, pubkey)
        .getResultList();
  }

  @Override
  public AuditRecord appendAudit(AuditEntryDraft draft) {
    int bumped =
        em.createQuery("UPDATE Offer o SET o.auditSeq = o.auditSeq + 1 WHERE o.id = :id")
            .setParameter("id", draft.offerId())
            .executeUpdate();
    if (bumped != 1) {
      throw new IllegalStateException("no offer " + draft.offerId() + " to audit");
    }
    Object[] head =
        (Object[])
            em.createQuery("SELECT o.auditSeq, o.auditHead FROM Offer o WHERE o.id = :id")
                .setParameter("id", draft.offerId())
                .getSingleResult();
    int seq = ((Number) head[0]).intValue();
    String previous = (String) head[1];
    AuditEntry entry =
        new AuditEntry(
            draft.offerId(),
            seq,
            draft.at(),
            draft.actor(),
            draft.action(),
            draft.from(),
            draft.to(),
            draft.facts());
    AuditRecord record = AuditRecord.of(entry, previous);
    em.persist(record);
    em.createQuery("UPDATE Offer o SET o.auditHead = :hash WHERE o.id = :id")
        .setParameter("hash", record.hash())
        .setParameter("id", draft.offerId())
        .executeUpdate();
    return record;
  }

  @Override
  public List<AuditRecord> audit(String offerId) {
    return em.createQuery(
            "SELECT a FROM AuditRecord a WHERE a.offerId = :id ORDER BY a.seq", AuditRecord.class)
        .setParameter("id", offerId)
        .getResultList();
  }

  @Override
  public void addReceipt(Receipt receipt) {
    em.persist(receipt);
    em.flush();
  }

  @Override
  public Optional<Receipt> receipt(String offerId) {
    return Optional.ofNullable(em.find(Receipt.class, offerId));
  }
}
