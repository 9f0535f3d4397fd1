package org.openpleb.devmint.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.math.ec.ECPoint;
import org.openpleb.devmint.crypto.Bdhke;
import org.openpleb.devmint.crypto.Dleq;
import org.openpleb.devmint.crypto.Secp256k1;
import org.openpleb.devmint.wire.BlindSignature;
import org.openpleb.devmint.wire.BlindedMessage;
import org.openpleb.devmint.wire.CheckStateResponse;
import org.openpleb.devmint.wire.DleqProof;
import org.openpleb.devmint.wire.Proof;
import org.openpleb.devmint.wire.ProofState;
import org.openpleb.devmint.wire.RestoreResponse;

/**
 * What the mint knows about ecash: which proofs are spent or pending, and which blinded outputs it
 * has signed. It checks a request's inputs and outputs completely and signs; the quotes and the
 * order of the steps are {@link MintLedger}'s. Not thread-safe: every call is made under the
 * ledger's lock.
 */
final class ProofBook {

  private static final Pattern POINT_HEX = Pattern.compile("[0-9a-fA-F]{66}");

  /** A checked input: its keyset, amount and point Y (the proof's identity). */
  record Input(MintKeyset keyset, long amount, String y) {}

  /** A checked output: its keyset, amount (0 for a blank) and blinded point. */
  record Output(MintKeyset keyset, long amount, ECPoint point, String pointHex) {}

  private final Keychain keychain;
  private final Set<String> spent = new HashSet<>();
  private final Map<String, String> pending = new HashMap<>();
  private final Map<String, SignedOutput> signed = new LinkedHashMap<>();

  ProofBook(Keychain keychain) {
    this.keychain = keychain;
  }

  // ---- checks ----

  /** The inputs, each known, unique and validly signed; nothing about whether they are spent. */
  List<Input> checkInputs(List<Proof> proofs) {
    if (proofs == null || proofs.isEmpty()) {
      throw malformed("inputs are required");
    }
    if (proofs.size() > MintLedger.MAX_ITEMS) {
      throw new MintException(NutError.MAX_INPUTS_EXCEEDED, "too many inputs");
    }
    Map<String, Proof> byY = new LinkedHashMap<>();
    List<Input> inputs = new ArrayList<>(proofs.size());
    for (Proof proof : proofs) {
      if (proof == null || proof.secret() == null || proof.id() == null) {
        throw malformed("each input needs amount, id, secret and C");
      }
      String y = Secp256k1.toHex(Bdhke.secretToCurve(proof.secret()));
      if (byY.put(y, proof) != null) {
        throw new MintException(NutError.DUPLICATE_INPUTS, "duplicate inputs provided");
      }
      MintKeyset keyset = keychain.find(proof.id());
      if (keyset == null) {
        throw new MintException(NutError.UNKNOWN_KEYSET, "input keyset not known");
      }
      inputs.add(new Input(keyset, proof.amount(), y));
    }
    for (Proof proof : byY.values()) {
      MintKeyset keyset = keychain.find(proof.id());
      if (!keyset.hasAmount(proof.amount()) || !signatureValid(keyset, proof)) {
        throw new MintException(NutError.PROOF_VERIFICATION_FAILED, "proof verification failed");
      }
    }
    return inputs;
  }

  /**
   * The outputs, each a unique valid point of an active keyset; {@code blank} outputs (NUT-08) may
   * be none and carry no amount.
   */
  List<Output> checkOutputs(List<BlindedMessage> messages, boolean blank) {
    if (messages == null || (messages.isEmpty() && !blank)) {
      throw malformed("outputs are required");
    }
    if (messages.size() > MintLedger.MAX_ITEMS) {
      throw new MintException(NutError.MAX_OUTPUTS_EXCEEDED, "too many outputs");
    }
    Set<String> seen = new HashSet<>();
    List<Output> outputs = new ArrayList<>(messages.size());
    for (BlindedMessage message : messages) {
      if (message == null || message.id() == null) {
        throw malformed("each output needs amount, id and B_");
      }
      ECPoint point;
      try {
        point = Secp256k1.decodePoint(message.blindedPoint());
      } catch (IllegalArgumentException | NullPointerException e) {
        throw malformed("B_ is not a valid point");
      }
      String pointHex = Secp256k1.toHex(point);
      if (!seen.add(pointHex)) {
        throw new MintException(NutError.DUPLICATE_OUTPUTS, "duplicate outputs provided");
      }
      MintKeyset keyset = keychain.find(message.id());
      if (keyset == null) {
        throw new MintException(NutError.UNKNOWN_KEYSET, "output keyset not known");
      }
      if (!keyset.active()) {
        throw new MintException(
            NutError.INACTIVE_KEYSET, "keyset is inactive, cannot sign messages");
      }
      // blank outputs (NUT-08) get their amounts from the change; whatever the wallet wrote
      // there is ignored
      if (!blank && !keyset.hasAmount(message.amount())) {
        throw malformed("output amount " + message.amount() + " is not a denomination");
      }
      outputs.add(new Output(keyset, blank ? 0 : message.amount(), point, pointHex));
    }
    return outputs;
  }

