package org.openpleb.devmint.ledger;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Logger;
import org.bouncycastle.util.encoders.Hex;
import org.openpleb.devmint.MeltOutcome;
import org.openpleb.devmint.lightning.FakeLightning;
import org.openpleb.devmint.lightning.Invoice;
import org.openpleb.devmint.wire.BlindSignature;
import org.openpleb.devmint.wire.BlindedMessage;
import org.openpleb.devmint.wire.CheckStateResponse;
import org.openpleb.devmint.wire.MeltQuoteRequest;
import org.openpleb.devmint.wire.MeltQuoteResponse;
import org.openpleb.devmint.wire.MeltRequest;
import org.openpleb.devmint.wire.MintQuoteRequest;
import org.openpleb.devmint.wire.MintQuoteResponse;
import org.openpleb.devmint.wire.MintRequest;
import org.openpleb.devmint.wire.RestoreResponse;
import org.openpleb.devmint.wire.SwapRequest;

/**
 * The mint's ledger: it checks each NUT request completely, then commits it in one synchronized
 * step (inputs spent, outputs signed and remembered, quote advanced) and saves the state. A refused
 * request changes nothing.
 */
public final class MintLedger {

  /** The only unit the dev mint knows. */
  public static final String UNIT = "sat";

  /** Smallest amount of a mint or melt quote. */
  public static final long MIN_AMOUNT = 1;

  /** Largest amount of a mint or melt quote (10 BTC). */
  public static final long MAX_AMOUNT = 1_000_000_000L;

  /** Most inputs or outputs accepted in one request. */
  public static final int MAX_ITEMS = 1000;

  /** How long a quote and its invoice stay valid. */
  public static final Duration QUOTE_TTL = Duration.ofHours(1);

  private static final Logger LOG = Logger.getLogger(MintLedger.class.getName());

  private final String seed;
  private final Keychain keychain;
  private final FakeLightning lightning;
  private final MintClock clock;
  private final StateFile stateFile;

  private final QuoteBook quotes;
  private final ProofBook proofs;

  private boolean autoPay;
  private Duration payDelay;
  private MeltOutcome meltOutcome = MeltOutcome.SETTLE;
  private long meltActualFee;

  private MintLedger(
      String seed, List<KeysetRecord> keysets, MintClock clock, StateFile stateFile) {
    this.seed = seed;
    this.keychain = new Keychain(seed, keysets);
    this.proofs = new ProofBook(keychain);
    this.quotes = new QuoteBook(clock);
    this.lightning = new FakeLightning(seed, clock);
    this.clock = clock;
    this.stateFile = stateFile;
  }

