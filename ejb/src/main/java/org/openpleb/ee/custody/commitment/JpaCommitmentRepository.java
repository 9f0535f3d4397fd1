package org.openpleb.ee.custody.commitment;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpleb.ee.offer.OfferState;
import org.openpleb.ee.settlement.Settlement;

/** The escrow commitments through JPA. */
@Stateless
public class JpaCommitmentRepository implements CommitmentRepository {

  /**
   * How many commitments keep their leaves: the newest, and a few before it so a party that read
   * the latest root just before a new one was stored can still be given its branch.
   */
  static final int KEPT_WITH_LEAVES = 3;

  /** The states in which an offer holds its escrow (and, once claimed, the bond). */
  private static final List<OfferState> HOLDING =
      List.of(
          OfferState.INVOICE_PAID,
          OfferState.CLAIMED,
          OfferState.RECEIPT_SUBMITTED,
          OfferState.MARKED_WITH_ISSUE,
          OfferState.DISPUTED);

  private static final String HOLDS_JPQL =
      "SELECT o.id, o.makerWalletId, o.escrowOwner, o.takerWalletId, o.bondOwner FROM Offer o"
          + " WHERE (o.escrowOwner IS NOT NULL OR o.bondOwner IS NOT NULL)"
          + " AND (o.status IN :holding OR EXISTS (SELECT s.offerId FROM Settlement s"
          + " WHERE s.offerId = o.id AND s.state = :pending))"
          + " ORDER BY o.id";

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  @Override
  public List<HeldOffer> holds() {
    List<Object[]> rows =
        em.createQuery(HOLDS_JPQL, Object[].class)
            .setParameter("holding", HOLDING)
            .setParameter("pending", Settlement.State.PENDING)
            .getResultList();
    List<HeldOffer> holds = new ArrayList<>();
    for (Object[] row : rows) {
      String offerId = (String) row[0];
      if (row[2] != null) {
        holds.add(new HeldOffer(offerId, HoldKind.ESCROW, (String) row[1], (String) row[2]));
      }
      if (row[3] != null && row[4] != null) {
        holds.add(new HeldOffer(offerId, HoldKind.BOND, (String) row[3], (String) row[4]));
      }
    }
    return holds;
  }

  @Override
  public void store(EscrowCommitment commitment, List<EscrowLeaf> leaves) {
    em.persist(PublishedCommitment.of(commitment));
    // the leaves refer to the commitment's row by a plain column: insert that row first
    em.flush();
    for (int i = 0; i < leaves.size(); i++) {
      em.persist(CommittedLeaf.of(commitment.id(), i, leaves.get(i)));
    }
    em.flush();
    List<String> kept =
        em.createQuery(
                "SELECT c.id FROM PublishedCommitment c ORDER BY c.publishedAt DESC, c.id DESC",
                String.class)
            .setMaxResults(KEPT_WITH_LEAVES)
            .getResultList();
    em.createQuery("DELETE FROM CommittedLeaf l WHERE l.commitmentId NOT IN :kept")
        .setParameter("kept", kept)
        .executeUpdate();
  }

  @Override
  public Optional<EscrowCommitment> latest() {
    return em
        .createQuery(
            "SELECT c FROM PublishedCommitment c ORDER BY c.publishedAt DESC, c.id DESC",
            PublishedCommitment.class)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .map(PublishedCommitment::toCommitment);
  }

  @Override
  public List<EscrowLeaf> leaves(String commitmentId) {
    return em
        .createQuery(
            "SELECT l FROM CommittedLeaf l WHERE l.commitmentId = :id ORDER BY l.position",
            CommittedLeaf.class)
        .setParameter("id", commitmentId)
        .getResultList()
        .stream()
        .map(CommittedLeaf::toLeaf)
        .toList();
  }
}
