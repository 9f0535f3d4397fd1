package org.openpleb.ee.custody;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wallets the shared database knows, with the total of their balance snapshots: session wallets
 * ({@code wallets}, active and dormant) and the treasury. A wallet it knows with sats in its
 * snapshot must have a file.
 */
@Stateless
public class KnownWallets {

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  /**
   * A wallet the shared database knows.
   *
   * @param walletId its id
   * @param role {@code ACTIVE}, {@code DORMANT} or {@code TREASURY}
   * @param snapshot spendable + reserved + in flight, as last written after a money movement
   */
  public record Known(String walletId, String role, long snapshot) {}

  /** Session wallets with an id after {@code after} (null: from the first), by id, at most max. */
  public List<Known> page(String after, int max) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT wallet_id, state, spendable + reserved + inflight FROM wallets"
                    + " WHERE wallet_id > ? ORDER BY wallet_id")
            .setParameter(1, after == null ? "" : after)
            .setMaxResults(max)
            .getResultList();
    return known(rows);
  }

  /** The session wallet {@code walletId}, if it has a row. */
  public Optional<Known> find(String walletId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT wallet_id, state, spendable + reserved + inflight FROM wallets"
                    + " WHERE wallet_id = ?")
            .setParameter(1, walletId)
            .getResultList();
    return known(rows).stream().findFirst();
  }

  /** The treasury's wallet, if the treasury was created. */
  public Optional<Known> treasury() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT wallet_id, 'TREASURY', spendable + reserved + inflight FROM treasury")
            .getResultList();
    return known(rows).stream().findFirst();
  }

  private static List<Known> known(List<Object[]> rows) {
    List<Known> known = new ArrayList<>();
    for (Object[] row : rows) {
      known.add(new Known((String) row[0], String.valueOf(row[1]), ((Number) row[2]).longValue()));
    }
    return known;
  }
}
