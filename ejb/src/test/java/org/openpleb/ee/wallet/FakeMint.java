package org.openpleb.ee.wallet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openpleb.cashu.mint.MeltQuoteResponse;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.mint.MintError;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.mint.MintInfo;
import org.openpleb.cashu.mint.MintQuoteResponse;
import org.openpleb.cashu.mint.MintQuoteState;
import org.openpleb.cashu.mint.ProofCheck;
import org.openpleb.cashu.mint.RestoreResult;
import org.openpleb.cashu.model.BlindSignature;
import org.openpleb.cashu.model.BlindedMessage;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.Proof;

/**
 * A mint that knows only Lightning mint quotes: it issues them, answers their state, and lets a
 * test pay them or make the next call fail. Minting itself is the {@link FakeSessionWallet}'s
 * business; every other mint call is unsupported, so a service reaching for one fails the test.
 */
final class FakeMint implements MintClient {

  /** A quote the mint issued: its amount, state and expiry (epoch seconds, or null). */
  static final class Quote {
    final long amount;
    MintQuoteState state = MintQuoteState.UNPAID;
    Long expiry;

    Quote(long amount, Long expiry) {
      this.amount = amount;
      this.expiry = expiry;
    }
  }

  private final Map<String, Quote> quotes = new HashMap<>();
  private int issued;

  /** The expiry (epoch seconds) the next quotes carry, or null for none. */
  Long expiry;

  /** Thrown by the next quote call (create or look-up), then cleared. */
  RuntimeException nextFailure;

  /** Quote look-ups answered or refused. */
  int lookups;

  /** Quotes issued. */
  int created;

  /** Marks {@code quoteId} paid. */
  synchronized void pay(String quoteId) {
    quotes.get(quoteId).state = MintQuoteState.PAID;
  }

  /** The quote {@code quoteId}, as the mint knows it. */
  synchronized Quote quote(String quoteId) {
    return quotes.get(quoteId);
  }

  /** Issues a quote the wallet did not ask through this mint's API (a test's own). */
  synchronized String issue(long amount) {
    String id = "quote-" + ++issued;
    quotes.put(id, new Quote(amount, expiry));
    return id;
  }

  private void failIfAsked() {
    RuntimeException failure = nextFailure;
    if (failure != null) {
      nextFailure = null;
      throw failure;
    }
  }

  @Override
  public synchronized MintQuoteResponse createMintQuote(long amount, String unit) {
    failIfAsked();
    created++;
    String id = issue(amount);
    return response(id, quotes.get(id));
  }

  @Override
  public synchronized MintQuoteResponse mintQuote(String quoteId) {
    lookups++;
    failIfAsked();
    Quote quote = quotes.get(quoteId);
    if (quote == null) {
      throw new MintException(MintError.UNKNOWN, "unknown quote");
    }
    return response(quoteId, quote);
  }

  private static MintQuoteResponse response(String id, Quote quote) {
    return new MintQuoteResponse(
        id, "lnbcrt" + quote.amount + "n1" + id, quote.amount, "sat", quote.state, quote.expiry);
  }

  @Override
  public String mintUrl() {
    return "http://mint.test";
  }

  @Override
  public MintInfo info() {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Keyset> keysets() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Keyset keys(String keysetId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Keyset> activeKeys() {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<BlindSignature> mint(String quoteId, List<BlindedMessage> outputs) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<BlindSignature> swap(List<Proof> inputs, List<BlindedMessage> outputs) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<ProofCheck> checkState(List<String> ys) {
    throw new UnsupportedOperationException();
  }

  @Override
  public RestoreResult restore(List<BlindedMessage> outputs) {
    throw new UnsupportedOperationException();
  }

  @Override
  public MeltQuoteResponse createMeltQuote(String bolt11, String unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public MeltQuoteResponse meltQuote(String quoteId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public MeltQuoteResponse melt(String quoteId, List<Proof> inputs, List<BlindedMessage> blanks) {
    throw new UnsupportedOperationException();
  }
}
