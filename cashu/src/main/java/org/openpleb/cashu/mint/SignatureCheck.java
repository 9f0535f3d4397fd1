package org.openpleb.cashu.mint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openpleb.cashu.CashuException;
import org.openpleb.cashu.crypto.Dleq;
import org.openpleb.cashu.crypto.Secp256k1;
import org.openpleb.cashu.crypto.Secp256k1Backend;
import org.openpleb.cashu.crypto.Secp256k1Backends;
import org.openpleb.cashu.model.BlindSignature;
import org.openpleb.cashu.model.BlindedMessage;

/**
 * Checks the blind signatures a mint returns against the outputs the wallet asked it to sign: same
 * keyset, same amount, a point on the curve and a NUT-12 DLEQ proof that the keyset's key made it.
 * A signature that fails would unblind to worthless ecash, so it is refused at the edge.
 */
final class SignatureCheck {

  /** The keyset public key (compressed hex) for an amount, from a verified keyset. */
  interface KeyLookup {
    String key(String keysetId, long amount);
  }

  private final KeyLookup keys;
  private final boolean requireDleq;

  SignatureCheck(KeyLookup keys, boolean requireDleq) {
    this.keys = keys;
    this.requireDleq = requireDleq;
  }

  /** Signatures for {@code outputs}, one each, same order, same amounts (swap, mint). */
  void checkExact(List<BlindedMessage> outputs, List<BlindSignature> sigs) {
    if (sigs.size() != outputs.size()) {
      throw new MintProtocolException(
          "Mint returned " + sigs.size() + " signatures for " + outputs.size() + " outputs");
    }
    for (int i = 0; i < sigs.size(); i++) {
      BlindedMessage out = outputs.get(i);
      BlindSignature sig = sigs.get(i);
      if (sig.amount() != out.amount() || !sig.id().equals(out.id())) {
        throw new MintProtocolException("Signature " + i + " does not match its output");
      }
      checkOne(out, sig, i);
    }
  }

  /**
   * NUT-08 change: at most one signature per blank output, in order; the mint chooses the amounts,
   * so only the keyset and the DLEQ proof can be checked.
   */
  void checkChange(List<BlindedMessage> blanks, List<BlindSignature> change) {
    if (change.size() > blanks.size()) {
      throw new MintProtocolException("Mint returned more change than blank outputs");
    }
    for (int i = 0; i < change.size(); i++) {
      BlindSignature sig = change.get(i);
      BlindedMessage blank = blanks.get(i);
      if (sig.amount() <= 0 || !sig.id().equals(blank.id())) {
        throw new MintProtocolException("Change signature " + i + " does not match its output");
      }
      checkOne(blank, sig, i);
    }
  }

  /**
   * NUT-09: every returned output must be one the wallet asked about, paired with its signature.
   */
  void checkRestored(
      List<BlindedMessage> asked, List<BlindedMessage> found, List<BlindSignature> sigs) {
    if (found.size() != sigs.size()) {
      throw new MintProtocolException("Restore answer pairs outputs and signatures unevenly");
    }
    Map<String, BlindedMessage> byPoint = new HashMap<>();
    for (BlindedMessage m : asked) {
      byPoint.put(m.B_(), m);
    }
    for (int i = 0; i < found.size(); i++) {
      BlindedMessage out = found.get(i);
      BlindedMessage mine = byPoint.get(out.B_());
      BlindSignature sig = sigs.get(i);
      if (mine == null || !mine.id().equals(out.id())) {
        throw new MintProtocolException("Restore answer holds an output that was not asked for");
      }
      if (!sig.id().equals(out.id()) || sig.amount() != out.amount() || sig.amount() <= 0) {
        throw new MintProtocolException("Restored signature " + i + " does not match its output");
      }
      checkOne(out, sig, i);
    }
  }

  private void checkOne(BlindedMessage out, BlindSignature sig, int index) {
    String key;
    try {
      key = keys.key(sig.id(), sig.amount());
    } catch (MintProtocolException e) {
      throw e;
    } catch (CashuException | IllegalArgumentException e) {
      throw new MintProtocolException("Signature " + index + " is not a valid curve point", e);
    }
    if (sig.dleq() == null) {
      requirePoints(key, out, sig, index);
      if (requireDleq) {
        throw new MintProtocolException("Signature " + index + " carries no DLEQ proof");
      }
      return;
    }
    // The DLEQ check decodes and checks all three points itself; only when it fails is it worth
    // decoding them again to tell a malformed point from a wrong proof.
    boolean valid;
    try {
      valid = Dleq.verifySignature(sig.dleq(), key, out.B_(), sig.C_());
    } catch (CashuException | IllegalArgumentException | ArithmeticException e) {
      valid = false;
    }
    if (!valid) {
      requirePoints(key, out, sig, index);
      throw new MintProtocolException("Signature " + index + " has an invalid DLEQ proof");
    }
  }

  private static void requirePoints(String key, BlindedMessage out, BlindSignature sig, int index) {
    Secp256k1Backend curve = Secp256k1Backends.active();
    boolean points;
    try {
      points = isPoint(curve, key) && isPoint(curve, out.B_()) && isPoint(curve, sig.C_());
    } catch (CashuException | IllegalArgumentException e) {
      throw new MintProtocolException("Signature " + index + " is not a valid curve point", e);
    }
    if (!points) {
      throw new MintProtocolException("Signature " + index + " is not a valid curve point");
    }
  }

  private static boolean isPoint(Secp256k1Backend curve, String hex) {
    return hex != null
        && hex.length() == 66
        && curve.isPoint(Secp256k1.parseHex(hex, "public key"));
  }
}
