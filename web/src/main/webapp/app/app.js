// The makers' and takers' app: key, login, live order book, offers funded by Lightning, wallet.
// Every amount, state and deadline shown comes from the API.
import { ApiError, call, currentToken, serverNow, setToken, upload } from "./api.js";
import { verifyChain } from "./audit.js";
import { openEvents } from "./events.js";
import {
  backupText,
  forgetKey,
  generateKey,
  importKey,
  proofOfWork,
  publicKeyOf,
  signChallenge,
  storedKey,
} from "./keys.js";
import { readQrPicture } from "./qr-read.js";

const $ = (id) => document.getElementById(id);
const SESSION = "openpleb.session";

const state = {
  info: null,
  book: new Map(),
  mine: new Map(),
  current: null,
  invoice: null,
  closeEvents: null,
  depositTimer: null,
  walletTimer: null,
};

// ---- errors and sections ----

function showError(error) {
  const box = $("error");
  box.textContent = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  box.hidden = false;
}

function clearError() {
  $("error").hidden = true;
  $("error").textContent = "";
}

/** Runs an action from a control, showing its refusal instead of throwing. */
function guarded(action) {
  return async (event) => {
    if (event && event.preventDefault) event.preventDefault();
    clearError();
    try {
      await action(event);
    } catch (e) {
      showError(e);
      // a refused token means the session ended (expired, logged out elsewhere): log in again
      if (e instanceof ApiError && e.status === 401 && currentToken()) dropSession();
    }
  };
}

function show(section) {
  for (const button of document.querySelectorAll("nav button")) {
    const on = button.dataset.show === section;
    button.toggleAttribute("aria-current", on);
    if (on) button.setAttribute("aria-current", "page");
    $(button.dataset.show).hidden = !on;
  }
  clearInterval(state.walletTimer);
  // the camera is for the offer form only: leaving it turns the camera off
  if (section !== "sell") stopCamera("Camera stopped.").catch(showError);
  if (section === "wallet" && currentToken()) {
    refreshWallet().catch(showError);
    // settlements credit the wallet after the trade's step: the balance is read while shown
    state.walletTimer = setInterval(() => {
      if (currentToken()) refreshWallet().catch(showError);
    }, 3000);
  }
  if (section === "mine" && currentToken()) loadMine().catch(showError);
}

// ---- formatting from server values ----

function fiatDigits(currency) {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits;
  } catch (e) {
    return 0;
  }
}

function fiat(minor, currency) {
  const digits = fiatDigits(currency);
  return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(
    minor / 10 ** digits
  );
}

function sats(n) {
  return new Intl.NumberFormat().format(n) + " sats";
}

function remaining(iso) {
  const ms = Date.parse(iso) - serverNow();
  if (!(ms > 0)) return "passed";
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (v) => String(v).padStart(2, "0");
  return (h > 0 ? h + ":" + pad(m) : m) + ":" + pad(s % 60) + " left";
}

function details(list, rows) {
  list.replaceChildren();
  for (const [term, value, attrs] of rows) {
    if (value === undefined || value === null) continue;
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.textContent = value;
    if (attrs) Object.assign(dd.dataset, attrs);
    list.append(dt, dd);
  }
}

function offerRows(offer) {
  return [
    ["State", offer.status, { field: "status" }],
    ["Fiat", fiat(offer.fiatAmount, offer.currency)],
    ["Provider", offer.fiatProvider],
    ["Bitcoin", sats(offer.sats)],
    ["Taker earns", offer.takerEarns != null ? sats(offer.takerEarns) : null],
    ["Bond", sats(offer.bond)],
    ["Funding", offer.funding != null ? sats(offer.funding) : null],
    ["Deadline", offer.expiresAt ? offer.expiresAt : null, { deadline: offer.expiresAt || "" }],
    ["Maker's words", offer.makerFeedback],
    ["Taker's answer", offer.takerResponse],
    ["Resolution", offer.resolution],
    ["Admin's reason", offer.resolutionReason],
    ["Outcome", offer.outcome],
  ];
}

