package org.openpleb.ee.wallet;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Sent-token rows in the shared database through JPA; each call commits on its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JpaSentTokenRepository implements SentTokenRepository {

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  @Override
  public void add(SentToken token) {
    em.persist(token);
  }

  @Override
  public void delete(String id) {
    em.createQuery("DELETE FROM SentToken t WHERE t.id = :id")
        .setParameter("id", id)
        .executeUpdate();
  }

  @Override
  public Optional<SentToken> find(String id) {
    return Optional.ofNullable(em.find(SentToken.class, id));
  }

  @Override
  public Optional<SentToken> byOperation(String operationId) {
    return em.createQuery(
            "SELECT t FROM SentToken t WHERE t.operationId = :operationId", SentToken.class)
        .setParameter("operationId", operationId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<SentToken> unclaimedOf(String pubkey, int limit) {
    return em.createQuery(
            "SELECT t FROM SentToken t WHERE t.pubkey = :pubkey AND t.state = :unclaimed"
                + " ORDER BY t.createdAt DESC, t.id",
            SentToken.class)
        .setParameter("pubkey", pubkey)
        .setParameter("unclaimed", SentTokenState.UNCLAIMED)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<SentToken> unclaimedIn(String walletId, int limit) {
    return em.createQuery(
            "SELECT t FROM SentToken t WHERE t.walletId = :walletId AND t.state = :unclaimed"
                + " ORDER BY t.createdAt, t.id",
            SentToken.class)
        .setParameter("walletId", walletId)
        .setParameter("unclaimed", SentTokenState.UNCLAIMED)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public boolean mark(String id, SentTokenState from, SentTokenState to, OffsetDateTime at) {
    return em.createQuery(
                "UPDATE SentToken t SET t.state = :to, t.checkedAt = :at"
                    + " WHERE t.id = :id AND t.state = :from")
            .setParameter("to", to)
            .setParameter("at", at)
            .setParameter("id", id)
            .setParameter("from", from)
            .executeUpdate()
        == 1;
  }
}
