// Cross-checks the project's dev mint and Java wallet against cashu-ts, an independent Cashu
// implementation. Run by run.sh, which starts the mints and hands over, in the environment:
//   INTEROP_MINTS    fee=url pairs, comma separated (e.g. "0=http://127.0.0.1:4001,100=http://…")
//   INTEROP_JAVA_CP  class path of the Java wallet's InteropCli (cashu test classes + deps)
//   INTEROP_WORK     a scratch folder for the Java wallet files
// Prints one PASS/FAIL line per step and a final "N passed, M failed" line; exits 1 on failure.
import { execFile } from 'node:child_process';
import path from 'node:path';
import {
  Wallet,
  getDecodedToken,
  getEncodedToken,
  getTokenMetadata,
  hasValidDleq,
  isMintOperationError,
} from '@cashu/cashu-ts';

const JAVA_MAIN = 'org.openpleb.cashu.interop.InteropCli';
const JAVA_TIMEOUT_MS = 60_000;
const QUOTE_PAID_TIMEOUT_MS = 10_000;
const ALREADY_SPENT = 11001;
// amounts of several denominations, so tokens carry more than one proof
const JAVA_SENDS = 45;
const JAVA_RECEIVES = 13;

const mints = parseMints(process.env.INTEROP_MINTS);
const javaClassPath = requireEnv('INTEROP_JAVA_CP');
const workDir = requireEnv('INTEROP_WORK');

let passed = 0;
let failed = 0;

function requireEnv(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`interop.mjs: ${name} is not set (run interop/run.sh)`);
    process.exit(2);
  }
  return value;
}

function parseMints(text) {
  if (!text) {
    console.error('interop.mjs: INTEROP_MINTS is not set (run interop/run.sh)');
    process.exit(2);
  }
  return text.split(',').map((pair) => {
    const eq = pair.indexOf('=');
    return { fee: Number(pair.slice(0, eq)), url: pair.slice(eq + 1) };
  });
}

// ---- reporting -------------------------------------------------------------------------------

/**
 * Runs steps in order; each returns an optional detail for its PASS line. After the first failure
 * the remaining steps of the chain depend on state that is missing, so they are reported failed.
 */
