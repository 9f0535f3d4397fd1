// BIP-340 Schnorr signatures over secp256k1, written for this app with BigInt arithmetic.
// No WebJar of a secp256k1 library with BIP-340 is published, so the app carries its own; the
// browser test checks it against the server's own BIP-340 implementation. Randomness comes from
// crypto.getRandomValues.
import { sha256 } from "./sha256.js";

const P = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn;
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const G = {
  x: 0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798n,
  y: 0x483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8n,
};

const mod = (a, m = P) => {
  const r = a % m;
  return r >= 0n ? r : r + m;
};

function invert(a, m = P) {
  let [low, high] = [mod(a, m), m];
  let [lm, hm] = [1n, 0n];
  while (low > 1n) {
    const q = high / low;
    [lm, hm] = [hm - lm * q, lm];
    [low, high] = [high - low * q, low];
  }
  return mod(lm, m);
}

function powMod(base, exponent, m = P) {
  let result = 1n;
  let b = mod(base, m);
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return result;
}

// Affine points; null is the point at infinity.
function add(a, b) {
  if (a === null) return b;
  if (b === null) return a;
  if (a.x === b.x) {
    if (mod(a.y + b.y) === 0n) return null;
    const l = mod(3n * a.x * a.x * invert(2n * a.y));
    const x = mod(l * l - 2n * a.x);
    return { x, y: mod(l * (a.x - x) - a.y) };
  }
  const l = mod((b.y - a.y) * invert(b.x - a.x));
  const x = mod(l * l - a.x - b.x);
  return { x, y: mod(l * (a.x - x) - a.y) };
}

function multiply(point, scalar) {
  let result = null;
  let addend = point;
  let k = scalar;
  while (k > 0n) {
    if (k & 1n) result = add(result, addend);
    addend = add(addend, addend);
    k >>= 1n;
  }
  return result;
}

/** Lowercase hex of bytes. */
export function toHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Bytes of a hex string; throws on anything but an even number of hex digits. */
export function fromHex(hex) {
  if (typeof hex !== "string" || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new Error("not hex");
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

const toInt = (bytes) => BigInt("0x" + (toHex(bytes) || "0"));
const toBytes = (n) => fromHex(n.toString(16).padStart(64, "0"));

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export { sha256 };

async function taggedHash(tag, ...parts) {
  const t = sha256(new TextEncoder().encode(tag));
  return sha256(concat(t, t, ...parts));
}

function liftX(x) {
  if (x >= P) return null;
  const c = mod(x * x * x + 7n);
  const y = powMod(c, (P + 1n) / 4n);
  if (mod(y * y) !== c) return null;
  return { x, y: y % 2n === 0n ? y : P - y };
}

/** Whether 32 bytes are a usable secret key (1 to n-1). */
export function isSecretKey(secret) {
  if (!(secret instanceof Uint8Array) || secret.length !== 32) return false;
  const d = toInt(secret);
  return d > 0n && d < N;
}

/** The x-only public key (32 bytes) of a secret key. */
export function publicKey(secret) {
  if (!isSecretKey(secret)) throw new Error("invalid secret key");
  return toBytes(multiply(G, toInt(secret)).x);
}

/** A fresh random secret key. */
export function randomSecretKey() {
  for (;;) {
    const secret = crypto.getRandomValues(new Uint8Array(32));
    if (isSecretKey(secret)) return secret;
  }
}

/** The BIP-340 signature (64 bytes) of a 32-byte message with auxiliary randomness aux. */
export async function sign(message, secret, aux = crypto.getRandomValues(new Uint8Array(32))) {
  if (!isSecretKey(secret)) throw new Error("invalid secret key");
  const d0 = toInt(secret);
  const pub = multiply(G, d0);
  const d = pub.y % 2n === 0n ? d0 : N - d0;
  const auxHash = await taggedHash("BIP0340/aux", aux);
  const t = toBytes(d);
  for (let i = 0; i < 32; i++) t[i] ^= auxHash[i];
  const pubBytes = toBytes(pub.x);
  const k0 = mod(toInt(await taggedHash("BIP0340/nonce", t, pubBytes, message)), N);
  if (k0 === 0n) throw new Error("nonce is zero");
  const r = multiply(G, k0);
  const k = r.y % 2n === 0n ? k0 : N - k0;
  const rBytes = toBytes(r.x);
  const e = mod(toInt(await taggedHash("BIP0340/challenge", rBytes, pubBytes, message)), N);
  return concat(rBytes, toBytes(mod(k + e * d, N)));
}

/** Whether a 64-byte signature by an x-only public key is valid for the message. */
export async function verify(publicKeyBytes, message, signature) {
  if (publicKeyBytes.length !== 32 || signature.length !== 64) return false;
  const pub = liftX(toInt(publicKeyBytes));
  if (pub === null) return false;
  const r = toInt(signature.slice(0, 32));
  const s = toInt(signature.slice(32));
  if (r >= P || s >= N) return false;
  const e = mod(
    toInt(await taggedHash("BIP0340/challenge", signature.slice(0, 32), publicKeyBytes, message)),
    N
  );
  const point = add(multiply(G, s), multiply(pub, N - e));
  return point !== null && point.y % 2n === 0n && point.x === r;
}
