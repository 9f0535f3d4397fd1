package org.openpleb.ee.web.session;

/**
 * A login: the user's key, the challenge they were issued and their signature over it.
 *
 * @param pubkey x-only secp256k1 public key, 64 hex characters
 * @param challenge the challenge from {@code POST /api/sessions/challenge}, 64 hex characters
 * @param signature BIP-340 signature over SHA-256(UTF-8 bytes of the challenge text), 128 hex
 * @param powNonce the proof-of-work nonce when the challenge asks for work: 1 to 64 characters of
 *     A-Z, a-z, 0-9, '-' and '_' such that SHA-256(UTF-8 of challenge + ":" + powNonce) starts with
 *     at least {@code pow.difficulty} zero bits; omitted or null when the difficulty is 0
 */
public record LoginRequest(String pubkey, String challenge, String signature, String powNonce) {}
