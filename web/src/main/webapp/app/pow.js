// The login's proof of work: a nonce of base-36 digits such that SHA-256 of the UTF-8 text
// challenge + ":" + nonce starts with the asked number of zero bits.
import { sha256 } from "./sha256.js";

/** The number of leading zero bits of bytes. */
export function leadingZeroBits(bytes) {
  let count = 0;
  for (const b of bytes) {
    if (b !== 0) return count + Math.clz32(b) - 24;
    count += 8;
  }
  return count;
}

/** Searches nonces 0, 1, 2 ... (in base 36) until one meets `bits`; returns it. */
export function solve(challenge, bits) {
  const encoder = new TextEncoder();
  for (let i = 0; ; i++) {
    const nonce = i.toString(36);
    if (leadingZeroBits(sha256(encoder.encode(challenge + ":" + nonce))) >= bits) return nonce;
  }
}
