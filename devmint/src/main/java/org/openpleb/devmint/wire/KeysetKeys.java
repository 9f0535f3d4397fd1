package org.openpleb.devmint.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** One keyset in {@code GET /v1/keys}: its public key per amount (decimal string keys). */
public record KeysetKeys(
    String id,
    String unit,
    boolean active,
    @JsonProperty("input_fee_ppk") long inputFeePpk,
    Map<String, String> keys) {}