  /**
   * Opens the ledger: from the state file when it exists, otherwise fresh with an inactive and an
   * active keyset.
   *
   * @param seed the key seed, or null for a random one (or the one in the state file)
   * @param stateFile where to keep the state, or null for memory only
   * @throws IllegalStateException if the state file was made with a different seed
   */
  public static MintLedger open(
      String seed,
      long inputFeePpk,
      boolean autoPay,
      Duration payDelay,
      Path stateFile,
      MintClock clock) {
    if (inputFeePpk < 0) {
      throw new IllegalArgumentException("input fee must not be negative");
    }
    StateFile file = stateFile == null ? null : new StateFile(stateFile);
    LedgerState saved = file == null ? null : file.load();
    MintLedger ledger;
    if (saved != null) {
      if (seed != null && !seed.equals(saved.seed())) {
        throw new IllegalStateException(
            "state file " + file.path() + " was written with a different seed");
      }
      ledger = new MintLedger(saved.seed(), saved.keysets(), clock, file);
      ledger.restore(saved);
      LOG.info(
          () ->
              "devmint state loaded from "
                  + file.path()
                  + " ("
                  + ledger.proofs.signedCount()
                  + " signatures, "
                  + ledger.proofs.spentCount()
                  + " spent proofs)");
    } else {
      String effectiveSeed = seed;
      if (effectiveSeed == null) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        effectiveSeed = Hex.toHexString(random);
        LOG.warning("devmint: no seed given, keys come from a random seed (not reproducible)");
      }
      ledger = new MintLedger(effectiveSeed, Keychain.initial(inputFeePpk), clock, file);
      ledger.persist();
    }
    ledger.autoPay = autoPay;
    ledger.payDelay = payDelay == null ? Duration.ZERO : payDelay;
    return ledger;
  }

  // ---- keys (NUT-01, NUT-02) ----

  /** Every keyset, active or not, in creation order. */
  public synchronized List<MintKeyset> keysets() {
    return keychain.all();
  }

  /** The keysets that sign new outputs. */
  public synchronized List<MintKeyset> activeKeysets() {
    return keychain.active();
  }

  /**
   * One keyset by id.
   *
   * @throws MintException 12001 if unknown
   */
  public synchronized MintKeyset keyset(String id) {
    MintKeyset keyset = keychain.find(id);
    if (keyset == null) {
      throw new MintException(NutError.UNKNOWN_KEYSET, "keyset not known");
    }
    return keyset;
  }

  /** The fake Lightning node's public key, published as the mint's pubkey in /v1/info. */
  public String nodePublicKey() {
    return lightning.nodePublicKey();
  }

  /** The mint clock. */
  public MintClock clock() {
    return clock;
  }

  // ---- mint (NUT-04, NUT-23) ----

  /** Creates a mint quote with a fresh invoice; auto-pay decides when it becomes PAID. */
  public synchronized MintQuoteResponse createMintQuote(MintQuoteRequest request) {
    if (request == null || request.amount() == null) {
      throw malformed("amount is required");
    }
    QuoteBook.requireUnit(request.unit());
    long amount = request.amount();
    QuoteBook.requireWithinLimits(amount);
    Invoice invoice = lightning.createInvoice(amount, QUOTE_TTL);
    long now = clock.millis();
    Long payAt = autoPay ? now + payDelay.toMillis() : null;
    MintQuote quote =
        new MintQuote(
            UUID.randomUUID().toString(),
            invoice.request(),
            amount,
            MintQuoteState.UNPAID,
            now,
            now + QUOTE_TTL.toMillis(),
            payAt);
    quotes.put(quote);
    quote = quotes.refreshed(quote);
    persist();
    return QuoteBook.response(quote);
  }

  /** A mint quote's current state. */
  public synchronized MintQuoteResponse mintQuote(String quoteId) {
    MintQuote quote = quotes.mintQuote(quoteId);
    MintQuote current = quotes.refreshed(quote);
    if (current != quote) {
      persist();
    }
    return QuoteBook.response(current);
  }

  /** Signs the outputs of a paid quote, once. */
  public synchronized List<BlindSignature> mint(MintRequest request) {
    if (request == null) {
      throw malformed("body is required");
    }
    MintQuote quote = quotes.refreshed(quotes.mintQuote(request.quote()));
    switch (quote.state()) {
      case ISSUED ->
          throw new MintException(NutError.QUOTE_ALREADY_ISSUED, "quote has already been issued");
      case UNPAID -> {
        if (clock.millis() > quote.expiresAt()) {
          throw new MintException(NutError.QUOTE_EXPIRED, "quote is expired");
        }
        throw new MintException(NutError.QUOTE_NOT_PAID, "quote request is not paid");
      }
      case PAID -> {
        // a paid quote stays redeemable after its expiry: the invoice was paid in time
      }
    }
    List<ProofBook.Output> outputs = proofs.checkOutputs(request.outputs(), false);
    long total = ProofBook.sumOutputs(outputs);
    if (total != quote.amount()) {
      throw new MintException(
          NutError.TRANSACTION_NOT_BALANCED,
          "outputs (" + total + ") do not equal the quote amount (" + quote.amount() + ")");
    }
    proofs.refuseSignedOutputs(outputs);
    List<BlindSignature> signatures = proofs.signAll(outputs);
    quotes.put(quote.withState(MintQuoteState.ISSUED));
    persist();
    LOG.info(() -> "devmint: minted " + total + " sat in " + outputs.size() + " outputs");
    return signatures;
  }

  // ---- swap (NUT-03) ----

  /** Spends the inputs and signs the outputs, all or nothing. */
  public synchronized List<BlindSignature> swap(SwapRequest request) {
    if (request == null) {
      throw malformed("body is required");
    }
    List<ProofBook.Input> inputs = proofs.checkInputs(request.inputs());
    List<ProofBook.Output> outputs = proofs.checkOutputs(request.outputs(), false);
    long inputTotal = ProofBook.sumInputs(inputs);
    long fee = ProofBook.fee(inputs);
    long outputTotal = ProofBook.sumOutputs(outputs);
    if (inputTotal - fee != outputTotal) {
      throw new MintException(
          NutError.TRANSACTION_NOT_BALANCED,
          "inputs (" + inputTotal + ") - fees (" + fee + ") != outputs (" + outputTotal + ")");
    }
    proofs.refuseSignedOutputs(outputs);
    proofs.refuseUnspendable(inputs);
    proofs.spend(inputs.stream().map(ProofBook.Input::y).toList());
    List<BlindSignature> signatures = proofs.signAll(outputs);
    persist();
    LOG.info(
        () ->
            "devmint: swapped "
                + inputs.size()
                + " inputs ("
                + inputTotal
                + " sat, fee "
                + fee
                + ") into "
                + outputs.size()
                + " outputs");
    return signatures;
  }

  // ---- check state (NUT-07) ----

  /** UNSPENT, PENDING or SPENT per point Y, in request order. */
  public synchronized CheckStateResponse checkState(List<String> ys) {
    return proofs.checkState(ys);
  }

  // ---- restore (NUT-09) ----

  /** The earlier signatures of those outputs the mint has signed; unknown ones are left out. */
  public synchronized RestoreResponse restore(List<BlindedMessage> outputs) {
    return proofs.restore(outputs);
  }

  // ---- melt (NUT-05, NUT-08, NUT-23) ----

  /** Quotes paying an invoice: the amount comes from its prefix, the fee reserve is 1%, min 2. */
  public synchronized MeltQuoteResponse createMeltQuote(MeltQuoteRequest request) {
    if (request == null || request.request() == null) {
      throw malformed("request is required");
    }
    QuoteBook.requireUnit(request.unit());
    OptionalLong amount;
    try {
      amount = FakeLightning.amountSats(request.request());
    } catch (IllegalArgumentException e) {
      throw malformed("request is not a BOLT11 invoice: " + e.getMessage());
    }
    if (amount.isEmpty()) {
      throw new MintException(NutError.AMOUNTLESS_INVOICE, "amountless invoice not supported");
    }
    QuoteBook.requireWithinLimits(amount.getAsLong());
    long feeReserve = feeReserve(amount.getAsLong());
    MeltQuote quote =
        MeltQuote.fresh(
            UUID.randomUUID().toString(),
            request.request().strip(),
            amount.getAsLong(),
            feeReserve,
            clock.millis() + QUOTE_TTL.toMillis());
    quotes.put(quote);
    persist();
    return QuoteBook.response(quote);
  }

  /** A melt quote's current state, with change once paid. */
  public synchronized MeltQuoteResponse meltQuote(String quoteId) {
    return QuoteBook.response(quotes.meltQuote(quoteId));
  }

  /**
   * Pays the quote's invoice with the inputs. The configured outcome decides: settle (inputs spent,
   * change signed), fail (nothing changes, 20004) or pending (inputs PENDING).
   */
  public synchronized MeltQuoteResponse melt(MeltRequest request) {
    if (request == null) {
      throw malformed("body is required");
    }
    MeltQuote quote = quotes.meltQuote(request.quote());
    switch (quote.state()) {
      case PAID -> throw new MintException(NutError.INVOICE_ALREADY_PAID, "invoice already paid");
      case PENDING -> throw new MintException(NutError.QUOTE_PENDING, "quote is pending");
      case UNPAID -> {
        if (clock.millis() > quote.expiresAt()) {
          throw new MintException(NutError.QUOTE_EXPIRED, "quote is expired");
        }
        if (quotes.invoicePaid(quote.request())) {
          throw new MintException(NutError.INVOICE_ALREADY_PAID, "invoice already paid");
        }
      }
    }
    List<ProofBook.Input> inputs = proofs.checkInputs(request.inputs());
    List<ProofBook.Output> blanks =
        request.outputs() == null ? List.of() : proofs.checkOutputs(request.outputs(), true);
    long inputTotal = ProofBook.sumInputs(inputs);
    long fee = ProofBook.fee(inputs);
    long needed = quote.amount() + quote.feeReserve();
    if (inputTotal - fee < needed) {
      throw new MintException(
          NutError.TRANSACTION_NOT_BALANCED,
          "inputs ("
              + inputTotal
              + ") - fees ("
              + fee
              + ") < amount + fee reserve ("
              + needed
              + ")");
    }
    proofs.refuseSignedOutputs(blanks);
    proofs.refuseUnspendable(inputs);

    List<String> ys = inputs.stream().map(ProofBook.Input::y).toList();
    List<BlindedMessage> blankMessages =
        blanks.stream().map(o -> new BlindedMessage(0, o.keyset().id(), o.pointHex())).toList();
    MeltQuote inFlight = quote.inFlight(ys, blankMessages, inputTotal, fee);
    switch (meltOutcome) {
      case FAIL -> {
        LOG.info(() -> "devmint: fake payment of " + quote.amount() + " sat FAILED");
        throw new MintException(NutError.LIGHTNING_PAYMENT_FAILED, "Lightning payment failed");
      }
      case PENDING -> {
        proofs.hold(ys, quote.id());
        quotes.put(inFlight);
        persist();
        LOG.info(() -> "devmint: fake payment of " + quote.amount() + " sat is PENDING");
        return QuoteBook.response(inFlight);
      }
      case SETTLE -> {
        MeltQuote paid = settle(inFlight);
        persist();
        return QuoteBook.response(paid);
      }
    }
    throw new IllegalStateException("unknown melt outcome " + meltOutcome);
  }

  // ---- controls for tests ----

  /** Sums of the quote book: minted, melted, paid and never minted, pending (see MintTotals). */
  public synchronized MintTotals totals() {
    long minted = 0;
    long mintedQuotes = 0;
    long paidUnissued = 0;
    long paidUnissuedQuotes = 0;
    List<MintTotals.UnmintedInvoice> unminted = new ArrayList<>();
    for (MintQuote quote : quotes.mintQuotes()) {
      MintQuote current = quotes.refreshed(quote);
      if (current.state() == MintQuoteState.ISSUED) {
        minted += current.amount();
        mintedQuotes++;
      } else if (current.state() == MintQuoteState.PAID) {
        paidUnissued += current.amount();
        paidUnissuedQuotes++;
        unminted.add(new MintTotals.UnmintedInvoice(current.request(), current.amount()));
      }
    }
    long melted = 0;
    long meltsPaid = 0;
    long pending = 0;
    long pendingMelts = 0;
    for (MeltQuote quote : quotes.meltQuotes()) {
      if (quote.state() == MeltQuoteState.PAID) {
        long change =
            quote.change() == null ? 0 : quote.change().stream().mapToLong(s -> s.amount()).sum();
        melted += quote.inputAmount() - change;
        meltsPaid++;
      } else if (quote.state() == MeltQuoteState.PENDING) {
        pending += quote.inputAmount();
        pendingMelts++;
      }
    }
    return new MintTotals(
        minted,
        mintedQuotes,
        paidUnissued,
        paidUnissuedQuotes,
        melted,
        meltsPaid,
        pending,
        pendingMelts,
        minted - melted,
        unminted);
  }

  /** Marks an unpaid mint quote paid, as if its invoice had been paid. */
  public synchronized void markQuotePaid(String quoteId) {
    MintQuote quote = quotes.mintQuote(quoteId);
    if (quote.state() == MintQuoteState.UNPAID) {
      quotes.put(quote.withState(MintQuoteState.PAID));
      persist();
    }
  }

  /** A fresh invoice of the fake node, to melt against. */
  public synchronized String createInvoice(long sats) {
    if (sats < MIN_AMOUNT) {
      throw new IllegalArgumentException("invoice amount must be positive");
    }
    return lightning.createInvoice(sats, QUOTE_TTL).request();
  }

  /** Whether new mint quotes are paid by the fake payer (after the pay delay). */
  public synchronized void setAutoPay(boolean autoPay) {
    this.autoPay = autoPay;
  }

  /** The delay after which the fake payer pays new mint quotes. */
  public synchronized void setPayDelay(Duration payDelay) {
    this.payDelay = payDelay;
  }

  /** What the next melts' payments do. */
  public synchronized void setMeltOutcome(MeltOutcome outcome) {
    this.meltOutcome = outcome;
  }

  /** The routing fee the fake payments really cost (capped at the quote's reserve). */
  public synchronized void setMeltActualFee(long sats) {
    if (sats < 0) {
      throw new IllegalArgumentException("fee must not be negative");
    }
    this.meltActualFee = sats;
  }

  /** Finishes every pending melt: success spends the inputs and pays, failure releases them. */
  public synchronized int settlePendingMelts(boolean success) {
    int count = 0;
    for (MeltQuote quote : quotes.meltQuotes()) {
      if (quote.state() != MeltQuoteState.PENDING) {
        continue;
      }
      proofs.release(quote.inputYs());
      if (success) {
        settle(quote);
      } else {
        quotes.put(quote.unpaid());
      }
      count++;
    }
    if (count > 0) {
      persist();
    }
    return count;
  }

  /** Deactivates the active keyset and makes a new active one; returns its id. */
  public synchronized String rotateKeyset(long inputFeePpk) {
    if (inputFeePpk < 0) {
      throw new IllegalArgumentException("input fee must not be negative");
    }
    MintKeyset fresh = keychain.rotate(inputFeePpk);
    persist();
    LOG.info(() -> "devmint: rotated to keyset " + fresh.id() + " (fee " + inputFeePpk + " ppk)");
    return fresh.id();
  }

  // ---- internals ----

  /** Completes a payment: spends the inputs, returns overpaid fees as change (NUT-08). */
  private MeltQuote settle(MeltQuote quote) {
    proofs.spend(quote.inputYs());
    long actualFee = Math.min(meltActualFee, quote.feeReserve());
    long overpaid = quote.inputAmount() - quote.inputFee() - quote.amount() - actualFee;
    List<BlindSignature> change = new ArrayList<>();
    List<Long> parts = splitDescending(overpaid);
    int n = Math.min(parts.size(), quote.blankOutputs().size());
    for (int i = 0; i < n; i++) {
      BlindSignature signature = proofs.signChange(quote.blankOutputs().get(i), parts.get(i));
      if (signature != null) {
        change.add(signature);
      }
    }
    MeltQuote paid = quote.paid(lightning.paymentPreimage(quote.request()), change);
    quotes.put(paid);
    // paying one of our own invoices pays the mint quote behind it, like an internal payment
    quotes.payMintQuotesOf(quote.request());
    long changeTotal = change.stream().mapToLong(BlindSignature::amount).sum();
    LOG.info(
        () ->
            "devmint: fake payment of "
                + quote.amount()
                + " sat settled, fee "
                + actualFee
                + ", change "
                + changeTotal);
    return paid;
  }

  /** Powers of two adding up to the amount, largest first (NUT-08 change order). */
  static List<Long> splitDescending(long amount) {
    List<Long> parts = new ArrayList<>();
    for (int bit = 62; bit >= 0; bit--) {
      long part = 1L << bit;
      if ((amount & part) != 0) {
        parts.add(part);
      }
    }
    return parts;
  }

  /** One percent of the amount, rounded up, and at least 2 sat. */
  static long feeReserve(long amount) {
    return Math.max(2, (amount + 99) / 100);
  }

  private static MintException malformed(String detail) {
    return ProofBook.malformed(detail);
  }

  private void persist() {
    if (stateFile == null) {
      return;
    }
    stateFile.save(
        new LedgerState(
            LedgerState.CURRENT_VERSION,
            seed,
            keychain.records(),
            proofs.spentYs(),
            proofs.pendingYs(),
            proofs.signedOutputs(),
            quotes.mintQuotes(),
            quotes.meltQuotes()));
  }

  private void restore(LedgerState state) {
    proofs.load(state.spent(), state.pending(), state.signed());
    quotes.load(state.mintQuotes(), state.meltQuotes());
  }
}
