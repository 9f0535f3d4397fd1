package org.openpleb.ee.custody.commitment;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.wallet.ReservedProof;
import org.openpleb.ee.offer.Offer;
import org.openpleb.ee.offer.Trading;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.wallet.LeasedWallets;
import org.openpleb.ee.wallet.SessionWallet;
import org.openpleb.ee.wallet.WalletRegistry;

/**
 * Publishes commitments to the escrow and gives a party the branches of its offer.
 *
 * <p>{@link #publish()} reads, wallet by wallet, the proofs reserved under every hold label the
 * offers name ({@link CommitmentRepository#holds()}), makes one salted leaf per hold that has any,
 * orders the leaves by their hash, builds the {@link MerkleSumTree} and stores root, total, leaf
 * count and time with the leaves. It is the one entry point: the reconciliation calls it at the end
 * of every run. The wallets are read one after the other, not at one instant: a hold that moves
 * during a run is committed as the wallet showed it when read. A wallet that cannot be read is left
 * out with a WARNING naming it and its offers, so one broken file does not stop every commitment;
 * its parties then find no branch for their offer, and the reconciliation flags the file.
 */
@ApplicationScoped
public class EscrowCommitments {

  private static final Logger LOG = Logger.getLogger(EscrowCommitments.class.getName());

  private static final HexFormat HEX = HexFormat.of();

  @EJB CommitmentRepository commitments;

  @EJB Trading trading;

  @Inject LeasedWallets wallets;

  @EJB WalletRegistry registry;

  @Inject Clock clock;

  private final SecureRandom random = new SecureRandom();

  /** The newest tree this server built or loaded, so a branch is not rebuilt per request. */
  private final AtomicReference<BuiltTree> newest = new AtomicReference<>();

