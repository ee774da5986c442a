// The editor's validation worker thread: holds the project's documents and validates all of them after each
// change, so that the full validation (seconds on a national-scale project) never blocks the keyboard.
// The editor sends the texts that changed (see validator.ts); one request is answered at a time.
import { parentPort } from "node:worker_threads";
import { HeldProject, type ValidationRequest } from "./validation-held.js";

const held = new HeldProject();
parentPort?.on("message", (request: ValidationRequest) => {
  const reply = held.answer(request);
  if (reply !== undefined) parentPort?.postMessage(reply);
});
