package org.openpleb.cashu.model;

/** A NUT-00 promise from the mint: the blind signature C_ on one output, with an optional DLEQ. */
public record BlindSignature(long amount, String id, String C_, DleqProof dleq) {}
