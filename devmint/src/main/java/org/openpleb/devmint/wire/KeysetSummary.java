package org.openpleb.devmint.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One keyset in {@code GET /v1/keysets} (NUT-02). */
public record KeysetSummary(
    String id, String unit, boolean active, @JsonProperty("input_fee_ppk") long inputFeePpk) {}