function tick() {
  for (const dd of document.querySelectorAll("dd[data-deadline]")) {
    const at = dd.dataset.deadline;
    if (at) dd.textContent = at + " (" + remaining(at) + ")";
  }
}

// ---- QR codes ----

function drawQr(container, text, label) {
  container.replaceChildren();
  container.setAttribute("role", "img");
  container.setAttribute("aria-label", label);
  if (typeof window.QRCode !== "function") throw new Error("The QR code library did not load.");
  new window.QRCode(container, {
    text,
    width: 256,
    height: 256,
    correctLevel: window.QRCode.CorrectLevel.L,
  });
  container.removeAttribute("title");
  for (const img of container.querySelectorAll("img")) img.alt = label;
}


/** The camera scanner while it runs (an Html5Qrcode on #offer-qr-camera), else null. */
let camera = null;

/** Why the camera could not start, in words for the user. */
function cameraRefusal(error) {
  const text = String(error && error.name ? error.name + " " + error.message : error);
  if (/NotAllowedError|PermissionDenied|SecurityError/.test(text)) {
    return "The camera permission was refused. Allow the camera for this site in the browser's settings, or read the QR code from a picture, or paste its text.";
  }
  if (/NotFoundError|DevicesNotFound|OverconstrainedError/.test(text)) {
    return "No camera was found on this device. Read the QR code from a picture, or paste its text.";
  }
  if (/NotReadableError|TrackStartError|AbortError/.test(text)) {
    return "The camera is in use by another app or could not start. Close the other app and try again, or read the QR code from a picture.";
  }
  return "The camera could not be started here. Read the QR code from a picture, or paste its text.";
}

function showCamera(running) {
  $("camera-start").hidden = running;
  $("camera-stop").hidden = !running;
  $("offer-qr-camera").hidden = !running;
}

/** Scans the bank QR code with the back camera; the first code read fills the form. */
async function startCamera() {
  if (camera) return;
  const library = window.__Html5QrcodeLibrary__;
  if (!library) throw new Error("The QR code reader did not load.");
  const status = $("camera-status");
  if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    status.textContent =
      "This browser gives this page no camera (it needs HTTPS). Read the QR code from a picture, or paste its text.";
    return;
  }
  const scanner = new library.Html5Qrcode("offer-qr-camera", { verbose: false });
  camera = scanner;
  showCamera(true);
  status.textContent = "Starting the camera…";
  try {
    await scanner.start(
      { facingMode: "environment" },
      { fps: 10 },
      (text) => {
        if (camera !== scanner) return;
        $("offer-qr").value = text;
        stopCamera("QR code read from the camera.").catch(showError);
      },
      () => {}
    );
  } catch (e) {
    if (camera === scanner) {
      camera = null;
      showCamera(false);
      try {
        scanner.clear();
      } catch (ignored) {
        // nothing was shown
      }
      status.textContent = cameraRefusal(e);
    }
    return;
  }
  if (camera === scanner) {
    status.textContent = "Camera on: hold the bank QR code in front of it.";
  } else {
    // stopped (the user left) while the camera was starting
    await scanner.stop();
    scanner.clear();
  }
}

/** Stops the camera if it runs; `message` says why. */
async function stopCamera(message) {
  const scanner = camera;
  if (!scanner) return;
  camera = null;
  showCamera(false);
  $("camera-status").textContent = message;
  if (scanner.isScanning) {
    await scanner.stop();
    scanner.clear();
  }
}

// ---- key and session ----

function renderKey() {
  const secret = storedKey();
  $("no-key").hidden = !!secret;
  $("has-key").hidden = !secret;
  $("pubkey").textContent = secret ? publicKeyOf(secret) : "";
  const loggedIn = !!currentToken();
  $("login").hidden = loggedIn;
  $("logout").hidden = !loggedIn;
  $("who").textContent = loggedIn ? "Logged in" : "Not logged in";
}

