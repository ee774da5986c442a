import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { findSourceFiles, mapConcurrently, parseSource, readSourceFile, readSourceFileInto } from "@onething/dsl/node";
import type { FoundFile, ParsedDocument, ReadBuffer } from "@onething/dsl/node";
import type { Diagnostic } from "@onething/schemas";
import { structuralDiagnostics } from "@onething/validate";
import { checkAndResolve } from "./check.js";
import { ParsePool, WORKER_THRESHOLD_BYTES, WorkerFailure, ownBuffer, workerCount, workerDocument } from "./parse-pool.js";
import type { CheckOptions } from "./check.js";
import { sortDiagnostics } from "./diagnostics.js";
import {
  VALIDATE_CACHE_FILES,
  buildFingerprint,
  hashBytes,
  pruneFileEntries,
  readFileEntry,
  readValidateCache,
  writeFileEntry,
  writeValidateCache,
} from "./validate-cache.js";
import type { CacheKey, FileEntry } from "./validate-cache.js";
import { ShardPool } from "./shard-pool.js";
import { validateInShards } from "./validate-sharded.js";
import { withinScope } from "./scope.js";

/** Files read at a time. */
const READ_CONCURRENCY = 8;

/** Options of {@link validateProject}. */
export interface ValidateProjectOptions extends CheckOptions {
  /** The project root; nothing outside it is read. */
  root: string;
  /** Files or folders to validate, relative to `root`. Default: the whole root. */
  paths?: string[];
  /**
   * Files or folders, relative to `root`, whose findings are wanted (`""` or `"."`: all); the other files are read
   * as context only, and their findings are not reported (those of the checks are dropped before their positions
   * are looked up). Findings about no file are kept. Default: all.
   */
  scope?: readonly string[];
  /**
   * A folder for a content-hash cache (as eslint's `--cache`): a run whose files, tool build and options are all
   * unchanged returns the stored findings without parsing; otherwise only the changed files are parsed (the others'
   * data and per-file findings come from their entries) and the cross-file rules and resolution run on every file
   * again, so cross-file findings are never stale. Default: no cache.
   */
  cacheLocation?: string;
  /** The version of the calling tool, part of the cache key. Default: none. */
  toolVersion?: string;
  /**
   * How many worker threads parse the files (0: none, all in this thread). Default: one per core, when there is
   * more than one and the project holds at least 4 MiB of YAML; a smaller project is parsed in this thread.
   */
  workers?: number;
}

/** A file that was validated: its path, and its text (decoded on first read when the results came from the cache). */
export interface ValidatedFile {
  /** Project-relative path with forward slashes. */
  path: string;
  /** The file's text. */
  readonly text: string;
}

/** What {@link validateProject} returns. */
export interface ValidateProjectResult {
  /** The absolute project root. */
  root: string;
  /** The files that parsed into documents (with a usable envelope), sorted by path. */
  documents: ValidatedFile[];
  /** Every finding, sorted by file and place, exactly as `loadProject(...).diagnostics`. */
  diagnostics: Diagnostic[];
  /** Whether the findings came from the cache. */
  cached: boolean;
}

/** One file read for the cache: its bytes and hash, or the findings that kept it from being read. */
interface ReadFile {
  file: FoundFile;
  bytes?: Uint8Array;
  hash: string;
  diagnostics: Diagnostic[];
}

/**
 * Validates a project on disk as `loadProject` does (reading, parsing, structure, semantic rules, resolution)
 * and returns only what a validation report needs: the findings and the files' texts. Lighter than
 * `loadProject`: the effective lists are resolved for their findings only, without provenance. With
 * `cacheLocation`, an unchanged project is answered from the cache, and a changed one parses only what changed.
 *
 * @example
 * const { diagnostics } = await validateProject({ root: ".", paths: ["checklists"], cacheLocation: ".onething-cache" });
 * if (diagnostics.some((d) => d.severity === "error")) process.exitCode = 1;
 */
