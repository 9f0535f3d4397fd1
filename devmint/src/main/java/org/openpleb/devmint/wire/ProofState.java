package org.openpleb.devmint.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One NUT-07 answer: UNSPENT, PENDING or SPENT for the point Y. */
public record ProofState(@JsonProperty("Y") String y, String state, String witness) {}
