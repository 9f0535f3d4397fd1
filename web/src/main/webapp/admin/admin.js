// The admin app: login, the capacity picture with a small history, open disputes with the
// receipt and both parties' words, and the four resolutions. Every figure comes from the API.
import { call, currentToken, setToken } from "../app/api.js";

const $ = (id) => document.getElementById(id);
const SESSION = "openpleb.admin";
const HISTORY = 60;

const state = { history: [], timer: null, receipts: [] };

function showError(error) {
  $("error").textContent = error.message || String(error);
  $("error").hidden = false;
}

function guarded(action) {
  return async (event) => {
    if (event && event.preventDefault) event.preventDefault();
    $("error").hidden = true;
    try {
      await action(event);
    } catch (e) {
      showError(e);
    }
  };
}

function details(list, rows) {
  list.replaceChildren();
  for (const [term, value, field] of rows) {
    if (value === undefined || value === null) continue;
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.textContent = value;
    if (field) dd.dataset.field = field;
    list.append(dt, dd);
  }
}

// ---- session ----

async function login() {
  const grant = await call("POST", "admin/sessions", {
    user: $("admin-user").value,
    password: $("admin-password").value,
  });
  $("admin-password").value = "";
  sessionStorage.setItem(SESSION, grant.token);
  setToken(grant.token);
  await enter();
}

async function logout() {
  try {
    await call("DELETE", "admin/sessions/current");
  } finally {
    leave();
  }
}

function leave() {
  sessionStorage.removeItem(SESSION);
  setToken(null);
  clearInterval(state.timer);
  $("console").hidden = true;
  $("login-section").hidden = false;
  $("who").textContent = "Not logged in";
}

async function enter() {
  $("login-section").hidden = true;
  $("console").hidden = false;
  $("who").textContent = "Logged in as admin";
  await Promise.all([loadCapacity(), loadDisputes(), loadTreasury(), loadConfiguration()]);
  clearInterval(state.timer);
  // the capacity report and the treasury are snapshots: read again every ten seconds
  state.timer = setInterval(() => {
    loadCapacity().catch(showError);
    loadTreasury().catch(showError);
  }, 10000);
}

// ---- capacity ----

async function loadCapacity() {
  const c = await call("GET", "admin/capacity");
  details($("capacity-figures"), [
    ["Level", c.level, "level"],
    ["Since", c.since],
    ["Session level", c.sessionLevel],
    ["Memory level", c.memoryLevel],
    ["Live sessions", c.sessions.live + " of " + c.sessions.limit, "live"],
    [
      "Session thresholds",
      "warning " + c.sessions.warning + ", critical " + c.sessions.critical +
        ", emergency " + c.sessions.emergency,
    ],
    ["Memory ratio", c.memory.ratio, "memory"],
    [
      "Memory thresholds",
      "warning " + c.memoryThresholds.warning + ", critical " + c.memoryThresholds.critical +
        ", emergency " + c.memoryThresholds.emergency,
    ],
    ["Open wallets", c.openWallets + " of " + c.walletCacheSize + " (WALLET_CACHE_SIZE)", "wallets"],
    ["Checked at", c.checkedAt],
  ]);
  estimateTable(c.estimate ? c.estimate.rows : []);
  state.history.push({
    sessions: c.sessions.live,
    limit: c.sessions.limit,
    memory: Number(c.memory.ratio),
    level: c.level,
    sessionThresholds: {
      warning: c.sessions.warning,
      critical: c.sessions.critical,
      emergency: c.sessions.emergency,
    },
    memoryThresholds: c.memoryThresholds,
  });
  if (state.history.length > HISTORY) state.history.shift();
  drawHistory();
}

