package org.openpleb.client.escrow;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an offer's escrow proof the way a party should trust it: by recomputing everything.
 *
 * <ol>
 *   <li>The proof leads to the published commitment ({@code GET /api/escrow/commitment}): same id,
 *       root hash and total.
 *   <li>For each hold, the amounts of its backing proofs add up to the hold's amount, no {@code Y}
 *       appears twice, and the leaf hash recomputed from the leaf's data is the one given:
 *       <pre>leaf = SHA-256(0x00 || salt (32 bytes) || u16 len(utf8 offerId) || utf8 offerId
 *               || kind (0x01 ESCROW, 0x02 BOND) || u64 amount || u32 n
 *               || n times (Y (33 bytes) || u64 amount))</pre>
 *   <li>Folding the branch from the leaf (hash, amount) gives the root hash and the total:
 *       <pre>parent = SHA-256(0x01 || left.hash || u64 left.sum || right.hash || u64 right.sum)
 * sum = left.sum + right.sum</pre>
 *       (integers big-endian; a step's side says where the sibling sits). Both children's sums are
 *       inside every parent hash, so a sum cannot be changed without breaking the root.
 *   <li>The mint reports every backing {@code Y} {@code UNSPENT} (NUT-07 {@code POST
 *       /v1/checkstate}).
 * </ol>
 *
 * Any failure throws {@link EscrowProofException} naming the check and the hold. Independent of the
 * server's code on purpose: only the documented layout, SHA-256 and the mint are trusted.
 */
public final class EscrowProofVerifier {

  private static final HexFormat HEX = HexFormat.of();
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern Y = Pattern.compile("0[23][0-9a-f]{64}");

  private final MintStates mint;

  /** A verifier that asks {@code mint} about the backing proofs. */
  public EscrowProofVerifier(MintStates mint) {
    this.mint = Objects.requireNonNull(mint, "mint");
  }

  /** A verifier that asks the mint at {@code mintUrl} (the platform's, from {@code /api/info}). */
  public static EscrowProofVerifier forMint(URI mintUrl) {
    return new EscrowProofVerifier(MintStates.at(mintUrl));
  }

  /**
   * Checks {@code proof} against the {@code published} commitment and the mint.
   *
   * @throws EscrowProofException when any check fails, or when the proof has no hold at all
   */
  public EscrowCheck verify(EscrowProof proof, EscrowCommitment published) {
    EscrowCheck offline = verifyBranches(proof, published);
    List<String> ys = new ArrayList<>();
    for (EscrowHold hold : proof.holds()) {
      hold.proofs().forEach(p -> ys.add(p.y()));
    }
    Map<String, String> states = mint.states(List.copyOf(ys));
    for (String y : ys) {
      String state = states.get(y);
      if (!"UNSPENT".equals(state)) {
        throw new EscrowProofException(
            "The mint reports proof " + y + " of offer " + proof.offerId() + " as " + state);
      }
    }
    return new EscrowCheck(
        offline.offerId(),
        offline.commitmentId(),
        offline.rootHash(),
        offline.heldSats(),
        ys.size());
  }

  /**
   * Checks the arithmetic and hashes of {@code proof} against {@code published} without asking the
   * mint.
   *
   * @throws EscrowProofException when any check fails, or when the proof has no hold at all
   */
  public static EscrowCheck verifyBranches(EscrowProof proof, EscrowCommitment published) {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(published, "published");
    EscrowCommitment claimed = proof.commitment();
    if (claimed == null
        || !Objects.equals(claimed.commitmentId(), published.commitmentId())
        || !Objects.equals(claimed.rootHash(), published.rootHash())
        || claimed.totalSats() != published.totalSats()) {
      throw new EscrowProofException(
          "The proof leads to another commitment than the published one");
    }
    requireHash(published.rootHash(), "the published root");
    if (proof.holds() == null || proof.holds().isEmpty()) {
      throw new EscrowProofException("The commitment holds nothing for offer " + proof.offerId());
    }
    Set<String> seen = new HashSet<>();
    long held = 0;
    for (EscrowHold hold : proof.holds()) {
      String which = hold.kind() + " of offer " + proof.offerId();
      for (BackingProof backing : hold.proofs()) {
        if (!seen.add(backing.y())) {
          throw new EscrowProofException(
              "Proof " + backing.y() + " is counted twice (" + which + ")");
        }
      }
      Node leaf = leaf(proof.offerId(), hold, which);
      if (!leaf.hash().equals(hold.leafHash())) {
        throw new EscrowProofException(
            "The leaf hash of the " + which + " does not match its data");
      }
      Node root = fold(leaf, hold.branch(), which);
      if (!root.hash().equals(published.rootHash())) {
        throw new EscrowProofException("The branch of the " + which + " leads to another root");
      }
      if (root.sum() != published.totalSats()) {
        throw new EscrowProofException(
            "The sums of the " + which + "'s branch add up to " + root.sum() + ", not the total");
      }
      held = Math.addExact(held, hold.amount());
    }
    return new EscrowCheck(
        proof.offerId(), published.commitmentId(), published.rootHash(), held, 0);
  }

  /** A node: hash (lower-case hex) and sum. */
  record Node(String hash, long sum) {}

  /** The leaf node of {@code hold}: its recomputed hash, and its amount once the proofs add up. */
  static Node leaf(String offerId, EscrowHold hold, String which) {
    if (hold.kind() == null || hold.salt() == null || hold.proofs() == null) {
      throw new EscrowProofException("The " + which + " is incomplete");
    }
    requireHash(hold.salt(), "the salt of the " + which);
    byte[] id = offerId.getBytes(StandardCharsets.UTF_8);
    long sum = 0;
    for (BackingProof backing : hold.proofs()) {
      if (backing.y() == null || !Y.matcher(backing.y()).matches() || backing.amount() <= 0) {
        throw new EscrowProofException("A proof of the " + which + " is malformed");
      }
      sum = Math.addExact(sum, backing.amount());
    }
    if (hold.proofs().isEmpty() || sum != hold.amount() || id.length > 0xFFFF) {
      throw new EscrowProofException(
          "The proofs of the " + which + " add up to " + sum + ", not " + hold.amount());
    }
    ByteBuffer bytes =
        ByteBuffer.allocate(1 + 32 + 2 + id.length + 1 + 8 + 4 + 41 * hold.proofs().size());
    bytes.put((byte) 0x00);
    bytes.put(HEX.parseHex(hold.salt()));
    bytes.putShort((short) id.length);
    bytes.put(id);
    bytes.put((byte) (hold.kind() == HoldKind.ESCROW ? 0x01 : 0x02));
    bytes.putLong(hold.amount());
    bytes.putInt(hold.proofs().size());
    for (BackingProof backing : hold.proofs()) {
      bytes.put(HEX.parseHex(backing.y()));
      bytes.putLong(backing.amount());
    }
    return new Node(sha256(bytes.array()), hold.amount());
  }

  /** Folds {@code branch} up from {@code leaf}. */
  static Node fold(Node leaf, List<BranchStep> branch, String which) {
    if (branch == null) {
      throw new EscrowProofException("The " + which + " has no branch");
    }
    Node at = leaf;
    for (BranchStep step : branch) {
      if (step.side() == null || step.sum() < 0) {
        throw new EscrowProofException("A step of the " + which + "'s branch is malformed");
      }
      requireHash(step.hash(), "a sibling of the " + which);
      Node sibling = new Node(step.hash(), step.sum());
      at = step.side() == BranchSide.LEFT ? parent(sibling, at) : parent(at, sibling);
    }
    return at;
  }

  /** The parent of two nodes. */
  static Node parent(Node left, Node right) {
    ByteBuffer bytes = ByteBuffer.allocate(1 + 2 * (32 + 8));
    bytes.put((byte) 0x01);
    bytes.put(HEX.parseHex(left.hash())).putLong(left.sum());
    bytes.put(HEX.parseHex(right.hash())).putLong(right.sum());
    long sum;
    try {
      sum = Math.addExact(left.sum(), right.sum());
    } catch (ArithmeticException overflow) {
      throw new EscrowProofException("A branch's sums overflow");
    }
    return new Node(sha256(bytes.array()), sum);
  }

  private static void requireHash(String hex, String what) {
    if (hex == null || !HASH.matcher(hex).matches()) {
      throw new EscrowProofException("The hash of " + what + " is not 32 bytes of lower-case hex");
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
