// The editor's validation worker thread: holds the project's documents and validates all of them after each
// change, so that the full validation (seconds on a national-scale project) never blocks the keyboard.
// The editor sends the texts that changed (see validator.ts); one request is answered at a time.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { HeldProject, type ValidationRequest } from "./validation-held.js";

yieldToEditor();

const held = new HeldProject();
parentPort?.on("message", (request: ValidationRequest) => {
  const reply = held.answer(request);
  if (reply !== undefined) parentPort?.postMessage(reply);
});

/**
 * Lowers this thread's priority, so that on a busy machine the editor's thread (drawing the next frame) gets the
 * processor before the validation does. On Linux each thread has its own priority and this thread's id is the
 * last part of /proc/thread-self; elsewhere nothing changes.
 */
function yieldToEditor(): void {
  try {
    const thread = Number(readlinkSync("/proc/thread-self").split("/").at(-1));
    if (Number.isInteger(thread) && thread > 0 && thread !== process.pid) setPriority(thread, 10);
  } catch {
    // No /proc (not Linux) or no permission: the validation runs at the editor's priority.
  }
}
