package org.openpleb.cashu.wallet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.mint.MeltQuoteResponse;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.mint.MintError;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.mint.MintProtocolException;
import org.openpleb.cashu.mint.MintQuoteResponse;
import org.openpleb.cashu.mint.MintQuoteState;
import org.openpleb.cashu.mint.MintUnreachableException;
import org.openpleb.cashu.mint.ProofCheck;
import org.openpleb.cashu.mint.ProofStatus;
import org.openpleb.cashu.mint.RestoreResult;
import org.openpleb.cashu.model.BlindSignature;
import org.openpleb.cashu.model.BlindedMessage;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.store.OperationKind;
import org.openpleb.cashu.store.OperationRecord;
import org.openpleb.cashu.store.OperationState;
import org.openpleb.cashu.store.StoredProof;
import org.openpleb.cashu.store.WalletStore;

/**
 * Carries journaled operations through the mint and brings interrupted ones to an end.
 *
 * <p>Running an operation: the caller has committed it as {@code EXECUTING} with its exact request;
 * the runner calls the mint, then commits the outcome in one transaction. A definitive rejection
 * undoes the operation (its inputs are released); an unknown outcome leaves it {@code EXECUTING}
 * and is resolved at once if the mint answers again, else later by recovery.
 *
 * <p>Resolving an operation never guesses: NUT-07 checkstate on its inputs tells whether the mint
 * carried it out; if it did, NUT-09 restore with the journaled outputs returns the signatures,
 * which are unblinded with the journaled blinding factors. If it did not, the identical request is
 * retried (mint, receive, reclaim: the caller's intent was to get those sats) or the inputs are
 * released (send, reserve, melt: the caller was told it failed).
 */
final class OperationRunner {

  private static final Logger LOG = Logger.getLogger(OperationRunner.class.getName());

  private final WalletStore store;
  private final MintClient mint;
  private final KeysetBook keysets;
  private final CrashPoint crash;
  private final String mintUrl;
  private final String unit;
  private final JournalOutcomes outcomes;
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  OperationRunner(
      WalletStore store,
      MintClient mint,
      KeysetBook keysets,
      CrashPoint crash,
      String mintUrl,
      String unit) {
    this.store = store;
    this.mint = mint;
    this.keysets = keysets;
    this.crash = crash;
    this.mintUrl = mintUrl;
    this.unit = unit;
    this.outcomes = new JournalOutcomes(store, keysets, mintUrl, unit);
  }

  /**
   * Marks an operation (or any other key, such as a quote) as being worked on by this process, so
   * that recovery leaves it alone. Returns false if it already is.
   */
  boolean claim(String key) {
    return running.add(key);
  }

  void unclaim(String key) {
    running.remove(key);
  }

  boolean busy() {
    return !running.isEmpty();
  }

  /** Writes an operation into the journal as executing; call inside the preparing transaction. */
  void journal(String opId, JournalPayload payload) {
    JournalEntry entry = payload.entry();
    store.insertOperation(
        OperationRecord.opened(
            opId,
            payload.kind(),
            OperationState.EXECUTING,
            payload.quoteKey(),
            entry.toJson(),
            0,
            entry.fee()));
  }

  /**
   * Writes an operation that needs no mint call into the journal as pending (a token of exact
   * proofs, out until the mint says it is claimed); call inside the transaction that holds them.
   */
  void journalPending(String opId, JournalPayload payload, long amount) {
    JournalEntry entry = payload.entry();
    store.insertOperation(
        OperationRecord.opened(
            opId,
            payload.kind(),
            OperationState.PENDING,
            payload.quoteKey(),
            entry.toJson(),
            amount,
            entry.fee()));
  }

  OperationRecord load(String opId) {
    return store
        .operation(opId)
        .orElseThrow(() -> new WalletException("Unknown operation " + opId));
  }

  static JournalEntry entry(OperationRecord op) {
    return JournalEntry.fromJson(op.payloadJson());
  }

  /**
   * Runs a freshly journaled operation at the mint. Returns its record once done or pending, or
   * failed where a failure is an ordinary outcome (an unpaid Lightning payment).
   *
   * @throws MintException if the mint refused (the operation is failed and its inputs released)
   * @throws OperationInDoubtException if the outcome is unknown and could not be resolved yet
   */
  OperationRecord execute(String opId) {
    OperationRecord op = load(opId);
    JournalEntry e = entry(op);
    crash.reached(JournalStep.JOURNALED, op.kind());
    OperationRecord result =
        switch (op.kind()) {
          case MINT -> executeMint(op, e);
          case MELT -> executeMelt(op, e);
          default -> executeSwap(op, e);
        };
    crash.reached(JournalStep.STORED, op.kind());
    return result;
  }