  /** Refuses outputs the mint has signed before (NUT-03: a blinded point is signed once). */
  void refuseSignedOutputs(List<Output> outputs) {
    for (Output output : outputs) {
      if (signed.containsKey(output.pointHex())) {
        throw new MintException(NutError.OUTPUTS_ALREADY_SIGNED, "outputs already signed");
      }
    }
  }

  /** Refuses inputs that are spent, then inputs that are pending. */
  void refuseUnspendable(List<Input> inputs) {
    for (Input input : inputs) {
      if (spent.contains(input.y())) {
        throw new MintException(NutError.PROOFS_ALREADY_SPENT, "proofs already spent");
      }
    }
    for (Input input : inputs) {
      if (pending.containsKey(input.y())) {
        throw new MintException(NutError.PROOFS_PENDING, "proofs are pending");
      }
    }
  }

  // ---- changes ----

  /** Marks the proofs with these Ys spent. */
  void spend(List<String> ys) {
    spent.addAll(ys);
  }

  /** Marks the proofs with these Ys pending for the melt quote {@code quoteId}. */
  void hold(List<String> ys, String quoteId) {
    for (String y : ys) {
      pending.put(y, quoteId);
    }
  }

  /** Ends the pending state of the proofs with these Ys. */
  void release(List<String> ys) {
    for (String y : ys) {
      pending.remove(y);
    }
  }

  /** Signs every output and remembers the signatures. */
  List<BlindSignature> signAll(List<Output> outputs) {
    List<BlindSignature> signatures = new ArrayList<>(outputs.size());
    for (Output output : outputs) {
      signatures.add(sign(output.keyset(), output.amount(), output.point(), output.pointHex()));
    }
    return signatures;
  }

  /**
   * Signs {@code amount} on a blank output as change, unless its keyset is unknown, has no such
   * denomination, or the point was signed before.
   *
   * @return the signature, or null when the blank was skipped
   */
  BlindSignature signChange(BlindedMessage blank, long amount) {
    MintKeyset keyset = keychain.find(blank.id());
    String pointHex = blank.blindedPoint();
    if (keyset == null || !keyset.hasAmount(amount) || signed.containsKey(pointHex)) {
      return null;
    }
    return sign(keyset, amount, Secp256k1.decodePoint(pointHex), pointHex);
  }

  // ---- queries (NUT-07, NUT-09) ----

  /** UNSPENT, PENDING or SPENT per point Y, in request order. */
  CheckStateResponse checkState(List<String> ys) {
    if (ys == null) {
      throw malformed("Ys is required");
    }
    if (ys.size() > MintLedger.MAX_ITEMS) {
      throw new MintException(NutError.MAX_INPUTS_EXCEEDED, "too many Ys");
    }
    List<ProofState> states = new ArrayList<>(ys.size());
    for (String y : ys) {
      if (y == null || !POINT_HEX.matcher(y).matches()) {
        throw malformed("each Y must be a 33-byte point in hex");
      }
      String key = y.toLowerCase();
      String state =
          spent.contains(key) ? "SPENT" : pending.containsKey(key) ? "PENDING" : "UNSPENT";
      states.add(new ProofState(y, state, null));
    }
    return new CheckStateResponse(states);
  }

