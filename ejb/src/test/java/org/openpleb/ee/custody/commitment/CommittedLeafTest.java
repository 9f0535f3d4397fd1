package org.openpleb.ee.custody.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A leaf stored and read back is the same leaf: same data, same hash, so the same branch. */
class CommittedLeafTest {

  @Test
  void aStoredLeafReadsBackWithItsHash() {
    EscrowLeaf leaf =
        new EscrowLeaf(
            "3f1c2a9e-7d41-4b8e-9c55-0a6b1d2e3f40",
            HoldKind.BOND,
            7_167,
            List.of(
                new LeafProof("03" + "ab".repeat(32), 7_000),
                new LeafProof("02" + "cd".repeat(32), 167)),
            "0f".repeat(32));

    CommittedLeaf row = CommittedLeaf.of("c-1", 4, leaf);

    assertEquals(4, row.position());
    assertEquals(leaf, row.toLeaf());
    assertEquals(leaf.node(), row.toLeaf().node());
  }
}
