package org.openpleb.client.session;

/**
 * A login: the user's key, the challenge they were issued and their signature over it.
 *
 * @param pubkey x-only secp256k1 public key, 64 hex characters
 * @param challenge the challenge as issued
 * @param signature BIP-340 signature over SHA-256(UTF-8 bytes of the challenge text), 128 hex
 * @param powNonce the proof-of-work nonce, or {@code null} when the difficulty is 0
 */
public record LoginRequest(String pubkey, String challenge, String signature, String powNonce) {}
