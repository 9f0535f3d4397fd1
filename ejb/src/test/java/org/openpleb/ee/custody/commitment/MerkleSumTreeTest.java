package org.openpleb.ee.custody.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The escrow commitment's tree against its documented byte layout: leaf and parent hashes built
 * here byte by byte, a three-leaf root computed independently (a few lines of Python's hashlib
 * following the Javadoc, pasted as literals), one leaf, odd levels, and every tampering a verifier
 * must notice.
 */
class MerkleSumTreeTest {

  private static final HexFormat HEX = HexFormat.of();

  private static final String Y1 = "02" + "11".repeat(32);
  private static final String Y2 = "03" + "22".repeat(32);
  private static final String Y3 = "02" + "33".repeat(32);

  private static final EscrowLeaf A =
      new EscrowLeaf(
          "offer-a",
          HoldKind.ESCROW,
          72,
          List.of(new LeafProof(Y1, 64), new LeafProof(Y2, 8)),
          "aa".repeat(32));
  private static final EscrowLeaf B =
      new EscrowLeaf("offer-a", HoldKind.BOND, 16, List.of(new LeafProof(Y3, 16)), "bb".repeat(32));
  private static final EscrowLeaf C =
      new EscrowLeaf(
          "offer-c",
          HoldKind.ESCROW,
          1026,
          List.of(new LeafProof(Y2, 1024), new LeafProof(Y1, 2)),
          "cc".repeat(32));

  @Test
  void aLeafHashIsSha256OfTheDocumentedBytes() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(0x00);
    bytes.writeBytes(HEX.parseHex("aa".repeat(32)));
    bytes.writeBytes(new byte[] {0x00, 0x07});
    bytes.writeBytes("offer-a".getBytes(StandardCharsets.UTF_8));
    bytes.write(0x01);
    bytes.writeBytes(HEX.parseHex("0000000000000048"));
    bytes.writeBytes(HEX.parseHex("00000002"));
    bytes.writeBytes(HEX.parseHex(Y1));
    bytes.writeBytes(HEX.parseHex("0000000000000040"));
    bytes.writeBytes(HEX.parseHex(Y2));
    bytes.writeBytes(HEX.parseHex("0000000000000008"));

