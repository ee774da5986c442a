import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { readFile, readdir, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "@onething/schemas";
import { START_OF_FILE, createDiagnostic } from "./diagnostic-codes.js";
import { DEFAULT_MAX_BYTES, fileTooLarge, parseSource } from "./parse.js";
import type { ParsedDocument } from "./parse.js";

export * from "./index.js";

/** Options of {@link loadProject}. */
export interface LoadProjectOptions {
  /** The project root; nothing outside it (after following symbolic links) is read. */
  root: string;
  /** Files or folders to load, relative to `root` or absolute; defaults to `[root]`. */
  paths?: string[];
  /** The size limit of one file in bytes; defaults to 5 MiB. */
  maxBytes?: number;
}

/** The documents of a project and every finding made while loading them. */
export interface LoadedProject {
  /** The absolute project root. */
  root: string;
  /** Documents with a usable envelope, sorted by path. */
  documents: ParsedDocument[];
  /** Findings about paths and files, sorted by file. */
  diagnostics: Diagnostic[];
}

const READ_CONCURRENCY = 8;

/** A YAML file found under the requested paths. */
export interface FoundFile {
  /** The path reported in diagnostics: its real path relative to the real root, with forward slashes. */
  path: string;
  /** The absolute real path to read. */
  realPath: string;
}

/** What {@link findSourceFiles} returns. */
export interface FoundFiles {
  /** The absolute project root. */
  root: string;
  /** Every `*.yaml` / `*.yml` file found, once each, sorted by path. */
  files: FoundFile[];
  /** Findings about the requested paths (missing, outside the root, unreadable folders). */
  diagnostics: Diagnostic[];
}

/**
 * Finds every `*.yaml` / `*.yml` file under the given paths (recursively, skipping dot-folders and
 * `node_modules`), each once under its real path, sorted by path; never throws. {@link loadProject} reads and
 * parses what this finds.
 *
 * @example
 * const { files } = await findSourceFiles({ root: ".", paths: ["checklists"] });
 * files.map((file) => file.path); // ["checklists/departments/national.yaml", …]
 */
export async function findSourceFiles(options: { root: string; paths?: string[] }): Promise<FoundFiles> {
  const root = resolve(options.root);
  const diagnostics: Diagnostic[] = [];
  const realRoot = await realpathOrUndefined(root);
  if (realRoot === undefined) {
    diagnostics.push(pathNotFound(toSlashes(options.root)));
    return { root, files: [], diagnostics };
  }
  const files = new FileSet(realRoot);
  const visitedFolders = new Set<string>();
  for (const requested of options.paths ?? [root]) {
    await collect({ requested, root, realRoot, files, visitedFolders, diagnostics });
  }
  const found = [...files.byPath.entries()].sort(([a], [b]) => compareText(a, b)).map(([path, realPath]) => ({ path, realPath }));
  return { root, files: found, diagnostics };
}

/** What {@link readSourceFile} returns: the bytes, or the finding that kept the file from being read. */
export type ReadSourceResult = { bytes: Uint8Array; diagnostics?: undefined } | { bytes?: undefined; diagnostics: Diagnostic[] };

/**
 * Reads one found file's bytes, checking its size first so that a huge file is never loaded; an unreadable or
 * too large file comes back as a diagnostic, never thrown.
 *
 * @example
 * const read = await readSourceFile({ path: "checklists/a.yaml", realPath: "/repo/checklists/a.yaml" });
 * if (read.bytes !== undefined) parseSource({ path: "checklists/a.yaml", text: read.bytes });
 */
export async function readSourceFile(file: FoundFile, maxBytes: number = DEFAULT_MAX_BYTES): Promise<ReadSourceResult> {
  try {
    const info = await stat(file.realPath);
    if (info.size > maxBytes) return { diagnostics: [fileTooLarge({ path: file.path, maxBytes, size: info.size })] };
    const bytes = await readFile(file.realPath);
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (error) {
    return { diagnostics: [fileUnreadable(file.path, errorReason(error))] };
  }
}

/** A buffer that {@link readSourceFileInto} reads files into, reused from one file to the next; it grows as needed. */
export interface ReadBuffer {
  /** The buffer's memory; replaced by a larger one when a file does not fit. */
  bytes: Uint8Array;
}

/**
 * Reads one found file's bytes as {@link readSourceFile} does, but synchronously and into a buffer reused from file
 * to file, so that reading many files does not take fresh memory for each (on some virtual machines the first touch
 * of a page costs as much as parsing it). The bytes returned are a view of `buffer`, valid until the next read into
 * it. Stops at `maxBytes + 1` bytes: a file that grew past the limit since it was measured is still reported too large
 * by the parser. Never blocks on a special file (opened non-blocking, and read only when it is a regular file).
 *
 * @example
 * const buffer = { bytes: new Uint8Array(0) };
 * for (const file of files) {
 *   const read = readSourceFileInto(file, buffer);
 *   if (read.bytes !== undefined) parseSource({ path: file.path, text: read.bytes }); // before the next read
 * }
 */
export function readSourceFileInto(file: FoundFile, buffer: ReadBuffer, maxBytes: number = DEFAULT_MAX_BYTES): ReadSourceResult {
  let fd: number | undefined;
  try {
    fd = openSync(file.realPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (!info.isFile()) return { diagnostics: [fileUnreadable(file.path, { zh: "不是普通文件", en: "not a regular file" })] };
    if (info.size > maxBytes) return { diagnostics: [fileTooLarge({ path: file.path, maxBytes, size: info.size })] };
    const limit = maxBytes + 1;
    let length = 0;
    for (;;) {
      if (length === buffer.bytes.byteLength) {
        if (length >= limit) break;
        // Room for the file as measured and a little more, so that the end of the file is found by one more read.
        const grown = new Uint8Array(Math.min(limit, Math.max(info.size + 4096, length * 2, 64 * 1024)));
        grown.set(buffer.bytes.subarray(0, length));
        buffer.bytes = grown;
      }
      const read = readSync(fd, buffer.bytes, length, Math.min(buffer.bytes.byteLength, limit) - length, null);
      if (read === 0) break;
      length += read;
      if (length >= limit) break;
    }
    return { bytes: buffer.bytes.subarray(0, length) };
  } catch (error) {
    return { diagnostics: [fileUnreadable(file.path, errorReason(error))] };
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/**
 * Runs `task` over every entry with at most `concurrency` at a time; results keep the entries' order.
 *
 * @example
 * const reads = await mapConcurrently(files, 8, (file) => readSourceFile(file));
 */
export async function mapConcurrently<T, R>(entries: readonly T[], concurrency: number, task: (entry: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(entries.length);
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const index = next;
      next += 1;
      results[index] = await task(entries[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker));
  return results;
}

/**
 * Loads every `*.yaml` / `*.yml` file under the given paths (recursively, skipping dot-folders and
 * `node_modules`, in a deterministic order) and parses each one. Never throws for bad paths or files.
 *
 * @example
 * const project = await loadProject({ root: "checklists" });
 * for (const document of project.documents) console.log(document.path, document.kind, document.id);
 */
export async function loadProject(options: LoadProjectOptions): Promise<LoadedProject> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const found = await findSourceFiles(options);
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  const documents: ParsedDocument[] = [];
  // Parsed as each read completes, so that only a few files' bytes are held at a time.
  await mapConcurrently(found.files, READ_CONCURRENCY, async (file) => {
    const read = await readSourceFile(file, maxBytes);
    const result = read.bytes === undefined ? read : parseSource({ path: file.path, text: read.bytes, maxBytes });
    diagnostics.push(...result.diagnostics);
    if ("document" in result && result.document !== undefined) documents.push(result.document);
  });
  documents.sort((a, b) => compareText(a.path, b.path));
  const order = (diagnostic: Diagnostic) => diagnostic.file ?? "";
  const sorted = diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => compareText(order(a.diagnostic), order(b.diagnostic)) || a.index - b.index)
    .map(({ diagnostic }) => diagnostic);
  return { root: found.root, documents, diagnostics: sorted };
}

interface CollectOptions {
  requested: string;
  root: string;
  realRoot: string;
  files: FileSet;
  visitedFolders: Set<string>;
  diagnostics: Diagnostic[];
}

async function collect(options: CollectOptions): Promise<void> {
  const { requested, root, realRoot, files, diagnostics } = options;
  const absolute = isAbsolute(requested) ? resolve(requested) : resolve(root, requested);
  const display = displayPath(root, absolute);
  const real = await realpathOrUndefined(absolute);
  if (real === undefined) {
    diagnostics.push(pathNotFound(display));
    return;
  }
  if (!isInside(realRoot, real)) {
    diagnostics.push(pathOutsideRoot(display));
    return;
  }
  const info = await stat(real).catch(() => undefined);
  if (info?.isDirectory()) {
    await walk({ ...options, folder: absolute, realFolder: real });
  } else if (info?.isFile()) {
    files.add(real);
  } else {
    diagnostics.push(fileUnreadable(display, { zh: "不是普通文件", en: "not a regular file" }));
  }
}

async function walk(options: CollectOptions & { folder: string; realFolder: string }): Promise<void> {
  const { folder, realFolder, root, realRoot, files, visitedFolders, diagnostics } = options;
  // A symbolic link back up the tree would otherwise loop forever.
  if (visitedFolders.has(realFolder)) return;
  visitedFolders.add(realFolder);
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
    diagnostics.push(fileUnreadable(displayPath(root, folder), errorReason(error)));
    return [];
  });
  entries.sort((a, b) => compareText(a.name, b.name));
  for (const entry of entries) {
    const absolute = join(folder, entry.name);
    const display = displayPath(root, absolute);
    if (entry.isDirectory()) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      await walk({ ...options, folder: absolute, realFolder: join(realFolder, entry.name) });
    } else if (entry.isFile()) {
      if (isYamlName(entry.name)) files.add(join(realFolder, entry.name));
    } else if (entry.isSymbolicLink()) {
      const real = await realpathOrUndefined(absolute);
      if (real === undefined) {
        if (isYamlName(entry.name)) diagnostics.push(pathNotFound(display));
        continue;
      }
      const info = await stat(real).catch(() => undefined);
      const wanted = info?.isDirectory() === true ? !entry.name.startsWith(".") && entry.name !== "node_modules" : isYamlName(entry.name);
      if (!wanted) continue;
      if (!isInside(realRoot, real)) {
        diagnostics.push(pathOutsideRoot(display));
      } else if (info?.isDirectory()) {
        await walk({ ...options, folder: absolute, realFolder: real });
      } else if (info?.isFile()) {
        files.add(real);
      }
    }
  }
}

/**
 * Files found so far, keyed by their real path relative to the real root, so that a file reached twice
 * (through overlapping paths or a symbolic link) is loaded once and always under the same name.
 */
class FileSet {
  readonly byPath = new Map<string, string>();

  constructor(private readonly realRoot: string) {}

  add(real: string): void {
    this.byPath.set(toSlashes(relative(this.realRoot, real)), real);
  }
}

function isYamlName(name: string): boolean {
  return name.endsWith(".yaml") || name.endsWith(".yml");
}

function isInside(realRoot: string, real: string): boolean {
  const relation = relative(realRoot, real);
  return relation === "" || (!relation.startsWith(`..${sep}`) && relation !== ".." && !isAbsolute(relation));
}

function displayPath(root: string, absolute: string): string {
  const relation = relative(root, absolute);
  return toSlashes(relation === "" ? "." : relation);
}

function toSlashes(path: string): string {
  return path.split(sep).join("/");
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function realpathOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await realpath(path);
  } catch {
    return undefined;
  }
}

