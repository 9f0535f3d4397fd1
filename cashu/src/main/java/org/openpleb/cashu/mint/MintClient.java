package org.openpleb.cashu.mint;

import java.util.List;
import org.openpleb.cashu.model.BlindSignature;
import org.openpleb.cashu.model.BlindedMessage;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.Proof;

/**
 * A Cashu mint as the wallet sees it: keysets, quotes, and the calls that sign outputs or spend
 * proofs.
 *
 * <p>Every method either returns an answer the implementation has checked (keyset ids recomputed,
 * signatures matching the requested outputs and carrying valid DLEQ proofs) or throws one of three
 * exceptions: {@link MintException} when the mint definitively refused, {@link
 * MintUnreachableException} when the outcome is unknown (the mint may have committed), {@link
 * MintProtocolException} when the answer breaks the protocol.
 */
public interface MintClient {

  /** The mint's base URL, without a trailing slash. */
  String mintUrl();

  /** NUT-06 {@code GET /v1/info}. */
  MintInfo info();

  /** NUT-02 {@code GET /v1/keysets}: every keyset, active or not, without keys. */
  List<Keyset> keysets();

  /** NUT-01 {@code GET /v1/keys/{id}}: one keyset with its keys, id verified against the keys. */
  Keyset keys(String keysetId);

  /** NUT-01 {@code GET /v1/keys}: the active keysets with their keys, ids verified. */
  List<Keyset> activeKeys();

  /**
   * NUT-04 {@code POST /v1/mint/quote/bolt11}: ask for an invoice of {@code amount}. The quote's
   * amount and the invoice's amount are checked against the request.
   */
  MintQuoteResponse createMintQuote(long amount, String unit);

  /** NUT-04 {@code GET /v1/mint/quote/bolt11/{quote}}. */
  MintQuoteResponse mintQuote(String quoteId);

  /** NUT-04 {@code POST /v1/mint/bolt11}: signatures for {@code outputs}, in their order. */
  List<BlindSignature> mint(String quoteId, List<BlindedMessage> outputs);

  /** NUT-03 {@code POST /v1/swap}: spend {@code inputs}, signatures for {@code outputs}. */
  List<BlindSignature> swap(List<Proof> inputs, List<BlindedMessage> outputs);

  /** NUT-07 {@code POST /v1/checkstate}: one answer per Y, in the order asked. */
  List<ProofCheck> checkState(List<String> ys);

  /** NUT-09 {@code POST /v1/restore}: the previously signed ones among {@code outputs}. */
  RestoreResult restore(List<BlindedMessage> outputs);

  /** NUT-05 {@code POST /v1/melt/quote/bolt11}: what paying {@code bolt11} would cost. */
  MeltQuoteResponse createMeltQuote(String bolt11, String unit);

  /** NUT-05 {@code GET /v1/melt/quote/bolt11/{quote}}. */
  MeltQuoteResponse meltQuote(String quoteId);

  /**
   * NUT-05 {@code POST /v1/melt/bolt11}: pay the quote's invoice with {@code inputs}; NUT-08 change
   * comes back as signatures on (a prefix of) {@code blankOutputs}.
   */
  MeltQuoteResponse melt(String quoteId, List<Proof> inputs, List<BlindedMessage> blankOutputs);
}