  /** Builds, stores and returns a commitment to every hold the wallets have now. */
  public EscrowCommitment publish() {
    Map<String, List<HeldOffer>> byWallet = new LinkedHashMap<>();
    for (HeldOffer hold : commitments.holds()) {
      byWallet.computeIfAbsent(hold.walletId(), id -> new ArrayList<>()).add(hold);
    }
    List<EscrowLeaf> leaves = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, List<HeldOffer>> wallet : byWallet.entrySet()) {
      if (registry.hasFile(wallet.getKey())) {
        leaves.addAll(read(wallet.getKey(), wallet.getValue()));
      } else {
        // opening it would create an empty file in place of the lost one: never here
        missing.add(wallet.getKey());
      }
    }
    if (!missing.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "Escrow commitment: {0} wallets that hold offers'' sats have no file and are left out,"
              + " e.g. {1}",
          new Object[] {
            String.valueOf(missing.size()), missing.subList(0, Math.min(10, missing.size()))
          });
    }
    List<EscrowLeaf> ordered =
        leaves.stream()
            .map(leaf -> Map.entry(leaf.node().hash(), leaf))
            .sorted(Map.Entry.comparingByKey())
            .map(Map.Entry::getValue)
            .toList();
    MerkleSumTree tree = MerkleSumTree.of(ordered);
    SumNode root = tree.root();
    EscrowCommitment commitment =
        new EscrowCommitment(
            UUID.randomUUID().toString(),
            root.hash(),
            root.sum(),
            tree.size(),
            OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
    commitments.store(commitment, ordered);
    newest.set(new BuiltTree(commitment, ordered, tree));
    LOG.log(
        Level.INFO,
        "Escrow commitment {0} published: {1} holds, {2} sats, root {3}",
        new Object[] {
          commitment.id(), String.valueOf(tree.size()), String.valueOf(root.sum()), root.hash()
        });
    return commitment;
  }

  /** The latest published commitment. */
  public EscrowCommitment latest() {
    return commitments
        .latest()
        .orElseThrow(
            () ->
                new DomainException(
                    ProblemCode.NOT_FOUND, "No escrow commitment was published yet"));
  }

  /**
   * The holds of offer {@code offerId} in the latest commitment with their branches, for its maker
   * or its taker only.
   *
   * @throws DomainException NOT_FOUND for an unknown offer or before any commitment, FORBIDDEN for
   *     anyone but the offer's two parties
   */
  public OfferEscrowProof proofFor(String offerId, String pubkey) {
    Objects.requireNonNull(pubkey, "pubkey");
    Offer offer = trading.visible(offerId);
    boolean party =
        pubkey.equals(offer.makerPubkey())
            || offer.takerPubkey().filter(pubkey::equals).isPresent();
    if (!party) {
      throw new DomainException(
          ProblemCode.FORBIDDEN, "Only the maker and the taker of this offer get its escrow proof");
    }
    BuiltTree tree = newestTree(latest());
    List<EscrowBranch> holds = new ArrayList<>();
    for (int i = 0; i < tree.leaves().size(); i++) {
      EscrowLeaf leaf = tree.leaves().get(i);
      if (leaf.offerId().equals(offer.id())) {
        holds.add(new EscrowBranch(leaf, leaf.node().hash(), tree.tree().branch(i)));
      }
    }
    holds.sort(Comparator.comparing(branch -> branch.leaf().kind()));
    return new OfferEscrowProof(offer.id(), tree.commitment(), holds);
  }

  /** The tree of {@code latest}, from memory when this server built or loaded it already. */
  private BuiltTree newestTree(EscrowCommitment latest) {
    BuiltTree known = newest.get();
    if (known != null && known.commitment().id().equals(latest.id())) {
      return known;
    }
    List<EscrowLeaf> leaves = commitments.leaves(latest.id());
    MerkleSumTree tree = MerkleSumTree.of(leaves);
    if (!tree.root().hash().equals(latest.rootHash())
        || tree.root().sum() != latest.totalSats()
        || tree.size() != latest.leafCount()) {
      // the stored leaves no longer give the published root: never hand out a branch that fails
      LOG.log(
          Level.SEVERE,
          "The stored leaves of escrow commitment {0} do not give its root {1}",
          new Object[] {latest.id(), latest.rootHash()});
      throw new DomainException(
          ProblemCode.INTERNAL_ERROR, "The escrow commitment cannot be proven right now");
    }
    BuiltTree loaded = new BuiltTree(latest, leaves, tree);
    newest.set(loaded);
    return loaded;
  }

  /** The leaves of the holds one wallet has; none when the wallet cannot be read. */
  private List<EscrowLeaf> read(String walletId, List<HeldOffer> holds) {
    try {
      return wallets.run(walletId, handle -> leavesOf(handle, holds), (id, reading) -> {});
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Escrow commitment: wallet {0} could not be read; the holds of offers {1} are left out"
              + " ({2})",
          new Object[] {
            walletId, holds.stream().map(HeldOffer::offerId).distinct().toList(), e.toString()
          });
      return List.of();
    }
  }

  private List<EscrowLeaf> leavesOf(SessionWallet handle, List<HeldOffer> holds) {
    List<EscrowLeaf> leaves = new ArrayList<>();
    for (HeldOffer hold : holds) {
      List<LeafProof> proofs =
          handle.reservedProofs(hold.owner()).stream()
              .map(EscrowCommitments::leafProof)
              .sorted(Comparator.comparing(LeafProof::y))
              .toList();
      if (proofs.isEmpty()) {
        continue;
      }
      long amount = proofs.stream().mapToLong(LeafProof::amount).sum();
      leaves.add(new EscrowLeaf(hold.offerId(), hold.kind(), amount, proofs, salt()));
    }
    return leaves;
  }

  private static LeafProof leafProof(ReservedProof proof) {
    return new LeafProof(proof.y(), proof.amount());
  }

  private String salt() {
    byte[] salt = new byte[32];
    random.nextBytes(salt);
    return HEX.formatHex(salt);
  }

  /** A commitment with the leaves and tree it was built from. */
  private record BuiltTree(
      EscrowCommitment commitment, List<EscrowLeaf> leaves, MerkleSumTree tree) {}
}
