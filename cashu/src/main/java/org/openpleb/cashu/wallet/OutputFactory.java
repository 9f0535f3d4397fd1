package org.openpleb.cashu.wallet;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openpleb.cashu.crypto.Bdhke;
import org.openpleb.cashu.crypto.DerivedOutput;
import org.openpleb.cashu.crypto.DeterministicSecrets;
import org.openpleb.cashu.crypto.P2pk;
import org.openpleb.cashu.crypto.Secp256k1;
import org.openpleb.cashu.model.BlindSignature;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.store.ProofState;
import org.openpleb.cashu.store.StoredProof;
import org.openpleb.cashu.store.WalletStore;

/**
 * Makes the outputs a wallet asks the mint to sign and turns the mint's signatures back into
 * proofs. Secrets and blinding factors come from the seed and a NUT-13 counter (so a lost wallet
 * file can be restored); only outputs locked to someone else's key get a random secret.
 */
final class OutputFactory {

  /** An output to make: who it is for, its amount, and the key it is locked to, if any. */
  record Planned(OutputRole role, long amount, String lockPubkey) {}

  private final byte[] seed;
  private final WalletStore store;
  private final SecureRandom random;

  OutputFactory(byte[] seed, WalletStore store, SecureRandom random) {
    this.seed = seed.clone();
    this.store = store;
    this.random = random;
  }

  /** Plans outputs of one role: the amount cut into the keyset's denominations. */
  static List<Planned> plan(OutputRole role, long amount, Keyset keyset, String lockPubkey) {
    List<Planned> planned = new ArrayList<>();
    for (long part : Denominations.split(amount, keyset)) {
      planned.add(new Planned(role, part, lockPubkey));
    }
    return planned;
  }

  /**
   * Makes the outputs, ascending by amount, taking one counter each. Must run inside the write
   * transaction that journals them, so a counter is never handed out twice.
   */
  List<JournalOutput> create(Keyset keyset, List<Planned> planned) {
    List<Planned> sorted = new ArrayList<>(planned);
    sorted.sort(Comparator.comparingLong(Planned::amount));
    long first = store.takeCounters(keyset.id(), sorted.size());
    List<JournalOutput> outputs = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      Planned p = sorted.get(i);
      long counter = first + i;
      String secret;
      BigInteger r;
      if (p.lockPubkey() == null) {
        DerivedOutput d = DeterministicSecrets.derive(seed, keyset.id(), counter);
        secret = d.secret();
        r = d.r();
      } else {
        // Locked outputs belong to the receiver; a seed restore must not find them.
        secret = P2pk.lockSecret(p.lockPubkey(), random);
        r = Secp256k1.randomScalar(random);
      }
      outputs.add(output(p.role(), p.amount(), keyset.id(), counter, secret, r));
    }
    return outputs;
  }

  /** The deterministic output at {@code counter}, as a seed restore asks the mint about it. */
  JournalOutput derived(String keysetId, long counter) {
    DerivedOutput d = DeterministicSecrets.derive(seed, keysetId, counter);
    return output(OutputRole.KEEP, 1, keysetId, counter, d.secret(), d.r());
  }

  private static JournalOutput output(
      OutputRole role, long amount, String keysetId, long counter, String secret, BigInteger r) {
    String blinded = Bdhke.blindedMessage(secret, r);
    return new JournalOutput(
        role, amount, keysetId, counter, secret, Secp256k1.hex(Secp256k1.toBytes32(r)), blinded);
  }

  /**
   * Unblinds the mint's signature on {@code out} into a proof. The amount is the signature's (a
   * blank output's amount is chosen by the mint); the DLEQ proof keeps {@code r} so that the proof
   * can travel in a token the receiver can check.
   */
  static StoredProof unblind(
      JournalOutput out,
      BlindSignature sig,
      String mintKeyHex,
      ProofState state,
      String owner,
      String usedByOp,
      String createdByOp) {
    BigInteger r = new BigInteger(1, Secp256k1.parseHex(out.r(), "r"));
    String c = Bdhke.unblindedSignature(sig.C_(), r, mintKeyHex);
    Proof proof =
        new Proof(
            sig.amount(),
            sig.id(),
            out.secret(),
            c,
            sig.dleq() == null ? null : sig.dleq().withR(out.r()),
            null);
    return new StoredProof(proof, Bdhke.y(out.secret()), state, owner, usedByOp, createdByOp);
  }
}
