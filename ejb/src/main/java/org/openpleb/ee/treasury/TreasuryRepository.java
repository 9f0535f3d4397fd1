package org.openpleb.ee.treasury;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The treasury's row and withdrawals in the shared database. */
@Stateless
public class TreasuryRepository {

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  /** The treasury's row, if it was created. */
  public Optional<TreasuryAccount> find() {
    TreasuryAccount account = em.find(TreasuryAccount.class, TreasuryAccount.ID);
    if (account != null) {
      em.refresh(account);
    }
    return Optional.ofNullable(account);
  }

  /**
   * Creates the treasury's row with a fresh wallet id unless it exists, in a transaction of its
   * own; a concurrent creation on another server wins and this one rolls back.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void createIfAbsent(OffsetDateTime now) {
    // INSERT … SELECT … WHERE NOT EXISTS: a second server's insert inserts nothing
    em.createNativeQuery(
            "INSERT INTO treasury (id, wallet_id, created_at, spendable, reserved, inflight,"
                + " balance_at) SELECT ?, ?, ?, 0, 0, 0, ? FROM (SELECT 1 AS one) t"
                + " WHERE NOT EXISTS (SELECT 1 FROM treasury WHERE id = ?)")
        .setParameter(1, TreasuryAccount.ID)
        .setParameter(2, UUID.randomUUID().toString())
        .setParameter(3, now)
        .setParameter(4, now)
        .setParameter(5, TreasuryAccount.ID)
        .executeUpdate();
  }

  /** Writes a balance snapshot unless a newer one is stored. */
  public void recordBalance(long spendable, long reserved, long inflight, OffsetDateTime at) {
    em.createQuery(
            "UPDATE TreasuryAccount t SET t.spendable = :spendable, t.reserved = :reserved,"
                + " t.inflight = :inflight, t.balanceAt = :at WHERE t.id = :id"
                + " AND t.balanceAt <= :at")
        .setParameter("spendable", spendable)
        .setParameter("reserved", reserved)
        .setParameter("inflight", inflight)
        .setParameter("at", at)
        .setParameter("id", TreasuryAccount.ID)
        .executeUpdate();
  }

  /** Records a withdrawal. */
  public void addWithdrawal(TreasuryWithdrawal withdrawal) {
    em.persist(withdrawal);
  }

  /** The latest withdrawals, newest first. */
  public List<TreasuryWithdrawal> withdrawals(int limit) {
    return em.createQuery(
            "SELECT w FROM TreasuryWithdrawal w ORDER BY w.at DESC, w.id", TreasuryWithdrawal.class)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Sats withdrawn so far, fees included. */
  public long withdrawnTotal() {
    Long total =
        em.createQuery("SELECT SUM(w.amount + w.fee) FROM TreasuryWithdrawal w", Long.class)
            .getSingleResult();
    return total == null ? 0 : total;
  }

  /** Sats the finished settlements meant for the platform. */
  public long platformShareSettled() {
    Number total =
        (Number)
            em.createNativeQuery(
                    "SELECT COALESCE(SUM(platform_amount), 0) FROM settlements WHERE state = 'DONE'")
                .getSingleResult();
    return total.longValue();
  }
}
