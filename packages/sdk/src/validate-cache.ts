import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { isDocumentKind } from "@onething/schemas";
import type { Diagnostic, DocumentKind } from "@onething/schemas";
import { writeFileAtomic } from "./node-files.js";

/** The name of the whole-project cache file inside the cache folder (the fast path of a run where nothing changed). */
export const VALIDATE_CACHE_FILE = "validate-v2.json";

/** The name of the folder of per-file entries inside the cache folder: one entry per source path. */
export const VALIDATE_CACHE_FILES = "validate-v2";

/** Marks a whole-project cache file as ours, in this layout. */
const CACHE_FORMAT = "onething-validate-cache/2";

/** Marks a per-file entry as ours, in this layout. */
const ENTRY_FORMAT = "onething-validate-file/1";

/** At most this many characters of an entry are read to find its header when pruning. */
const HEADER_LIMIT = 64 * 1024;

/** What one cached run was about: the key of its options and every file it read, with its content hash. */
export interface CacheKey {
  /** A hash of the tool's build and every option that changes results (the date, rule overrides, paths). */
  options: string;
  /** Every file read, by project-relative path, with the SHA-256 of its bytes (or a marker for an unread one). */
  files: ReadonlyArray<readonly [string, string]>;
}

interface CacheFile {
  format: typeof CACHE_FORMAT;
  options: string;
  files: Array<[string, string]>;
  documents: string[];
  diagnostics: Diagnostic[];
}

/** What a cached run found: the paths of the files that parsed into documents, and every finding. */
export interface CachedResult {
  /** Paths of the files whose envelope was usable. */
  documents: string[];
  /** Every finding, sorted. */
  diagnostics: Diagnostic[];
}

/** Which file an entry is about: its path, the SHA-256 of its bytes and the key of the tool's build. */
export interface FileEntryKey {
  /** Project-relative path. */
  path: string;
  /** The SHA-256 of the file's bytes, hex. */
  hash: string;
  /** A hash of the tool's build and version (see {@link buildFingerprint}). */
  build: string;
}

/**
 * What one file contributes to a run without depending on any other file: the findings of parsing it, and, when
 * its envelope is usable, its data, envelope and structural (schema) findings, every finding with its position.
 */
export interface FileEntry {
  /** Findings of parsing the file, in the parser's order. */
  diagnostics: Diagnostic[];
  /** The document, when its envelope is usable. */
  document?: {
    /** What the document is. */
    kind: DocumentKind;
    /** `metadata.id` when it is a string. */
    id: string | undefined;
    /** The parsed data, plain JSON values only (see {@link isPlainJson}). */
    value: unknown;
    /** Its structural findings, before rule overrides. */
    structural: Diagnostic[];
  };
}

interface EntryHeader {
  format: typeof ENTRY_FORMAT;
  path: string;
  hash: string;
  build: string;
  body: string;
}

/**
 * The SHA-256 of a file's bytes, hex.
 *
 * @example
 * hashBytes(new TextEncoder().encode("a: 1\n")).length; // 64
 */
export function hashBytes(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * A hash of the modules that compute the findings (their URLs, sizes and modification times), so that a rebuilt
 * or upgraded tool never trusts a cache written by another build even when its version number did not change.
 *
 * @example
 * const build = await buildFingerprint([import.meta.url]);
 */
export async function buildFingerprint(moduleUrls: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const url of moduleUrls) {
    hash.update(url);
    if (!url.startsWith("file:")) continue;
    const info = await stat(new URL(url)).catch(() => undefined);
    hash.update(`\u0000${info?.size ?? "-"}\u0000${info?.mtimeMs ?? "-"}\u0000`);
  }
  return hash.digest("hex");
}

/**
 * The result of a cached run with exactly this key, or undefined when there is none: a missing, unreadable,
 * corrupted, foreign or older cache file is ignored, never trusted and never an error.
 *
 * @example
 * const cached = await readValidateCache(".onething-cache", key);
 */
export async function readValidateCache(folder: string, key: CacheKey): Promise<CachedResult | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(folder, VALIDATE_CACHE_FILE), "utf8"));
  } catch {
    return undefined;
  }
  if (!isCacheFile(parsed) || parsed.options !== key.options || parsed.files.length !== key.files.length) return undefined;
  for (let index = 0; index < key.files.length; index += 1) {
    const [path, hash] = key.files[index] ?? ["", ""];
    const [cachedPath, cachedHash] = parsed.files[index] ?? ["", ""];
    if (path !== cachedPath || hash !== cachedHash) return undefined;
  }
  return { documents: parsed.documents, diagnostics: parsed.diagnostics };
}

/**
 * Stores the result of a run under its key, atomically (a temporary file renamed over the old one), so that
 * a reader never sees half a cache. A cache that cannot be written is skipped: the run's results stand.
 *
 * @example
 * await writeValidateCache(".onething-cache", key, { documents: ["checklists/a.yaml"], diagnostics });
 */