/** Closes a file read to its end; a failure to close it changes nothing that was read. */
function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing to do: the bytes are read, and the descriptor is gone either way.
  }
}

function errorReason(error: unknown): { zh: string; en: string } {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
  const text = error instanceof Error ? error.message : String(error);
  return { zh: code ?? "原因不明", en: code ?? text };
}

function pathNotFound(path: string): Diagnostic {
  return createDiagnostic("path-not-found", {
    message: { zh: `路径不存在：${path}`, en: `The path does not exist: ${path}` },
    hint: { zh: "检查路径拼写，路径相对于项目根目录。", en: "Check the spelling; paths are relative to the project root." },
    file: path,
    range: START_OF_FILE,
  });
}

function pathOutsideRoot(path: string): Diagnostic {
  return createDiagnostic("path-outside-root", {
    message: {
      zh: `路径在项目根目录之外（已解析符号链接），未读取：${path}`,
      en: `The path lies outside the project root (after following symbolic links) and was not read: ${path}`,
    },
    hint: {
      zh: "只加载项目根目录之内的文件；把文件复制进项目，而不是用符号链接指向外部。",
      en: "Load only files inside the project root; copy the file in rather than linking to it.",
    },
    file: path,
    range: START_OF_FILE,
  });
}

function fileUnreadable(path: string, reason: { zh: string; en: string }): Diagnostic {
  return createDiagnostic("file-unreadable", {
    message: { zh: `无法读取文件（${reason.zh}）：${path}`, en: `Cannot read the file (${reason.en}): ${path}` },
    hint: {
      zh: "检查文件权限，并确认它是普通文件而不是设备、管道或套接字。",
      en: "Check the file's permissions, and that it is a regular file, not a device, pipe or socket.",
    },
    file: path,
    range: START_OF_FILE,
  });
}