export async function validateProject(options: ValidateProjectOptions): Promise<ValidateProjectResult> {
  let result: ValidateProjectResult;
  try {
    result = await validateOnce(options);
  } catch (error) {
    // A failed worker thread: validate again in this thread. Anything else is a bug, not retried.
    if (options.workers === 0 || !(error instanceof WorkerFailure)) throw error;
    result = await validateOnce({ ...options, workers: 0 });
  }
  if (options.scope === undefined) return result;
  // The checks already left out the other files' findings; reading and parsing findings are dropped here.
  const scope = withinScope(options.scope);
  return { ...result, diagnostics: result.diagnostics.filter((diagnostic) => diagnostic.file === undefined || scope(diagnostic.file)) };
}

async function validateOnce(options: ValidateProjectOptions): Promise<ValidateProjectResult> {
  // One date for the checks and the cache key, so a run across midnight cannot file its results under the other day.
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const check: CheckOptions = {
    today,
    ...(options.rules === undefined ? {} : { rules: options.rules }),
  };
  const scope = options.scope === undefined ? undefined : withinScope(options.scope);
  const found = await findSourceFiles({ root: options.root, ...(options.paths === undefined ? {} : { paths: options.paths }) });
  if (options.cacheLocation === undefined) {
    const count = poolSize({ files: found.files.length, totalBytes: await totalSize(found.files, options.workers), requested: options.workers });
    if (count === 0) {
      // One file at a time through one reused buffer: each file's bytes would otherwise be fresh memory, and parsing
      // (synchronous) left the reads little to overlap with.
      const buffer: ReadBuffer = { bytes: new Uint8Array(0) };
      const parsed = found.files.map((file) => {
        const read = readSourceFileInto(file, buffer);
        return read.bytes === undefined ? read : parseSource({ path: file.path, text: read.bytes });
      });
      return { ...checkParsed(found.root, found.diagnostics, parsed, check, scope), cached: false };
    }
    const pool = new ShardPool(count);
    try {
      const sharded = await validateInShards({ files: found.files, pool, check, concurrency: READ_CONCURRENCY, ...(scope === undefined ? {} : { scope }) });
      if (!sharded.sound) return { ...checkParsed(found.root, found.diagnostics, sharded.parsed, check, scope), cached: false };
      return {
        root: found.root,
        documents: sharded.files.map((file) => lazyText(file.path, sharded.framed.get(file.path) ?? (() => readFileSync(file.realPath)))),
        diagnostics: sortDiagnostics([...sortByFile([...found.diagnostics, ...sharded.loading]), ...sharded.checked]),
        cached: false,
      };
    } finally {
      await pool.close();
    }
  }

  const cacheFolder = resolve(found.root, options.cacheLocation);
  const reads: ReadFile[] = await mapConcurrently(found.files, READ_CONCURRENCY, async (file) => {
    const read = await readSourceFile(file);
    if (read.bytes === undefined) return { file, hash: `unread:${JSON.stringify(read.diagnostics)}`, diagnostics: read.diagnostics };
    return { file, bytes: read.bytes, hash: hashBytes(read.bytes), diagnostics: [] };
  });
  const build = await buildKey(options.toolVersion);
  const key: CacheKey = {
    options: optionsKey({ ...options, build, today }),
    files: reads.map((read) => [read.file.path, read.hash] as const),
  };
  // Findings about the requested paths themselves (a missing path, a link outside the root) are not cached.
  const cached = found.diagnostics.length === 0 ? await readValidateCache(cacheFolder, key) : undefined;
  if (cached !== undefined) {
    const parsedPaths = new Set(cached.documents);
    const documents = reads.flatMap((read) => (read.bytes === undefined || !parsedPaths.has(read.file.path) ? [] : [lazyText(read.file.path, read.bytes)]));
    return { root: found.root, documents, diagnostics: cached.diagnostics, cached: true };
  }

  // Unchanged files come from their entries, without parsing; only the others are read through the YAML parser.
  const entries = join(cacheFolder, VALIDATE_CACHE_FILES);
  const parsed = await parseChanged({ reads, entries, build, workers: options.workers });
  const result = checkParsed(found.root, found.diagnostics, parsed, check, scope);
  if (found.diagnostics.length === 0) {
    await writeValidateCache(cacheFolder, key, { documents: result.documents.map((document) => document.path), diagnostics: result.diagnostics });
  }
  await pruneFileEntries(entries, {
    current: reads.map((read) => read.file.path),
    exists: async (path) => (await stat(resolve(found.root, path)).catch(() => undefined)) !== undefined,
  });
  return { ...result, cached: false };
}

