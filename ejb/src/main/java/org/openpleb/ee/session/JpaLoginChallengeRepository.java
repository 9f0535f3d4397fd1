package org.openpleb.ee.session;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Login challenges in the shared database through JPA. */
@Stateless
public class JpaLoginChallengeRepository implements LoginChallengeRepository {

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  @Override
  public void add(LoginChallenge challenge) {
    em.persist(challenge);
    em.flush();
  }

  @Override
  public Optional<LoginChallenge> find(String challenge) {
    return Optional.ofNullable(em.find(LoginChallenge.class, challenge));
  }

  @Override
  public boolean consume(String challenge, OffsetDateTime now) {
    return em.createQuery(
                "UPDATE LoginChallenge c SET c.usedAt = :now WHERE c.challenge = :challenge"
                    + " AND c.usedAt IS NULL AND c.expiresAt > :now")
            .setParameter("now", now)
            .setParameter("challenge", challenge)
            .executeUpdate()
        == 1;
  }

  @Override
  public int purgeExpiredBefore(OffsetDateTime cutoff) {
    return em.createQuery("DELETE FROM LoginChallenge c WHERE c.expiresAt < :cutoff")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }
}
