package org.openpleb.ee.custody.commitment;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/** The escrow commitments in the shared database, and the holds the offers say they have. */
@Local
public interface CommitmentRepository {

  /**
   * The holds offers may have now: the escrow and bond labels of every offer that is funded and not
   * ended, or ended with a settlement not done yet, by offer id.
   */
  List<HeldOffer> holds();

  /** Stores a commitment with its leaves in tree order; older commitments keep only their root. */
  void store(EscrowCommitment commitment, List<EscrowLeaf> leaves);

  /** The newest commitment, if one was published. */
  Optional<EscrowCommitment> latest();

  /** The leaves of a commitment in tree order (empty once they were pruned). */
  List<EscrowLeaf> leaves(String commitmentId);
}
