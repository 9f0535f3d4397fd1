package org.openpleb.devmint.wire;

import java.util.List;

/** NUT-07 states, in the order of the request. */
public record CheckStateResponse(List<ProofState> states) {}
