package org.openpleb.cashu.wallet;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.CashuException;
import org.openpleb.cashu.crypto.Bdhke;
import org.openpleb.cashu.crypto.Dleq;
import org.openpleb.cashu.crypto.P2pk;
import org.openpleb.cashu.crypto.Secp256k1;
import org.openpleb.cashu.mint.HttpMintClient;
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
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.store.OperationKind;
import org.openpleb.cashu.store.OperationRecord;
import org.openpleb.cashu.store.OperationState;
import org.openpleb.cashu.store.ProofState;
import org.openpleb.cashu.store.SqliteWalletStore;
import org.openpleb.cashu.store.StoredMeltQuote;
import org.openpleb.cashu.store.StoredMintQuote;
import org.openpleb.cashu.store.StoredProof;
import org.openpleb.cashu.store.WalletStore;
import org.openpleb.cashu.token.Token;
import org.openpleb.cashu.token.TokenCodec;
import org.openpleb.cashu.token.TokenFormatException;

/**
 * A Cashu wallet at one mint, in one SQLite file, that loses no sats when the process dies at any
 * instant.
 *
 * <p>Every operation that asks the mint to sign or spend is journaled first: its exact request
 * (outputs with NUT-13 counters, secrets and blinding factors; inputs; quote) is committed with
 * state {@code executing} before the mint is called, and its result is committed in one transaction
 * after. Opening the wallet runs {@link #recover()}, which finishes or undoes whatever a crash or a
 * lost answer left open, using NUT-07 checkstate and NUT-09 restore.
 *
 * <p>Thread-safe. The wallet file has one writer: all reads and writes go through the store's lock
 * and {@code BEGIN IMMEDIATE} transactions; mint calls run outside the lock, so several operations
 * can be in flight at once without ever selecting the same proof.
 */
