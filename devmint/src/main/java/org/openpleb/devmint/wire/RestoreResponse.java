package org.openpleb.devmint.wire;

import java.util.List;

/** NUT-09 answer: the outputs that were signed before, each with its signature, same order. */
public record RestoreResponse(List<BlindedMessage> outputs, List<BlindSignature> signatures) {}