function estimateTable(rows) {
  const columns = [
    ["Server", "server"],
    ["Sessions supported", "sessionsSupported"],
    ["Wallets open alongside", "walletsOpen"],
    ["Recommended SESSION_LIMIT", "recommendedSessionLimit"],
    ["Recommended WALLET_CACHE_SIZE", "recommendedWalletCacheSize"],
    ["Configured limit fits", "configuredLimitFits"],
  ];
  const table = $("estimate");
  table.replaceChildren();
  const caption = document.createElement("caption");
  caption.textContent = "Capacity estimate per server size";
  const head = document.createElement("tr");
  for (const [title] of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = title;
    head.append(th);
  }
  const thead = document.createElement("thead");
  thead.append(head);
  const tbody = document.createElement("tbody");
  for (const row of rows) {
    const tr = document.createElement("tr");
    for (const [, key] of columns) {
      const td = document.createElement("td");
      td.textContent = row[key] === undefined || row[key] === null ? "" : String(row[key]);
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(caption, thead, tbody);
}

const NS = "http://www.w3.org/2000/svg";
const LINES = [
  ["warning", "#b45309"],
  ["critical", "#b91c1c"],
  ["emergency", "#7f1d1d"],
];

function svgElement(name, attributes) {
  const element = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/**
 * Draws one signal's samples as a line over its three thresholds (dashed, labelled): the scale
 * runs from 0 to a tenth above the emergency threshold or the highest sample.
 */
function chart(svg, values, thresholds, format) {
  svg.replaceChildren();
  const top = Math.max(thresholds.emergency * 1.1, ...values) || 1;
  const y = (v) => (105 - (Math.max(0, v) / top) * 100).toFixed(1);
  svg.append(svgElement("line", { x1: 0, y1: 105, x2: 300, y2: 105, stroke: "#6b7280" }));
  for (const [name, color] of LINES) {
    const at = y(thresholds[name]);
    svg.append(
      svgElement("line", {
        x1: 0, y1: at, x2: 300, y2: at, stroke: color, "stroke-dasharray": "4 3", "data-threshold": name,
      })
    );
    const label = svgElement("text", { x: 298, y: Number(at) - 2, "text-anchor": "end", "font-size": 8, fill: color });
    label.textContent = name + " " + format(thresholds[name]);
    svg.append(label);
  }
  if (values.length === 0) return;
  const step = values.length > 1 ? 300 / (values.length - 1) : 0;
  const points = values.map((v, i) => (i * step).toFixed(1) + "," + y(v));
  svg.append(
    svgElement("polyline", { points: points.join(" "), fill: "none", stroke: "#1d4ed8", "stroke-width": 2 })
  );
  const [x, last] = points[points.length - 1].split(",");
  svg.append(svgElement("circle", { cx: x, cy: last, r: 3, fill: "#1d4ed8" }));
}

function drawHistory() {
  const last = state.history[state.history.length - 1];
  chart($("sessions-chart"), state.history.map((h) => h.sessions), last.sessionThresholds, String);
  chart($("memory-chart"), state.history.map((h) => h.memory), last.memoryThresholds, String);
  $("sessions-chart-text").textContent =
    "Now " + last.sessions + " live sessions (limit " + last.limit + "); thresholds: warning " +
    last.sessionThresholds.warning + ", critical " + last.sessionThresholds.critical +
    ", emergency " + last.sessionThresholds.emergency + ".";
  $("memory-chart-text").textContent =
    "Now a memory ratio of " + last.memory + "; thresholds: warning " +
    last.memoryThresholds.warning + ", critical " + last.memoryThresholds.critical +
    ", emergency " + last.memoryThresholds.emergency + ".";
  details($("history-legend"), [
    ["Samples", String(state.history.length)],
    ["Level", last.level, "history-level"],
  ]);
}

// ---- treasury and configuration ----

async function loadTreasury() {
  const t = await call("GET", "admin/treasury");
  details($("treasury-figures"), [
    ["Spendable", t.spendable + " sats", "spendable"],
    ["Reserved", t.reserved + " sats"],
    ["In flight", t.inflight + " sats"],
    ["Settled platform share", t.settledPlatformShare + " sats", "settled"],
    ["Withdrawn", t.withdrawn + " sats"],
    ["Read at", t.readAt],
  ]);
  const list = $("treasury-withdrawals");
  list.replaceChildren();
  for (const w of t.latestWithdrawals) {
    const li = document.createElement("li");
    li.textContent = w.at + ": " + w.amount + " sats (fee " + w.fee + ") by " + w.admin;
    list.append(li);
  }
}

async function withdrawTreasury() {
  const answer = await call("POST", "admin/treasury/withdrawals", {
    amount: Number($("treasury-amount").value),
  });
  $("treasury-token").hidden = false;
  $("treasury-token-text").value = answer.token;
  await loadTreasury();
}

/** The platform's public settings (GET /api/info), flattened to one line per value. */
async function loadConfiguration() {
  const info = await call("GET", "info");
  const rows = [];
  const walk = (prefix, value) => {
    if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) walk(prefix ? prefix + "." + key : key, inner);
    } else if (value !== null && value !== undefined) {
      rows.push([prefix, String(value)]);
    }
  };
  walk("", info);
  details($("configuration-figures"), rows);
}

// ---- disputes ----

async function loadDisputes() {
  const disputes = await call("GET", "admin/disputes?page=0&size=100");
  for (const url of state.receipts) URL.revokeObjectURL(url);
  state.receipts = [];
  const list = $("dispute-list");
  list.replaceChildren();
  for (const offer of disputes) list.append(await disputeCard(offer));
  $("disputes-count").textContent = disputes.length + " open disputes";
}

let ids = 0;

async function disputeCard(offer) {
  const li = document.createElement("li");
  li.dataset.offer = offer.id;
  const dl = document.createElement("dl");
  details(dl, [
    ["Offer", offer.id],
    ["State", offer.status, "status"],
    ["Fiat", offer.fiatAmount + " (minor units of " + offer.currency + ")"],
    ["Bitcoin", offer.sats + " sats"],
    ["Bond", offer.bond + " sats"],
    ["Maker", offer.makerPubkey],
    ["Taker", offer.takerPubkey],
    ["Maker's words", offer.makerFeedback],
    ["Taker's answer", offer.takerResponse],
    ["Deadline", offer.expiresAt],
  ]);
  li.append(dl);
  const receipt = await fetch("/api/offers/" + encodeURIComponent(offer.id) + "/receipt", {
    headers: { Authorization: "Bearer " + currentToken() },
  });
  if (receipt.ok) {
    const url = URL.createObjectURL(await receipt.blob());
    state.receipts.push(url);
    const img = document.createElement("img");
    img.src = url;
    img.alt = "The taker's receipt for offer " + offer.id;
    img.className = "receipt";
    li.append(img);
  }
  const id = "reason-" + ++ids;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = "Reason (shown to both parties and in the audit log)";
  const reason = document.createElement("textarea");
  reason.id = id;
  reason.rows = 2;
  li.append(label, reason);
  const choices = [
    ["MAKER_WINS", "Maker wins"],
    ["TAKER_WINS", "Taker wins"],
    ["SPLIT", "Split"],
    ["RETURN", "Return each stake"],
  ];
  for (const [resolution, text] of choices) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = text;
    button.dataset.resolution = resolution;
    button.addEventListener(
      "click",
      guarded(async () => {
        if (!reason.value.trim()) throw new Error("Give a reason first.");
        await call("POST", "admin/disputes/" + encodeURIComponent(offer.id) + "/resolution", {
          resolution,
          reason: reason.value.trim(),
        });
        await Promise.all([loadDisputes(), loadTreasury()]);
      })
    );
    li.append(button);
  }
  return li;
}

// ---- start ----

async function start() {
  $("login-form").addEventListener("submit", guarded(login));
  $("logout").addEventListener("click", guarded(logout));
  $("treasury-form").addEventListener("submit", guarded(withdrawTreasury));
  const saved = sessionStorage.getItem(SESSION);
  if (saved) {
    setToken(saved);
    try {
      await enter();
    } catch (e) {
      leave();
    }
  }
}

start();