  private OperationRecord executeSwap(OperationRecord op, JournalEntry e) {
    List<BlindSignature> sigs;
    try {
      sigs = mint.swap(inputs(e), messages(e.outputs()));
    } catch (MintException ex) {
      crash.reached(JournalStep.ANSWERED, op.kind());
      throw rejected(op, e, ex);
    } catch (MintUnreachableException | MintProtocolException ex) {
      return inDoubt(op, ex);
    }
    crash.reached(JournalStep.ANSWERED, op.kind());
    return outcomes.finish(op, e, byPosition(e.outputs(), sigs));
  }

  private OperationRecord executeMint(OperationRecord op, JournalEntry e) {
    List<BlindSignature> sigs;
    try {
      sigs = mint.mint(e.quote(), messages(e.outputs()));
    } catch (MintException ex) {
      crash.reached(JournalStep.ANSWERED, op.kind());
      if (ex.is(MintError.QUOTE_ALREADY_ISSUED) || ex.is(MintError.OUTPUTS_ALREADY_SIGNED)) {
        // Perhaps an earlier attempt of ours got through: the outputs would then be restorable.
        OperationRecord resolved;
        try {
          resolved = resolveMint(op, e);
        } catch (MintUnreachableException | MintProtocolException unknown) {
          throw new OperationInDoubtException(op.id(), unknown);
        }
        if (resolved.state() == OperationState.DONE) {
          return resolved;
        }
        throw ex;
      }
      throw rejected(op, e, ex);
    } catch (MintUnreachableException | MintProtocolException ex) {
      return inDoubt(op, ex);
    }
    crash.reached(JournalStep.ANSWERED, op.kind());
    return outcomes.finish(op, e, byPosition(e.outputs(), sigs));
  }

  private OperationRecord executeMelt(OperationRecord op, JournalEntry e) {
    MeltQuoteResponse answer;
    try {
      answer = mint.melt(e.quote(), inputs(e), messages(e.outputs()));
    } catch (MintException ex) {
      crash.reached(JournalStep.ANSWERED, op.kind());
      if (ex.is(MintError.LIGHTNING_PAYMENT_FAILED)) {
        return outcomes.fail(op, e, "Lightning payment failed");
      }
      if (ex.is(MintError.PROOFS_PENDING) || ex.is(MintError.QUOTE_PENDING)) {
        return outcomes.markPending(op);
      }
      throw rejected(op, e, ex);
    } catch (MintUnreachableException | MintProtocolException ex) {
      return inDoubt(op, ex);
    }
    crash.reached(JournalStep.ANSWERED, op.kind());
    return switch (answer.state()) {
      case PAID -> outcomes.finishMelt(op, e, byPosition(e.outputs(), answer.change()), answer);
      case PENDING -> outcomes.markPending(op);
      case UNPAID -> outcomes.fail(op, e, "Lightning payment failed");
    };
  }

  /** The mint may have committed: try to learn the outcome now, else leave it to recovery. */
  private OperationRecord inDoubt(OperationRecord op, RuntimeException cause) {
    LOG.log(
        Level.WARNING,
        "Outcome of {0} operation {1} unknown ({2}); resolving",
        new Object[] {op.kind(), op.id(), cause.getMessage()});
    OperationRecord resolved;
    try {
      resolved = resolve(load(op.id()));
    } catch (MintUnreachableException | MintProtocolException | MintException again) {
      throw new OperationInDoubtException(op.id(), cause);
    }
    if (resolved.state() == OperationState.EXECUTING) {
      throw new OperationInDoubtException(op.id(), cause);
    }
    return resolved;
  }

  /** Undoes a refused operation and returns the exception to throw. */
  private RuntimeException rejected(OperationRecord op, JournalEntry e, MintException ex) {
    LOG.log(
        Level.INFO,
        "Mint refused {0} operation {1}: code {2}",
        new Object[] {op.kind(), op.id(), String.valueOf(ex.code())});
    if (ex.is(MintError.PROOFS_ALREADY_SPENT)) {
      if (op.kind() == OperationKind.RECEIVE) {
        outcomes.fail(op, e, "Token already spent");
        return new TokenAlreadySpentException(ex);
      }
      markSpentWhereMintSays(e);
    }
    if (ex.is(MintError.KEYSET_INACTIVE) || ex.is(MintError.KEYSET_UNKNOWN)) {
      try {
        keysets.refresh();
      } catch (RuntimeException refreshFailed) {
        LOG.log(Level.FINE, "Keyset refresh after a keyset error failed", refreshFailed);
      }
    }
    outcomes.fail(op, e, "Refused by the mint: " + ex.code());
    return ex;
  }

