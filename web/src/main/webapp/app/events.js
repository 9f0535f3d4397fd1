// The live event stream GET /api/events read with fetch, because EventSource cannot send the
// bearer token in a header (a token in the URL would end up in logs). Parses text/event-stream
// and reconnects after a drop, unless the server refused the token.

/**
 * Opens the stream and calls onEvent(name, data) for each event with JSON data. Returns a
 * function that closes it. onStatus(text) hears "open", "reconnecting", "unauthorized" or
 * "closed".
 */
export function openEvents(token, onEvent, onStatus = () => {}) {
  const controller = new AbortController();
  let stopped = false;
  let delay = 1000;

  async function run() {
    while (!stopped) {
      try {
        const headers = { Accept: "text/event-stream" };
        if (token) headers.Authorization = "Bearer " + token;
        const response = await fetch("/api/events", { headers, signal: controller.signal });
        if (response.status === 401) {
          // the token names no live session any more: reconnecting would not help
          onStatus("unauthorized");
          return;
        }
        if (!response.ok || !response.body) throw new Error("HTTP " + response.status);
        onStatus("open");
        delay = 1000;
        await read(response.body.getReader(), onEvent);
      } catch (e) {
        if (stopped) return;
      }
      if (stopped) return;
      onStatus("reconnecting");
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30000);
    }
  }

  run();
  return () => {
    stopped = true;
    controller.abort();
    onStatus("closed");
  };
}

async function read(reader, onEvent) {
  const decoder = new TextDecoder();
  let buffer = "";
  let name = "message";
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer.startsWith("\r\n", end) ? 2 : 1));
      if (line === "") {
        if (data.length > 0) dispatch(name, data.join("\n"), onEvent);
        name = "message";
        data = [];
      } else if (!line.startsWith(":")) {
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        let text = colon < 0 ? "" : line.slice(colon + 1);
        if (text.startsWith(" ")) text = text.slice(1);
        if (field === "event") name = text;
        else if (field === "data") data.push(text);
      }
    }
  }
}

function dispatch(name, text, onEvent) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return;
  }
  onEvent(name, parsed);
}
