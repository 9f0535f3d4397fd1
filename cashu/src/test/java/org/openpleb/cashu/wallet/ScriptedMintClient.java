package org.openpleb.cashu.wallet;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openpleb.cashu.mint.MeltQuoteResponse;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.mint.MintInfo;
import org.openpleb.cashu.mint.MintQuoteResponse;
import org.openpleb.cashu.mint.ProofCheck;
import org.openpleb.cashu.mint.RestoreResult;
import org.openpleb.cashu.model.BlindSignature;
import org.openpleb.cashu.model.BlindedMessage;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.Proof;

/**
 * A real mint client with test hooks: an action can be armed to run once just before the next call
 * of a given name ("swap", "checkState", ...), e.g. to arm a dev-mint fault at exactly that moment
 * or to throw as if the mint had gone away.
 */
final class ScriptedMintClient implements MintClient {

  private final MintClient delegate;
  private final Map<String, Runnable> armed = new ConcurrentHashMap<>();

  ScriptedMintClient(MintClient delegate) {
    this.delegate = delegate;
  }

  void beforeNext(String call, Runnable action) {
    armed.put(call, action);
  }

  private void before(String call) {
    Runnable action = armed.remove(call);
    if (action != null) {
      action.run();
    }
  }

  @Override
  public String mintUrl() {
    return delegate.mintUrl();
  }

  @Override
  public MintInfo info() {
    before("info");
    return delegate.info();
  }

  @Override
  public List<Keyset> keysets() {
    before("keysets");
    return delegate.keysets();
  }

  @Override
  public Keyset keys(String keysetId) {
    before("keys");
    return delegate.keys(keysetId);
  }

  @Override
  public List<Keyset> activeKeys() {
    before("activeKeys");
    return delegate.activeKeys();
  }

  @Override
  public MintQuoteResponse createMintQuote(long amount, String unit) {
    before("createMintQuote");
    return delegate.createMintQuote(amount, unit);
  }

  @Override
  public MintQuoteResponse mintQuote(String quoteId) {
    before("mintQuote");
    return delegate.mintQuote(quoteId);
  }

  @Override
  public List<BlindSignature> mint(String quoteId, List<BlindedMessage> outputs) {
    before("mint");
    return delegate.mint(quoteId, outputs);
  }

  @Override
  public List<BlindSignature> swap(List<Proof> inputs, List<BlindedMessage> outputs) {
    before("swap");
    return delegate.swap(inputs, outputs);
  }

  @Override
  public List<ProofCheck> checkState(List<String> ys) {
    before("checkState");
    return delegate.checkState(ys);
  }

  @Override
  public RestoreResult restore(List<BlindedMessage> outputs) {
    before("restore");
    return delegate.restore(outputs);
  }

  @Override
  public MeltQuoteResponse createMeltQuote(String bolt11, String unit) {
    before("createMeltQuote");
    return delegate.createMeltQuote(bolt11, unit);
  }

  @Override
  public MeltQuoteResponse meltQuote(String quoteId) {
    before("meltQuote");
    return delegate.meltQuote(quoteId);
  }

  @Override
  public MeltQuoteResponse melt(String quoteId, List<Proof> inputs, List<BlindedMessage> blanks) {
    before("melt");
    return delegate.melt(quoteId, inputs, blanks);
  }
}
