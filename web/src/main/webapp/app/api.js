// The API client: JSON over fetch, the bearer token in a header, refusals turned into errors that
// carry the problem document's detail (or title), never a text the server did not give.

let token = null;

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