  private void markSpentWhereMintSays(JournalEntry e) {
    try {
      List<ProofCheck> states = mint.checkState(ys(e));
      List<String> spent = new ArrayList<>();
      for (int i = 0; i < states.size(); i++) {
        if (states.get(i).status() == ProofStatus.SPENT) {
          spent.add(e.inputs().get(i).secret());
        }
      }
      store.markSpent(spent);
    } catch (RuntimeException unknown) {
      // Without the mint's word the inputs are released; a later spend attempt finds out again.
      LOG.log(Level.FINE, "Could not check which inputs are spent", unknown);
    }
  }

  /**
   * Brings an open operation as far as the mint allows: returns it done, failed, pending, or still
   * executing if the mint could not settle the question (e.g. inputs pending).
   *
   * @throws MintUnreachableException if the mint cannot be reached
   */
  OperationRecord resolve(OperationRecord op) {
    JournalEntry e = entry(op);
    if (op.state() == OperationState.PENDING) {
      return switch (op.kind()) {
        case SEND -> settleToken(op);
        case MELT -> resolveMelt(op, e);
        default -> op;
      };
    }
    if (op.state() != OperationState.EXECUTING) {
      return op;
    }
    LOG.log(Level.INFO, "Resolving {0} operation {1}", new Object[] {op.kind(), op.id()});
    return switch (op.kind()) {
      case MINT -> resolveMint(op, e);
      case MELT -> resolveMelt(op, e);
      default -> resolveSwap(op, e);
    };
  }

  private OperationRecord resolveSwap(OperationRecord op, JournalEntry e) {
    List<ProofCheck> states = mint.checkState(ys(e));
    int spent = count(states, ProofStatus.SPENT);
    if (spent == states.size()) {
      return recoverOutputs(op, e);
    }
    if (count(states, ProofStatus.PENDING) > 0) {
      return op;
    }
    if (spent == 0) {
      if (op.kind() == OperationKind.RECEIVE || op.kind() == OperationKind.RECLAIM) {
        return retrySwap(op, e);
      }
      return outcomes.fail(op, e, "Not carried out by the mint");
    }
    // A swap spends all its inputs or none: some spent means someone else spent them.
    List<String> spentSecrets = new ArrayList<>();
    for (int i = 0; i < states.size(); i++) {
      if (states.get(i).status() == ProofStatus.SPENT) {
        spentSecrets.add(e.inputs().get(i).secret());
      }
    }
    store.markSpent(spentSecrets);
    return outcomes.fail(op, e, "Inputs partly spent elsewhere");
  }

  private OperationRecord retrySwap(OperationRecord op, JournalEntry e) {
    List<BlindSignature> sigs;
    try {
      sigs = mint.swap(inputs(e), messages(e.outputs()));
    } catch (MintException ex) {
      if (ex.is(MintError.PROOFS_ALREADY_SPENT) || ex.is(MintError.OUTPUTS_ALREADY_SIGNED)) {
        return recoverOutputs(op, e);
      }
      return outcomes.fail(op, e, "Refused by the mint: " + ex.code());
    }
    return outcomes.finish(op, e, byPosition(e.outputs(), sigs));
  }

  /** The mint carried the operation out: get the signatures on the journaled outputs back. */
  private OperationRecord recoverOutputs(OperationRecord op, JournalEntry e) {
    Map<String, BlindSignature> sigs = restore(e.outputs());
    if (sigs.isEmpty() && !e.outputs().isEmpty()) {
      store.markSpent(secrets(e.inputs()));
      return outcomes.fail(op, e, "Inputs spent, but not by this operation");
    }
    return outcomes.finish(op, e, sigs);
  }

