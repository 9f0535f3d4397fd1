package org.openpleb.devmint.wire;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /v1/melt/quote/bolt11} body (NUT-05, NUT-23). */
public record MeltQuoteRequest(String request, String unit, JsonNode options) {}
