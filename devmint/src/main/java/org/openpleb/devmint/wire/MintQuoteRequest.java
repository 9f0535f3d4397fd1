package org.openpleb.devmint.wire;

/** {@code POST /v1/mint/quote/bolt11} body (NUT-04, NUT-23). */
public record MintQuoteRequest(Long amount, String unit, String description, String pubkey) {}
