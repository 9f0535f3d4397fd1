// Runs the proof of work off the page's thread.
import { solve } from "./pow.js";

self.onmessage = (event) => {
  self.postMessage(solve(event.data.challenge, event.data.bits));
};
