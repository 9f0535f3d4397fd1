package org.openpleb.cashu.wallet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.openpleb.cashu.CashuException;
import org.openpleb.cashu.crypto.Bdhke;
import org.openpleb.cashu.crypto.Dleq;
import org.openpleb.cashu.crypto.P2pk;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.MintUrl;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.store.OperationRecord;
import org.openpleb.cashu.token.Token;
import org.openpleb.cashu.token.TokenCodec;
import org.openpleb.cashu.token.TokenFormatException;

/**
 * Receiving (NUT-03 swap): checks a token (mint, unit, limits, keysets, DLEQ, P2PK lock) and swaps
 * its proofs for fresh ones of this wallet under a journaled operation.
 */
final class ReceiveOperation extends WalletOperation {

  private static final Logger LOG = Logger.getLogger(ReceiveOperation.class.getName());

  ReceiveOperation(WalletParts parts) {
    super(parts);
  }

  ReceiveResult receive(String token, ReceiveOptions options) {
    Objects.requireNonNull(token, "token");
    ReceiveOptions opts = options == null ? ReceiveOptions.defaults() : options;
    return withKeysetRetry(() -> receiveOnce(token, opts));
  }

  private ReceiveResult receiveOnce(String text, ReceiveOptions opts) {
    Token token = decode(text);
    List<Proof> proofs = new ArrayList<>();
    for (Proof p : token.proofs()) {
      proofs.add(unlocked(checkedDleq(p), opts.p2pkPrivateKey()));
    }
    long total = totalOf(proofs);
    long fee = fees().forKeysets(proofs.stream().map(Proof::id).toList());
    long net = total - fee;
    if (net <= 0) {
      throw new WalletException("Token is worth no more than the fee to receive it");
    }
    String opId = newOperationId();
    runner.claim(opId);
    try {
      store.writeVoid(
          () -> {
            Keyset ks = keysets.outputKeyset();
            // what is not reserved (all, without an owner) is kept spendable by the same swap
            long reserved = opts.reserveFor() == null ? 0 : Math.min(net, opts.reserveAtMost());
            List<OutputFactory.Planned> planned = new ArrayList<>();
            planned.addAll(OutputFactory.plan(OutputRole.RESERVE, reserved, ks, null));
            planned.addAll(OutputFactory.plan(OutputRole.KEEP, net - reserved, ks, null));
            List<JournalOutput> outs = outputs.create(ks, planned);
            List<JournalInput> ins = new ArrayList<>();
            for (Proof p : proofs) {
              ins.add(JournalInput.of(p, Bdhke.y(p.secret())));
            }
            runner.journal(
                opId,
                new JournalPayload.Receive(net, ins, outs, opts.reserveFor(), token.memo(), fee));
          });
      OperationRecord op = runner.execute(opId);
      requireSucceeded(op, "Receive");
      return new ReceiveResult(op.id(), op.amount(), op.fee());
    } finally {
      runner.unclaim(opId);
    }
  }

  private boolean isThisMint(String tokenMint) {
    try {
      return tokenMint != null && mintUrl.equals(MintUrl.normalize(tokenMint));
    } catch (CashuException notAUrl) {
      return false;
    }
  }

  /** Reads a token and checks it belongs to this mint and unit, within the limits. */
  Token decode(String text) {
    Token token;
    try {
      token = TokenCodec.decode(text, keysets.ids());
    } catch (TokenFormatException unresolved) {
      // A short keyset id of a keyset this wallet has not seen yet: learn the mint's keysets.
      keysets.refresh();
      token = TokenCodec.decode(text, keysets.ids());
    }
    requireWithinLimits(token);
    if (!isThisMint(token.mint())) {
      throw new WalletException("Token is from another mint");
    }
    if (token.unit() != null && !unit.equals(token.unit())) {
      throw new WalletException("Token is in " + token.unit() + ", this wallet holds " + unit);
    }
    if (token.proofs().isEmpty()) {
      throw new WalletException("Token holds no proofs");
    }
    for (Proof p : token.proofs()) {
      if (!keysets.knows(p.id())) {
        throw new WalletException("Token uses keyset " + p.id() + " unknown to the mint");
      }
      if (!keysets.signs(p.id(), p.amount())) {
        throw new TokenInvalidException(
            "Token claims a proof of "
                + p.amount()
                + " sats, which keyset "
                + p.id()
                + " never"
                + " signs");
      }
    }
    return token;
  }

  private void requireWithinLimits(Token token) {
    if (token.proofs().size() > limits.maxTokenProofs()) {
      throw new TokenInvalidException(
          "Token holds "
              + token.proofs().size()
              + " proofs; at most "
              + limits.maxTokenProofs()
              + " are accepted");
    }
    long total;
    try {
      total = totalOf(token.proofs());
    } catch (ArithmeticException overflow) {
      throw new TokenInvalidException("Token amounts add up to more than any wallet holds");
    }
    if (total > limits.maxAmount()) {
      throw new TokenInvalidException(
          "Token is worth " + total + " sats; at most " + limits.maxAmount() + " are accepted");
    }
  }

  private static long totalOf(List<Proof> proofs) {
    long total = 0;
    for (Proof p : proofs) {
      if (p.amount() <= 0) {
        throw new TokenInvalidException("Token holds a proof of no positive amount");
      }
      total = Math.addExact(total, p.amount());
    }
    return total;
  }

  private Proof checkedDleq(Proof p) {
    if (p.dleq() == null || p.dleq().r() == null) {
      return p;
    }
    boolean valid;
    try {
      valid = Dleq.verifyProof(p, keysets.key(p.id(), p.amount()));
    } catch (CashuException e) {
      valid = false;
    }
    if (!valid) {
      throw new WalletException("Token carries an invalid DLEQ proof");
    }
    return p;
  }

  private Proof unlocked(Proof p, BigInteger privateKey) {
    Optional<String> lock = P2pk.lockedPubkey(p.secret());
    if (lock.isEmpty()) {
      return p;
    }
    if (privateKey == null) {
      throw new WalletException("Token is locked to a public key; its private key is needed");
    }
    String witness = P2pk.witness(p.secret(), privateKey, random);
    if (!P2pk.verifyWitness(p.secret(), witness, clock.instant().getEpochSecond())) {
      throw new WalletException("Token is locked to another key");
    }
    return new Proof(p.amount(), p.id(), p.secret(), p.C(), p.dleq(), witness);
  }
}
