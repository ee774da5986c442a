// The worker thread of `validateProject`: parses files and checks each one's structure, so that a large project
// is parsed on every core. The main thread keeps the cross-file work (semantic rules, resolution).
import { parentPort } from "node:worker_threads";
import { parseSource } from "@onething/dsl";
import { structuralDiagnostics } from "@onething/validate";
import type { ParseTask, ParsedFile } from "./parse-pool.js";

parentPort?.on("message", (task: ParseTask) => {
  parentPort?.postMessage(parseTask(task), [task.bytes.buffer as ArrayBuffer]);
});

/** Parses one file and checks its structure; its bytes go back with the result (transferred, not copied). */
function parseTask(task: ParseTask): ParsedFile {
  const result = parseSource({ path: task.path, text: task.bytes });
  const document = result.document;
  if (document === undefined) return { index: task.index, bytes: task.bytes, diagnostics: result.diagnostics };
  return {
    index: task.index,
    bytes: task.bytes,
    diagnostics: result.diagnostics,
    document: { value: document.value, kind: document.kind, id: document.id },
    structural: structuralDiagnostics(document),
  };
}
