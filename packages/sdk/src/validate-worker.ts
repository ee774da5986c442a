// The worker thread of `validateProject`. For the cache it parses single files and sends their data back; for a
// plain run it keeps the documents it parsed (a shard), receives the shared ones, and checks its shard itself, so
// that the documents never cross to the main thread unless the shards cannot stand for the whole project.
import { deserialize, serialize } from "node:v8";
import { parentPort } from "node:worker_threads";
import { parseSource } from "@onething/dsl";
import type { ParsedDocument } from "@onething/dsl";
import type { Diagnostic } from "@onething/schemas";
import { structuralDiagnostics } from "@onething/validate";
import { workerDocument } from "./parse-pool.js";
import type { ParseTask, ParsedFile } from "./parse-pool.js";
import { checkShard, shardFacts } from "./shard-check.js";
import type { ShardReply, ShardRequest, SharedDocument } from "./shard-pool.js";

/** The documents this worker holds, by their position among the project's files, with their files' bytes. */
const held = new Map<number, { document: ParsedDocument; structural: readonly Diagnostic[]; bytes: Uint8Array }>();

parentPort?.on("message", (message: ShardRequest) => {
  const reply = (answer: ShardReply, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(answer, transfer);
  switch (message.type) {
    case "parse": {
      const file = parseTask(message.task);
      reply({ type: "parsed-file", file }, [file.bytes.buffer as ArrayBuffer]);
      return;
    }
    case "shard-parse": {
      const { task } = message;
      const result = parseSource({ path: task.path, text: task.bytes });
      const parsed = result.document;
      if (parsed === undefined) {
        reply({ type: "shard-parsed", index: task.index, diagnostics: result.diagnostics });
        return;
      }
      const structural = structuralDiagnostics(parsed);
      // Kept as data and bytes: the decoded text (twice the bytes for Chinese) is decoded again only for a finding.
      const { value, kind, id } = parsed;
      const document = workerDocument(task.path, { index: task.index, bytes: task.bytes, diagnostics: [], document: { value, kind, id } });
      held.set(task.index, { document, structural, bytes: task.bytes });
      // A file with findings of its own parse gets a code frame: its bytes go to the main thread too (a copy).
      const framed = result.diagnostics.length > 0 ? { bytes: task.bytes.slice() } : {};
      reply({ type: "shard-parsed", index: task.index, diagnostics: result.diagnostics, facts: shardFacts(parsed), ...framed });
      return;
    }
    case "shard-export": {
      const documents = message.indices.map((index) => {
        const entry = held.get(index);
        if (entry === undefined) throw new Error(`no document ${index} in this worker`);
        return { index, value: serialize(entry.document.value), structural: entry.structural, bytes: entry.bytes };
      });
      reply({ type: "shard-exported", documents }, documents.map((document) => document.value.buffer as ArrayBuffer));
      return;
    }
    case "shard-import": {
      for (const shared of message.documents) held.set(shared.index, importDocument(shared));
      return;
    }
    case "shard-check": {
      const documents: ParsedDocument[] = [];
      const structural = new Map<ParsedDocument, readonly Diagnostic[]>();
      for (const index of message.order) {
        const entry = held.get(index);
        if (entry === undefined) throw new Error(`no document ${index} in this worker`);
        documents.push(entry.document);
        structural.set(entry.document, entry.structural);
      }
      const result = checkShard(documents, { ...message.options, own: new Set(message.own), structural });
      reply({ type: "shard-checked", ...result, files: framedFiles(result.diagnostics, message.order) });
      return;
    }
    case "shard-values": {
      const documents = message.indices.map((index) => {
        const entry = held.get(index);
        if (entry === undefined) throw new Error(`no document ${index} in this worker`);
        return { index, value: entry.document.value, structural: entry.structural, bytes: entry.bytes };
      });
      reply({ type: "shard-values", documents });
      return;
    }
  }
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

/** A document another worker parsed, as this one uses it: its data, with positions recovered from its bytes when asked. */
function importDocument(shared: SharedDocument): { document: ParsedDocument; structural: readonly Diagnostic[]; bytes: Uint8Array } {
  const value: unknown = deserialize(shared.value);
  const document = workerDocument(shared.path, { index: shared.index, bytes: shared.bytes, diagnostics: [], document: { value, kind: shared.kind, id: shared.id } });
  return { document, structural: shared.structural, bytes: shared.bytes };
}

/** The bytes of the held files the findings point at (their own files and related places), for their code frames. */
function framedFiles(diagnostics: readonly Diagnostic[], order: readonly number[]): Array<{ path: string; bytes: Uint8Array }> {
  const paths = new Set(diagnostics.flatMap((diagnostic) => [diagnostic.file, ...(diagnostic.related ?? []).map((place) => place.file)]));
  const files: Array<{ path: string; bytes: Uint8Array }> = [];
  for (const index of order) {
    const entry = held.get(index);
    if (entry !== undefined && paths.has(entry.document.path)) files.push({ path: entry.document.path, bytes: entry.bytes });
  }
  return files;
}
