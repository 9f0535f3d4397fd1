package org.openpleb.devmint.ledger;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;
import org.openpleb.devmint.MeltOutcome;
import org.openpleb.devmint.crypto.Bdhke;
import org.openpleb.devmint.crypto.Dleq;
import org.openpleb.devmint.crypto.Secp256k1;
import org.openpleb.devmint.lightning.FakeLightning;
import org.openpleb.devmint.lightning.Invoice;
import org.openpleb.devmint.wire.BlindSignature;
import org.openpleb.devmint.wire.BlindedMessage;
import org.openpleb.devmint.wire.CheckStateResponse;
import org.openpleb.devmint.wire.DleqProof;
import org.openpleb.devmint.wire.MeltQuoteRequest;
import org.openpleb.devmint.wire.MeltQuoteResponse;
import org.openpleb.devmint.wire.MeltRequest;
import org.openpleb.devmint.wire.MintQuoteRequest;
import org.openpleb.devmint.wire.MintQuoteResponse;
import org.openpleb.devmint.wire.MintRequest;
import org.openpleb.devmint.wire.Proof;
import org.openpleb.devmint.wire.ProofState;
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
  private static final Pattern POINT_HEX = Pattern.compile("[0-9a-fA-F]{66}");

  private final String seed;
  private final Keychain keychain;
  private final FakeLightning lightning;
  private final MintClock clock;
  private final StateFile stateFile;

  private final Map<String, MintQuote> mintQuotes = new LinkedHashMap<>();
  private final Map<String, MeltQuote> meltQuotes = new LinkedHashMap<>();
  private final Set<String> spent = new HashSet<>();
  private final Map<String, String> pending = new HashMap<>();
  private final Map<String, SignedOutput> signed = new LinkedHashMap<>();

  private boolean autoPay;
  private Duration payDelay;
  private MeltOutcome meltOutcome = MeltOutcome.SETTLE;
  private long meltActualFee;

  private MintLedger(
      String seed, List<KeysetRecord> keysets, MintClock clock, StateFile stateFile) {
    this.seed = seed;
    this.keychain = new Keychain(seed, keysets);
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
                  + ledger.signed.size()
                  + " signatures, "
                  + ledger.spent.size()
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
    requireUnit(request.unit());
    long amount = request.amount();
    requireWithinLimits(amount);
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
    mintQuotes.put(quote.id(), quote);
    quote = refreshed(quote);
    persist();
    return toResponse(quote);
  }

  /** A mint quote's current state. */
  public synchronized MintQuoteResponse mintQuote(String quoteId) {
    MintQuote quote = requireMintQuote(quoteId);
    MintQuote current = refreshed(quote);
    if (current != quote) {
      persist();
    }
    return toResponse(current);
  }

  /** Signs the outputs of a paid quote, once. */
  public synchronized List<BlindSignature> mint(MintRequest request) {
    if (request == null) {
      throw malformed("body is required");
    }
    MintQuote quote = refreshed(requireMintQuote(request.quote()));
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
    List<Output> outputs = checkOutputs(request.outputs(), false);
    long total = sumOutputs(outputs);
    if (total != quote.amount()) {
      throw new MintException(
          NutError.TRANSACTION_NOT_BALANCED,
          "outputs (" + total + ") do not equal the quote amount (" + quote.amount() + ")");
    }
    refuseSignedOutputs(outputs);
    List<BlindSignature> signatures = signAll(outputs);
    mintQuotes.put(quote.id(), quote.withState(MintQuoteState.ISSUED));
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
    List<Input> inputs = checkInputs(request.inputs());
    List<Output> outputs = checkOutputs(request.outputs(), false);
    long inputTotal = sumInputs(inputs);
    long fee = fee(inputs);
    long outputTotal = sumOutputs(outputs);
    if (inputTotal - fee != outputTotal) {
      throw new MintException(
          NutError.TRANSACTION_NOT_BALANCED,
          "inputs (" + inputTotal + ") - fees (" + fee + ") != outputs (" + outputTotal + ")");
    }
    refuseSignedOutputs(outputs);
    refuseUnspendable(inputs);
    for (Input input : inputs) {
      spent.add(input.y());
    }
    List<BlindSignature> signatures = signAll(outputs);
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
    if (ys == null) {
      throw malformed("Ys is required");
    }
    if (ys.size() > MAX_ITEMS) {
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

  // ---- restore (NUT-09) ----

  /** The earlier signatures of those outputs the mint has signed; unknown ones are left out. */
  public synchronized RestoreResponse restore(List<BlindedMessage> outputs) {
    if (outputs == null) {
      throw malformed("outputs is required");
    }
    if (outputs.size() > MAX_ITEMS) {
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

  // ---- melt (NUT-05, NUT-08, NUT-23) ----

  /** Quotes paying an invoice: the amount comes from its prefix, the fee reserve is 1%, min 2. */
  public synchronized MeltQuoteResponse createMeltQuote(MeltQuoteRequest request) {
    if (request == null || request.request() == null) {
      throw malformed("request is required");
    }
    requireUnit(request.unit());
    OptionalLong amount;
    try {
      amount = FakeLightning.amountSats(request.request());
    } catch (IllegalArgumentException e) {
      throw malformed("request is not a BOLT11 invoice: " + e.getMessage());
    }
    if (amount.isEmpty()) {
      throw new MintException(NutError.AMOUNTLESS_INVOICE, "amountless invoice not supported");
    }
    requireWithinLimits(amount.getAsLong());
    long feeReserve = feeReserve(amount.getAsLong());
    MeltQuote quote =
        MeltQuote.fresh(
            UUID.randomUUID().toString(),
            request.request().strip(),
            amount.getAsLong(),
            feeReserve,
            clock.millis() + QUOTE_TTL.toMillis());
    meltQuotes.put(quote.id(), quote);
    persist();
    return toResponse(quote);
  }

  /** A melt quote's current state, with change once paid. */
  public synchronized MeltQuoteResponse meltQuote(String quoteId) {
    return toResponse(requireMeltQuote(quoteId));
  }

  /**
   * Pays the quote's invoice with the inputs. The configured outcome decides: settle (inputs spent,
   * change signed), fail (nothing changes, 20004) or pending (inputs PENDING).
   */
  public synchronized MeltQuoteResponse melt(MeltRequest request) {
    if (request == null) {
      throw malformed("body is required");
    }
    MeltQuote quote = requireMeltQuote(request.quote());
    switch (quote.state()) {
      case PAID -> throw new MintException(NutError.INVOICE_ALREADY_PAID, "invoice already paid");
      case PENDING -> throw new MintException(NutError.QUOTE_PENDING, "quote is pending");
      case UNPAID -> {
        if (clock.millis() > quote.expiresAt()) {
          throw new MintException(NutError.QUOTE_EXPIRED, "quote is expired");
        }
        boolean paidElsewhere =
            meltQuotes.values().stream()
                .anyMatch(
                    q -> q.state() == MeltQuoteState.PAID && q.request().equals(quote.request()));
        if (paidElsewhere) {
          throw new MintException(NutError.INVOICE_ALREADY_PAID, "invoice already paid");
        }
      }
    }
    List<Input> inputs = checkInputs(request.inputs());
    List<Output> blanks =
        request.outputs() == null ? List.of() : checkOutputs(request.outputs(), true);
    long inputTotal = sumInputs(inputs);
    long fee = fee(inputs);
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
    refuseSignedOutputs(blanks);
    refuseUnspendable(inputs);

    List<String> ys = inputs.stream().map(Input::y).toList();
    List<BlindedMessage> blankMessages =
        blanks.stream().map(o -> new BlindedMessage(0, o.keyset().id(), o.pointHex())).toList();
    MeltQuote inFlight = quote.inFlight(ys, blankMessages, inputTotal, fee);
    switch (meltOutcome) {
      case FAIL -> {
        LOG.info(() -> "devmint: fake payment of " + quote.amount() + " sat FAILED");
        throw new MintException(NutError.LIGHTNING_PAYMENT_FAILED, "Lightning payment failed");
      }
      case PENDING -> {
        for (String y : ys) {
          pending.put(y, quote.id());
        }
        meltQuotes.put(quote.id(), inFlight);
        persist();
        LOG.info(() -> "devmint: fake payment of " + quote.amount() + " sat is PENDING");
        return toResponse(inFlight);
      }
      case SETTLE -> {
        MeltQuote paid = settle(inFlight);
        persist();
        return toResponse(paid);
      }
    }
    throw new IllegalStateException("unknown melt outcome " + meltOutcome);
  }

  // ---- controls for tests ----

  /** Marks an unpaid mint quote paid, as if its invoice had been paid. */
  public synchronized void markQuotePaid(String quoteId) {
    MintQuote quote = requireMintQuote(quoteId);
    if (quote.state() == MintQuoteState.UNPAID) {
      mintQuotes.put(quote.id(), quote.withState(MintQuoteState.PAID));
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
    for (MeltQuote quote : List.copyOf(meltQuotes.values())) {
      if (quote.state() != MeltQuoteState.PENDING) {
        continue;
      }
      for (String y : quote.inputYs()) {
        pending.remove(y);
      }
      if (success) {
        settle(quote);
      } else {
        meltQuotes.put(quote.id(), quote.unpaid());
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

  private record Input(MintKeyset keyset, long amount, String y) {}

  private record Output(MintKeyset keyset, long amount, ECPoint point, String pointHex) {}

  private List<Input> checkInputs(List<Proof> proofs) {
    if (proofs == null || proofs.isEmpty()) {
      throw malformed("inputs are required");
    }
    if (proofs.size() > MAX_ITEMS) {
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

  private static boolean signatureValid(MintKeyset keyset, Proof proof) {
    ECPoint c;
    try {
      c = Secp256k1.decodePoint(proof.signature());
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
    return Bdhke.verify(keyset.privateKey(proof.amount()), proof.secret(), c);
  }

  private List<Output> checkOutputs(List<BlindedMessage> messages, boolean blank) {
    if (messages == null || (messages.isEmpty() && !blank)) {
      throw malformed("outputs are required");
    }
    if (messages.size() > MAX_ITEMS) {
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

  private void refuseSignedOutputs(List<Output> outputs) {
    for (Output output : outputs) {
      if (signed.containsKey(output.pointHex())) {
        throw new MintException(NutError.OUTPUTS_ALREADY_SIGNED, "outputs already signed");
      }
    }
  }

  private void refuseUnspendable(List<Input> inputs) {
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

  private List<BlindSignature> signAll(List<Output> outputs) {
    List<BlindSignature> signatures = new ArrayList<>(outputs.size());
    for (Output output : outputs) {
      signatures.add(sign(output.keyset(), output.amount(), output.point(), output.pointHex()));
    }
    return signatures;
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

  /** Completes a payment: spends the inputs, returns overpaid fees as change (NUT-08). */
  private MeltQuote settle(MeltQuote quote) {
    for (String y : quote.inputYs()) {
      spent.add(y);
    }
    long actualFee = Math.min(meltActualFee, quote.feeReserve());
    long overpaid = quote.inputAmount() - quote.inputFee() - quote.amount() - actualFee;
    List<BlindSignature> change = new ArrayList<>();
    List<Long> parts = splitDescending(overpaid);
    int n = Math.min(parts.size(), quote.blankOutputs().size());
    for (int i = 0; i < n; i++) {
      BlindedMessage blank = quote.blankOutputs().get(i);
      MintKeyset keyset = keychain.find(blank.id());
      String pointHex = blank.blindedPoint();
      if (keyset == null || !keyset.hasAmount(parts.get(i)) || signed.containsKey(pointHex)) {
        continue;
      }
      change.add(sign(keyset, parts.get(i), Secp256k1.decodePoint(pointHex), pointHex));
    }
    MeltQuote paid = quote.paid(lightning.paymentPreimage(quote.request()), change);
    meltQuotes.put(quote.id(), paid);
    // paying one of our own invoices pays the mint quote behind it, like an internal payment
    for (MintQuote mintQuote : List.copyOf(mintQuotes.values())) {
      if (mintQuote.state() == MintQuoteState.UNPAID
          && mintQuote.request().equals(quote.request())) {
        mintQuotes.put(mintQuote.id(), mintQuote.withState(MintQuoteState.PAID));
      }
    }
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

  /** NUT-02 input fee: ceil(Σ input_fee_ppk / 1000) over the inputs' keysets. */
  private static long fee(List<Input> inputs) {
    long ppk = 0;
    for (Input input : inputs) {
      ppk = Math.addExact(ppk, input.keyset().inputFeePpk());
    }
    return (ppk + 999) / 1000;
  }

  /** One percent of the amount, rounded up, and at least 2 sat. */
  static long feeReserve(long amount) {
    return Math.max(2, (amount + 99) / 100);
  }

  private static long sumInputs(List<Input> inputs) {
    long total = 0;
    for (Input input : inputs) {
      total = addAmount(total, input.amount());
    }
    return total;
  }

  private static long sumOutputs(List<Output> outputs) {
    long total = 0;
    for (Output output : outputs) {
      total = addAmount(total, output.amount());
    }
    return total;
  }

  private static long addAmount(long total, long amount) {
    try {
      return Math.addExact(total, amount);
    } catch (ArithmeticException e) {
      throw malformed("amounts overflow");
    }
  }

  private MintQuote refreshed(MintQuote quote) {
    if (quote.state() == MintQuoteState.UNPAID
        && quote.payAt() != null
        && quote.payAt() <= quote.expiresAt()
        && clock.millis() >= quote.payAt()) {
      MintQuote paid = quote.withState(MintQuoteState.PAID);
      mintQuotes.put(paid.id(), paid);
      return paid;
    }
    return quote;
  }

  private MintQuote requireMintQuote(String quoteId) {
    MintQuote quote = quoteId == null ? null : mintQuotes.get(quoteId);
    if (quote == null) {
      throw new MintException(NutError.UNKNOWN_QUOTE, "quote not found");
    }
    return quote;
  }

  private MeltQuote requireMeltQuote(String quoteId) {
    MeltQuote quote = quoteId == null ? null : meltQuotes.get(quoteId);
    if (quote == null) {
      throw new MintException(NutError.UNKNOWN_QUOTE, "quote not found");
    }
    return quote;
  }

  private static void requireUnit(String unit) {
    if (unit == null) {
      throw malformed("unit is required");
    }
    if (!UNIT.equals(unit)) {
      throw new MintException(NutError.UNIT_NOT_SUPPORTED, "unit not supported, only sat");
    }
  }

  private static void requireWithinLimits(long amount) {
    if (amount < MIN_AMOUNT || amount > MAX_AMOUNT) {
      throw new MintException(
          NutError.AMOUNT_OUTSIDE_LIMITS,
          "amount outside of limit range [" + MIN_AMOUNT + ", " + MAX_AMOUNT + "]");
    }
  }

  private static String pointKey(String pointHex) {
    try {
      return Secp256k1.toHex(Secp256k1.decodePoint(pointHex));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw malformed("B_ is not a valid point");
    }
  }

  private static MintException malformed(String detail) {
    return new MintException(NutError.MALFORMED_REQUEST, detail);
  }

  private static MintQuoteResponse toResponse(MintQuote quote) {
    return new MintQuoteResponse(
        quote.id(),
        quote.request(),
        quote.amount(),
        UNIT,
        quote.state().name(),
        quote.expiresAt() / 1000);
  }

  private static MeltQuoteResponse toResponse(MeltQuote quote) {
    return new MeltQuoteResponse(
        quote.id(),
        quote.request(),
        quote.amount(),
        UNIT,
        quote.feeReserve(),
        quote.state().name(),
        quote.expiresAt() / 1000,
        quote.preimage(),
        quote.change());
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
            List.copyOf(spent),
            Map.copyOf(pending),
            List.copyOf(signed.values()),
            List.copyOf(mintQuotes.values()),
            List.copyOf(meltQuotes.values())));
  }

  private void restore(LedgerState state) {
    spent.addAll(nullToEmpty(state.spent()));
    if (state.pending() != null) {
      pending.putAll(state.pending());
    }
    for (SignedOutput output : nullToEmpty(state.signed())) {
      signed.put(output.output().blindedPoint(), output);
    }
    for (MintQuote quote : nullToEmpty(state.mintQuotes())) {
      mintQuotes.put(quote.id(), quote);
    }
    for (MeltQuote quote : nullToEmpty(state.meltQuotes())) {
      meltQuotes.put(quote.id(), quote);
    }
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