async function login() {
  const secret = storedKey();
  if (!secret) throw new Error("Generate or import a key first.");
  let grant;
  try {
    const challenge = await call("POST", "sessions/challenge");
    const bits = challenge.pow ? challenge.pow.difficulty : 0;
    if (bits > 0) $("who").textContent = "Working on the proof of work…";
    const nonce = await proofOfWork(challenge.challenge, bits);
    const body = {
      pubkey: publicKeyOf(secret),
      challenge: challenge.challenge,
      signature: await signChallenge(secret, challenge.challenge),
    };
    if (nonce) body.powNonce = nonce;
    grant = await call("POST", "sessions", body);
  } finally {
    // a refused login leaves no "working" status behind
    renderKey();
  }
  sessionStorage.setItem(SESSION, grant.token);
  setToken(grant.token);
  renderKey();
  startEvents();
  await loadMine();
}

async function logout() {
  try {
    await call("DELETE", "sessions/current");
  } finally {
    dropSession();
  }
}

function dropSession() {
  sessionStorage.removeItem(SESSION);
  setToken(null);
  state.mine.clear();
  renderMine();
  renderKey();
  startEvents();
}

// ---- live events ----

function startEvents() {
  if (state.closeEvents) state.closeEvents();
  state.closeEvents = openEvents(currentToken(), onEvent, (status) => {
    $("stream").textContent = "Live updates: " + status;
    if (status === "unauthorized" && currentToken()) {
      dropSession();
      return;
    }
    if (status === "open") {
      // whatever changed while the stream was down is read afresh
      loadBook().catch(showError);
      if (currentToken()) loadMine().catch(showError);
    }
  });
}

function onEvent(name, data) {
  if (name === "offer" && data.offer) {
    if (data.state === "INVOICE_PAID") state.book.set(data.offerId, data.offer);
    else state.book.delete(data.offerId);
    renderBook();
  } else if (name === "trade" && data.offer) {
    // the event names the caller's role beside the offer, not in it
    updateTrade({ ...data.offer, role: data.role });
  }
}

// ---- order book ----

async function loadBook() {
  const page = await call("GET", "offers?page=0&size=100");
  state.book = new Map(page.offers.map((o) => [o.id, o]));
  renderBook();
}

function renderBook() {
  const list = $("book-list");
  list.replaceChildren();
  for (const offer of state.book.values()) {
    const li = document.createElement("li");
    li.dataset.offer = offer.id;
    const dl = document.createElement("dl");
    details(dl, offerRows(offer));
    li.append(dl);
    if (currentToken() && !state.mine.has(offer.id)) {
      li.append(actionButton("Claim with the bond from my wallet", "claim", () => claim(offer.id)));
    }
    list.append(li);
  }
  $("book-count").textContent = state.book.size + " offers waiting for a taker";
  tick();
}

// ---- my trades ----

async function loadMine() {
  const offers = await call("GET", "offers/mine");
  state.mine = new Map(offers.map((o) => [o.id, o]));
  renderMine();
}

function renderMine() {
  const list = $("mine-list");
  const cards = new Map(Array.from(list.children, (li) => [li.dataset.offer, li]));
  for (const offer of state.mine.values()) {
    let li = cards.get(offer.id);
    cards.delete(offer.id);
    if (li && li.dataset.status === offer.status + "/" + offer.role) {
      // same step: the figures are refreshed, what the user typed or chose stays
      details(li.querySelector("dl"), [["Role", offer.role], ...offerRows(offer)]);
      continue;
    }
    const card = document.createElement("li");
    card.dataset.offer = offer.id;
    card.dataset.status = offer.status + "/" + offer.role;
    const dl = document.createElement("dl");
    details(dl, [["Role", offer.role], ...offerRows(offer)]);
    card.append(dl, ...tradeControls(offer));
    if (li) li.replaceWith(card);
    else list.append(card);
  }
  for (const gone of cards.values()) gone.remove();
  tick();
}

