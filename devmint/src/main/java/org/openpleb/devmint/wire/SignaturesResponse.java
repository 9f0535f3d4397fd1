package org.openpleb.devmint.wire;

import java.util.List;

/** The answer to mint and swap: one blind signature per output, in request order. */
public record SignaturesResponse(List<BlindSignature> signatures) {}
