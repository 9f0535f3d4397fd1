package org.openpleb.ee.custody;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the shared database says each wallet must hold reserved, per owner label: the maker's escrow
 * ({@code offers.escrow_owner}, {@code funding} sats, in {@code maker_wallet_id}) of an offer that
 * is funded and not yet ended, and the taker's bond ({@code offers.bond_owner}, {@code bond} sats,
 * in {@code taker_wallet_id}) of an offer that is claimed and not yet ended. These are the amounts
 * trading reserves ({@code Trading.fund}, {@code Trading.claim}: exactly the funding and the bond,
 * whatever the fee of cutting them) and the settlement pays out of.
 *
 * <p>Holds in motion may hold anything up to their amount: a funding or claim attempt not yet
 * committed ({@code attempt_*}), an escrow being minted from a paid invoice ({@code
 * INVOICE_CREATED}), and the holds of an ended offer whose settlement is still paying out.
 *
 * <p>A settlement paying out is in motion only while it moves: one whose last attempt found the
 * hold it pays out of empty ({@code INSUFFICIENT_FUNDS}) is stopped, and its step is listed by
 * {@link #stopped(String)} for the reconciliation to flag when the file confirms it.
 */
@Stateless
public class OfferHolds {

  /** Offer states in which the maker's escrow is held. */
  static final String ESCROW_HELD =
      "('INVOICE_PAID', 'CLAIMED', 'RECEIPT_SUBMITTED', 'MARKED_WITH_ISSUE', 'DISPUTED')";

  /** Offer states in which the taker's bond is held too. */
  static final String BOND_HELD =
      "('CLAIMED', 'RECEIPT_SUBMITTED', 'MARKED_WITH_ISSUE', 'DISPUTED')";

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  /**
   * The sats wallet {@code walletId} must hold reserved, by owner label (holds in motion left out).
   */
  public Map<String, Long> expectedHolds(String walletId) {
    Map<String, Long> holds = new TreeMap<>();
    for (Object[] row :
        rows(firmSql(" AND maker_wallet_id = ?1", " AND taker_wallet_id = ?2"), walletId)) {
      holds.merge((String) row[1], ((Number) row[2]).longValue(), Long::sum);
    }
    return holds;
  }

  /** {@link #expectedHolds(String)} of every wallet at once: wallet id → owner → sats. */
  public Map<String, Map<String, Long>> allExpected() {
    return byWallet(rows(firmSql("", ""), null));
  }

  /** The holds in motion of {@code walletId}: owner → the most sats it may hold. */
  public Map<String, Long> inMotion(String walletId) {
    return byWallet(rows(motionSql(), null)).getOrDefault(walletId, Map.of());
  }

  /** The holds in motion of every wallet: wallet id → owner → the most sats it may hold. */
  public Map<String, Map<String, Long>> allInMotion() {
    return byWallet(rows(motionSql(), null));
  }

  /**
   * The step each stopped settlement is stuck at: a settlement still PENDING whose last attempt
   * failed with {@code INSUFFICIENT_FUNDS}, and its first step not DONE (steps run in order, so
   * that is the transfer that found its hold empty).
   *
   * @param offerId the offer settled
   * @param walletId the wallet the step pays out of
   * @param owner the hold's owner label in that wallet
   * @param amount the sats the step pays
   * @param attempts the settlement's failed attempts so far
   */
  public record StoppedStep(
      String offerId, String walletId, String owner, long amount, int attempts) {}

  /** The stopped settlements' steps that pay out of {@code walletId}. */
  public List<StoppedStep> stopped(String walletId) {
    return stoppedSteps(" AND st.from_wallet_id = ?1", walletId);
  }

  /** {@link #stopped(String)} of every wallet at once: wallet id → its stopped steps. */
  public Map<String, List<StoppedStep>> allStopped() {
    Map<String, List<StoppedStep>> byWallet = new HashMap<>();
    for (StoppedStep step : stoppedSteps("", null)) {
      byWallet.computeIfAbsent(step.walletId(), w -> new ArrayList<>()).add(step);
    }
    return byWallet;
  }

  @SuppressWarnings("unchecked")
  private List<StoppedStep> stoppedSteps(String walletFilter, String walletId) {
    var query =
        em.createNativeQuery(
            "SELECT st.offer_id, st.from_wallet_id, st.from_owner, st.amount, s.attempts"
                + " FROM settlements s JOIN settlement_steps st ON st.offer_id = s.offer_id"
                + " WHERE s.state = 'PENDING' AND s.last_error = 'INSUFFICIENT_FUNDS'"
                + " AND st.seq = (SELECT MIN(x.seq) FROM settlement_steps x"
                + " WHERE x.offer_id = s.offer_id AND x.state <> 'DONE')"
                + walletFilter
                + " ORDER BY st.offer_id");
    if (walletId != null) {
      query.setParameter(1, walletId);
    }
    List<StoppedStep> steps = new ArrayList<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      steps.add(
          new StoppedStep(
              (String) row[0],
              (String) row[1],
              (String) row[2],
              ((Number) row[3]).longValue(),
              ((Number) row[4]).intValue()));
    }
    return steps;
  }

  private static String firmSql(String makerFilter, String takerFilter) {
    return "SELECT maker_wallet_id, escrow_owner, funding FROM offers WHERE status IN "
        + ESCROW_HELD
        + " AND escrow_owner IS NOT NULL"
        + makerFilter
        + " UNION ALL SELECT taker_wallet_id, bond_owner, bond FROM offers WHERE status IN "
        + BOND_HELD
        + " AND bond_owner IS NOT NULL AND bond > 0 AND taker_wallet_id IS NOT NULL"
        + takerFilter;
  }

  private static String motionSql() {
    return "SELECT attempt_wallet_id, CONCAT(CASE attempt_kind WHEN 'FUND' THEN 'escrow:'"
        + " ELSE 'bond:' END, id, ':', attempt_id),"
        + " CASE attempt_kind WHEN 'FUND' THEN funding ELSE bond END FROM offers"
        + " WHERE attempt_id IS NOT NULL AND attempt_wallet_id IS NOT NULL"
        + " UNION ALL SELECT maker_wallet_id, escrow_owner, funding FROM offers"
        + " WHERE status = 'INVOICE_CREATED' AND escrow_owner IS NOT NULL"
        + " UNION ALL SELECT o.maker_wallet_id, o.escrow_owner, o.funding FROM offers o"
        + " JOIN settlements s ON s.offer_id = o.id WHERE s.state = 'PENDING'"
        + " AND o.escrow_owner IS NOT NULL"
        + " UNION ALL SELECT o.taker_wallet_id, o.bond_owner, o.bond FROM offers o"
        + " JOIN settlements s ON s.offer_id = o.id WHERE s.state = 'PENDING'"
        + " AND o.bond_owner IS NOT NULL AND o.taker_wallet_id IS NOT NULL";
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, String walletId) {
    var query = em.createNativeQuery(sql);
    if (walletId != null) {
      query.setParameter(1, walletId).setParameter(2, walletId);
    }
    return query.getResultList();
  }

  private static Map<String, Map<String, Long>> byWallet(List<Object[]> rows) {
    Map<String, Map<String, Long>> holds = new HashMap<>();
    for (Object[] row : rows) {
      holds
          .computeIfAbsent((String) row[0], w -> new TreeMap<>())
          .merge((String) row[1], ((Number) row[2]).longValue(), Long::sum);
    }
    return holds;
  }
}
