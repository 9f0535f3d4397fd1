package org.openpleb.devmint.wire;

import java.util.List;

/** {@code POST /v1/restore} body (NUT-09): outputs whose signatures the wallet lost. */
public record RestoreRequest(List<BlindedMessage> outputs) {}