  /** The earlier signatures of those outputs the mint has signed; unknown ones are left out. */
  RestoreResponse restore(List<BlindedMessage> outputs) {
    if (outputs == null) {
      throw malformed("outputs is required");
    }
    if (outputs.size() > MintLedger.MAX_ITEMS) {
      throw new MintException(NutError.MAX_OUTPUTS_EXCEEDED, "too many outputs");
    }
    List<BlindedMessage> found = new ArrayList<>();
    List<BlindSignature> signatures = new ArrayList<>();
    for (BlindedMessage output : outputs) {
      if (output == null) {
        throw malformed("output must not be null");
      }
      SignedOutput earlier = signed.get(pointKey(output.blindedPoint()));
      if (earlier != null) {
        found.add(earlier.output());
        signatures.add(earlier.signature());
      }
    }
    return new RestoreResponse(found, signatures);
  }

  // ---- amounts ----

  /** NUT-02 input fee: ceil(Σ input_fee_ppk / 1000) over the inputs' keysets. */
  static long fee(List<Input> inputs) {
    long ppk = 0;
    for (Input input : inputs) {
      ppk = Math.addExact(ppk, input.keyset().inputFeePpk());
    }
    return (ppk + 999) / 1000;
  }

  /** The inputs' total; an overflow is a malformed request. */
  static long sumInputs(List<Input> inputs) {
    long total = 0;
    for (Input input : inputs) {
      total = addAmount(total, input.amount());
    }
    return total;
  }

  /** The outputs' total; an overflow is a malformed request. */
  static long sumOutputs(List<Output> outputs) {
    long total = 0;
    for (Output output : outputs) {
      total = addAmount(total, output.amount());
    }
    return total;
  }

  /** A refusal of a request that is not well formed (NUT code 10000). */
  static MintException malformed(String detail) {
    return new MintException(NutError.MALFORMED_REQUEST, detail);
  }

  // ---- state file ----

  /** How many outputs the mint has signed. */
  int signedCount() {
    return signed.size();
  }

  /** How many proofs are spent. */
  int spentCount() {
    return spent.size();
  }

  /** The spent Ys, for the state file. */
  List<String> spentYs() {
    return List.copyOf(spent);
  }

  /** The pending Ys and their melt quotes, for the state file. */
  Map<String, String> pendingYs() {
    return Map.copyOf(pending);
  }

  /** Every signed output, in signing order, for the state file. */
  List<SignedOutput> signedOutputs() {
    return List.copyOf(signed.values());
  }

  /** Takes up the proofs of a loaded state file; absent lists count as empty. */
  void load(List<String> spentYs, Map<String, String> pendingYs, List<SignedOutput> outputs) {
    if (spentYs != null) {
      spent.addAll(spentYs);
    }
    if (pendingYs != null) {
      pending.putAll(pendingYs);
    }
    if (outputs != null) {
      for (SignedOutput output : outputs) {
        signed.put(output.output().blindedPoint(), output);
      }
    }
  }

  private BlindSignature sign(MintKeyset keyset, long amount, ECPoint point, String pointHex) {
    var key = keyset.privateKey(amount);
    ECPoint c = Bdhke.sign(key, point);
    Dleq.Proof proof = Dleq.prove(key, point, c);
    BlindSignature signature =
        new BlindSignature(
            amount,
            keyset.id(),
            Secp256k1.toHex(c),
            new DleqProof(Secp256k1.scalarHex(proof.e()), Secp256k1.scalarHex(proof.s())));
    signed.put(
        pointHex, new SignedOutput(new BlindedMessage(amount, keyset.id(), pointHex), signature));
    return signature;
  }

  private static boolean signatureValid(MintKeyset keyset, Proof proof) {
    ECPoint c;
    try {
      c = Secp256k1.decodePoint(proof.signature());
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
    return Bdhke.verify(keyset.privateKey(proof.amount()), proof.secret(), c);
  }

  private static long addAmount(long total, long amount) {
    try {
      return Math.addExact(total, amount);
    } catch (ArithmeticException e) {
      throw malformed("amounts overflow");
    }
  }

  private static String pointKey(String pointHex) {
    try {
      return Secp256k1.toHex(Secp256k1.decodePoint(pointHex));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw malformed("B_ is not a valid point");
    }
  }
}
