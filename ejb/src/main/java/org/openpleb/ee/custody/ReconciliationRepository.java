package org.openpleb.ee.custody;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Keeps each reconciliation's report in the {@code reconciliations} table: a few figures as columns
 * and the report as JSON, so the latest one survives a restart and is the same on every server.
 */
@Stateless
public class ReconciliationRepository {

  /** Reports kept; older ones are deleted as new ones come. */
  static final int KEPT = 1000;

  private static final Jsonb JSON = JsonbBuilder.create();

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  /** Stores a report in a transaction of its own, and drops reports beyond {@link #KEPT}. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void save(ReconciliationReport report) {
    em.createNativeQuery(
            "INSERT INTO reconciliations (id, started_at, duration_ms, wallets_checked,"
                + " difference_sats, findings, report) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, report.id())
        .setParameter(2, report.startedAt())
        .setParameter(3, report.durationMillis())
        .setParameter(4, report.walletsChecked())
        .setParameter(5, report.differenceSats())
        .setParameter(6, report.findingsTotal())
        .setParameter(7, JSON.toJson(report))
        .executeUpdate();
    @SuppressWarnings("unchecked")
    List<Object> older =
        em.createNativeQuery("SELECT started_at FROM reconciliations ORDER BY started_at DESC")
            .setFirstResult(KEPT)
            .setMaxResults(1)
            .getResultList();
    if (!older.isEmpty()) {
      em.createNativeQuery("DELETE FROM reconciliations WHERE started_at <= ?")
          .setParameter(1, older.get(0))
          .executeUpdate();
    }
  }

  /** The latest report, if any run finished. */
  public Optional<ReconciliationReport> latest() {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery("SELECT report FROM reconciliations ORDER BY started_at DESC")
            .setMaxResults(1)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> JSON.fromJson(r.toString(), ReconciliationReport.class));
  }
}