// ---- trade steps ----

function actionButton(text, action, onClick) {
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = text;
  button.dataset.action = action;
  button.addEventListener("click", guarded(onClick));
  return button;
}

let controlIds = 0;

function labelled(labelText, field) {
  const id = "control-" + ++controlIds;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = labelText;
  field.id = id;
  return [label, field];
}

/** The steps the caller can take on one of their trades, by role and state. */
function tradeControls(offer) {
  const controls = [];
  if (offer.role === "MAKER" && offer.status === "CREATED") {
    controls.push(
      actionButton("Fund by Lightning", "fund", async () => {
        state.current = offer;
        show("sell");
        await fundByLightning();
      })
    );
  }
  if (offer.role === "TAKER" && offer.status === "CLAIMED") {
    const qr = document.createElement("p");
    qr.textContent = "Pay this bank QR code: ";
    const code = document.createElement("code");
    code.textContent = offer.qrCode;
    qr.append(code);
    const file = document.createElement("input");
    file.type = "file";
    file.accept = "image/png,image/jpeg,image/webp";
    file.dataset.field = "receipt";
    controls.push(qr, ...labelled("Receipt image (PNG, JPEG or WebP)", file));
    controls.push(
      actionButton("Upload the receipt", "receipt", async () => {
        if (!file.files[0]) throw new Error("Choose the receipt image first.");
        updateTrade(await upload("offers/" + offer.id + "/receipt", file.files[0]));
      })
    );
  }
  if (offer.role === "MAKER" && offer.status === "RECEIPT_SUBMITTED") {
    const words = document.createElement("textarea");
    words.rows = 2;
    controls.push(...labelled("Your words on the receipt", words));
    const verdict = (value) => async () => {
      const body = { verdict: value };
      if (words.value.trim()) body.feedback = words.value.trim();
      updateTrade(await call("POST", "offers/" + offer.id + "/feedback", body));
    };
    controls.push(
      actionButton("Approve: the payment arrived", "approve", verdict("APPROVE")),
      actionButton("Report an issue", "issue", verdict("ISSUE"))
    );
  }
  if (offer.role === "TAKER" && offer.status === "MARKED_WITH_ISSUE") {
    const words = document.createElement("textarea");
    words.rows = 2;
    controls.push(...labelled("Your answer to the issue", words));
    const answer = (value) => async () => {
      const body = { response: value };
      if (words.value.trim()) body.message = words.value.trim();
      updateTrade(await call("POST", "offers/" + offer.id + "/answer", body));
    };
    controls.push(
      actionButton("Counter: let the admin decide", "counter", answer("COUNTER")),
      actionButton("Forfeit the bond", "forfeit", answer("FORFEIT"))
    );
  }
  const log = document.createElement("div");
  log.className = "audit";
  controls.push(
    actionButton("Show and verify the audit log", "audit", async () => {
      const audit = await call("GET", "offers/" + encodeURIComponent(offer.id) + "/audit");
      const check = verifyChain(audit);
      const verdict = document.createElement("p");
      verdict.dataset.field = "audit-verdict";
      verdict.textContent = check.valid
        ? "Hash chain verified in this browser: all " + audit.entries.length + " entries link up."
        : "Hash chain BROKEN at entry " + check.brokenAt + ": this log was altered.";
      const list = document.createElement("ol");
      for (const entry of audit.entries) {
        const item = document.createElement("li");
        item.textContent = entry.action + ": " + entry.entry;
        list.append(item);
      }
      log.replaceChildren(verdict, list);
    }),
    log
  );
  return controls;
}

function updateTrade(offer) {
  state.mine.set(offer.id, offer);
  renderMine();
  if (state.current && state.current.id === offer.id) {
    state.current = offer;
    renderCurrent();
  }
}

