package org.openpleb.ee.wallet;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Lightning deposits in the shared database through JPA. */
@Stateless
public class JpaDepositRepository implements DepositRepository {

  private static final List<DepositState> OPEN = List.of(DepositState.PENDING, DepositState.PAID);

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  @EJB AskedQuoteRepository quotes;

  @Override
  public void add(Deposit deposit) {
    em.persist(deposit);
    em.flush();
  }

  @Override
  public boolean addHolding(Deposit deposit, String askedQuoteId, OffsetDateTime now) {
    if (!quotes.hold(askedQuoteId, now)) {
      return false;
    }
    em.persist(deposit);
    em.flush();
    return true;
  }

  @Override
  public Optional<Deposit> find(String id) {
    return Optional.ofNullable(em.find(Deposit.class, id));
  }

  @Override
  public List<String> dueIds(OffsetDateTime now, int max) {
    return em.createQuery(
            "SELECT d.id FROM Deposit d WHERE d.state IN :open AND d.nextCheckAt <= :now"
                + " ORDER BY d.nextCheckAt",
            String.class)
        .setParameter("open", OPEN)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public boolean claim(String id, OffsetDateTime now, OffsetDateTime leaseUntil) {
    return em.createQuery(
                "UPDATE Deposit d SET d.nextCheckAt = :lease, d.checks = d.checks + 1"
                    + " WHERE d.id = :id AND d.state IN :open AND d.nextCheckAt <= :now")
            .setParameter("lease", leaseUntil)
            .setParameter("id", id)
            .setParameter("open", OPEN)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean takeNow(String id, OffsetDateTime notLeasedBy, OffsetDateTime leaseUntil) {
    return em.createQuery(
                "UPDATE Deposit d SET d.nextCheckAt = :lease"
                    + " WHERE d.id = :id AND d.state IN :open AND d.nextCheckAt <= :notLeasedBy")
            .setParameter("lease", leaseUntil)
            .setParameter("id", id)
            .setParameter("open", OPEN)
            .setParameter("notLeasedBy", notLeasedBy)
            .executeUpdate()
        == 1;
  }

  @Override
  public void reschedule(String id, DepositState state, OffsetDateTime nextCheckAt) {
    if (!state.open()) {
      throw new IllegalArgumentException("only open deposits are rescheduled");
    }
    em.createQuery(
            "UPDATE Deposit d SET d.state = :state, d.nextCheckAt = :next"
                + " WHERE d.id = :id AND d.state IN :open")
        .setParameter("state", state)
        .setParameter("next", nextCheckAt)
        .setParameter("id", id)
        .setParameter("open", OPEN)
        .executeUpdate();
  }

  @Override
  public boolean markCredited(String id, long amount, OffsetDateTime now) {
    return em.createQuery(
                "UPDATE Deposit d SET d.state = :credited, d.creditedAt = :now,"
                    + " d.creditedAmount = :amount WHERE d.id = :id AND d.state IN :open")
            .setParameter("credited", DepositState.CREDITED)
            .setParameter("now", now)
            .setParameter("amount", amount)
            .setParameter("id", id)
            .setParameter("open", OPEN)
            .executeUpdate()
        == 1;
  }

  @Override
  public void markEnded(String id, DepositState state, String reason) {
    if (state != DepositState.EXPIRED && state != DepositState.FAILED) {
      throw new IllegalArgumentException("a deposit ends EXPIRED or FAILED");
    }
    String text = reason == null ? null : reason.substring(0, Math.min(200, reason.length()));
    em.createQuery(
            "UPDATE Deposit d SET d.state = :state, d.failure = :reason"
                + " WHERE d.id = :id AND d.state IN :open")
        .setParameter("state", state)
        .setParameter("reason", text)
        .setParameter("id", id)
        .setParameter("open", OPEN)
        .executeUpdate();
  }

  @Override
  public long countOpen(String walletId) {
    return em.createQuery(
            "SELECT COUNT(d) FROM Deposit d WHERE d.walletId = :id AND d.state IN :open",
            Long.class)
        .setParameter("id", walletId)
        .setParameter("open", OPEN)
        .getSingleResult();
  }
}