    assertEquals(HEX.formatHex(bytes.toByteArray()), HEX.formatHex(A.preimage()));
    assertEquals(sha256(bytes.toByteArray()), A.node().hash());
    assertEquals(
        "7bd62155bd0e84582edb34497fe2c33e05fea4f3ece18f4ca446a4928db45a33", A.node().hash());
    assertEquals(72, A.node().sum());
  }

  @Test
  void aParentHashCoversBothChildrenAndTheirSums() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(0x01);
    bytes.writeBytes(HEX.parseHex(A.node().hash()));
    bytes.writeBytes(HEX.parseHex("0000000000000048"));
    bytes.writeBytes(HEX.parseHex(B.node().hash()));
    bytes.writeBytes(HEX.parseHex("0000000000000010"));

    SumNode parent = MerkleSumTree.parent(A.node(), B.node());

    assertEquals(sha256(bytes.toByteArray()), parent.hash());
    assertEquals(88, parent.sum());
    assertEquals("a5c8c68020e598a1399147eb51678d6ac6dd0ff38d45489b43c03c16c62bdfab", parent.hash());
  }

  @Test
  void threeLeavesCarryTheOddOneUpUnchanged() {
    MerkleSumTree tree = MerkleSumTree.of(List.of(A, B, C));

    assertEquals(3, tree.size());
    assertEquals(
        new SumNode("17a5c35bcebcaf9e6e8b8cbd305a2d073794a08dbec3b2034712ae1b66b15eda", 1114),
        tree.root());
    assertEquals(
        List.of(
            new BranchStep(BranchStep.Side.RIGHT, B.node()),
            new BranchStep(BranchStep.Side.RIGHT, C.node())),
        tree.branch(0));
    assertEquals(
        List.of(
            new BranchStep(BranchStep.Side.LEFT, A.node()),
            new BranchStep(BranchStep.Side.RIGHT, C.node())),
        tree.branch(1));
    assertEquals(
        List.of(new BranchStep(BranchStep.Side.LEFT, MerkleSumTree.parent(A.node(), B.node()))),
        tree.branch(2),
        "the carried leaf meets no sibling on the first level");
  }

  @Test
  void aOneLeafTreeIsItsLeaf() {
    MerkleSumTree tree = MerkleSumTree.of(List.of(C));

    assertEquals(C.node(), tree.root());
    assertEquals(List.of(), tree.branch(0));
    assertEquals(1026, tree.root().sum());
  }

  @Test
  void anEmptyTreeHasTheZeroRootAndNoSats() {
    MerkleSumTree tree = MerkleSumTree.of(List.of());

    assertEquals(new SumNode(MerkleSumTree.EMPTY_ROOT, 0), tree.root());
    assertThrows(IndexOutOfBoundsException.class, () -> tree.branch(0));
  }

  @Test
  void everyBranchOfOddAndEvenTreesFoldsToTheRoot() {
    for (int size = 1; size <= 9; size++) {
      List<EscrowLeaf> leaves = new ArrayList<>();
      long total = 0;
      for (int i = 0; i < size; i++) {
        long amount = 1L << i;
        total += amount;
        leaves.add(
            new EscrowLeaf(
                "offer-" + i,
                i % 2 == 0 ? HoldKind.ESCROW : HoldKind.BOND,
                amount,
                List.of(new LeafProof(Y1, amount)),
                String.format("%064x", i + 1)));
      }
      MerkleSumTree tree = MerkleSumTree.of(leaves);
      assertEquals(total, tree.root().sum(), "size " + size);
      for (int i = 0; i < size; i++) {
        assertEquals(
            tree.root(),
            MerkleSumTree.fold(leaves.get(i).node(), tree.branch(i)),
            "leaf " + i + " of " + size);
        assertTrue(tree.branch(i).size() <= 4, "a branch is logarithmic");
      }
    }
  }

  @Test
  void aChangedSiblingHashSumOrSideNoLongerReachesTheRoot() {
    MerkleSumTree tree = MerkleSumTree.of(List.of(A, B, C));
    List<BranchStep> branch = tree.branch(0);
    BranchStep first = branch.get(0);

    List<BranchStep> otherHash =
        List.of(
            new BranchStep(first.side(), new SumNode("0".repeat(63) + "1", first.sibling().sum())),
            branch.get(1));
    List<BranchStep> otherSum =
        List.of(
            new BranchStep(
                first.side(), new SumNode(first.sibling().hash(), first.sibling().sum() - 1)),
            branch.get(1));
    List<BranchStep> otherSide =
        List.of(new BranchStep(BranchStep.Side.LEFT, first.sibling()), branch.get(1));

    assertEquals(tree.root(), MerkleSumTree.fold(A.node(), branch));
    assertNotEquals(tree.root().hash(), MerkleSumTree.fold(A.node(), otherHash).hash());
    assertNotEquals(tree.root().hash(), MerkleSumTree.fold(A.node(), otherSum).hash());
    assertNotEquals(tree.root().hash(), MerkleSumTree.fold(A.node(), otherSide).hash());
  }

  @Test
  void aLeafWithAnotherAmountSaltOrProofIsAnotherLeaf() {
    MerkleSumTree tree = MerkleSumTree.of(List.of(A, B, C));
    EscrowLeaf moreSats =
        new EscrowLeaf(
            "offer-a",
            HoldKind.ESCROW,
            73,
            List.of(new LeafProof(Y1, 65), new LeafProof(Y2, 8)),
            A.salt());
    EscrowLeaf otherSalt =
        new EscrowLeaf("offer-a", HoldKind.ESCROW, 72, A.proofs(), "ab".repeat(32));
    EscrowLeaf otherY =
        new EscrowLeaf(
            "offer-a",
            HoldKind.ESCROW,
            72,
            List.of(new LeafProof(Y3, 64), new LeafProof(Y2, 8)),
            A.salt());
    EscrowLeaf otherKind = new EscrowLeaf("offer-a", HoldKind.BOND, 72, A.proofs(), A.salt());

    for (EscrowLeaf forged : List.of(moreSats, otherSalt, otherY, otherKind)) {
      assertNotEquals(
          tree.root().hash(),
          MerkleSumTree.fold(forged.node(), tree.branch(0)).hash(),
          forged::toString);
    }
  }

  @Test
  void aLeafsAmountIsItsProofsSum() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new EscrowLeaf("o", HoldKind.ESCROW, 10, List.of(new LeafProof(Y1, 9)), A.salt()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EscrowLeaf("o", HoldKind.ESCROW, 0, List.of(), A.salt()));
    assertThrows(IllegalArgumentException.class, () -> new LeafProof("04" + "11".repeat(32), 1));
    assertThrows(IllegalArgumentException.class, () -> new LeafProof("02" + "AB".repeat(32), 1));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
