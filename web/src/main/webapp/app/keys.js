// The user's secp256k1 key: made or imported in the browser, kept in localStorage, backed up as a
// file. It never leaves the browser: only signatures and the public key are sent.
import { fromHex, isSecretKey, publicKey, randomSecretKey, sha256, sign, toHex } from "./schnorr.js";

const STORAGE = "openpleb.secretKey";

/** The stored secret key (hex), or null. */
export function storedKey() {
  const hex = localStorage.getItem(STORAGE);
  return hex && /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

/** Makes and stores a new key; returns its hex. */
export function generateKey() {
  const hex = toHex(randomSecretKey());
  localStorage.setItem(STORAGE, hex);
  return hex;
}

/** Stores an imported key after checking it; throws on a bad one. */
export function importKey(text) {
  const hex = String(text).trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex) || !isSecretKey(fromHex(hex))) {
    throw new Error("A secret key is 64 hex characters, between 1 and the curve order.");
  }
  localStorage.setItem(STORAGE, hex);
  return hex;
}

/** Forgets the stored key. */
export function forgetKey() {
  localStorage.removeItem(STORAGE);
}

/** The x-only public key (hex) of a secret key (hex). */
export function publicKeyOf(secretHex) {
  return toHex(publicKey(fromHex(secretHex)));
}

/** A backup file's contents for the key. */
export function backupText(secretHex) {
  return (
    "OpenPleb secret key (keep it private; whoever has it controls your wallet)\n" +
    "public key: " + publicKeyOf(secretHex) + "\n" +
    "secret key: " + secretHex + "\n"
  );
}

/** The login signature: BIP-340 over SHA-256 of the challenge text's UTF-8 bytes. */
export async function signChallenge(secretHex, challenge) {
  const message = await sha256(new TextEncoder().encode(challenge));
  return toHex(await sign(message, fromHex(secretHex)));
}

/**
 * A proof of work for the challenge: a nonce such that SHA-256(challenge + ":" + nonce) starts
 * with `bits` zero bits. Returns null when none is asked for.
 */
export async function proofOfWork(challenge, bits) {
  if (!bits) return null;
  const encoder = new TextEncoder();
  for (let i = 0; ; i++) {
    const nonce = i.toString(36);
    const hash = await sha256(encoder.encode(challenge + ":" + nonce));
    if (leadingZeroBits(hash) >= bits) return nonce;
  }
}

function leadingZeroBits(bytes) {
  let count = 0;
  for (const b of bytes) {
    if (b === 0) {
      count += 8;
      continue;
    }
    return count + Math.clz32(b) - 24;
  }
  return count;
}
