package org.openpleb.cashu.model;

/** A NUT-00 output the wallet asks the mint to sign: an amount, a keyset id and the point B_. */
public record BlindedMessage(long amount, String id, String B_) {}
