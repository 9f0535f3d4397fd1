package org.openpleb.devmint.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openpleb.devmint.wire.MeltQuoteResponse;
import org.openpleb.devmint.wire.MintQuoteResponse;

/**
 * The mint and melt quotes the mint has given, by id, in creation order, with the rules every quote
 * request shares (the unit, the amount limits) and their wire form. Not thread-safe: every call is
 * made under {@link MintLedger}'s lock.
 */
final class QuoteBook {

  private final MintClock clock;
  private final Map<String, MintQuote> mintQuotes = new LinkedHashMap<>();
  private final Map<String, MeltQuote> meltQuotes = new LinkedHashMap<>();

  QuoteBook(MintClock clock) {
    this.clock = clock;
  }

  /** Stores a new or changed mint quote. */
  void put(MintQuote quote) {
    mintQuotes.put(quote.id(), quote);
  }

  /** Stores a new or changed melt quote. */
  void put(MeltQuote quote) {
    meltQuotes.put(quote.id(), quote);
  }

  /**
   * A mint quote by id.
   *
   * @throws MintException UNKNOWN_QUOTE when there is none
   */
  MintQuote mintQuote(String quoteId) {
    MintQuote quote = quoteId == null ? null : mintQuotes.get(quoteId);
    if (quote == null) {
      throw new MintException(NutError.UNKNOWN_QUOTE, "quote not found");
    }
    return quote;
  }

  /**
   * A melt quote by id.
   *
   * @throws MintException UNKNOWN_QUOTE when there is none
   */
  MeltQuote meltQuote(String quoteId) {
    MeltQuote quote = quoteId == null ? null : meltQuotes.get(quoteId);
    if (quote == null) {
      throw new MintException(NutError.UNKNOWN_QUOTE, "quote not found");
    }
    return quote;
  }

  /**
   * The quote as the fake payer has left it: an unpaid quote whose pay time has come (within its
   * validity) is now paid, and stored so.
   */
  MintQuote refreshed(MintQuote quote) {
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

  /** Whether some melt quote already paid this invoice. */
  boolean invoicePaid(String request) {
    return meltQuotes.values().stream()
        .anyMatch(q -> q.state() == MeltQuoteState.PAID && q.request().equals(request));
  }

  /** Marks paid every unpaid mint quote of this invoice, as an internal payment would. */
  void payMintQuotesOf(String request) {
    for (MintQuote mintQuote : List.copyOf(mintQuotes.values())) {
      if (mintQuote.state() == MintQuoteState.UNPAID && mintQuote.request().equals(request)) {
        mintQuotes.put(mintQuote.id(), mintQuote.withState(MintQuoteState.PAID));
      }
    }
  }

  /** Every mint quote, in creation order (a copy). */
  List<MintQuote> mintQuotes() {
    return List.copyOf(mintQuotes.values());
  }

  /** Every melt quote, in creation order (a copy). */
  List<MeltQuote> meltQuotes() {
    return List.copyOf(meltQuotes.values());
  }

  /** Takes up the quotes of a loaded state file; absent lists count as empty. */
  void load(List<MintQuote> mints, List<MeltQuote> melts) {
    if (mints != null) {
      mints.forEach(this::put);
    }
    if (melts != null) {
      melts.forEach(this::put);
    }
  }

  /** Refuses a missing unit and any unit but sat. */
  static void requireUnit(String unit) {
    if (unit == null) {
      throw ProofBook.malformed("unit is required");
    }
    if (!MintLedger.UNIT.equals(unit)) {
      throw new MintException(NutError.UNIT_NOT_SUPPORTED, "unit not supported, only sat");
    }
  }

  /** Refuses a quote amount outside [MIN_AMOUNT, MAX_AMOUNT]. */
  static void requireWithinLimits(long amount) {
    if (amount < MintLedger.MIN_AMOUNT || amount > MintLedger.MAX_AMOUNT) {
      throw new MintException(
          NutError.AMOUNT_OUTSIDE_LIMITS,
          "amount outside of limit range ["
              + MintLedger.MIN_AMOUNT
              + ", "
              + MintLedger.MAX_AMOUNT
              + "]");
    }
  }

  /** The mint quote as NUT-04 answers it (expiry in seconds). */
  static MintQuoteResponse response(MintQuote quote) {
    return new MintQuoteResponse(
        quote.id(),
        quote.request(),
        quote.amount(),
        MintLedger.UNIT,
        quote.state().name(),
        quote.expiresAt() / 1000);
  }

  /** The melt quote as NUT-05 answers it, with preimage and change once paid. */
  static MeltQuoteResponse response(MeltQuote quote) {
    return new MeltQuoteResponse(
        quote.id(),
        quote.request(),
        quote.amount(),
        MintLedger.UNIT,
        quote.feeReserve(),
        quote.state().name(),
        quote.expiresAt() / 1000,
        quote.preimage(),
        quote.change());
  }
}
