import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from "node:fs";
import { stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { parseSource, type Diagnostic, type Lang, type SourceDocument } from "@onething/sdk";
import { GIT_INDEX, readGitFiles, readWorkingFiles, runGitCommand } from "@onething/sdk/node";
import { messages } from "../messages.js";
import { UsageError } from "../options.js";
import { HEAD_MAX_BYTES, READ_PAST_HEAD, readHead, type Head } from "./diff-head.js";
import { diffMessages } from "./diff-messages.js";
import { digestPair, type PairDigest, type SideDigest } from "./diff-pair.js";

/** One file of one version: its project-relative path and raw bytes. */
export interface VersionFile {
  /** Project-relative path with forward slashes. */
  path: string;
  /** The file's bytes. */
  bytes: Uint8Array;
  /**
   * Set by {@link readWorkingPair} on a file whose bytes are those at the same place in the other version and
   * whose head decides its envelope: the head, shared by both files. Their bytes are then read again only if
   * asked for.
   */
  unchanged?: Head;
  /**
   * Set by {@link readWorkingPair} on both files of a changed pair at the same place that the outline reaches:
   * the pair's digest (`digestPair` of diff-pair.ts) and this file's side of it. Their bytes are then read
   * again only if asked for.
   */
  digest?: { pair: PairDigest; side: SideDigest };
}

function toSlashes(path: string): string {
  return path.split(sep).join("/");
}

/** `path` relative to `cwd` (forward slashes); a path outside `cwd` is a usage error. */
export function projectPath(options: { cwd: string; path: string; lang: Lang }): string {
  const relation = relative(options.cwd, resolve(options.cwd, options.path));
  if (relation.startsWith("..") || isAbsolute(relation)) throw new UsageError(messages(options.lang).pathOutsideRoot(options.path));
  return toSlashes(relation);
}

/** Whether a path exists under `cwd`. */
export async function pathExists(cwd: string, path: string): Promise<boolean> {
  return (await stat(resolve(cwd, path)).catch(() => undefined)) !== undefined;
}

/**
 * Reads the YAML files under a file or folder of the working tree (`readWorkingFiles` of
 * `@onething/sdk/node`: dot-folders, `node_modules` and symbolic links skipped, sorted by path), with the
 * same rules as the git side. A missing path or one outside `cwd` is a usage error.
 */
export async function readWorkingTree(options: { cwd: string; path: string; lang: Lang }): Promise<VersionFile[]> {
  const { cwd, lang } = options;
  projectPath(options);
  const { files, diagnostics } = await readWorkingFiles({ root: cwd, path: options.path });
  const [first] = diagnostics;
  if (first !== undefined) {
    throw new UsageError(
      first.code === "path-not-found" ? messages(lang).pathMissing(options.path) : messages(lang).pathUnreadable(options.path, first.message[lang]),
    );
  }
  return files.map((file) => ({ path: file.path, bytes: file.text }));
}

/**
 * The project-relative paths of the YAML files under a file or folder of the working tree, by the rules of
 * `readWorkingFiles` of `@onething/sdk/node` (dot-folders, `node_modules` and symbolic links skipped, sorted
 * by path), without reading them; undefined when the path is outside `cwd` or cannot be listed (the caller
 * then reads it with {@link readWorkingTree}, which says why).
 */
function listWorkingFiles(cwd: string, path: string): string[] | undefined {
  const root = resolve(cwd);
  const relation = relative(root, resolve(root, path));
  if (relation.startsWith("..") || isAbsolute(relation)) return undefined;
  const folder = toSlashes(relation);
  try {
    if (!statSync(resolve(root, folder)).isDirectory()) return [folder];
    const paths: string[] = [];
    const pending = [folder];
    while (pending.length > 0) {
      const current = pending.pop() as string;
      for (const entry of readdirSync(resolve(root, current), { withFileTypes: true })) {
        if (entry.name.startsWith(".") || entry.name === "node_modules" || entry.isSymbolicLink()) continue;
        const child = current === "" ? entry.name : `${current}/${entry.name}`;
        if (entry.isDirectory()) pending.push(child);
        else if (entry.isFile() && /\.ya?ml$/iu.test(entry.name)) paths.push(child);
      }
    }
    return paths.sort();
  } catch {
    return undefined;
  }
}

/** What a file was when it was read: enough to tell, when it is read again, whether it changed since. */
type Print = string;

/**
 * A file whose last change is older than this (in milliseconds) is told unchanged later by its status alone; a
 * younger one by its bytes' SHA-1, because a second change within the file system's timestamp tick would leave
 * its change time as it was.
 */
const SETTLED_MS = 2000;

/**
 * The print of a file just read (`status` from before the read, `bytes` what was read): its device, inode, size
 * and change and modification times (the system sets a change time on every write, and it cannot be set back),
 * or, for a file changed less than `settledMs` ago or read at another size than its status gave, the SHA-1 of
 * its bytes.
 */
function printOf(status: Stats, bytes: Uint8Array, settledMs: number): Print {
  if (bytes.length === status.size && Date.now() - status.ctimeMs >= settledMs) return `${status.dev}:${status.ino}:${status.size}:${status.ctimeMs}:${status.mtimeMs}`;
  return `sha1:${createHash("sha1").update(bytes).digest("hex")}`;
}

/** Reads a whole file into `scratch` (grown when too small) and gives the buffer, the length read and the file's status from before the read. */
function readInto(path: string, scratch: Buffer<ArrayBuffer>): { buffer: Buffer<ArrayBuffer>; length: number; status: Stats } {
  const descriptor = openSync(path, "r");
  try {
    const status = fstatSync(descriptor);
    // One byte more than the size, so that the read that finds the end needs no larger buffer.
    let buffer = scratch.length > status.size ? scratch : Buffer.allocUnsafeSlow(status.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const grown = Buffer.allocUnsafeSlow(buffer.length * 2);
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) return { buffer, length, status };
      length += read;
    }
  } finally {
    closeSync(descriptor);
  }
}

