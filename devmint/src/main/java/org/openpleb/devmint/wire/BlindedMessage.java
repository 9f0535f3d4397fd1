package org.openpleb.devmint.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A NUT-00 output to be signed: amount, keyset id and the blinded point B_. */
public record BlindedMessage(long amount, String id, @JsonProperty("B_") String blindedPoint) {}
