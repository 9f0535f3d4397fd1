/**
 * The Cashu cryptography a wallet needs: secp256k1 blind Diffie-Hellman signatures (NUT-00), DLEQ
 * proofs (NUT-12), keyset ids and key validation (NUT-01/02), deterministic secrets (NUT-13),
 * BIP-340 Schnorr signatures and pay-to-public-key locks (NUT-10/11). Stateless static functions;
 * the curve arithmetic they repeat per output and per login runs on a {@link
 * org.openpleb.cashu.crypto.Secp256k1Backend}: libsecp256k1 over JNI when it loads, else the Bouncy
 * Castle reference. Every function is pinned by the official test vectors on both back ends.
 */
package org.openpleb.cashu.crypto;
