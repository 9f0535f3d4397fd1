package org.openpleb.ee.custody.commitment;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle-sum tree of an escrow commitment, laid out so a third party can rebuild it.
 *
 * <ul>
 *   <li>Level 0 is the leaves in the order given ({@link EscrowCommitments} orders them by leaf
 *       hash, so the order tells nothing about offers); a leaf node is {@link EscrowLeaf#node()}:
 *       SHA-256 of the leaf's preimage, with the hold's sats as its sum.
 *   <li>Each next level pairs the nodes 0 and 1, 2 and 3, and so on. A parent is
 *       <pre>hash = SHA-256(0x01 || left.hash (32 bytes) || left.sum (8 bytes, big-endian)
 *                     || right.hash (32 bytes) || right.sum (8 bytes, big-endian))
 * sum  = left.sum + right.sum</pre>
 *       Both children's sums are inside the hash, so no sum can be changed without changing the
 *       root. A last node without a partner moves up to the next level unchanged (never doubled:
 *       that would count its sats twice).
 *   <li>The root is the single node left; its sum is the total escrowed. A tree without leaves has
 *       the root hash of 32 zero bytes and sum 0.
 * </ul>
 *
 * A branch lists, from the leaf up, the sibling met at each level where the node reached so far has
 * one ({@link BranchStep}); a level where it moved up alone adds no step. Verifying a branch is
 * folding {@link #parent} along it from the leaf node and comparing the result with the published
 * root hash and total.
 */
public final class MerkleSumTree {

  /** Byte that starts a parent's preimage (a leaf's starts with 0x00, so the two never collide). */
  static final int NODE_TAG = 0x01;

  /** The root hash of a tree without leaves. */
  public static final String EMPTY_ROOT = "0".repeat(64);

  private static final HexFormat HEX = HexFormat.of();

  private final List<List<SumNode>> levels;

  private MerkleSumTree(List<List<SumNode>> levels) {
    this.levels = levels;
  }

  /** Builds the tree over {@code leaves} in the order given. */
  public static MerkleSumTree of(List<EscrowLeaf> leaves) {
    return ofNodes(leaves.stream().map(EscrowLeaf::node).toList());
  }

  /** Builds the tree over leaf nodes already hashed, in the order given. */
  static MerkleSumTree ofNodes(List<SumNode> leafNodes) {
    List<List<SumNode>> levels = new ArrayList<>();
    List<SumNode> level = List.copyOf(leafNodes);
    levels.add(level);
    while (level.size() > 1) {
      List<SumNode> up = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i + 1 < level.size(); i += 2) {
        up.add(parent(level.get(i), level.get(i + 1)));
      }
      if (level.size() % 2 == 1) {
        up.add(level.get(level.size() - 1));
      }
      level = List.copyOf(up);
      levels.add(level);
    }
    return new MerkleSumTree(List.copyOf(levels));
  }

  /** The number of leaves. */
  public int size() {
    return levels.get(0).size();
  }

  /** The root: its hash and the total of all leaves ({@link #EMPTY_ROOT} and 0 when empty). */
  public SumNode root() {
    List<SumNode> top = levels.get(levels.size() - 1);
    return top.isEmpty() ? new SumNode(EMPTY_ROOT, 0) : top.get(0);
  }

  /** The siblings from leaf {@code index} up to the root, as the type's documentation says. */
  public List<BranchStep> branch(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("no leaf " + index);
    }
    List<BranchStep> steps = new ArrayList<>();
    int at = index;
    for (int depth = 0; depth < levels.size() - 1; depth++) {
      List<SumNode> level = levels.get(depth);
      int sibling = at ^ 1;
      if (sibling < level.size()) {
        BranchStep.Side side = sibling < at ? BranchStep.Side.LEFT : BranchStep.Side.RIGHT;
        steps.add(new BranchStep(side, level.get(sibling)));
      }
      at /= 2;
    }
    return List.copyOf(steps);
  }

  /** The root a branch leads to from {@code leaf}: {@link #parent} folded along the steps. */
  public static SumNode fold(SumNode leaf, List<BranchStep> branch) {
    SumNode at = leaf;
    for (BranchStep step : branch) {
      at =
          step.side() == BranchStep.Side.LEFT
              ? parent(step.sibling(), at)
              : parent(at, step.sibling());
    }
    return at;
  }

  /** The parent of two nodes, as the type's documentation says. */
  public static SumNode parent(SumNode left, SumNode right) {
    ByteBuffer preimage = ByteBuffer.allocate(1 + 2 * (32 + 8));
    preimage.put((byte) NODE_TAG);
    preimage.put(HEX.parseHex(left.hash())).putLong(left.sum());
    preimage.put(HEX.parseHex(right.hash())).putLong(right.sum());
    long sum = Math.addExact(left.sum(), right.sum());
    return new SumNode(HEX.formatHex(sha256(preimage.array())), sum);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
