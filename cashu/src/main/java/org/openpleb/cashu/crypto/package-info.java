/**
 * The Cashu cryptography a wallet needs: secp256k1 blind Diffie-Hellman signatures (NUT-00), DLEQ
 * proofs (NUT-12), keyset ids and key validation (NUT-01/02), deterministic secrets (NUT-13),
 * BIP-340 Schnorr signatures and pay-to-public-key locks (NUT-10/11). Stateless static functions on
 * Bouncy Castle and JCA; every function is pinned by the official test vectors.
 */
package org.openpleb.cashu.crypto;