/**
 * Every file's findings and document: from its entry when it has one for its content, else parsed (in worker threads
 * when the changed files are large enough) and stored as a new entry.
 */
async function parseChanged(options: { reads: ReadFile[]; entries: string; build: string; workers: number | undefined }): Promise<Parsed[]> {
  const { reads, entries, build } = options;
  const parsed: Array<Parsed | undefined> = await mapConcurrently(reads, READ_CONCURRENCY, async (read): Promise<Parsed | undefined> => {
    if (read.bytes === undefined) return { diagnostics: read.diagnostics };
    const entry = await readFileEntry(entries, { path: read.file.path, hash: read.hash, build });
    return entry === undefined ? undefined : fromEntry(read.file.path, read.bytes, entry);
  });
  const changed = reads.filter((_read, index) => parsed[index] === undefined);
  const pool = startPool({
    files: changed.length,
    totalBytes: changed.reduce((sum, read) => sum + (read.bytes?.byteLength ?? 0), 0),
    requested: options.workers,
  });
  try {
    return await mapConcurrently(reads, READ_CONCURRENCY, async (read, index): Promise<Parsed> => {
      const bytes = read.bytes;
      const done = parsed[index];
      if (done !== undefined || bytes === undefined) return done ?? { diagnostics: read.diagnostics };
      read.bytes = undefined;
      const result = await parseFile({ pool, index, path: read.file.path, bytes });
      if (result.document === undefined) {
        await writeFileEntry(entries, { path: read.file.path, hash: read.hash, build }, { diagnostics: result.diagnostics });
        return result;
      }
      const { kind, id, value } = result.document;
      const structural = [...(result.structural ?? structuralDiagnostics(result.document))];
      await writeFileEntry(entries, { path: read.file.path, hash: read.hash, build }, { diagnostics: result.diagnostics, document: { kind, id, value, structural } });
      return { ...result, structural };
    });
  } finally {
    await pool?.close();
  }
}

/** A file from its entry: its findings as stored, and its document with positions recovered from `bytes` when asked. */
function fromEntry(path: string, bytes: Uint8Array, entry: FileEntry): Parsed {
  if (entry.document === undefined) return { diagnostics: entry.diagnostics };
  const { kind, id, value, structural } = entry.document;
  return { document: workerDocument(path, { index: 0, bytes, diagnostics: entry.diagnostics, document: { kind, id, value } }), diagnostics: entry.diagnostics, structural };
}

/** A parsed file: its parse findings, its document, and its structural findings when a worker computed them. */
interface Parsed {
  document?: ParsedDocument;
  diagnostics: Diagnostic[];
  structural?: readonly Diagnostic[];
}

/**
 * The total size of the files, when the number of workers is to be chosen by it (else 0, unread); once it reaches
 * {@link WORKER_THRESHOLD_BYTES} the other files are not looked at, since only that comparison matters.
 */
async function totalSize(files: readonly FoundFile[], requested: number | undefined): Promise<number> {
  if (requested !== undefined || files.length < 2) return 0;
  const batch = READ_CONCURRENCY * 4;
  let total = 0;
  for (let start = 0; start < files.length && total < WORKER_THRESHOLD_BYTES; start += batch) {
    const sizes = await mapConcurrently(files.slice(start, start + batch), batch, async (file) => (await stat(file.realPath).catch(() => undefined))?.size ?? 0);
    total = sizes.reduce((sum, size) => sum + size, total);
  }
  return total;
}

/** How many worker threads repay their start-up for these files (see `workerCount`); 0 for none. */
function poolSize(options: { files: number; totalBytes: number; requested: number | undefined }): number {
  const { files, totalBytes, requested } = options;
  if (requested === 0 || files < 2) return 0;
  return workerCount({ totalBytes, files, ...(requested === undefined ? {} : { requested }) });
}

