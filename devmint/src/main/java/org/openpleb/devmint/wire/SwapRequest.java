package org.openpleb.devmint.wire;

import java.util.List;

/** {@code POST /v1/swap} body (NUT-03). */
public record SwapRequest(List<Proof> inputs, List<BlindedMessage> outputs) {}