  private OperationRecord resolveMint(OperationRecord op, JournalEntry e) {
    Map<String, BlindSignature> sigs = restore(e.outputs());
    if (!sigs.isEmpty()) {
      return outcomes.finish(op, e, sigs);
    }
    MintQuoteResponse quote;
    try {
      quote = mint.mintQuote(e.quote());
    } catch (MintException unknownQuote) {
      return outcomes.fail(op, e, "Quote unknown to the mint");
    }
    if (quote.state() == MintQuoteState.UNPAID) {
      return outcomes.fail(op, e, "Quote not paid");
    }
    if (quote.state() == MintQuoteState.ISSUED) {
      return outcomes.fail(op, e, "Quote already issued, not to this operation");
    }
    List<BlindSignature> minted;
    try {
      minted = mint.mint(e.quote(), messages(e.outputs()));
    } catch (MintException ex) {
      if (ex.is(MintError.QUOTE_ALREADY_ISSUED) || ex.is(MintError.OUTPUTS_ALREADY_SIGNED)) {
        Map<String, BlindSignature> again = restore(e.outputs());
        return again.isEmpty()
            ? outcomes.fail(op, e, "Quote issued elsewhere")
            : outcomes.finish(op, e, again);
      }
      return outcomes.fail(op, e, "Refused by the mint: " + ex.code());
    }
    return outcomes.finish(op, e, byPosition(e.outputs(), minted));
  }

  private OperationRecord resolveMelt(OperationRecord op, JournalEntry e) {
    List<ProofCheck> states = mint.checkState(ys(e));
    int spent = count(states, ProofStatus.SPENT);
    if (spent == states.size()) {
      MeltQuoteResponse quote = null;
      try {
        quote = mint.meltQuote(e.quote());
      } catch (MintException notKnown) {
        LOG.log(Level.FINE, "Melt quote no longer known to the mint", notKnown);
      }
      return outcomes.finishMelt(op, e, restore(e.outputs()), quote);
    }
    if (count(states, ProofStatus.PENDING) > 0) {
      return op.state() == OperationState.PENDING ? op : outcomes.markPending(op);
    }
    if (spent > 0) {
      List<String> spentSecrets = new ArrayList<>();
      for (int i = 0; i < states.size(); i++) {
        if (states.get(i).status() == ProofStatus.SPENT) {
          spentSecrets.add(e.inputs().get(i).secret());
        }
      }
      store.markSpent(spentSecrets);
    }
    return outcomes.fail(op, e, "Lightning payment not made");
  }

  /** A handed-out token: finished once the mint says all its proofs are spent. */
  OperationRecord settleToken(OperationRecord op) {
    List<StoredProof> held = store.heldBy(op.id());
    if (!held.isEmpty()) {
      List<ProofCheck> states = mint.checkState(held.stream().map(StoredProof::y).toList());
      List<String> spent = new ArrayList<>();
      for (int i = 0; i < states.size(); i++) {
        if (states.get(i).status() == ProofStatus.SPENT) {
          spent.add(held.get(i).secret());
        }
      }
      if (spent.size() < held.size()) {
        store.markSpent(spent);
        return op;
      }
      store.markSpent(spent);
    }
    store.updateOperation(op.id(), OperationState.DONE, null, op.amount(), op.fee(), op.error());
    LOG.log(Level.INFO, "Token of send operation {0} claimed", op.id());
    return load(op.id());
  }

  private Map<String, BlindSignature> restore(List<JournalOutput> outputs) {
    Map<String, BlindSignature> sigs = new HashMap<>();
    if (outputs.isEmpty()) {
      return sigs;
    }
    RestoreResult restored = mint.restore(messages(outputs));
    for (int i = 0; i < restored.outputs().size(); i++) {
      sigs.put(restored.outputs().get(i).B_(), restored.signatures().get(i));
    }
    return sigs;
  }

  private static Map<String, BlindSignature> byPosition(
      List<JournalOutput> outputs, List<BlindSignature> sigs) {
    Map<String, BlindSignature> map = new HashMap<>();
    for (int i = 0; i < sigs.size() && i < outputs.size(); i++) {
      map.put(outputs.get(i).blinded(), sigs.get(i));
    }
    return map;
  }

  static List<BlindedMessage> messages(List<JournalOutput> outputs) {
    return outputs.stream().map(JournalOutput::message).toList();
  }

  private static List<Proof> inputs(JournalEntry e) {
    return e.inputs().stream().map(JournalInput::proof).toList();
  }

  private static List<String> ys(JournalEntry e) {
    return e.inputs().stream().map(JournalInput::y).toList();
  }

  private static List<String> secrets(List<JournalInput> inputs) {
    return inputs.stream().map(JournalInput::secret).toList();
  }

  private static int count(List<ProofCheck> states, ProofStatus status) {
    return (int) states.stream().filter(s -> s.status() == status).count();
  }
}