/** Worker threads for files large enough to repay them (see `workerCount`), else none. */
function startPool(options: { files: number; totalBytes: number; requested: number | undefined }): ParsePool | undefined {
  const count = poolSize(options);
  return count > 0 ? new ParsePool(count) : undefined;
}

/** Parses one file: in a worker when there is a pool, else here. */
async function parseFile(options: { pool: ParsePool | undefined; index: number; path: string; bytes: Uint8Array }): Promise<Parsed> {
  const { pool, index, path, bytes } = options;
  if (pool === undefined) return parseSource({ path, text: bytes });
  const file = await pool.run({ index, path, bytes: ownBuffer(bytes) });
  if (file.document === undefined) return { diagnostics: file.diagnostics };
  return { document: workerDocument(path, { ...file, document: file.document }), diagnostics: file.diagnostics, structural: file.structural ?? [] };
}

/** Validates the parsed files: findings in `loadProject`'s order (the paths', then each file's by path, then the rules'). */
function checkParsed(
  root: string,
  pathDiagnostics: readonly Diagnostic[],
  parsed: readonly Parsed[],
  options: CheckOptions,
  scope: ((file: string) => boolean) | undefined,
): { root: string; documents: ParsedDocument[]; diagnostics: Diagnostic[] } {
  const documents: ParsedDocument[] = [];
  const loading: Diagnostic[] = [...pathDiagnostics];
  const structural = new Map<ParsedDocument, readonly Diagnostic[]>();
  for (const result of parsed) {
    loading.push(...result.diagnostics);
    if (result.document === undefined) continue;
    documents.push(result.document);
    if (result.structural !== undefined) structural.set(result.document, result.structural);
  }
  const checked = checkAndResolve(documents, { ...options, origins: false, structural, ...(scope === undefined ? {} : { scope }) });
  return { root, documents, diagnostics: sortDiagnostics([...sortByFile(loading), ...checked.diagnostics]) };
}

/** A stable sort by file, as the loader orders its findings. */
function sortByFile(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const file = (diagnostic: Diagnostic) => diagnostic.file ?? "";
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => (file(a.diagnostic) < file(b.diagnostic) ? -1 : file(a.diagnostic) > file(b.diagnostic) ? 1 : a.index - b.index))
    .map(({ diagnostic }) => diagnostic);
}

/** The key of the tool's build and version: per-file entries depend on nothing else. */
async function buildKey(toolVersion: string | undefined): Promise<string> {
  const modules = [import.meta.url, ...["@onething/dsl", "@onething/validate", "@onething/schemas"].map(resolveModule)];
  const build = await buildFingerprint(modules.filter((url): url is string => url !== undefined));
  return hashBytes(JSON.stringify([build, toolVersion ?? ""]));
}

/** The cache key of everything but the files: the tool's build and version, the date, rule overrides and paths. */
function optionsKey(options: ValidateProjectOptions & { build: string; today: string }): string {
  const rules = Object.entries(options.rules ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return hashBytes(JSON.stringify([options.build, options.today, rules, options.paths ?? [], options.scope ?? null]));
}

function resolveModule(specifier: string): string | undefined {
  try {
    return import.meta.resolve(specifier);
  } catch {
    return undefined;
  }
}

/**
 * A file whose text is decoded from its bytes only when asked for (a code frame of a finding in it); the bytes
 * are read from disk then when they were not kept (a file no finding points at, whose text is rarely wanted).
 */
function lazyText(path: string, bytes: Uint8Array | (() => Uint8Array)): ValidatedFile {
  // A file removed since it was validated has no text to show: nothing, rather than a stack trace.
  const readBytes = (read: () => Uint8Array): Uint8Array => {
    try {
      return read();
    } catch {
      return new Uint8Array();
    }
  };
  let text: string | undefined;
  return {
    path,
    get text() {
      // As the parser reads it: UTF-8 with a leading BOM kept, so offsets match the cached findings.
      text ??= new TextDecoder("utf-8", { ignoreBOM: true }).decode(typeof bytes === "function" ? readBytes(bytes) : bytes);
      return text;
    },
  };
}