async function chain(prefix, steps) {
  let broken = null;
  for (const [name, fn] of steps) {
    const label = `${prefix} ${name}`;
    if (broken) {
      failed++;
      console.log(`FAIL ${label} (not run: "${broken}" failed)`);
      continue;
    }
    try {
      const detail = await fn();
      passed++;
      console.log(`PASS ${label}${detail ? ` (${detail})` : ''}`);
    } catch (e) {
      failed++;
      broken = name;
      console.log(`FAIL ${label}: ${e && e.message ? e.message : e}`);
    }
  }
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

// ---- cashu-ts helpers ------------------------------------------------------------------------

const sum = (proofs) => proofs.reduce((total, p) => total + Number(p.amount), 0);
const count = (proofs) => `${proofs.length} proof${proofs.length === 1 ? '' : 's'}`;

async function newWallet(url) {
  const wallet = new Wallet(url, { unit: 'sat', requireSigDleq: true });
  await wallet.loadMint();
  return wallet;
}

async function awaitPaid(wallet, quote) {
  const deadline = Date.now() + QUOTE_PAID_TIMEOUT_MS;
  let current = quote;
  while (current.state !== 'PAID') {
    check(current.state === 'UNPAID', `mint quote is ${current.state}, expected PAID`);
    check(Date.now() < deadline, `mint quote still unpaid after ${QUOTE_PAID_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    current = await wallet.checkMintQuoteBolt11(current.quote);
  }
  return current;
}

/** Quotes, waits for the dev mint to pay, and mints; returns the proofs. */
async function mintProofs(wallet, amount) {
  const quote = await awaitPaid(wallet, await wallet.createMintQuoteBolt11(amount));
  return wallet.mintProofsBolt11(amount, quote.quote);
}

/** Every proof carries a DLEQ proof with its blinding factor r that verifies (NUT-12). */
function assertDleqWithR(wallet, proofs, what) {
  for (const p of proofs) {
    check(p.dleq && p.dleq.e && p.dleq.s, `${what}: a proof of ${p.amount} has no DLEQ proof`);
    check(p.dleq.r, `${what}: a proof of ${p.amount} has a DLEQ proof without r`);
    const keyset = wallet.keyChain.getKeyset(p.id);
    check(hasValidDleq(p, keyset, { require: true }), `${what}: invalid DLEQ on ${p.amount}`);
  }
}

/** A copy of the proofs whose first DLEQ proof names another blinding factor. */
function withWrongR(proofs) {
  const copy = proofs.map((p) => ({ ...p, dleq: { ...p.dleq } }));
  const r = copy[0].dleq.r;
  copy[0].dleq.r = (r[r.length - 1] === '1' ? r.slice(0, -1) + '2' : r.slice(0, -1) + '1');
  return copy;
}

async function states(wallet, proofs) {
  return (await wallet.checkProofsStates(proofs)).map((s) => s.state);
}

async function expectMintError(code, fn) {
  try {
    await fn();
  } catch (e) {
    check(isMintOperationError(e), `expected mint error ${code}, got: ${e.message}`);
    check(e.code === code, `expected mint error ${code}, got ${e.code}: ${e.message}`);
    return e;
  }
  throw new Error(`expected mint error ${code}, but the mint accepted`);
}

async function devInvoice(url, amount) {
  const res = await fetch(`${url}/dev/invoice`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amount }),
  });
  check(res.ok, `POST /dev/invoice answered ${res.status}`);
  return (await res.json()).request;
}

// ---- Java side -------------------------------------------------------------------------------

/** Runs the Java InteropCli; resolves with {code, stdout, stderr} whatever the exit code. */
function java(args, stdin) {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'java',
      ['-cp', javaClassPath, JAVA_MAIN, ...args],
      { timeout: JAVA_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`java ${args[0]} did not finish: ${error.message}`));
          return;
        }
        resolve({ code: error ? error.code : 0, stdout: stdout.trim(), stderr: stderr.trim() });
      },
    );
    child.stdin.end(stdin ?? '');
  });
}

/** The last line of the Java side's stderr: the reason it gave (its logs come before). */
const reason = (result) => result.stderr.split('\n').filter(Boolean).pop() ?? '(no message)';

// ---- the suite -------------------------------------------------------------------------------

async function cashuTsFlow({ fee, url }) {
  const p = `fee=${fee}`;
  const ctx = {};
  await chain(p, [
    [
      'keyset checked by cashu-ts',
      async () => {
        ctx.alice = await newWallet(url);
        ctx.bob = await newWallet(url);
        const keyset = ctx.alice.getKeyset();
        check(keyset.verify(), `keyset ${keyset.id} does not recompute from its keys`);
        check(keyset.fee === fee, `keyset input_fee_ppk is ${keyset.fee}, expected ${fee}`);
        return `${keyset.id.slice(0, 16)}…, input_fee_ppk ${keyset.fee}`;
      },
    ],
    [
      'mint quote 64 sat paid',
      async () => {
        ctx.quote = await awaitPaid(ctx.alice, await ctx.alice.createMintQuoteBolt11(64));
        check(Number(ctx.quote.amount) === 64, `quote amount ${ctx.quote.amount}`);
      },
    ],
    [
      'mint 64 sat with DLEQ',
      async () => {
        ctx.proofs = await ctx.alice.mintProofsBolt11(64, ctx.quote.quote);
        check(sum(ctx.proofs) === 64, `minted ${sum(ctx.proofs)} sat`);
        assertDleqWithR(ctx.alice, ctx.proofs, 'minted proofs');
        return `${count(ctx.proofs)}, DLEQ with r valid`;
      },
    ],
    [
      'send 20 sat',
      async () => {
        const { keep, send } = await ctx.alice.send(20, ctx.proofs, { includeFees: true });
        const receiveFee = Number(ctx.alice.getFeesForProofs(send));
        check(sum(send) === 20 + receiveFee, `token holds ${sum(send)}, expected 20 + ${receiveFee}`);
        assertDleqWithR(ctx.alice, send, 'sent proofs');
        ctx.keep = keep;
        ctx.sent = send;
        ctx.token = getEncodedToken({ mint: url, unit: 'sat', proofs: send });
        check(ctx.token.startsWith('cashuB'), 'token is not V4');
        return `token of ${sum(send)} sat incl. ${receiveFee} sat receive fee, change ${sum(keep)}`;
      },
    ],
    [
      'receive 20 sat',
      async () => {
        const received = await ctx.bob.receive(ctx.token, { requireDleq: true });
        check(sum(received) === 20, `received ${sum(received)} sat, expected 20`);
        assertDleqWithR(ctx.bob, received, 'received proofs');
        ctx.bobProofs = received;
      },
    ],
    [
      'checkstate shows SPENT',
      async () => {
        const s = await states(ctx.alice, ctx.sent);
        check(s.length === ctx.sent.length && s.every((x) => x === 'SPENT'), `states ${s}`);
        const fresh = await states(ctx.bob, ctx.bobProofs);
        check(fresh.every((x) => x === 'UNSPENT'), `received proofs are ${fresh}`);
      },
    ],
    [
      'double spend rejected with 11001',
      async () => {
        const e = await expectMintError(ALREADY_SPENT, () => ctx.bob.receive(ctx.token));
        return e.message;
      },
    ],
    [
      'melt 10 sat with NUT-08 change',
      async () => {
        const invoice = await devInvoice(url, 10);
        const quote = await ctx.alice.createMeltQuoteBolt11(invoice);
        const reserve = Number(quote.fee_reserve);
        check(Number(quote.amount) === 10, `melt quote amount ${quote.amount}`);
        check(reserve > 0, `fee reserve ${reserve}, change cannot be tested`);
        const { keep, send } = await ctx.alice.send(10 + reserve, ctx.keep, { includeFees: true });
        const inputFee = Number(ctx.alice.getFeesForProofs(send));
        const res = await ctx.alice.meltProofsBolt11(quote, send);
        check(res.quote.state === 'PAID', `melt quote is ${res.quote.state}`);
        // the dev mint's fake Lightning routes for free, so the whole reserve comes back
        const expected = sum(send) - inputFee - 10;
        check(sum(res.change) === expected, `change ${sum(res.change)}, expected ${expected}`);
        assertDleqWithR(ctx.alice, res.change, 'change proofs');
        const spent = await states(ctx.alice, send);
        check(spent.every((x) => x === 'SPENT'), `melt inputs are ${spent}`);
        const change = await states(ctx.alice, res.change);
        check(change.every((x) => x === 'UNSPENT'), `change proofs are ${change}`);
        const checked = await ctx.alice.checkMeltQuoteBolt11(quote.quote);
        check(checked.state === 'PAID', `melt quote re-checked as ${checked.state}`);
        return `inputs ${sum(send)}, reserve ${reserve}, input fee ${inputFee}, change ${sum(res.change)} in ${count(res.change)}`;
      },
    ],
  ]);
}

async function javaToCashuTs({ fee, url }) {
  const p = `fee=${fee}`;
  const ctx = {};
  await chain(p, [
    [
      `Java wallet mints ${JAVA_SENDS} sat and sends a token`,
      async () => {
        ctx.wallet = await newWallet(url);
        const r = await java(['mint-and-send', url, String(JAVA_SENDS), path.join(workDir, `java-${fee}.db`)]);
        check(r.code === 0, `InteropCli exited ${r.code}: ${reason(r)}`);
        ctx.token = r.stdout.split('\n').pop().trim();
        check(ctx.token.startsWith('cashuB'), 'InteropCli printed no V4 token');
        const meta = getTokenMetadata(ctx.token);
        check(meta.mint === url, `token mint ${meta.mint}`);
        check(meta.unit === 'sat', `token unit ${meta.unit}`);
        check(Number(meta.amount) === JAVA_SENDS, `token amount ${meta.amount}`);
      },
    ],
    [
      'cashu-ts decodes the Java token, DLEQ with r valid',
      async () => {
        let idForm = 'full keyset ids';
        try {
          getDecodedToken(ctx.token, []);
        } catch (e) {
          // cashu-ts can only map short ids with the mint's keysets at hand
          idForm = 'short keyset ids';
        }
        const token = ctx.wallet.decodeToken(ctx.token);
        ctx.proofs = token.proofs;
        check(sum(ctx.proofs) === JAVA_SENDS, `decoded ${sum(ctx.proofs)} sat`);
        const activeId = ctx.wallet.getKeyset().id;
        check(ctx.proofs.every((x) => x.id === activeId), 'proofs not of the active keyset');
        assertDleqWithR(ctx.wallet, ctx.proofs, 'Java token');
        const tampered = withWrongR(ctx.proofs)[0];
        check(!hasValidDleq(tampered, ctx.wallet.keyChain.getKeyset(tampered.id)),
          'cashu-ts accepted a DLEQ proof with a wrong r');
        return `${count(ctx.proofs)}, ${idForm}`;
      },
    ],
    [
      'cashu-ts receives the Java token',
      async () => {
        const receiveFee = Number(ctx.wallet.getFeesForProofs(ctx.proofs));
        const received = await ctx.wallet.receive(ctx.token, { requireDleq: true });
        const expected = JAVA_SENDS - receiveFee;
        check(sum(received) === expected, `received ${sum(received)}, expected ${expected}`);
        const s = await states(ctx.wallet, ctx.proofs);
        check(s.every((x) => x === 'SPENT'), `Java proofs are ${s} after the swap`);
        return `${sum(received)} sat after ${receiveFee} sat fee`;
      },
    ],
  ]);
}

async function cashuTsToJava({ fee, url }) {
  const p = `fee=${fee}`;
  const ctx = { walletFile: path.join(workDir, `java-${fee}.db`) };
  await chain(p, [
    [
      `cashu-ts sends a ${JAVA_RECEIVES} sat token for the Java wallet`,
      async () => {
        ctx.wallet = await newWallet(url);
        const proofs = await mintProofs(ctx.wallet, 32);
        const { send } = await ctx.wallet.send(JAVA_RECEIVES, proofs, { includeFees: true });
        assertDleqWithR(ctx.wallet, send, 'sent proofs');
        ctx.sent = send;
        ctx.token = getEncodedToken({ mint: url, unit: 'sat', proofs: send });
        ctx.tampered = getEncodedToken({ mint: url, unit: 'sat', proofs: withWrongR(send) });
        return `${sum(send)} sat in ${count(send)} incl. receive fee`;
      },
    ],
    [
      'Java wallet refuses the token with a wrong DLEQ r',
      async () => {
        const r = await java(['receive', url, '-', ctx.walletFile], ctx.tampered);
        check(r.code === 4, `InteropCli exited ${r.code}, expected 4 (refused): ${reason(r)}`);
        check(/DLEQ/.test(reason(r)), `refused for another reason: ${reason(r)}`);
        const s = await states(ctx.wallet, ctx.sent);
        check(s.every((x) => x === 'UNSPENT'), `token proofs are ${s} after the refusal`);
        return reason(r);
      },
    ],
    [
      'Java wallet receives the cashu-ts token (DLEQ verified)',
      async () => {
        const r = await java(['receive', url, '-', ctx.walletFile], ctx.token);
        check(r.code === 0, `InteropCli exited ${r.code}: ${reason(r)}`);
        const got = Number(r.stdout.split('\n').pop());
        check(got === JAVA_RECEIVES, `Java received "${r.stdout}", expected ${JAVA_RECEIVES}`);
        const s = await states(ctx.wallet, ctx.sent);
        check(s.every((x) => x === 'SPENT'), `token proofs are ${s} after the receive`);
        return `${got} sat`;
      },
    ],
    [
      'Java wallet rejects the token spent again',
      async () => {
        const r = await java(['receive', url, '-', ctx.walletFile], ctx.token);
        check(r.code === 3, `InteropCli exited ${r.code}, expected 3 (already spent): ${reason(r)}`);
        return reason(r);
      },
    ],
  ]);
}

for (const mint of mints) {
  await cashuTsFlow(mint);
  await javaToCashuTs(mint);
  await cashuTsToJava(mint);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
