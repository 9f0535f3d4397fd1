// The audit log of an offer checked in the browser: every entry's hash is recomputed as
// SHA-256(32 bytes of the previous hash || UTF-8 of the entry) from the genesis, as the API
// documents, so a log the server (or anyone between) rewrote does not pass.
import { sha256 } from "./sha256.js";
import { fromHex, toHex } from "./schnorr.js";

/**
 * Checks a GET /api/offers/{id}/audit answer. Returns { valid, brokenAt } where brokenAt is the
 * seq of the first entry whose links do not hold (or "head" when only the head is wrong).
 */
export function verifyChain(audit) {
  const encoder = new TextEncoder();
  let previous = audit.genesis ? fromHex(audit.genesis) : new Uint8Array(32);
  for (const entry of audit.entries) {
    if (entry.prevHash !== toHex(previous)) return { valid: false, brokenAt: entry.seq };
    const text = encoder.encode(entry.entry);
    const input = new Uint8Array(32 + text.length);
    input.set(previous);
    input.set(text, 32);
    previous = sha256(input);
    if (entry.hash !== toHex(previous)) return { valid: false, brokenAt: entry.seq };
  }
  if (audit.head !== toHex(previous)) return { valid: false, brokenAt: "head" };
  return { valid: true, brokenAt: null };
}