async function claim(id) {
  updateTrade(await call("POST", "offers/" + id + "/claim", {}));
  renderBook();
  show("mine");
}

// ---- creating and funding an offer ----

async function createOffer() {
  if (!currentToken()) throw new Error("Log in first.");
  const currency = state.info ? state.info.currency : null;
  const amount = Number($("offer-amount").value);
  const body = {
    fiatAmount: Math.round(amount * 10 ** (currency ? fiatDigits(currency) : 0)),
    qrCode: $("offer-qr").value.trim(),
  };
  const provider = $("offer-provider").value.trim();
  if (provider) body.fiatProvider = provider;
  state.current = await call("POST", "offers", body);
  state.invoice = null;
  $("offer-invoice-text").value = "";
  state.mine.set(state.current.id, state.current);
  renderMine();
  $("offer-invoice").hidden = true;
  renderCurrent();
}

async function fundFromBalance() {
  updateTrade(await call("POST", "offers/" + state.current.id + "/funding", { source: "BALANCE" }));
}

async function fundByLightning() {
  state.current = await call("POST", "offers/" + state.current.id + "/invoice");
  renderCurrent();
}

function renderCurrent() {
  const offer = state.current;
  $("offer-created").hidden = !offer;
  if (!offer) return;
  details($("offer-details"), offerRows(offer));
  $("fund-lightning").hidden = offer.status !== "CREATED";
  $("fund-balance").hidden = offer.status !== "CREATED";
  // the invoice stays on screen beside the state once the offer is paid (later views omit it)
  if (offer.invoice) state.invoice = { id: offer.id, text: offer.invoice };
  const invoice = state.invoice && state.invoice.id === offer.id ? state.invoice.text : null;
  if (invoice && $("offer-invoice-text").value !== invoice) {
    $("offer-invoice-text").value = invoice;
    drawQr($("offer-invoice-qr"), invoice, "QR code of the Lightning invoice");
  }
  $("offer-invoice").hidden = !invoice;
  tick();
}

// ---- wallet ----

/** The withdrawal's source: the session's wallet, or a dormant wallet of the same key. */
function renderSources(dormant) {
  const select = $("from-wallet");
  const chosen = select.value;
  const options = [["", "This session's wallet"]].concat(
    dormant.map((d) => [d.walletId, "Dormant wallet " + d.walletId + " (" + sats(d.spendable) + ")"])
  );
  select.replaceChildren(
    ...options.map(([value, text]) => {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = text;
      return option;
    })
  );
  if (options.some(([value]) => value === chosen)) select.value = chosen;
}

function withSource(body) {
  const walletId = $("from-wallet").value;
  if (walletId) body.walletId = walletId;
  return body;
}

async function refreshWallet() {
  const wallet = await call("GET", "wallet");
  renderSources(wallet.dormant);
  details($("wallet-balance"), [
    ["Spendable", sats(wallet.spendable), { field: "spendable" }],
    ["Reserved", sats(wallet.reserved)],
    ["In flight", sats(wallet.inflight)],
    ...wallet.dormant.map((d) => [
      "Dormant wallet " + d.walletId,
      sats(d.spendable) + " spendable, " + sats(d.reserved) + " reserved, " + sats(d.inflight) +
        " in flight, since " + d.dormantSince,
    ]),
  ]);
}

async function deposit() {
  if (!currentToken()) throw new Error("Log in first.");
  const answer = await call("POST", "wallet/deposits/lightning", {
    amount: Number($("deposit-amount").value),
  });
  $("deposit").hidden = false;
  $("deposit-invoice").value = answer.invoice;
  $("deposit-state").textContent = answer.state;
  drawQr($("deposit-qr"), answer.invoice, "QR code of the deposit invoice");
  clearInterval(state.depositTimer);
  // deposits send no events: the deposit is read until it is settled one way or the other
  state.depositTimer = setInterval(async () => {
    try {
      const now = await call("GET", "wallet/deposits/" + encodeURIComponent(answer.depositId));
      $("deposit-state").textContent = now.state;
      if (now.state !== "PENDING" && now.state !== "PAID") {
        clearInterval(state.depositTimer);
        await refreshWallet();
      }
    } catch (e) {
      clearInterval(state.depositTimer);
      showError(e);
    }
  }, 2000);
}