/**
 * A file whose bytes were read once and not kept (the same in both versions by its head, or digested with its
 * changed twin): they are read again on first use (never, when the diff needs nothing more of the file), and
 * must be what they were (the same print, see {@link printOf}, before and after the read); a file changed
 * meanwhile is a usage error.
 */
function rereadFile(options: { cwd: string; path: string; print: Print; lang: Lang }, rest: Omit<VersionFile, "path" | "bytes">): VersionFile {
  let bytes: Uint8Array | undefined;
  return {
    path: options.path,
    ...rest,
    get bytes(): Uint8Array {
      if (bytes === undefined) {
        const path = resolve(options.cwd, options.path);
        // A print of the status is compared with the status as it is; a print of the bytes, with the bytes.
        const settledMs = options.print.startsWith("sha1:") ? Infinity : 0;
        let same = false;
        try {
          const read = readInto(path, Buffer.alloc(0));
          bytes = read.buffer.subarray(0, read.length);
          // A status print is checked again after the read (a write during it would leave the first status as it was).
          same = printOf(read.status, bytes, settledMs) === options.print && (settledMs === Infinity || printOf(statSync(path), bytes, settledMs) === options.print);
        } catch {
          same = false;
        }
        if (!same) {
          bytes = undefined;
          throw new UsageError(diffMessages(options.lang).changedWhileReading(options.path));
        }
      }
      return bytes as Uint8Array;
    },
  };
}

/** A copy by memcpy (`Buffer.from` of a buffer would copy it element by element). */
function copyOf(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}

/**
 * Reads two files or folders of the working tree as {@link readWorkingTree} reads each, pairing the files at the
 * same place under both: a pair with the same bytes is kept once, and not at all when its head decides its
 * envelope (`readHead` of diff-head.ts; both files then carry that head as `unchanged` and read their bytes
 * again only if asked for); a pair with different bytes that the outline reaches is digested while read
 * (`digestPair` of diff-pair.ts; both files carry the digest and read their bytes again only if asked for).
 * Files are read synchronously through two reused buffers, so that only what the diff keeps takes new memory.
 * A file not kept is told unchanged when read again by its print ({@link printOf}; `settledMs`: how long ago a
 * file must have last changed for its status to stand for its bytes, 2 seconds unless given).
 * A path that cannot be listed or read is read by {@link readWorkingTree}, which gives the usage error.
 *
 * @example
 * const { before, after } = await readWorkingPair({ cwd: process.cwd(), before: "a/checklists", after: "b/checklists", lang: "zh" });
 */
