package org.openpleb.ee.wallet;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The mint quotes the server asked for, in the shared database through JPA. */
@Stateless
public class JpaAskedQuoteRepository implements AskedQuoteRepository {

  private static final List<AskedQuoteState> SWEPT =
      List.of(AskedQuoteState.ASKING, AskedQuoteState.RECORDED);

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  @Override
  public void add(AskedQuote quote) {
    em.persist(quote);
    em.flush();
  }

  @Override
  public Optional<AskedQuote> find(String id) {
    return Optional.ofNullable(em.find(AskedQuote.class, id));
  }

  @Override
  public boolean recordAnswer(
      String id,
      String quoteRef,
      String quoteSealed,
      String invoice,
      OffsetDateTime expiresAt,
      OffsetDateTime now) {
    return em.createQuery(
                "UPDATE AskedQuote q SET q.state = :recorded, q.quoteRef = :ref,"
                    + " q.quoteSealed = :sealed, q.invoice = :invoice, q.expiresAt = :expires,"
                    + " q.updatedAt = :now WHERE q.id = :id AND q.state = :asking")
            .setParameter("recorded", AskedQuoteState.RECORDED)
            .setParameter("ref", quoteRef)
            .setParameter("sealed", quoteSealed)
            .setParameter("invoice", invoice)
            .setParameter("expires", expiresAt)
            .setParameter("now", now)
            .setParameter("id", id)
            .setParameter("asking", AskedQuoteState.ASKING)
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean hold(String id, OffsetDateTime now) {
    return move(id, AskedQuoteState.RECORDED, AskedQuoteState.HELD, now);
  }

  @Override
  public void forget(String id) {
    em.createQuery("DELETE FROM AskedQuote q WHERE q.id = :id AND q.state = :asking")
        .setParameter("id", id)
        .setParameter("asking", AskedQuoteState.ASKING)
        .executeUpdate();
  }

  @Override
  public List<AskedQuote> recordedFor(QuotePurpose purpose, String purposeId, long amount) {
    return em.createQuery(
            "SELECT q FROM AskedQuote q WHERE q.purposeId = :pid AND q.purpose = :purpose"
                + " AND q.amount = :amount AND q.state = :recorded ORDER BY q.createdAt DESC",
            AskedQuote.class)
        .setParameter("pid", purposeId)
        .setParameter("purpose", purpose)
        .setParameter("amount", amount)
        .setParameter("recorded", AskedQuoteState.RECORDED)
        .getResultList();
  }

  @Override
  public List<AskedQuote> ofRequest(String requestRef) {
    return em.createQuery(
            "SELECT q FROM AskedQuote q WHERE q.requestRef = :ref ORDER BY q.createdAt DESC",
            AskedQuote.class)
        .setParameter("ref", requestRef)
        .setMaxResults(10)
        .getResultList();
  }

  @Override
  public List<String> dueIds(OffsetDateTime now, int max) {
    return em.createQuery(
            "SELECT q.id FROM AskedQuote q WHERE q.state IN :swept AND q.nextCheckAt <= :now"
                + " ORDER BY q.nextCheckAt",
            String.class)
        .setParameter("swept", SWEPT)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public boolean claim(String id, OffsetDateTime now, OffsetDateTime leaseUntil) {
    return em.createQuery(
                "UPDATE AskedQuote q SET q.nextCheckAt = :lease, q.checks = q.checks + 1"
                    + " WHERE q.id = :id AND q.state IN :swept AND q.nextCheckAt <= :now")
            .setParameter("lease", leaseUntil)
            .setParameter("id", id)
            .setParameter("swept", SWEPT)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  @Override
  public void reschedule(String id, OffsetDateTime nextCheckAt, OffsetDateTime now) {
    em.createQuery(
            "UPDATE AskedQuote q SET q.nextCheckAt = :next, q.updatedAt = :now"
                + " WHERE q.id = :id AND q.state IN :swept")
        .setParameter("next", nextCheckAt)
        .setParameter("now", now)
        .setParameter("id", id)
        .setParameter("swept", SWEPT)
        .executeUpdate();
  }

  @Override
  public boolean end(String id, AskedQuoteState end, OffsetDateTime now) {
    if (end != AskedQuoteState.LAPSED
        && end != AskedQuoteState.LOST
        && end != AskedQuoteState.FAILED) {
      throw new IllegalArgumentException("a swept quote ends LAPSED, LOST or FAILED");
    }
    return em.createQuery(
                "UPDATE AskedQuote q SET q.state = :end, q.updatedAt = :now"
                    + " WHERE q.id = :id AND q.state IN :swept")
            .setParameter("end", end)
            .setParameter("now", now)
            .setParameter("id", id)
            .setParameter("swept", SWEPT)
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean adopt(String id, Deposit deposit, OffsetDateTime now) {
    boolean taken =
        em.createQuery(
                    "UPDATE AskedQuote q SET q.state = :adopted, q.depositId = :deposit,"
                        + " q.updatedAt = :now WHERE q.id = :id AND q.state = :recorded")
                .setParameter("adopted", AskedQuoteState.ADOPTED)
                .setParameter("deposit", deposit.id())
                .setParameter("now", now)
                .setParameter("id", id)
                .setParameter("recorded", AskedQuoteState.RECORDED)
                .executeUpdate()
            == 1;
    if (taken) {
      em.persist(deposit);
      em.flush();
    }
    return taken;
  }

  private boolean move(String id, AskedQuoteState from, AskedQuoteState to, OffsetDateTime now) {
    return em.createQuery(
                "UPDATE AskedQuote q SET q.state = :to, q.updatedAt = :now"
                    + " WHERE q.id = :id AND q.state = :from")
            .setParameter("to", to)
            .setParameter("now", now)
            .setParameter("id", id)
            .setParameter("from", from)
            .executeUpdate()
        == 1;
  }
}
