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
  const message = sha256(new TextEncoder().encode(challenge));
  return toHex(await sign(message, fromHex(secretHex)));
}

/**
 * A proof of work for the challenge: a nonce such that SHA-256(challenge + ":" + nonce) starts
 * with `bits` zero bits, found in a worker so the page stays responsive. Resolves with null when
 * none is asked for.
 */
export function proofOfWork(challenge, bits) {
  if (!bits) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./pow-worker.js", import.meta.url), { type: "module" });
    worker.onmessage = (event) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = () => {
      worker.terminate();
      reject(new Error("The proof of work could not run in this browser."));
    };
    worker.postMessage({ challenge, bits });
  });
}