export async function readWorkingPair(options: { cwd: string; before: string; after: string; lang: Lang; settledMs?: number }): Promise<{ before: VersionFile[]; after: VersionFile[] }> {
  const { cwd, lang, settledMs = SETTLED_MS } = options;
  const listedBefore = listWorkingFiles(cwd, options.before);
  const listedAfter = listWorkingFiles(cwd, options.after);
  const fallback = async () => ({ before: await readWorkingTree({ cwd, path: options.before, lang }), after: await readWorkingTree({ cwd, path: options.after, lang }) });
  if (listedBefore === undefined || listedAfter === undefined) return fallback();
  const place = (root: string, path: string) => (path === root ? "" : path.slice(root === "" ? 0 : root.length + 1));
  const beforeRoot = projectPath({ cwd, path: options.before, lang });
  const afterRoot = projectPath({ cwd, path: options.after, lang });
  const twins = new Map(listedAfter.map((path) => [place(afterRoot, path), path]));
  const after = new Map<string, VersionFile>();
  const before: VersionFile[] = [];
  let scratch = Buffer.allocUnsafeSlow(1 << 20);
  let other = Buffer.allocUnsafeSlow(1 << 20);
  try {
    for (const path of listedBefore) {
      const read = readInto(resolve(cwd, path), scratch);
      scratch = read.buffer;
      const bytes = read.buffer.subarray(0, read.length);
      const twin = twins.get(place(beforeRoot, path));
      if (twin === undefined) {
        before.push({ path, bytes: copyOf(bytes) });
        continue;
      }
      const next = readInto(resolve(cwd, twin), other);
      other = next.buffer;
      const nextBytes = next.buffer.subarray(0, next.length);
      if (!bytes.equals(nextBytes)) {
        const pair = digestPair(bytes, nextBytes);
        if (pair === undefined) {
          before.push({ path, bytes: copyOf(bytes) });
          after.set(twin, { path: twin, bytes: copyOf(nextBytes) });
        } else {
          before.push(rereadFile({ cwd, path, print: printOf(read.status, bytes, settledMs), lang }, { digest: { pair, side: pair.before } }));
          after.set(twin, rereadFile({ cwd, path: twin, print: printOf(next.status, nextBytes, settledMs), lang }, { digest: { pair, side: pair.after } }));
        }
        continue;
      }
      const head = readHead({ path, bytes, maxBytes: HEAD_MAX_BYTES });
      if (head !== undefined && !READ_PAST_HEAD.has(head.kind)) {
        before.push(rereadFile({ cwd, path, print: printOf(read.status, bytes, settledMs), lang }, { unchanged: head }));
        after.set(twin, rereadFile({ cwd, path: twin, print: printOf(next.status, nextBytes, settledMs), lang }, { unchanged: head }));
      } else {
        const shared = copyOf(bytes);
        before.push({ path, bytes: shared });
        after.set(twin, { path: twin, bytes: shared });
      }
    }
    for (const path of listedAfter) {
      if (after.has(path)) continue;
      const read = readInto(resolve(cwd, path), scratch);
      scratch = read.buffer;
      after.set(path, { path, bytes: copyOf(read.buffer.subarray(0, read.length)) });
    }
  } catch {
    // A file that cannot be read is reported as readWorkingTree reports it.
    return fallback();
  }
  return { before, after: listedAfter.map((path) => after.get(path) as VersionFile) };
}

/**
 * Reads the working tree's files under `paths` against a version already in memory (`before`, read from git):
 * the file at the same path in `before` is the twin. A file with its twin's bytes shares them (nothing is
 * copied; the loader reads the content once); a changed file that the outline reaches is digested with its twin
 * (`digestPair` of diff-pair.ts: the twin keeps its bytes and carries the digest, the working file is read
 * again only if asked for); any other file is copied. Files are read through one reused buffer, by the rules of
 * {@link readWorkingTree}; a path that does not exist is passed over, and one that cannot be listed or read is
 * read by {@link readWorkingTree}, which gives the usage error. Gives `before` with its digested twins, and
 * the working files in the order of `paths`.
 *
 * @example
 * const { before, after } = await readWorkingAgainst({ cwd, before: await readGitVersion({ cwd, ref: "HEAD", paths, lang }), paths, lang });
 */
