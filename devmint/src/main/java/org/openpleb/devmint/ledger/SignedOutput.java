package org.openpleb.devmint.ledger;

import org.openpleb.devmint.wire.BlindSignature;
import org.openpleb.devmint.wire.BlindedMessage;

/** An output the mint has signed, kept for NUT-09 restore and to refuse signing it again. */
record SignedOutput(BlindedMessage output, BlindSignature signature) {}