export async function writeValidateCache(folder: string, key: CacheKey, result: CachedResult): Promise<boolean> {
  const file: CacheFile = {
    format: CACHE_FORMAT,
    options: key.options,
    files: key.files.map(([path, hash]) => [path, hash]),
    documents: result.documents,
    diagnostics: result.diagnostics,
  };
  try {
    await mkdir(folder, { recursive: true });
    await writeFileAtomic(join(folder, VALIDATE_CACHE_FILE), JSON.stringify(file));
    return true;
  } catch {
    return false;
  }
}

/**
 * The name of a path's entry in the folder of per-file entries: one name per path, so that a changed file
 * replaces its entry and the folder never holds more entries than there are paths.
 *
 * @example
 * entryName("checklists/a.yaml"); // "3f…e1.json"
 */
export function entryName(path: string): string {
  return `${hashBytes(path)}.json`;
}

/**
 * The entry of one file, or undefined when there is none for exactly this path, content and build: a missing,
 * unreadable, truncated, altered, foreign or older entry is ignored, never trusted and never an error (its body is
 * checked against the SHA-256 its header records, so a damaged entry cannot pass for a good one).
 *
 * @example
 * const entry = await readFileEntry(".onething-cache/validate-v2", { path, hash, build });
 */
export async function readFileEntry(folder: string, key: FileEntryKey): Promise<FileEntry | undefined> {
  try {
    const bytes = await readFile(join(folder, entryName(key.path)));
    const newline = bytes.indexOf(0x0a);
    if (newline < 0) return undefined;
    const header: unknown = JSON.parse(bytes.toString("utf8", 0, newline));
    if (!isEntryHeader(header) || header.path !== key.path || header.hash !== key.hash || header.build !== key.build) return undefined;
    if (hashBytes(bytes.subarray(newline + 1)) !== header.body) return undefined;
    const entry: unknown = JSON.parse(bytes.toString("utf8", newline + 1));
    return isFileEntry(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stores the entry of one file, atomically; an entry whose data or findings are not plain JSON values (see
 * {@link isPlainJson}, once a finding's members that are undefined are left out, as JSON leaves them out) is not
 * stored, and neither is one that cannot be written: the run's results stand.
 *
 * @example
 * await writeFileEntry(".onething-cache/validate-v2", { path, hash, build }, { diagnostics: [] });
 */
export async function writeFileEntry(folder: string, key: FileEntryKey, entry: FileEntry): Promise<boolean> {
  try {
    const diagnostics = storableDiagnostics(entry.diagnostics);
    const stored =
      entry.document === undefined
        ? { diagnostics }
        : { diagnostics, document: { ...entry.document, id: entry.document.id ?? null, structural: storableDiagnostics(entry.document.structural) } };
    if (!isPlainJson(stored.diagnostics) || (stored.document !== undefined && !isPlainJson(stored.document))) return false;
    // Encoded once: the bytes are both hashed and written.
    const body = Buffer.from(JSON.stringify(stored), "utf8");
    const header: EntryHeader = { format: ENTRY_FORMAT, path: key.path, hash: key.hash, build: key.build, body: hashBytes(body) };
    await mkdir(folder, { recursive: true });
    await writeBytesAtomic(join(folder, entryName(key.path)), [Buffer.from(`${JSON.stringify(header)}\n`, "utf8"), body]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Findings as JSON carries them, for {@link isPlainJson} to check: a member whose value is undefined (an optional
 * field such as `hint` written out as undefined) is left out, as `JSON.stringify` leaves it out and as every reader
 * of a finding takes a missing member and an undefined one alike; an object two findings share (one hint for
 * both) is copied apart, as JSON gives it back. Whatever else JSON would change is kept, for the check to refuse.
 * The document's data gets no such leeway: a rule may tell a member that is there from one that is not.
 */
function storableDiagnostics(diagnostics: readonly Diagnostic[]): unknown[] {
  return diagnostics.map((diagnostic) => withoutUndefinedMembers(diagnostic, new Set()));
}

/** A copy of plain objects and arrays without the object members that are undefined; anything else as it is. */
function withoutUndefinedMembers(value: unknown, ancestors: Set<object>): unknown {
  if (typeof value !== "object" || value === null || ancestors.has(value)) return value;
  const isArray = Array.isArray(value);
  const plain = isArray ? Object.getPrototypeOf(value) === Array.prototype : Object.getPrototypeOf(value) === Object.prototype && Object.getOwnPropertySymbols(value).length === 0;
  if (!plain) return value;
  ancestors.add(value);
  // Array.prototype.map keeps holes, and Object.fromEntries makes `__proto__` an own member: both stay refusable.
  const copy = isArray
    ? value.map((item: unknown) => withoutUndefinedMembers(item, ancestors))
    : Object.fromEntries(
        Object.entries(value)
          .filter(([, member]) => member !== undefined)
          .map(([name, member]) => [name, withoutUndefinedMembers(member, ancestors)]),
      );
  ancestors.delete(value);
  return copy;
}

/** Writes bytes as `writeFileAtomic` writes text: to a temporary file beside the target, then renamed over it. */
async function writeBytesAtomic(path: string, chunks: readonly Uint8Array[]): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, chunks, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Drops the entries of files that no longer exist (as eslint's cache does), and entries that are not readable as
 * ours; the entries of `current` (the paths of this run) are kept without a look. Never fails: a cache that cannot
 * be tidied is left as it is.
 *
 * @example
 * await pruneFileEntries(".onething-cache/validate-v2", { current: ["checklists/a.yaml"], exists: async () => true });
 */
export async function pruneFileEntries(
  folder: string,
  options: { current: readonly string[]; exists: (path: string) => Promise<boolean> },
): Promise<number> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return 0;
  }
  const kept = new Set(options.current.map(entryName));
  let dropped = 0;
  for (const name of names) {
    if (kept.has(name) || !/^[0-9a-f]{64}\.json$/u.test(name)) continue;
    const path = await entryPath(join(folder, name));
    if (path !== undefined && entryName(path) === name && (await options.exists(path).catch(() => true))) continue;
    await rm(join(folder, name), { force: true }).catch(() => undefined);
    dropped += 1;
  }
  return dropped;
}

/** The path an entry is about, read from its header alone; undefined when the header is not ours. */
async function entryPath(file: string): Promise<string | undefined> {
  try {
    const handle = await open(file, "r");
    try {
      const buffer = Buffer.alloc(HEADER_LIMIT);
      const { bytesRead } = await handle.read(buffer, 0, HEADER_LIMIT, 0);
      const text = buffer.subarray(0, bytesRead).toString("utf8");
      const newline = text.indexOf("\n");
      if (newline < 0) return undefined;
      const header: unknown = JSON.parse(text.slice(0, newline));
      return isEntryHeader(header) ? header.path : undefined;
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

/**
 * Whether a value reads back from JSON exactly as it is: null, booleans, strings, finite numbers other than -0,
 * arrays without holes and plain objects without a `__proto__` key, each object reached once (a shared object, as
 * a YAML alias gives, would come back as two). `.nan`, `.inf` and `-0` are valid YAML that JSON cannot carry.
 *
 * @example
 * isPlainJson({ a: [1, "x", null] }); // true
 * isPlainJson({ a: -0 }); // false
 */
export function isPlainJson(root: unknown): boolean {
  const seen = new Set<object>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value === "string" || typeof value === "boolean") continue;
    if (typeof value === "number") {
      if (!Number.isFinite(value) || Object.is(value, -0)) return false;
      continue;
    }
    if (typeof value !== "object" || seen.has(value)) return false;
    seen.add(value);
    if (Array.isArray(value)) {
      if (Object.getPrototypeOf(value) !== Array.prototype) return false;
      for (let index = 0; index < value.length; index += 1) {
        if (!(index in value)) return false;
        pending.push(value[index]);
      }
      continue;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype || Object.getOwnPropertySymbols(value).length > 0) return false;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key === "__proto__") return false;
      pending.push(record[key]);
    }
  }
  return true;
}

function isEntryHeader(value: unknown): value is EntryHeader {
  if (typeof value !== "object" || value === null) return false;
  const header = value as Partial<EntryHeader>;
  return (
    header.format === ENTRY_FORMAT &&
    typeof header.path === "string" &&
    typeof header.hash === "string" &&
    typeof header.build === "string" &&
    typeof header.body === "string"
  );
}

/** Checks an entry's shape, turning the stored `id: null` back into undefined. */
function isFileEntry(value: unknown): value is FileEntry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as { diagnostics?: unknown; document?: unknown };
  if (!Array.isArray(entry.diagnostics) || !entry.diagnostics.every(isDiagnostic)) return false;
  if (entry.document === undefined) return true;
  if (typeof entry.document !== "object" || entry.document === null) return false;
  const document = entry.document as { kind?: unknown; id?: unknown; value?: unknown; structural?: unknown };
  if (!isDocumentKind(document.kind) || !(typeof document.id === "string" || document.id === null) || !("value" in document)) return false;
  if (!Array.isArray(document.structural) || !document.structural.every(isDiagnostic)) return false;
  if (document.id === null) document.id = undefined;
  return true;
}

function isCacheFile(value: unknown): value is CacheFile {
  if (typeof value !== "object" || value === null) return false;
  const file = value as Partial<CacheFile>;
  return (
    file.format === CACHE_FORMAT &&
    typeof file.options === "string" &&
    Array.isArray(file.files) &&
    file.files.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === "string" && typeof entry[1] === "string") &&
    Array.isArray(file.documents) &&
    file.documents.every((path) => typeof path === "string") &&
    Array.isArray(file.diagnostics) &&
    file.diagnostics.every(isDiagnostic)
  );
}

function isDiagnostic(value: unknown): value is Diagnostic {
  if (typeof value !== "object" || value === null) return false;
  const diagnostic = value as Partial<Diagnostic>;
  const message = diagnostic.message as Partial<Diagnostic["message"]> | undefined;
  return (
    typeof diagnostic.code === "string" &&
    (diagnostic.severity === "error" || diagnostic.severity === "warning" || diagnostic.severity === "info") &&
    typeof message?.zh === "string" &&
    typeof message.en === "string"
  );
}
