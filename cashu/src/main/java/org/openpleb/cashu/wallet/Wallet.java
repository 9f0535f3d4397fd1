package org.openpleb.cashu.wallet;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openpleb.cashu.crypto.Secp256k1;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.mint.MintError;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.model.MintUrl;
import org.openpleb.cashu.store.OperationState;
import org.openpleb.cashu.store.ProofState;
import org.openpleb.cashu.store.SqliteWalletStore;
import org.openpleb.cashu.store.StoreMode;
import org.openpleb.cashu.store.WalletStore;

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

  private final WalletStore store;
  private final String mintUrl;
  private final String unit;
  private final WalletLimits limits;
  private final KeysetBook keysets;
  private final OperationRunner runner;
  private final MintOperation mints;
  private final ReceiveOperation receives;
  private final SendOperation sends;
  private final ReclaimOperation reclaims;
  private final MeltOperation melts;
  private final ReserveOperation reserves;
  private final RecoveryOperation recovery;
  private final RestoreOperation restore;

  private Wallet(Builder b, WalletStore store) {
    this.store = store;
    this.mintUrl = MintUrl.normalize(b.mintUrl);
    this.unit = b.unit;
    this.limits = b.limits;
    this.keysets = new KeysetBook(store, b.client, unit);
    this.runner = new OperationRunner(store, b.client, keysets, b.crashPoint, mintUrl, unit);
    WalletParts parts =
        new WalletParts(
            store,
            b.client,
            mintUrl,
            unit,
            keysets,
            new OutputFactory(b.seed, store, b.random),
            runner,
            b.random,
            b.clock,
            limits);
    this.mints = new MintOperation(parts);
    this.receives = new ReceiveOperation(parts);
    this.sends = new SendOperation(parts);
    this.reclaims = new ReclaimOperation(parts, receives);
    this.melts = new MeltOperation(parts);
    this.reserves = new ReserveOperation(parts);
    this.recovery = new RecoveryOperation(parts);
    this.restore = new RestoreOperation(parts, receives);
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
    return mints.requestMintQuote(sats);
  }

  /**
   * The quote's state at the mint (remembered in the wallet), or empty if the mint does not know
   * the quote.
   */
  public Optional<MintQuote> checkQuote(String quoteId) {
    return mints.checkQuote(quoteId);
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
    return mints.mintPaidQuote(quoteId, reserveFor);
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
    return receives.receive(token, options);
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
    return sends.send(amount, options);
  }

  /**
   * Like {@link #send(long, SendOptions)}, journaled under the caller's {@code operationId} (new in
   * this wallet, e.g. a random UUID the caller recorded first), so that {@link #sent(String)} finds
   * the token again after a crash lost the caller's answer.
   */
  public SendResult send(long amount, SendOptions options, String operationId) {
    return sends.send(amount, options, Objects.requireNonNull(operationId, "operationId"));
  }

  /**
   * The token of the send made under {@code operationId} ({@link #send(long, SendOptions,
   * String)}), claimed or not; empty when no such send happened or it failed. A send a crash left
   * open is resolved with the mint first.
   *
   * @throws OperationInDoubtException if the mint cannot settle that send's outcome now
   */
  public Optional<SendResult> sent(String operationId) {
    return sends.sent(Objects.requireNonNull(operationId, "operationId"));
  }

  /**
   * Turns everything reserved for {@code owner} into one token (e.g. to settle an escrow to another
   * wallet). Without a lock no swap is needed and no fee is paid; with a lock the proofs are
   * swapped and the fee comes out of the amount.
   */
  public SendResult sendReserved(String owner, SendOptions options) {
    return sends.sendReserved(owner, options);
  }

  /**
   * Makes a token of {@code amount} sats out of {@code owner}'s reservation; the rest (less any
   * swap fee) stays reserved for the owner.
   */
  public SendResult sendReserved(String owner, long amount, SendOptions options) {
    return sends.sendReserved(owner, amount, options);
  }

  /**
   * Checks what is in flight against the mint (NUT-07): proofs of handed-out tokens it reports
   * spent are marked spent, and a token whose proofs are all spent is settled; a Lightning payment
   * still pending is finished or undone once the mint has settled it. Proofs the mint reports
   * unspent stay in flight: the token's holder may still claim them.
   *
   * @return how many tokens were found claimed
   */
  public int reconcileInflight() {
    melts.reconcilePending();
    return sends.reconcileInflight();
  }

  /**
   * The tokens this wallet handed out that are not claimed yet (as far as the wallet knows; see
   * {@link #reconcileInflight()}), oldest first. After a crash mid-send this is where the token of
   * a send that did happen is found.
   */
  public List<SendResult> outstandingTokens() {
    return sends.outstandingTokens();
  }

  /**
   * Takes back the unclaimed part of a token this wallet made, swapping its proofs into fresh ones
   * (the mint's input fee applies). A token this wallet did not make is simply received.
   *
   * @param tokenOrOperationId the token text, or the operation id of the send that made it
   * @throws WalletException if the token was already claimed in full
   */
  public ReceiveResult reclaim(String tokenOrOperationId) {
    return reclaims.reclaim(tokenOrOperationId);
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
    return melts.melt(bolt11);
  }

  /**
   * Like {@link #melt(String)}, journaled under the caller's {@code operationId}, so that {@link
   * #melted(String)} finds the payment again after a crash lost the caller's answer.
   */
  public MeltResult melt(String bolt11, String operationId) {
    return melts.melt(bolt11, Objects.requireNonNull(operationId, "operationId"));
  }

  /**
   * Where the payment made under {@code operationId} ({@link #melt(String, String)}) stands, asking
   * the mint if it is still open; empty when it was never journaled (no sats moved).
   */
  public Optional<MeltResult> melted(String operationId) {
    return melts.melted(Objects.requireNonNull(operationId, "operationId"));
  }

  /** Where a melt stands now, asking the mint if it is still pending. */
  public MeltResult checkMelt(String operationId) {
    return melts.checkMelt(operationId);
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
    return reserves.reserve(amount, owner);
  }

  /**
   * Ends {@code owner}'s reservation: its proofs become spendable.
   *
   * @return the sats released
   */
  public long release(String owner) {
    return reserves.release(owner);
  }

  /** The sats reserved for {@code owner}. */
  public long reservedFor(String owner) {
    return reserves.reservedFor(owner);
  }

  /**
   * The proofs reserved for {@code owner} now, by {@code Y} and amount, smallest first: what backs
   * the reservation at the mint (e.g. for a commitment a party checks with NUT-07). Proofs of the
   * owner that an operation holds in flight are not reserved any more and are left out.
   */
  public List<ReservedProof> reservedProofs(String owner) {
    Objects.requireNonNull(owner, "owner");
    return store.reservedFor(owner).stream()
        .map(p -> new ReservedProof(p.y(), p.amount()))
        .toList();
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
    return recovery.recover();
  }

  /**
   * Rebuilds the wallet's proofs from its seed (NUT-13 + NUT-09): for every keyset of the mint,
   * regenerates outputs in batches of 100 and asks the mint which it signed, until three batches in
   * a row come back empty; keeps what the mint reports unspent, and moves each counter past its
   * last hit. For a lost or corrupt wallet file; proofs already stored are left as they are.
   */
  public RestoreReport restoreFromSeed() {
    return restore.restoreFromSeed();
  }

  /**
   * After {@link #restoreFromSeed()}: puts a token this wallet had handed out, and whose holder may
   * not have claimed it yet, back in flight instead of spendable. Its proofs the mint reports spent
   * are marked spent; the others are held by a pending send that carries the token, so {@link
   * #outstandingTokens()}, {@link #reconcileInflight()} and {@link #reclaim(String)} follow it as
   * any other sent token. Proofs of the token this wallet does not hold as spendable are left as
   * they are, so a token of another wallet changes nothing, and adopting a token twice is the same
   * as once.
   *
   * @param token the token text, as it was handed out
   * @throws WalletException if the token is from another mint or unit, or unreadable
   */
  public AdoptedToken adoptSentToken(String token) {
    return restore.adoptSentToken(token);
  }

  /** Closes the wallet file. Operations in flight stay journaled and are recovered on reopen. */
  @Override
  public void close() {
    store.close();
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
    private StoreMode storeMode = StoreMode.LOCAL;

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

    /** How the file is opened: on local disk (default) or on storage servers share. */
    public Builder storeMode(StoreMode value) {
      this.storeMode = Objects.requireNonNull(value, "storeMode");
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
      String url = MintUrl.normalize(mintUrl);
      if (!url.equals(MintUrl.normalize(client.mintUrl()))) {
        throw new IllegalArgumentException("Mint client is for another mint");
      }
      if (random == null) {
        random = new SecureRandom();
      }
      SqliteWalletStore store = SqliteWalletStore.open(file, clock, storeMode);
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
