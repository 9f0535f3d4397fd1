package org.openpleb.devmint.wire;

import java.util.List;

/** {@code GET /v1/keysets} (NUT-02). */
public record KeysetsResponse(List<KeysetSummary> keysets) {}
