package org.openpleb.devmint.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A NUT-00 promise: the blind signature C_ on one output, with its NUT-12 DLEQ proof. */
public record BlindSignature(
    long amount, String id, @JsonProperty("C_") String signature, DleqProof dleq) {}
