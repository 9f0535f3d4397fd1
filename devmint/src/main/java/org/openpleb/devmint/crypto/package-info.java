/**
 * The mint's own secp256k1 arithmetic: point codec, hash_to_curve, blind signing (NUT-00), DLEQ
 * proofs with the deterministic nonce (NUT-12) and V2 keyset ids (NUT-02). It shares no code with
 * the wallet so that a bug on one side cannot cancel out on the other; the NUT vectors pin it.
 */
package org.openpleb.devmint.crypto;
