// The API client: JSON over fetch, the bearer token in a header, refusals turned into errors that
// carry the problem document's detail (or title), never a text the server did not give.

let token = null;

/** The server's clock minus this browser's, in ms, from the last answer's Date header. */
let clockOffset = 0;

/**
 * The server's time now (ms since the epoch), as far as its Date header tells (to the second):
 * deadlines count down on the server's clock, not a wrong clock of this device.
 */
export function serverNow() {
  return Date.now() + clockOffset;
}

/** Sets (or clears, with null) the bearer token sent with every call. */
export function setToken(value) {
  token = value;
}

/** The current bearer token, or null. */
export function currentToken() {
  return token;
}

/** An API refusal: message is the problem's detail or title. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || "HTTP " + status);
    this.status = status;
    this.problem = problem;
  }
}

/** Calls the API; resolves with the parsed JSON body (null when there is none). */
export async function call(method, path, body) {
  return send(method, path, body === undefined ? undefined : JSON.stringify(body), "application/json");
}

/** Posts a file (a receipt image) as the request body; resolves with the parsed JSON answer. */
export async function upload(path, file) {
  return send("POST", path, file, file.type || "application/octet-stream");
}

async function send(method, path, body, type) {
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = "Bearer " + token;
  const init = { method, headers };
  if (body !== undefined) {
    headers["Content-Type"] = type;
    init.body = body;
  }
  const response = await fetch("/api/" + path, init);
  const date = Date.parse(response.headers.get("Date") || "");
  // the header is whole seconds, cut down: half a second is the middle of what it can mean
  if (!Number.isNaN(date)) clockOffset = date + 500 - Date.now();
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}
