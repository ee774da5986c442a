import { mapConcurrently, readSourceFile } from "@onething/dsl/node";
import type { FoundFile, ParsedDocument } from "@onething/dsl/node";
import type { Diagnostic } from "@onething/schemas";
import type { CheckOptions } from "./check.js";
import { ownBuffer, workerDocument } from "./parse-pool.js";
import { sharedDocuments, shardsAreSound } from "./shard-check.js";
import type { ShardFacts } from "./shard-check.js";
import type { ShardParsed, ShardPool, SharedDocument } from "./shard-pool.js";

/** A file as the main thread knows it after the workers parsed it. */
interface ReadFile {
  index: number;
  path: string;
  realPath: string;
  diagnostics: Diagnostic[];
  worker?: number;
  facts?: ShardFacts;
  /** The file's bytes, when it parsed with findings (for their code frames). */
  bytes?: Uint8Array;
}

/** A file that parsed into a document held by a worker (with the file's bytes). */
type HeldFile = ReadFile & { worker: number; facts: ShardFacts };

/** What {@link validateInShards} returns: the shards' findings, or every document when the shards cannot stand for the project. */
export type ShardedValidation =
  | {
      sound: true;
      /** Findings of reading and parsing, in file order. */
      loading: Diagnostic[];
      /** The shards' findings (structure, rules, resolution) together. */
      checked: Diagnostic[];
      /** The files that parsed into documents, in file order. */
      files: Array<{ path: string; realPath: string }>;
      /** The bytes of the files the findings point at (their own and related places), by path. */
      framed: Map<string, Uint8Array>;
    }
  | {
      sound: false;
      /** Every file's findings of reading and parsing, its document and structural findings. */
      parsed: Array<{ document?: ParsedDocument; diagnostics: Diagnostic[]; structural?: readonly Diagnostic[] }>;
    };

/**
 * Validates the files in shards: the workers parse them and keep their documents; the documents that every
 * shard needs (see `sharedDocuments`: all but the leaf lists) are copied to every worker; each worker then checks its own
 * files against its shard and sends back only findings. When a shard reports a finding that may depend on
 * another shard's files (see `CROSS_FILE_CODES`) or an id is defined twice, the documents are sent to this thread
 * instead and checked whole, so the result is always what checking the whole project finds.
 *
 * @example
 * const result = await validateInShards({ files: found.files, pool: new ShardPool(2), check: { today: "2026-06-30" }, concurrency: 8 });
 */
export async function validateInShards(options: {
  files: readonly FoundFile[];
  pool: ShardPool;
  check: CheckOptions;
  concurrency: number;
  /** Whether a file's findings are wanted (see `ValidateProjectOptions.scope`). Default: every file's. */
  scope?: (file: string) => boolean;
}): Promise<ShardedValidation> {
  const { pool, scope } = options;
  const files: ReadFile[] = await mapConcurrently(options.files, options.concurrency, async (file, index): Promise<ReadFile> => {
    const read = await readSourceFile(file);
    const known = { index, path: file.path, realPath: file.realPath };
    if (read.bytes === undefined) return { ...known, diagnostics: read.diagnostics };
    const parsed: ShardParsed = await pool.parse({ index, path: file.path, bytes: ownBuffer(read.bytes) });
    return {
      ...known,
      diagnostics: parsed.diagnostics,
      worker: parsed.worker,
      ...(parsed.facts === undefined ? {} : { facts: parsed.facts }),
      ...(parsed.bytes === undefined ? {} : { bytes: parsed.bytes }),
    };
  });
  const held = files.filter((file): file is HeldFile => file.facts !== undefined && file.worker !== undefined);
  const facts = held.map((file) => file.facts);
  const workers = Array.from({ length: pool.size }, (_unused, worker) => worker);
  if (!shardsAreSound(facts)) return { sound: false, parsed: await gather(pool, files, held) };

  const shared = sharedDocuments(facts);
  await distributeShared(pool, held, shared);
  const results = await Promise.all(
    workers.map((worker) =>
      pool.request<"shard-checked">(worker, {
        type: "shard-check",
        order: held.filter((file, at) => shared[at] === true || file.worker === worker).map((file) => file.index),
        own: held.filter((file) => file.worker === worker && (scope === undefined || scope(file.path))).map((file) => file.path),
        options: options.check,
      }),
    ),
  );
  if (results.some((result) => !result.sound)) return { sound: false, parsed: await gather(pool, files, held) };
  return {
    sound: true,
    loading: files.flatMap((file) => file.diagnostics),
    checked: results.flatMap((result) => result.diagnostics),
    files: held.map((file) => ({ path: file.path, realPath: file.realPath })),
    framed: new Map([
      ...held.flatMap((file) => (file.bytes === undefined ? [] : [[file.path, file.bytes] as const])),
      ...results.flatMap((result) => result.files.map((file) => [file.path, file.bytes] as const)),
    ]),
  };
}

/**
 * Copies each shared document from the worker that parsed it to every other worker. A function of its own, so
 * that the serialized copies passing through this thread are garbage once they are sent.
 */
async function distributeShared(pool: ShardPool, held: readonly HeldFile[], shared: readonly boolean[]): Promise<void> {
  const workers = Array.from({ length: pool.size }, (_unused, worker) => worker);
  const exported = await Promise.all(
    workers.map((worker) => pool.request<"shard-exported">(worker, { type: "shard-export", indices: held.filter((file, at) => shared[at] === true && file.worker === worker).map((file) => file.index) })),
  );
  const byIndex = new Map(held.map((file) => [file.index, file]));
  const sharedFiles: Array<SharedDocument & { worker: number }> = exported.flatMap((reply) =>
    reply.documents.map((document) => {
      const file = byIndex.get(document.index) as HeldFile;
      return { ...document, path: file.path, kind: file.facts.kind, id: file.facts.id, worker: file.worker };
    }),
  );
  for (const worker of workers) {
    const documents = sharedFiles.filter((document) => document.worker !== worker).map(({ worker: _owner, ...document }) => document);
    if (documents.length > 0) pool.send(worker, { type: "shard-import", documents });
  }
}

/** Every document brought to this thread from the worker holding it, for a check of the whole project. */
async function gather(pool: ShardPool, files: readonly ReadFile[], held: readonly HeldFile[]): Promise<Extract<ShardedValidation, { sound: false }>["parsed"]> {
  const replies = await Promise.all(
    Array.from({ length: pool.size }, (_unused, worker) =>
      pool.request<"shard-values">(worker, { type: "shard-values", indices: held.filter((file) => file.worker === worker).map((file) => file.index) }),
    ),
  );
  const values = new Map(replies.flatMap((reply) => reply.documents.map((document) => [document.index, document] as const)));
  const heldByIndex = new Map(held.map((file) => [file.index, file]));
  return files.map((file) => {
    const holder = heldByIndex.get(file.index);
    const value = values.get(file.index);
    if (holder === undefined || value === undefined) return { diagnostics: file.diagnostics };
    const document = workerDocument(file.path, {
      index: file.index,
      bytes: value.bytes,
      diagnostics: file.diagnostics,
      document: { value: value.value, kind: holder.facts.kind, id: holder.facts.id },
    });
    return { document, diagnostics: file.diagnostics, structural: value.structural };
  });
}
