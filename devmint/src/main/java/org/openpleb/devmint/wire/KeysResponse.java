package org.openpleb.devmint.wire;

import java.util.List;

/** {@code GET /v1/keys} and {@code GET /v1/keys/{id}} (NUT-01). */
public record KeysResponse(List<KeysetKeys> keysets) {}