export async function readWorkingAgainst(options: { cwd: string; before: readonly VersionFile[]; paths: readonly string[]; lang: Lang; settledMs?: number }): Promise<{ before: VersionFile[]; after: VersionFile[] }> {
  const { cwd, lang, settledMs = SETTLED_MS } = options;
  const before = [...options.before];
  const places = new Map(before.map((file, place) => [file.path, place]));
  const paired = new Set<number>();
  const after: VersionFile[] = [];
  let scratch = Buffer.allocUnsafeSlow(1 << 20);
  for (const path of options.paths) {
    if (!(await pathExists(cwd, path))) continue;
    const listed = listWorkingFiles(cwd, path);
    if (listed === undefined) {
      after.push(...(await readWorkingTree({ cwd, path, lang })));
      continue;
    }
    const read: VersionFile[] = [];
    // The twins paired while reading this path (digested or not): kept once every file of it was read.
    const pairedHere = new Map<number, VersionFile>();
    try {
      for (const file of listed) {
        const next = readInto(resolve(cwd, file), scratch);
        scratch = next.buffer;
        const bytes = next.buffer.subarray(0, next.length);
        const place = places.get(file);
        const twin = place === undefined || paired.has(place) || pairedHere.has(place) ? undefined : before[place];
        if (twin === undefined || place === undefined) {
          read.push({ path: file, bytes: copyOf(bytes) });
          continue;
        }
        if (bytes.equals(twin.bytes)) {
          pairedHere.set(place, twin);
          read.push({ path: file, bytes: twin.bytes });
          continue;
        }
        const pair = digestPair(twin.bytes, bytes);
        if (pair === undefined) {
          pairedHere.set(place, twin);
          read.push({ path: file, bytes: copyOf(bytes) });
          continue;
        }
        pairedHere.set(place, { path: twin.path, bytes: twin.bytes, digest: { pair, side: pair.before } });
        read.push(rereadFile({ cwd, path: file, print: printOf(next.status, bytes, settledMs), lang }, { digest: { pair, side: pair.after } }));
      }
    } catch {
      // A file that cannot be read is reported as readWorkingTree reports it.
      after.push(...(await readWorkingTree({ cwd, path, lang })));
      continue;
    }
    for (const [place, twin] of pairedHere) {
      paired.add(place);
      before[place] = twin;
    }
    after.push(...read);
  }
  return { before, after };
}

/** Runs git with an argument array (never a shell) in `cwd` and returns its stdout as bytes (for the changeset commands). */
export async function git(options: { cwd: string; args: string[]; lang: Lang }): Promise<Buffer> {
  const result = await runGitCommand({ root: options.cwd, args: options.args });
  if (result.ok) return Buffer.from(result.stdout.buffer, result.stdout.byteOffset, result.stdout.byteLength);
  throw gitUsageError({ diagnostics: [result.diagnostic], ref: "", lang: options.lang }) ?? new UsageError(result.diagnostic.message[options.lang]);
}

/**
 * The usage error for the first of `readGitFiles`'s findings, in the CLI's words; undefined when there is none.
 * `separated`: the ref was written before `--`, so an unknown one cannot have been meant as a path.
 */
function gitUsageError(options: { diagnostics: readonly Diagnostic[]; ref: string; lang: Lang; separated?: boolean }): UsageError | undefined {
  const [first] = options.diagnostics;
  if (first === undefined) return undefined;
  const text = diffMessages(options.lang);
  switch (first.code) {
    case "git-unavailable":
      return new UsageError(text.gitMissing);
    case "git-ref-invalid":
      return new UsageError(text.badRef(options.ref));
    case "git-ref-unknown":
      // The repository is there (git found its top level) but HEAD names no commit: nothing was committed yet.
      if (options.ref === "HEAD") return new UsageError(text.noCommits);
      return new UsageError(options.separated === true ? text.notARef(options.ref) : text.refMissing(options.ref));
    case "path-outside-root":
      return new UsageError(messages(options.lang).pathOutsideRoot(first.file ?? ""));
    default:
      return new UsageError(first.message[options.lang]);
  }
}

/**
 * Checks that `ref` names a commit; a ref that does not exist (or looks like an option) is a usage error.
 * `separated`: the ref was written before `--`, and an unknown one is told so (paths go after `--`).
 *
 * @example
 * await verifyRef({ cwd: process.cwd(), ref: "origin/main", lang: "zh", separated: true }); // throws a UsageError when it names no commit
 */
export async function verifyRef(options: { cwd: string; ref: string; lang: Lang; separated?: boolean }): Promise<void> {
  const { diagnostics } = await readGitFiles({ root: options.cwd, ref: options.ref, paths: [] });
  const error = gitUsageError({ diagnostics, ...options });
  if (error !== undefined) throw error;
}

/**
 * The paths a comparison of two commits reads when none are given, picked from the commits as `defaultPaths`
 * picks from the working tree: `checklists` when either commit (`refs`, each already checked to name one) has a
 * `checklists` folder under `cwd`, else `.`.
 *
 * @example
 * await refDefaultPaths({ cwd: process.cwd(), refs: ["origin/main", "HEAD"] }); // ["checklists"] in a project that has it
 */
