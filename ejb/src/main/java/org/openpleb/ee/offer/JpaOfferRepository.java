package org.openpleb.ee.offer;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Offers in the shared database through JPA; the row locks in portable SQL. */
@Stateless
public class JpaOfferRepository implements OfferRepository {

  private static final Pattern FIELD = Pattern.compile("[a-zA-Z]+");

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
  public boolean update(
      String id,
      Set<OfferState> statusIn,
      Map<String, Object> conditions,
      OffsetDateTime notDueAt,
      Map<String, Object> changes) {
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("nothing to change");
    }
    StringBuilder jpql = new StringBuilder("UPDATE Offer o SET ");
    List<Object[]> parameters = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, Object> change : changes.entrySet()) {
      if (n > 0) {
        jpql.append(", ");
      }
      jpql.append("o.").append(field(change.getKey()));
      if (change.getValue() == null) {
        jpql.append(" = NULL");
      } else {
        jpql.append(" = :c").append(n);
        parameters.add(new Object[] {"c" + n, change.getValue()});
      }
      n++;
    }
    jpql.append(" WHERE o.id = :id AND o.status IN :statusIn");
    int m = 0;
    for (Map.Entry<String, Object> condition : conditions.entrySet()) {
      jpql.append(" AND o.").append(field(condition.getKey()));
      if (condition.getValue() == null) {
        jpql.append(" IS NULL");
      } else {
        jpql.append(" = :w").append(m);
        parameters.add(new Object[] {"w" + m, condition.getValue()});
      }
      m++;
    }
    if (notDueAt != null) {
      jpql.append(" AND (o.expiresAt IS NULL OR o.expiresAt > :notDueAt)");
      parameters.add(new Object[] {"notDueAt", notDueAt});
    }
    Query update =
        em.createQuery(jpql.toString())
            .setParameter("id", id)
            .setParameter("statusIn", List.copyOf(statusIn));
    for (Object[] p : parameters) {
      update.setParameter((String) p[0], p[1]);
    }
    return update.executeUpdate() == 1;
  }

  private static String field(String name) {
    if (!FIELD.matcher(name).matches()) {
      throw new IllegalArgumentException("not a field name");
    }
    return name;
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