public final class Wallet implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Wallet.class.getName());
  private static final int BATCH = 100;
  private static final int EMPTY_BATCHES_TO_STOP = 3;

  private final WalletStore store;
  private final MintClient mint;
  private final String mintUrl;
  private final String unit;
  private final KeysetBook keysets;
  private final OutputFactory outputs;
  private final OperationRunner runner;
  private final SecureRandom random;
  private final Clock clock;
  private final WalletLimits limits;

  private Wallet(Builder b, WalletStore store) {
    this.store = store;
    this.mint = b.client;
    this.mintUrl = HttpMintClient.normalizeUrl(b.mintUrl);
    this.unit = b.unit;
    this.random = b.random;
    this.clock = b.clock;
    this.limits = b.limits;
    this.keysets = new KeysetBook(store, mint, unit);
    this.outputs = new OutputFactory(b.seed, store, random);
    this.runner = new OperationRunner(store, mint, keysets, b.crashPoint, mintUrl, unit);
  }

  /**
   * Opens (or creates) the wallet file for {@code mintUrl} and recovers any interrupted operation.
   *
   * @param seed64 the 64-byte seed that NUT-13 secrets derive from; keep it outside the file, it is
   *     what rebuilds a lost wallet ({@link #restoreFromSeed()})
   */
  public static Wallet open(Path file, String mintUrl, byte[] seed64, MintClient client) {
    return builder(file, mintUrl, seed64, client).open();
  }

  public static Builder builder(Path file, String mintUrl, byte[] seed64, MintClient client) {
    return new Builder(file, mintUrl, seed64, client);
  }

  public String mintUrl() {
    return mintUrl;
  }

  public String unit() {
    return unit;
  }

  /** The most this wallet accepts from a token or moves in one operation. */
  public WalletLimits limits() {
    return limits;
  }

  public Path file() {
    return store.file();
  }

  WalletStore store() {
    return store;
  }

  // Minting

  /** Asks the mint for a Lightning invoice of {@code sats}; nothing is minted until it is paid. */
  public MintQuote requestMintQuote(long sats) {
    requireAmount(sats);
    MintQuoteResponse q = mint.createMintQuote(sats, unit);
    store.saveMintQuote(
        new StoredMintQuote(
            q.quote(), q.request(), q.amount(), q.unit(), q.state(), q.expiry(), 0));
    return new MintQuote(q.quote(), q.request(), q.amount(), q.state(), q.expiry());
  }

  /**
   * The quote's state at the mint (remembered in the wallet), or empty if the mint does not know
   * the quote.
   */
  public Optional<MintQuote> checkQuote(String quoteId) {
    MintQuoteResponse q;
    try {
      q = mint.mintQuote(quoteId);
    } catch (MintException unknown) {
      return Optional.empty();
    }
    long amount = amountOf(q);
    store.saveMintQuote(
        new StoredMintQuote(q.quote(), q.request(), amount, q.unit(), q.state(), q.expiry(), 0));
    return Optional.of(new MintQuote(q.quote(), q.request(), amount, q.state(), q.expiry()));
  }

  /**
   * Mints the ecash of a paid quote into spendable proofs. See {@link #mintPaidQuote(String,
   * String)}.
   */
  public MintResult mintPaidQuote(String quoteId) {
    return mintPaidQuote(quoteId, null);
  }

  /**
   * Mints the ecash of a paid quote. Idempotent: a quote this wallet already minted returns the
   * earlier result. The quote's expiry is advisory: a paid quote is minted even after it.
   *
   * @param reserveFor reserve the minted sats for this owner (e.g. an offer's escrow), or {@code
   *     null} to make them spendable
   * @throws MintException with {@link MintError#QUOTE_NOT_PAID} if the invoice is not paid yet, or
   *     {@link MintError#QUOTE_ALREADY_ISSUED} if someone else minted it
   * @throws OperationInDoubtException if the mint stopped answering mid-way (recovery finishes it)
   */
  public MintResult mintPaidQuote(String quoteId, String reserveFor) {
    Objects.requireNonNull(quoteId, "quoteId");
    String claimKey = "quote:" + quoteId;
    if (!runner.claim(claimKey)) {
      throw new WalletException("This quote is already being minted");
    }
    try {
      Optional<MintResult> earlier = earlierMint(quoteId);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      MintQuoteResponse q = mint.mintQuote(quoteId);
      long amount = amountOf(q);
      store.saveMintQuote(
          new StoredMintQuote(q.quote(), q.request(), amount, q.unit(), q.state(), q.expiry(), 0));
      if (q.state() == MintQuoteState.UNPAID) {
        throw new MintException(MintError.QUOTE_NOT_PAID, "Quote is not paid yet");
      }
      if (q.state() == MintQuoteState.ISSUED) {
        throw new MintException(MintError.QUOTE_ALREADY_ISSUED, "Quote was already minted");
      }
      if (amount <= 0 || !unit.equals(q.unit())) {
        throw new WalletException("Quote is not for a positive amount in " + unit);
      }
      if (amount > limits.maxAmount()) {
        // the amount is the mint's word; outputs are planned from it, so it is bounded too
        throw new WalletException(
            "Quote is for " + amount + " sats, more than the " + limits.maxAmount() + " allowed");
      }
      try {
        return withKeysetRetry(() -> mintOnce(quoteId, amount, reserveFor));
      } catch (MintException e) {
        // A recovery running at the same time may have minted it into this wallet.
        if (e.is(MintError.QUOTE_ALREADY_ISSUED)) {
          return earlierMint(quoteId).orElseThrow(() -> e);
        }
        throw e;
      }
    } finally {
      runner.unclaim(claimKey);
    }
  }

  private MintResult mintOnce(String quoteId, long amount, String reserveFor) {
    keysets.ensureActive();
    String opId = newOperationId();
    runner.claim(opId);
    try {
      store.writeVoid(
          () -> {
            Keyset ks = keysets.outputKeyset();
            OutputRole role = reserveFor == null ? OutputRole.KEEP : OutputRole.RESERVE;
            List<JournalOutput> outs =
                outputs.create(ks, OutputFactory.plan(role, amount, ks, null));
            runner.journal(
                opId,
                OperationKind.MINT,
                quoteId,
                new JournalEntry(quoteId, amount, null, outs, reserveFor, null, null, null, 0));
          });
      OperationRecord op = runner.execute(opId);
      return mintResult(op);
    } finally {
      runner.unclaim(opId);
    }
  }

  private Optional<MintResult> earlierMint(String quoteId) {
    for (OperationRecord op : store.operationsForQuote(quoteId)) {
      if (op.kind() != OperationKind.MINT) {
        continue;
      }
      if (op.state() == OperationState.DONE) {
        return Optional.of(mintResult(op));
      }
      if (op.state() == OperationState.EXECUTING && runner.claim(op.id())) {
        try {
          OperationRecord resolved = resolveNow(op);
          if (resolved.state() == OperationState.DONE) {
            return Optional.of(mintResult(resolved));
          }
          if (resolved.state() == OperationState.EXECUTING) {
            throw new OperationInDoubtException(op.id(), null);
          }
        } finally {
          runner.unclaim(op.id());
        }
      }
    }
    return Optional.empty();
  }

  private MintResult mintResult(OperationRecord op) {
    if (op.state() != OperationState.DONE) {
      throw new WalletException("Minting failed: " + op.error());
    }
    return new MintResult(op.id(), op.amount(), OperationRunner.entry(op).owner());
  }

  private long amountOf(MintQuoteResponse q) {
    if (q.amount() > 0) {
      return q.amount();
    }
    return store.mintQuote(q.quote()).map(StoredMintQuote::amount).orElse(0L);
  }

  // Receiving

  /** Receives a token into spendable proofs. */
  public ReceiveResult receive(String token) {
    return receive(token, ReceiveOptions.defaults());
  }

  /** Receives a token locked to the public key of {@code p2pkPrivateKey} (NUT-11). */
  public ReceiveResult receive(String token, BigInteger p2pkPrivateKey) {
    return receive(token, ReceiveOptions.defaults().unlockingWith(p2pkPrivateKey));
  }

  /**
   * Swaps a token's proofs for fresh ones of this wallet; the mint's input fee is deducted. Tokens
   * locked to a public key (NUT-11) need the matching private key in {@code options}.
   *
   * @throws TokenAlreadySpentException if the token was already claimed (a double spend)
   * @throws WalletException if the token is from another mint or unit, malformed, worth less than
   *     the fee, locked to another key, or carries an invalid DLEQ proof
   * @throws OperationInDoubtException if the mint stopped answering mid-way (recovery finishes it)
   */
  public ReceiveResult receive(String token, ReceiveOptions options) {
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
            OutputRole role = opts.reserveFor() == null ? OutputRole.KEEP : OutputRole.RESERVE;
            List<JournalOutput> outs = outputs.create(ks, OutputFactory.plan(role, net, ks, null));
            List<JournalInput> ins = new ArrayList<>();
            for (Proof p : proofs) {
              ins.add(JournalInput.of(p, Bdhke.y(p.secret())));
            }
            runner.journal(
                opId,
                OperationKind.RECEIVE,
                null,
                new JournalEntry(
                    null, net, ins, outs, opts.reserveFor(), null, token.memo(), null, fee));
          });
      OperationRecord op = runner.execute(opId);
      requireSucceeded(op, "Receive");
      return new ReceiveResult(op.id(), op.amount(), op.fee());
    } finally {
      runner.unclaim(opId);
    }
  }

  /** Whether a token's mint URL names this wallet's mint; a URL that is no http(s) URL does not. */
  private boolean isThisMint(String tokenMint) {
    try {
      return tokenMint != null && mintUrl.equals(HttpMintClient.normalizeUrl(tokenMint));
    } catch (CashuException notAUrl) {
      return false;
    }
  }

  private Token decode(String text) {
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

  /**
   * Refuses a token whose size alone rules it out: too many proofs, or a total beyond the limit or
   * beyond a long. Needs no keyset and no mint, so it runs first.
   */
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
      valid = Dleq.verifyProof(p, Secp256k1.decodeMintKey(keysets.key(p.id(), p.amount())));
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

  // Sending

  /** Makes an unlocked token of exactly {@code amount} sats. */
  public SendResult send(long amount) {
    return send(amount, SendOptions.defaults());
  }

  /**
   * Makes a token of {@code amount} sats from spendable proofs, swapping first unless an exact set
   * is at hand (or the token must be locked). Its proofs stay in flight until the mint says they
   * are spent ({@link #reconcileInflight()}); until then {@link #reclaim(String)} takes them back.
   *
   * @throws InsufficientFundsException if the spendable balance does not cover amount and fee
   * @throws OperationInDoubtException if the mint stopped answering mid-way (recovery finishes it)
   */
  public SendResult send(long amount, SendOptions options) {
    requireAmount(amount);
    SendOptions opts = options == null ? SendOptions.defaults() : options;
    return withKeysetRetry(() -> sendOnce(ProofState.READY, null, amount, opts));
  }

  /**
   * Turns everything reserved for {@code owner} into one token (e.g. to settle an escrow to another
   * wallet). Without a lock no swap is needed and no fee is paid; with a lock the proofs are
   * swapped and the fee comes out of the amount.
   */
  public SendResult sendReserved(String owner, SendOptions options) {
    Objects.requireNonNull(owner, "owner");
    SendOptions opts = options == null ? SendOptions.defaults() : options;
    long reserved = reservedFor(owner);
    if (reserved <= 0) {
      throw new InsufficientFundsException(1, 0);
    }
    if (opts.lockToPubkey() == null) {
      return sendOnce(ProofState.RESERVED, owner, reserved, opts);
    }
    long fee = fees().forKeysets(keysetIds(store.reservedFor(owner)));
    if (reserved - fee <= 0) {
      throw new InsufficientFundsException(fee + 1, reserved);
    }
    return withKeysetRetry(() -> sendOnce(ProofState.RESERVED, owner, reserved - fee, opts));
  }

  /**
   * Makes a token of {@code amount} sats out of {@code owner}'s reservation; the rest (less any
   * swap fee) stays reserved for the owner.
   */
  public SendResult sendReserved(String owner, long amount, SendOptions options) {
    Objects.requireNonNull(owner, "owner");
    requireAmount(amount);
    SendOptions opts = options == null ? SendOptions.defaults() : options;
    return withKeysetRetry(() -> sendOnce(ProofState.RESERVED, owner, amount, opts));
  }

  private SendResult sendOnce(ProofState source, String owner, long amount, SendOptions opts) {
    keysets.ensureActive();
    String opId = newOperationId();
    runner.claim(opId);
    try {
      Optional<SendResult> direct =
          store.write(
              () -> {
                List<StoredProof> candidates =
                    source == ProofState.READY
                        ? store.proofs(ProofState.READY)
                        : store.reservedFor(owner);
                if (opts.lockToPubkey() == null && !opts.includeReceiveFee()) {
                  Optional<List<StoredProof>> exact = CoinSelector.exact(candidates, amount);
                  // a token of more proofs than a wallet accepts is made by a swap instead
                  if (exact.isPresent() && exact.get().size() <= limits.maxTokenProofs()) {
                    return Optional.of(sendWithoutSwap(opId, exact.get(), source, owner, opts));
                  }
                }
                Keyset ks = keysets.outputKeyset();
                long sendAmount = opts.includeReceiveFee() ? grossUp(amount, ks) : amount;
                List<StoredProof> inputs = select(candidates, sendAmount);
                long fee = fees().forKeysets(keysetIds(inputs));
                long change = sum(inputs) - fee - sendAmount;
                OutputRole changeRole =
                    source == ProofState.READY ? OutputRole.KEEP : OutputRole.RESERVE;
                List<OutputFactory.Planned> planned = new ArrayList<>();
                planned.addAll(
                    OutputFactory.plan(OutputRole.SEND, sendAmount, ks, opts.lockToPubkey()));
                planned.addAll(OutputFactory.plan(changeRole, change, ks, null));
                List<JournalOutput> outs = outputs.create(ks, planned);
                store.hold(secretsOf(inputs), source, owner, opId);
                runner.journal(
                    opId,
                    OperationKind.SEND,
                    null,
                    new JournalEntry(
                        null,
                        sendAmount,
                        inputsOf(inputs),
                        outs,
                        owner,
                        null,
                        opts.memo(),
                        null,
                        fee));
                return Optional.empty();
              });
      if (direct.isPresent()) {
        return direct.get();
      }
      OperationRecord op = runner.execute(opId);
      requireSucceeded(op, "Send");
      JournalEntry e = OperationRunner.entry(op);
      if (e.token() == null) {
        throw new WalletException("Send failed: the mint signed none of the token's outputs");
      }
      return new SendResult(op.id(), e.token(), -op.amount(), op.fee());
    } finally {
      runner.unclaim(opId);
    }
  }

  /** An exact set of proofs becomes the token as they are: no mint call, no fee. */
  private SendResult sendWithoutSwap(
      String opId, List<StoredProof> proofs, ProofState source, String owner, SendOptions opts) {
    List<Proof> list = proofs.stream().map(StoredProof::proof).toList();
    String token = TokenCodec.encodeV4(new Token(mintUrl, unit, opts.memo(), list));
    long amount = sum(proofs);
    store.hold(secretsOf(proofs), source, owner, opId);
    // Proofs handed out leave their owner's reservation for good; reclaimed, they are spendable.
    store.disown(secretsOf(proofs));
    store.insertOperation(
        new OperationRecord(
            opId,
            OperationKind.SEND,
            OperationState.PENDING,
            null,
            new JournalEntry(
                    null, amount, inputsOf(proofs), null, owner, token, opts.memo(), null, 0)
                .toJson(),
            -amount,
            0,
            null,
            0,
            0));
    LOG.log(Level.INFO, "Send operation {0}: token of exact proofs", opId);
    return new SendResult(opId, token, amount, 0);
  }

  /** The amount to send so that the receiver, after paying its swap fee, nets {@code amount}. */
  private long grossUp(long amount, Keyset ks) {
    long gross = amount;
    for (int i = 0; i < 8; i++) {
      long fee = InputFees.roundUp(Denominations.split(gross, ks).size() * ks.inputFeePpk());
      if (gross - fee >= amount && gross - fee - amount < Math.max(1, fee)) {
        return gross;
      }
      gross = amount + fee;
    }
    return gross;
  }

  /**
   * Checks handed-out tokens against the mint: proofs it reports spent are marked spent, and a
   * token whose proofs are all spent is settled.
   *
   * @return how many tokens were found claimed
   */
  public int reconcileInflight() {
    int settled = 0;
    for (OperationRecord op : store.operations(OperationState.PENDING)) {
      if (op.kind() != OperationKind.SEND || !runner.claim(op.id())) {
        continue;
      }
      try {
        if (runner.settleToken(op).state() == OperationState.DONE) {
          settled++;
        }
      } finally {
        runner.unclaim(op.id());
      }
    }
    return settled;
  }

  /**
   * The tokens this wallet handed out that are not claimed yet (as far as the wallet knows; see
   * {@link #reconcileInflight()}), oldest first. After a crash mid-send this is where the token of
   * a send that did happen is found.
   */
  public List<SendResult> outstandingTokens() {
    List<SendResult> tokens = new ArrayList<>();
    for (OperationRecord op : store.operations(OperationState.PENDING)) {
      if (op.kind() == OperationKind.SEND) {
        JournalEntry e = OperationRunner.entry(op);
        if (e.token() != null) {
          tokens.add(new SendResult(op.id(), e.token(), -op.amount(), op.fee()));
        }
      }
    }
    return tokens;
  }

  /**
   * Takes back the unclaimed part of a token this wallet made, swapping its proofs into fresh ones
   * (the mint's input fee applies). A token this wallet did not make is simply received.
   *
   * @param tokenOrOperationId the token text, or the operation id of the send that made it
   * @throws WalletException if the token was already claimed in full
   */
  public ReceiveResult reclaim(String tokenOrOperationId) {
    Objects.requireNonNull(tokenOrOperationId, "tokenOrOperationId");
    String sendOp;
    if (tokenOrOperationId.startsWith("cashu")) {
      Token token = decode(tokenOrOperationId);
      List<String> secrets = token.proofs().stream().map(Proof::secret).toList();
      sendOp =
          store.proofsBySecret(secrets).stream()
              .filter(p -> p.state() == ProofState.INFLIGHT && p.usedByOp() != null)
              .map(StoredProof::usedByOp)
              .findFirst()
              .orElse(null);
      if (sendOp == null) {
        return receive(tokenOrOperationId);
      }
    } else {
      sendOp = tokenOrOperationId;
    }
    OperationRecord send =
        store
            .operation(sendOp)
            .filter(o -> o.kind() == OperationKind.SEND)
            .orElseThrow(() -> new WalletException("No token was sent by operation " + sendOp));
    if (send.state() != OperationState.PENDING) {
      throw new WalletException("Token of operation " + sendOp + " is no longer outstanding");
    }
    if (!runner.claim(sendOp)) {
      throw new WalletException("Token of operation " + sendOp + " is busy");
    }
    try {
      return reclaimOnce(send);
    } finally {
      runner.unclaim(sendOp);
    }
  }

  private ReceiveResult reclaimOnce(OperationRecord send) {
    List<StoredProof> held = store.heldBy(send.id());
    List<ProofCheck> states = mint.checkState(held.stream().map(StoredProof::y).toList());
    List<StoredProof> unspent = new ArrayList<>();
    List<String> spent = new ArrayList<>();
    for (int i = 0; i < held.size(); i++) {
      if (states.get(i).status() == ProofStatus.UNSPENT) {
        unspent.add(held.get(i));
      } else if (states.get(i).status() == ProofStatus.SPENT) {
        spent.add(held.get(i).secret());
      }
    }
    store.markSpent(spent);
    if (unspent.isEmpty()) {
      runner.settleToken(send);
      throw new WalletException("Token was already claimed");
    }
    long fee = fees().forKeysets(keysetIds(unspent));
    long net = sum(unspent) - fee;
    if (net <= 0) {
      throw new WalletException("Token is worth no more than the fee to reclaim it");
    }
    keysets.ensureActive();
    String opId = newOperationId();
    runner.claim(opId);
    try {
      store.writeVoid(
          () -> {
            Keyset ks = keysets.outputKeyset();
            List<JournalOutput> outs =
                outputs.create(ks, OutputFactory.plan(OutputRole.KEEP, net, ks, null));
            store.transfer(secretsOf(unspent), send.id(), opId);
            runner.journal(
                opId,
                OperationKind.RECLAIM,
                null,
                new JournalEntry(
                    null, net, inputsOf(unspent), outs, null, null, null, send.id(), fee));
          });
      OperationRecord op = runner.execute(opId);
      requireSucceeded(op, "Reclaim");
      return new ReceiveResult(op.id(), op.amount(), op.fee());
    } finally {
      runner.unclaim(opId);
    }
  }

  // Melting (paying Lightning invoices)

  /**
   * Pays a BOLT11 invoice with ecash: asks the mint for a melt quote, spends proofs covering
   * amount, fee reserve and input fee, and gets the unused fee reserve back as change (NUT-08). A
   * payment still in flight returns {@link MeltStatus#PENDING}; its inputs stay held until {@link
   * #checkMelt(String)} or recovery sees it settle.
   *
   * @throws InsufficientFundsException if the spendable balance does not cover it
   * @throws OperationInDoubtException if the mint stopped answering mid-way (recovery finishes it)
   */
  public MeltResult melt(String bolt11) {
    Objects.requireNonNull(bolt11, "bolt11");
    keysets.ensureActive();
    MeltQuoteResponse q = mint.createMeltQuote(bolt11, unit);
    requireMeltable(q);
    store.saveMeltQuote(
        new StoredMeltQuote(
            q.quote(),
            bolt11,
            q.amount(),
            q.feeReserve(),
            q.unit(),
            q.state(),
            q.expiry(),
            q.paymentPreimage(),
            0));
    return withKeysetRetry(() -> meltOnce(q));
  }

  /**
   * A melt quote's amount and fee reserve are the mint's word, yet the inputs and blank outputs are
   * chosen from them: they must be sane and within the limit before anything is held.
   */
  private void requireMeltable(MeltQuoteResponse q) {
    if (q.amount() <= 0 || q.feeReserve() < 0) {
      throw new WalletException("The mint quoted no positive amount for this invoice");
    }
    long total;
    try {
      total = Math.addExact(q.amount(), q.feeReserve());
    } catch (ArithmeticException overflow) {
      total = Long.MAX_VALUE;
    }
    if (total > limits.maxAmount()) {
      throw new WalletException(
          "Paying this invoice takes "
              + total
              + " sats with the fee reserve; at most "
              + limits.maxAmount()
              + " may move at once");
    }
  }

  private MeltResult meltOnce(MeltQuoteResponse q) {
    String opId = newOperationId();
    runner.claim(opId);
    try {
      store.writeVoid(
          () -> {
            List<StoredProof> inputs =
                select(store.proofs(ProofState.READY), q.amount() + q.feeReserve());
            long fee = fees().forKeysets(keysetIds(inputs));
            long overpaid = sum(inputs) - fee - q.amount();
            // Blank outputs enough to return any part of the overpayment in powers of two.
            int blanks = overpaid > 0 ? 64 - Long.numberOfLeadingZeros(overpaid) : 0;
            Keyset ks = keysets.outputKeyset();
            List<OutputFactory.Planned> planned = new ArrayList<>();
            for (int i = 0; i < blanks; i++) {
              planned.add(new OutputFactory.Planned(OutputRole.BLANK, 1, null));
            }
            List<JournalOutput> outs = outputs.create(ks, planned);
            store.hold(secretsOf(inputs), ProofState.READY, null, opId);
            runner.journal(
                opId,
                OperationKind.MELT,
                q.quote(),
                new JournalEntry(
                    q.quote(), q.amount(), inputsOf(inputs), outs, null, null, null, null, fee));
          });
      return meltResult(runner.execute(opId));
    } finally {
      runner.unclaim(opId);
    }
  }

  /** Where a melt stands now, asking the mint if it is still pending. */
  public MeltResult checkMelt(String operationId) {
    OperationRecord op =
        store
            .operation(operationId)
            .filter(o -> o.kind() == OperationKind.MELT)
            .orElseThrow(() -> new WalletException("No melt operation " + operationId));
    if (op.state().open() && runner.claim(op.id())) {
      try {
        op = resolveNow(op);
      } finally {
        runner.unclaim(op.id());
      }
    }
    return meltResult(op);
  }

  private MeltResult meltResult(OperationRecord op) {
    JournalEntry e = OperationRunner.entry(op);
    String preimage = store.meltQuote(e.quote()).map(StoredMeltQuote::paymentPreimage).orElse(null);
    long inputs = e.inputs().stream().mapToLong(JournalInput::amount).sum();
    return switch (op.state()) {
      case DONE ->
          new MeltResult(
              op.id(), MeltStatus.PAID, e.amount(), op.fee(), inputs + op.amount(), preimage);
      case PENDING, EXECUTING ->
          new MeltResult(op.id(), MeltStatus.PENDING, e.amount(), 0, 0, null);
      case FAILED -> new MeltResult(op.id(), MeltStatus.FAILED, e.amount(), 0, 0, null);
    };
  }

  // Reservations

  /**
   * Sets exactly {@code amount} sats aside for {@code owner}, swapping first if no exact set of
   * spendable proofs is at hand (the swap's input fee is paid from the spendable balance).
   * Reserving again for the same owner adds to the reservation.
   *
   * @throws InsufficientFundsException if the spendable balance does not cover it
   */
  public Reservation reserve(long amount, String owner) {
    requireAmount(amount);
    Objects.requireNonNull(owner, "owner");
    return withKeysetRetry(() -> reserveOnce(amount, owner));
  }

  private Reservation reserveOnce(long amount, String owner) {
    String opId = newOperationId();
    runner.claim(opId);
    try {
      boolean swapped =
          store.write(
              () -> {
                List<StoredProof> ready = store.proofs(ProofState.READY);
                Optional<List<StoredProof>> exact = CoinSelector.exact(ready, amount);
                if (exact.isPresent()) {
                  store.reserve(secretsOf(exact.get()), owner);
                  return false;
                }
                keysets.ensureActive();
                Keyset ks = keysets.outputKeyset();
                List<StoredProof> inputs = select(ready, amount);
                long fee = fees().forKeysets(keysetIds(inputs));
                long change = sum(inputs) - fee - amount;
                List<OutputFactory.Planned> planned = new ArrayList<>();
                planned.addAll(OutputFactory.plan(OutputRole.RESERVE, amount, ks, null));
                planned.addAll(OutputFactory.plan(OutputRole.KEEP, change, ks, null));
                List<JournalOutput> outs = outputs.create(ks, planned);
                store.hold(secretsOf(inputs), ProofState.READY, null, opId);
                runner.journal(
                    opId,
                    OperationKind.RESERVE,
                    null,
                    new JournalEntry(
                        null, amount, inputsOf(inputs), outs, owner, null, null, null, fee));
                return true;
              });
      long fee = 0;
      if (swapped) {
        OperationRecord op = runner.execute(opId);
        requireSucceeded(op, "Reserve");
        fee = op.fee();
      }
      return new Reservation(owner, reservedFor(owner), fee);
    } finally {
      runner.unclaim(opId);
    }
  }

  /**
   * Ends {@code owner}'s reservation: its proofs become spendable.
   *
   * @return the sats released
   */
  public long release(String owner) {
    Objects.requireNonNull(owner, "owner");
    return store.unreserve(owner);
  }

  /** The sats reserved for {@code owner}. */
  public long reservedFor(String owner) {
    return sum(store.reservedFor(owner));
  }

  // Balance, history, recovery

  /** What the wallet holds now, from the wallet file alone (no mint call). */
  public Balance balance() {
    Map<ProofState, Long> t = store.totals();
    return new Balance(
        t.get(ProofState.READY), t.get(ProofState.RESERVED), t.get(ProofState.INFLIGHT));
  }

  /** The latest operations, newest first. */
  public List<WalletActivity> history(int limit) {
    return store.recentOperations(limit).stream()
        .map(
            op ->
                new WalletActivity(
                    op.id(),
                    op.kind(),
                    op.state(),
                    op.amount(),
                    op.fee(),
                    Instant.ofEpochMilli(op.createdAt())))
        .toList();
  }

  /**
   * Whether an operation is running in this process right now (a wallet handle that is busy must
   * not be closed to make room for another).
   */
  public boolean busy() {
    return runner.busy();
  }

  /**
   * Whether the journal holds operations not finished yet: interrupted ones, Lightning payments in
   * flight, or tokens not yet claimed.
   */
  public boolean hasOpenOperations() {
    return !store.operations(OperationState.EXECUTING, OperationState.PENDING).isEmpty();
  }

  /** The mint's keysets, read again (e.g. after the mint rotated keys). */
  public void refreshKeysets() {
    keysets.refresh();
  }

  /**
   * Finishes or undoes every interrupted operation, settles pending payments and claimed tokens
   * where the mint allows, and frees proofs no open operation holds. Runs when the wallet opens;
   * safe to run at any time. An unreachable mint leaves operations open for the next run.
   */
  public RecoveryReport recover() {
    List<OperationRecord> open = store.operations(OperationState.EXECUTING, OperationState.PENDING);
    if (!open.isEmpty()) {
      // A quiet wallet opens without touching the network; one with work learns the keysets.
      try {
        keysets.refresh();
      } catch (MintUnreachableException | MintProtocolException | MintException e) {
        LOG.log(Level.WARNING, "Keysets not refreshed during recovery: {0}", e.getMessage());
      }
    }
    int resolved = 0;
    int unresolved = 0;
    int settled = 0;
    int outstanding = 0;
    for (OperationRecord op : open) {
      if (!runner.claim(op.id())) {
        if (op.state() == OperationState.EXECUTING) {
          unresolved++;
        }
        continue;
      }
      try {
        OperationRecord after = resolveNow(op);
        OperationState now = after.state();
        boolean token = op.kind() == OperationKind.SEND;
        if (token && now == OperationState.PENDING) {
          outstanding++;
        }
        if (token && op.state() == OperationState.PENDING && now == OperationState.DONE) {
          settled++;
        }
        if (now == OperationState.EXECUTING || (now == OperationState.PENDING && !token)) {
          // still interrupted, or a Lightning payment still in flight
          unresolved++;
        } else if (op.state() == OperationState.EXECUTING || !token) {
          resolved++;
        }
      } catch (MintUnreachableException | MintProtocolException | MintException e) {
        LOG.log(
            Level.WARNING, "Operation {0} left open: {1}", new Object[] {op.id(), e.getMessage()});
        if (op.kind() == OperationKind.SEND && op.state() == OperationState.PENDING) {
          outstanding++;
        } else {
          unresolved++;
        }
      } finally {
        runner.unclaim(op.id());
      }
    }
    int orphans = store.releaseOrphans();
    RecoveryReport report = new RecoveryReport(resolved, unresolved, settled, outstanding, orphans);
    if (resolved > 0 || unresolved > 0 || orphans > 0) {
      LOG.log(Level.INFO, "Wallet recovery: {0}", report);
    }
    return report;
  }

  private OperationRecord resolveNow(OperationRecord op) {
    return runner.resolve(op);
  }

  /**
   * Rebuilds the wallet's proofs from its seed (NUT-13 + NUT-09): for every keyset of the mint,
   * regenerates outputs in batches of 100 and asks the mint which it signed, until three batches in
   * a row come back empty; keeps what the mint reports unspent, and moves each counter past its
   * last hit. For a lost or corrupt wallet file; proofs already stored are left as they are.
   */
  public RestoreReport restoreFromSeed() {
    keysets.refresh();
    List<StoredProof> found = new ArrayList<>();
    for (Keyset summary : keysets.all()) {
      Keyset ks = keysets.withKeys(summary.id());
      long counter = 0;
      long lastHit = -1;
      int empty = 0;
      while (empty < EMPTY_BATCHES_TO_STOP) {
        List<JournalOutput> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
          batch.add(outputs.derived(ks.id(), counter + i));
        }
        RestoreResult restored = mint.restore(OperationRunner.messages(batch));
        if (restored.outputs().isEmpty()) {
          empty++;
        } else {
          empty = 0;
          Map<String, JournalOutput> byBlinded = new HashMap<>();
          batch.forEach(o -> byBlinded.put(o.blinded(), o));
          for (int i = 0; i < restored.outputs().size(); i++) {
            JournalOutput out = byBlinded.get(restored.outputs().get(i).B_());
            BlindSignature sig = restored.signatures().get(i);
            found.add(
                OutputFactory.unblind(
                    out,
                    sig,
                    keysets.key(sig.id(), sig.amount()),
                    ProofState.READY,
                    null,
                    null,
                    null));
            lastHit = Math.max(lastHit, out.counter());
          }
        }
        counter += BATCH;
      }
      store.raiseCounter(ks.id(), lastHit + 1);
    }
    List<StoredProof> unspent = new ArrayList<>();
    int spent = 0;
    for (int from = 0; from < found.size(); from += BATCH) {
      List<StoredProof> chunk = found.subList(from, Math.min(found.size(), from + BATCH));
      List<ProofCheck> states = mint.checkState(chunk.stream().map(StoredProof::y).toList());
      for (int i = 0; i < chunk.size(); i++) {
        if (states.get(i).status() == ProofStatus.UNSPENT) {
          unspent.add(chunk.get(i));
        } else {
          spent++;
        }
      }
    }
    int added = store.addProofs(unspent);
    long amount = sum(unspent);
    LOG.log(Level.INFO, "Restored {0} proofs from the seed", added);
    return new RestoreReport(added, amount, spent);
  }

  /** Closes the wallet file. Operations in flight stay journaled and are recovered on reopen. */
  @Override
  public void close() {
    store.close();
  }

  // Shared steps

  private InputFees fees() {
    return new InputFees(keysets::ppk);
  }

  private List<StoredProof> select(List<StoredProof> candidates, long target) {
    return CoinSelector.covering(candidates, target, fees())
        .orElseThrow(
            () -> {
              long available = sum(candidates);
              long fee = fees().forKeysets(keysetIds(candidates));
              return new InsufficientFundsException(target + fee, available);
            });
  }

  /**
   * Runs an operation again once if the mint refused it because the wallet used a keyset that was
   * rotated out: the refusal refreshed the keysets, so the retry uses the new active one.
   */
  private <T> T withKeysetRetry(Supplier<T> attempt) {
    try {
      return attempt.get();
    } catch (MintException e) {
      if (e.is(MintError.KEYSET_INACTIVE) || e.is(MintError.KEYSET_UNKNOWN)) {
        LOG.log(Level.INFO, "Keyset rotated at the mint; retrying with the new keyset");
        return attempt.get();
      }
      throw e;
    }
  }

  private static void requireSucceeded(OperationRecord op, String what) {
    if (op.state() == OperationState.FAILED) {
      throw new WalletException(what + " failed: " + op.error());
    }
  }

  private void requireAmount(long sats) {
    if (sats <= 0) {
      throw new IllegalArgumentException("amount must be positive");
    }
    if (sats > limits.maxAmount()) {
      throw new IllegalArgumentException("amount must be at most " + limits.maxAmount() + " sats");
    }
  }

  private static String newOperationId() {
    return UUID.randomUUID().toString();
  }

  private static long sum(List<StoredProof> proofs) {
    long total = 0;
    for (StoredProof p : proofs) {
      total = Math.addExact(total, p.amount());
    }
    return total;
  }

  private static List<String> secretsOf(List<StoredProof> proofs) {
    return proofs.stream().map(StoredProof::secret).toList();
  }

  private static List<String> keysetIds(List<StoredProof> proofs) {
    return proofs.stream().map(StoredProof::keysetId).toList();
  }

  private static List<JournalInput> inputsOf(List<StoredProof> proofs) {
    return proofs.stream().map(p -> JournalInput.of(p.proof(), p.y())).toList();
  }

  /** How to open a {@link Wallet}. */
  public static final class Builder {
    private final Path file;
    private final String mintUrl;
    private final byte[] seed;
    private final MintClient client;
    private String unit = "sat";
    private SecureRandom random;
    private Clock clock = Clock.systemUTC();
    private boolean recoverOnOpen = true;
    private CrashPoint crashPoint = CrashPoint.NONE;
    private WalletLimits limits = WalletLimits.defaults();

    private Builder(Path file, String mintUrl, byte[] seed64, MintClient client) {
      this.file = Objects.requireNonNull(file, "file");
      this.mintUrl = Objects.requireNonNull(mintUrl, "mintUrl");
      Objects.requireNonNull(seed64, "seed");
      if (seed64.length != 64) {
        throw new IllegalArgumentException("seed must be 64 bytes");
      }
      this.seed = seed64.clone();
      this.client = Objects.requireNonNull(client, "client");
    }

    /** The unit of the wallet (default {@code sat}). */
    public Builder unit(String value) {
      this.unit = Objects.requireNonNull(value);
      return this;
    }

    /** The randomness for P2PK nonces and signatures (default a new {@link SecureRandom}). */
    public Builder random(SecureRandom value) {
      this.random = value;
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value);
      return this;
    }

    /** Whether opening runs {@link Wallet#recover()} (default true). */
    public Builder recoverOnOpen(boolean value) {
      this.recoverOnOpen = value;
      return this;
    }

    /**
     * The most a token may carry and one operation may move (default {@link
     * WalletLimits#defaults()}).
     */
    public Builder limits(WalletLimits value) {
      this.limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    Builder crashPoint(CrashPoint value) {
      this.crashPoint = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Opens the wallet file, checking it belongs to this mint, unit and seed, then recovers.
     *
     * @throws WalletException if the file belongs to another mint, unit or seed
     */
    public Wallet open() {
      String url = HttpMintClient.normalizeUrl(mintUrl);
      if (!url.equals(HttpMintClient.normalizeUrl(client.mintUrl()))) {
        throw new IllegalArgumentException("Mint client is for another mint");
      }
      if (random == null) {
        random = new SecureRandom();
      }
      SqliteWalletStore store = SqliteWalletStore.open(file, clock);
      try {
        bind(store, "mint_url", url);
        bind(store, "unit", unit);
        bind(store, "seed_fingerprint", fingerprint(seed));
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
      Wallet wallet = new Wallet(this, store);
      if (recoverOnOpen) {
        try {
          wallet.recover();
        } catch (RuntimeException e) {
          wallet.close();
          throw e;
        }
      }
      return wallet;
    }

    private static void bind(WalletStore store, String key, String value) {
      Optional<String> stored = store.meta(key);
      if (stored.isEmpty()) {
        store.putMeta(key, value);
      } else if (!stored.get().equals(value)) {
        throw new WalletException("Wallet file belongs to another " + key.replace('_', ' '));
      }
    }

    /** A short, one-way tag of the seed, so a file is never opened with the wrong seed. */
    private static String fingerprint(byte[] seed) {
      byte[] h =
          Secp256k1.sha256(
              "openpleb-wallet-seed".getBytes(java.nio.charset.StandardCharsets.US_ASCII), seed);
      return Secp256k1.hex(java.util.Arrays.copyOf(h, 8));
    }
  }
}