export async function refDefaultPaths(options: { cwd: string; refs: readonly string[] }): Promise<string[]> {
  for (const ref of options.refs) {
    // `-d` lists the folder itself, as a `tree` entry, and nothing when the commit has no folder of that name.
    const listed = await runGitCommand({ root: options.cwd, args: ["ls-tree", "-d", "-z", ref, "--", "checklists"] });
    if (listed.ok && / tree [0-9a-f]+\tchecklists\0/u.test(new TextDecoder().decode(listed.stdout))) return ["checklists"];
  }
  return ["."];
}

/**
 * The `paths` (as given, in order) that are nowhere: not in the working tree under `cwd`, and with no file under
 * them at any of `refs` (commits, each already checked to name one, or `GIT_INDEX` for the index). Only the paths
 * missing from the working tree are looked up in git, with one `ls-tree` (`ls-files` for the index) per ref, so
 * a comparison whose paths are all there costs no git call; a git that fails here is a usage error.
 *
 * @example
 * await missingPaths({ cwd, paths: ["checklists/nationl", "--fail-on"], refs: ["HEAD"], lang: "en" }); // ["checklists/nationl", "--fail-on"]
 */
export async function missingPaths(options: { cwd: string; paths: readonly string[]; refs: readonly string[]; lang: Lang }): Promise<string[]> {
  const { cwd, lang } = options;
  let missing: string[] = [];
  for (const path of options.paths) if (!(await pathExists(cwd, path))) missing.push(path);
  for (const ref of options.refs) {
    if (missing.length === 0) break;
    const specs = missing.map((path) => projectPath({ cwd, path, lang }));
    const args = ref === GIT_INDEX ? ["ls-files", "-z", "--cached", "--", ...specs] : ["ls-tree", "-r", "-z", "--name-only", ref, "--", ...specs];
    const listed = (await git({ cwd, args, lang })).toString("utf8").split("\0");
    missing = missing.filter((_, place) => {
      const spec = specs[place] as string;
      return !listed.some((file) => spec === "" || file === spec || file.startsWith(`${spec}/`));
    });
  }
  return missing;
}

/**
 * Whether `ref` names a commit (a ref that does not, or that git cannot check, does not).
 *
 * @example
 * await namesCommit({ cwd: process.cwd(), ref: "origin/main" }); // true in a clone that has fetched it
 */
export async function namesCommit(options: { cwd: string; ref: string }): Promise<boolean> {
  const { diagnostics } = await readGitFiles({ root: options.cwd, ref: options.ref, paths: [] });
  return diagnostics.length === 0;
}

/**
 * Reads the YAML files under `paths` as they are in a git commit (`ref`) or, when `ref` is undefined, in
 * the index, straight from git without a checkout (`readGitFiles` of `@onething/sdk/node`). Paths are
 * relative to `cwd`, which may be a folder inside the repository; any finding is a usage error.
 */
export async function readGitVersion(options: { cwd: string; ref: string | undefined; paths: string[]; lang: Lang }): Promise<VersionFile[]> {
  const ref = options.ref ?? GIT_INDEX;
  const { files, diagnostics } = await readGitFiles({ root: options.cwd, ref, paths: options.paths });
  const error = gitUsageError({ diagnostics, ref, lang: options.lang });
  if (error !== undefined) throw error;
  return files.map((file) => ({ path: file.path, bytes: file.text }));
}

/**
 * Parses the files of one version whole; a file that is not a usable onething document is a usage error.
 *
 * @example
 * const documents = parseVersion(await readWorkingTree({ cwd, path: "checklists", lang }), lang);
 */
export function parseVersion(files: readonly VersionFile[], lang: Lang): SourceDocument[] {
  const documents: SourceDocument[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const { document, diagnostics } = parseSource({ path: file.path, text: file.bytes });
    if (document !== undefined) {
      documents.push(document);
      continue;
    }
    const first = diagnostics.find((diagnostic) => diagnostic.severity === "error") ?? diagnostics[0];
    const place = first?.range === undefined ? file.path : `${file.path}:${first.range.start.line}:${first.range.start.column}`;
    problems.push(`  ${place} ${first === undefined ? "" : `${first.code} ${first.message[lang]}`}`.trimEnd());
  }
  if (problems.length > 0) throw new UsageError(diffMessages(lang).unparsable(problems.join("\n")));
  return documents;
}