async function depositToken() {
  if (!currentToken()) throw new Error("Log in first.");
  const answer = await call("POST", "wallet/deposits/token", { token: $("token-in").value.trim() });
  $("token-in").value = "";
  $("token-in-result").textContent =
    "Credited " + sats(answer.amount) + " (mint fee " + sats(answer.fee) + ")";
  await refreshWallet();
}

async function withdrawToken() {
  if (!currentToken()) throw new Error("Log in first.");
  const answer = await call(
    "POST",
    "wallet/withdrawals/token",
    withSource({ amount: Number($("token-out-amount").value) })
  );
  $("token-out").hidden = false;
  $("token-out-text").value = answer.token;
  await refreshWallet();
}

async function payInvoice() {
  if (!currentToken()) throw new Error("Log in first.");
  const answer = await call(
    "POST",
    "wallet/withdrawals/lightning",
    withSource({ invoice: $("pay-out-invoice").value.trim() })
  );
  $("pay-out-result").textContent =
    answer.status + ": " + sats(answer.amount) + " (fee " + sats(answer.fee) + ", change returned " +
    sats(answer.change) + ")";
  await refreshWallet();
}

// ---- start ----

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function start() {
  for (const button of document.querySelectorAll("nav button")) {
    button.addEventListener("click", () => show(button.dataset.show));
  }
  $("generate-key").addEventListener("click", guarded(async () => {
    generateKey();
    renderKey();
  }));
  $("import-form").addEventListener("submit", guarded(async () => {
    importKey($("import-key").value);
    $("import-key").value = "";
    renderKey();
  }));
  $("backup-key").addEventListener("click", guarded(async () => {
    download("openpleb-key.txt", backupText(storedKey()));
  }));
  $("forget-key").addEventListener("click", guarded(async () => {
    if (currentToken()) await logout();
    forgetKey();
    renderKey();
  }));
  $("login").addEventListener("click", guarded(login));
  $("logout").addEventListener("click", guarded(logout));
  $("offer-form").addEventListener("submit", guarded(createOffer));
  $("offer-qr-image").addEventListener("change", guarded(async () => {
    const file = $("offer-qr-image").files[0];
    if (file) $("offer-qr").value = await readQrPicture(file, "offer-qr-reader");
  }));
  $("camera-start").addEventListener("click", guarded(startCamera));
  $("camera-stop").addEventListener("click", guarded(() => stopCamera("Camera stopped.")));
  // a page hidden or left keeps no camera running
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) stopCamera("Camera stopped.").catch(showError);
  });
  window.addEventListener("pagehide", () => stopCamera("Camera stopped.").catch(showError));
  $("fund-lightning").addEventListener("click", guarded(fundByLightning));
  $("deposit-form").addEventListener("submit", guarded(deposit));
  $("fund-balance").addEventListener("click", guarded(fundFromBalance));
  $("token-in-form").addEventListener("submit", guarded(depositToken));
  $("token-out-form").addEventListener("submit", guarded(withdrawToken));
  $("pay-out-form").addEventListener("submit", guarded(payInvoice));
  setInterval(tick, 1000);

  const saved = sessionStorage.getItem(SESSION);
  if (saved) setToken(saved);
  renderKey();
  show(storedKey() ? "book" : "account");
  try {
    state.info = await call("GET", "info");
    $("offer-currency").textContent = state.info.currency;
  } catch (e) {
    showError(e);
  }
  if (saved) {
    try {
      await call("GET", "sessions/current");
    } catch (e) {
      dropSession();
      return;
    }
  }
  startEvents();
}

start();
