package org.openpleb.ee.wallet;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Wallet rows in the shared database through JPA. */
@Stateless
public class JpaWalletRepository implements WalletRepository {

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  @Resource SessionContext context;

  @Override
  public Optional<StoredWallet> find(String walletId) {
    return Optional.ofNullable(em.find(StoredWallet.class, walletId));
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean addIfAbsent(StoredWallet wallet) {
    if (em.find(StoredWallet.class, wallet.walletId()) != null) {
      return false;
    }
    try {
      em.persist(wallet);
      em.flush();
      return true;
    } catch (PersistenceException duplicate) {
      // a concurrent request inserted it first; this transaction only rolls back
      context.setRollbackOnly();
      return false;
    }
  }

  @Override
  public boolean recordBalance(String walletId, WalletBalance balance, OffsetDateTime readAt) {
    return em.createQuery(
                "UPDATE StoredWallet w SET w.spendable = :spendable, w.reserved = :reserved,"
                    + " w.inflight = :inflight, w.balanceAt = :readAt"
                    + " WHERE w.walletId = :id AND w.balanceAt <= :readAt")
            .setParameter("spendable", balance.spendable())
            .setParameter("reserved", balance.reserved())
            .setParameter("inflight", balance.inflight())
            .setParameter("readAt", readAt)
            .setParameter("id", walletId)
            .executeUpdate()
        == 1;
  }

  @Override
  public List<StoredWallet> dormantOf(String pubkey) {
    return em.createQuery(
            "SELECT w FROM StoredWallet w WHERE w.pubkey = :pubkey AND w.state = :dormant"
                + " ORDER BY w.createdAt",
            StoredWallet.class)
        .setParameter("pubkey", pubkey)
        .setParameter("dormant", WalletState.DORMANT)
        .getResultList();
  }

  @Override
  public boolean markDormant(String walletId, OffsetDateTime now) {
    int changed =
        em.createQuery(
                "UPDATE StoredWallet w SET w.state = :dormant, w.dormantSince = :now"
                    + " WHERE w.walletId = :id AND w.state = :active")
            .setParameter("dormant", WalletState.DORMANT)
            .setParameter("now", now)
            .setParameter("id", walletId)
            .setParameter("active", WalletState.ACTIVE)
            .executeUpdate();
    return changed == 1 || em.find(StoredWallet.class, walletId) != null;
  }

  @Override
  public boolean delete(String walletId) {
    long open =
        em.createQuery(
                "SELECT COUNT(d) FROM Deposit d WHERE d.walletId = :id AND d.state IN :open",
                Long.class)
            .setParameter("id", walletId)
            .setParameter("open", List.of(DepositState.PENDING, DepositState.PAID))
            .getSingleResult();
    if (open > 0) {
      return false;
    }
    em.createQuery("DELETE FROM Deposit d WHERE d.walletId = :id")
        .setParameter("id", walletId)
        .executeUpdate();
    return em.createQuery("DELETE FROM StoredWallet w WHERE w.walletId = :id")
            .setParameter("id", walletId)
            .executeUpdate()
        == 1;
  }

  @Override
  public List<String> activeWithoutLiveSession(int max) {
    // plain SQL across the session feature's table; the same statement runs on PostgreSQL and H2
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery(
                "SELECT w.wallet_id FROM wallets w WHERE w.state = 'ACTIVE' AND NOT EXISTS"
                    + " (SELECT 1 FROM sessions s WHERE s.wallet_id = w.wallet_id"
                    + " AND s.state = 'LIVE') ORDER BY w.balance_at")
            .setMaxResults(max)
            .getResultList();
    return ids.stream().map(String::valueOf).toList();
  }

  @Override
  public List<StoredWallet> dormantWithNothingSpendable(OffsetDateTime before, int max) {
    return em.createQuery(
            "SELECT w FROM StoredWallet w WHERE w.state = :dormant AND w.spendable = 0"
                + " AND w.reserved = 0 AND w.balanceAt < :before ORDER BY w.balanceAt",
            StoredWallet.class)
        .setParameter("dormant", WalletState.DORMANT)
        .setParameter("before", before)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public List<String> withInflight(int max) {
    return em.createQuery(
            "SELECT w.walletId FROM StoredWallet w WHERE w.inflight > 0 ORDER BY w.balanceAt",
            String.class)
        .setMaxResults(max)
        .getResultList();
  }
}
