import { execFile, spawn } from "node:child_process";
import { readFile, readdir, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Diagnostic, LocalizedMessage, Severity } from "@onething/schemas";
import { createDiagnostic } from "@onething/dsl";
import { sortDiagnostics } from "./diagnostics.js";
import { loadProject as loadFiles } from "./project.js";
import type { ProjectFile } from "./project.js";
import type { LoadedProject } from "./node.js";

/** The `ref` that names git's index (the staged version), as in `git show :path`. */
export const GIT_INDEX = ":";

/** What a git diagnostic code means and how serious it is, for docs/rules.md. */
export interface GitCodeInfo {
  /** The severity every diagnostic with this code carries. */
  severity: Severity;
  /** One sentence on what the code reports, in both languages. */
  description: LocalizedMessage;
}

/** Every code `readGitFiles` and `loadProjectAtRef` can emit besides dsl's `path-outside-root`. */
export const GIT_DIAGNOSTICS = {
  "git-unavailable": {
    severity: "error",
    description: { zh: "找不到 git 命令，无法从 git 读取。", en: "The git command was not found, so nothing can be read from git." },
  },
  "git-not-a-repository": {
    severity: "error",
    description: { zh: "项目根目录不在 git 仓库中。", en: "The project root is not inside a git repository." },
  },
  "git-ref-invalid": {
    severity: "error",
    description: {
      zh: "引用为空、以“-”开头或含有空白、控制字符，不是有效的 git 引用；不会交给 git。",
      en: "The ref is empty, starts with “-” or holds whitespace or control characters, so it is not a valid git ref and is never passed to git.",
    },
  },
  "git-ref-unknown": {
    severity: "error",
    description: { zh: "git 引用不存在，或不指向提交。", en: "The git ref does not exist or does not name a commit." },
  },
  "git-failed": {
    severity: "error",
    description: {
      zh: "git 命令失败（例如暂存区中有未解决冲突的文件）；消息中带有 git 的错误输出。",
      en: "A git command failed (a file with unresolved conflicts in the index, say); the message carries git's error output.",
    },
  },
} as const satisfies Record<string, GitCodeInfo>;

/** A code `readGitFiles` can emit (besides `path-outside-root`). */
export type GitCode = keyof typeof GIT_DIAGNOSTICS;

/** Options of `readGitFiles`. */
export interface ReadGitFilesOptions {
  /** A folder inside a git working tree; paths are relative to it, and nothing outside it is read. */
  root: string;
  /** A commit-ish (`HEAD`, `main`, `v1.2.0`, a commit id) or `GIT_INDEX` (`":"`) for the staged version. */
  ref: string;
  /** Files or folders to read, relative to `root`. Default: the whole root; `[]` reads nothing and only checks `ref`. */
  paths?: readonly string[];
}

/** One YAML file as git stores it at a ref; a `ProjectFile`, so `loadProject({ files })` takes it as is. */
export interface GitFile extends ProjectFile {
  /** Path relative to the root, with forward slashes. */
  path: string;
  /** The file's raw bytes (`loadProject` decodes them as strict UTF-8; `new TextDecoder().decode(text)` gives a string). */
  text: Uint8Array;
}

/** What `readGitFiles` returns: the files it read and every finding, never a throw. */
export interface GitFilesResult {
  /** The `*.yaml` / `*.yml` files below `paths` at the ref, sorted by path (dot-folders and `node_modules` skipped). */
  files: GitFile[];
  /** Findings: git missing, not a repository, a bad or unknown ref, a path outside the root, a failed read. */
  diagnostics: Diagnostic[];
}

/** Options of `loadProjectAtRef`. */
export interface LoadProjectAtRefOptions extends ReadGitFilesOptions {
  /** The date overdue checks compare against, `YYYY-MM-DD`. Default: today's UTC date. */
  today?: string;
}

const READ_CONCURRENCY = 8;
const MAX_GIT_OUTPUT = 64 * 1024 * 1024;
const START_OF_FILE = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

type GitRun = { ok: true; stdout: Buffer } | { ok: false; missing: boolean; detail: string };

function runGit(root: string, args: string[]): Promise<GitRun> {
  return new Promise((resolvePromise) => {
    execFile("git", ["-C", root, ...args], { encoding: "buffer", maxBuffer: MAX_GIT_OUTPUT, windowsHide: true }, (error, stdout, stderr) => {
      if (error === null) resolvePromise({ ok: true, stdout });
      else if ((error as NodeJS.ErrnoException).code === "ENOENT" && stderr.length === 0) resolvePromise({ ok: false, missing: true, detail: error.message });
      else resolvePromise({ ok: false, missing: false, detail: stderr.toString("utf8").trim().split("\n")[0] || error.message });
    });
  });
}

/** A blob's bytes, or why it could not be read. */
type ReadBlob = Uint8Array | { missing: false; detail: string };

/**
 * Reads blobs by object id through one `git cat-file --batch` process (one process per file cost a fork and an
 * exec each: 8.5 s for 430 files): the ids go to its input a line each, and its output is read as it comes,
 * `<id> blob <size>` then the bytes, each blob copied once into a buffer of its own. A blob git reports missing,
 * or larger than git's output may be, is a failure of its own; a git that cannot start or fails fails them all.
 */
function readBlobs(root: string, objects: readonly string[]): Promise<{ ok: true; blobs: ReadBlob[] } | { ok: false; missing: boolean; detail: string }> {
  if (objects.length === 0) return Promise.resolve({ ok: true, blobs: [] });
  return new Promise((resolvePromise) => {
    const child = spawn("git", ["-C", root, "cat-file", "--batch"], { stdio: ["pipe", "pipe", "pipe"], windowsHide: true });
    const blobs: ReadBlob[] = [];
    const errors: Buffer[] = [];
    let header: Buffer[] = [];
    let body: Buffer | undefined;
    let filled = 0;
    let skip = 0;
    let spawnError: NodeJS.ErrnoException | undefined;
    /** Reads what a chunk holds: header lines, blob bytes and the line break after each blob. */
    const take = (chunk: Buffer) => {
      let at = 0;
      while (at < chunk.length) {
        if (skip > 0) {
          const step = Math.min(skip, chunk.length - at);
          skip -= step;
          at += step;
          continue;
        }
        if (body !== undefined) {
          const step = Math.min(body.length - filled, chunk.length - at);
          chunk.copy(body, filled, at, at + step);
          filled += step;
          at += step;
          if (filled === body.length) {
            blobs.push(new Uint8Array(body.buffer, body.byteOffset, body.length));
            body = undefined;
            skip = 1;
          }
          continue;
        }
        const end = chunk.indexOf(0x0a, at);
        if (end < 0) {
          header.push(chunk.subarray(at));
          break;
        }
        header.push(chunk.subarray(at, end));
        at = end + 1;
        const line = Buffer.concat(header).toString("utf8");
        header = [];
        const [object, type, size] = line.split(" ");
        const length = Number(size);
        if (type !== "blob" || !Number.isSafeInteger(length)) {
          blobs.push({ missing: false, detail: `${object ?? ""} ${type ?? ""}`.trim() });
          // An object of another type still comes with its bytes: pass over them.
          if (Number.isSafeInteger(length) && length >= 0) skip = length + 1;
        } else if (length > MAX_GIT_OUTPUT) {
          blobs.push({ missing: false, detail: `${object ?? ""}: ${length} > ${MAX_GIT_OUTPUT}` });
          skip = length + 1;
        } else {
          body = Buffer.allocUnsafeSlow(length);
          filled = 0;
          if (length === 0) {
            blobs.push(new Uint8Array(0));
            body = undefined;
            skip = 1;
          }
        }
      }
    };
    child.stdout.on("data", take);
    child.stderr.on("data", (chunk: Buffer) => errors.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      spawnError = error;
    });
    child.stdin.on("error", () => undefined);
    child.on("close", (code) => {
      // What git said: the line of its fatal error when it died, else its first line.
      const lines = Buffer.concat(errors).toString("utf8").trim().split("\n");
      const detail = lines.find((line) => line.startsWith("fatal:")) ?? lines[0] ?? "";
      if (spawnError !== undefined) resolvePromise({ ok: false, missing: spawnError.code === "ENOENT", detail: detail || spawnError.message });
      else if (code !== 0 || blobs.length !== objects.length) resolvePromise({ ok: false, missing: false, detail: detail || `git cat-file --batch: ${String(code)}` });
      else resolvePromise({ ok: true, blobs });
    });
    child.stdin.end(`${objects.join("\n")}\n`);
  });
}

function gitDiagnostic(code: GitCode, message: LocalizedMessage, file?: string): Diagnostic {
  return { code, severity: GIT_DIAGNOSTICS[code].severity, message, ...(file === undefined ? {} : { file, range: START_OF_FILE }) };
}

function failure(run: { missing: boolean; detail: string }, root: string, file?: string): Diagnostic {
  if (run.missing) return gitDiagnostic("git-unavailable", { zh: "找不到 git 命令；请安装 git。", en: "git was not found; install it." });
  if (/not a git repository/iu.test(run.detail)) {
    return gitDiagnostic("git-not-a-repository", {
      zh: `“${root}”不在 git 仓库中，无法从 git 读取：${run.detail}`,
      en: `"${root}" is not in a git repository, so nothing can be read from git: ${run.detail}`,
    });
  }
  return gitDiagnostic("git-failed", { zh: `git 命令失败：${run.detail}`, en: `A git command failed: ${run.detail}` }, file);
}

function isYaml(path: string): boolean {
  return /\.ya?ml$/iu.test(path);
}

function skipped(segment: string): boolean {
  return segment.startsWith(".") || segment === "node_modules";
}

async function mapLimited<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, items.length) }, worker));
  return results;
}

/** The paths as git pathspecs relative to the root (`.` for the root itself), and a diagnostic per path outside it. */
function pathspecs(root: string, paths: readonly string[]): { specs: string[]; diagnostics: Diagnostic[] } {
  const specs: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const relation = relative(root, resolve(root, path));
    if (relation.startsWith("..") || isAbsolute(relation)) {
      diagnostics.push(
        createDiagnostic("path-outside-root", {
          message: { zh: `路径在项目根目录之外，未读取：${path}`, en: `The path lies outside the project root and was not read: ${path}` },
          hint: { zh: "只读取项目根目录之内的路径。", en: "Read only paths inside the project root." },
          file: path,
          range: START_OF_FILE,
        }),
      );
    } else {
      specs.push(relation === "" ? "." : relation.split(sep).join("/"));
    }
  }
  return { specs, diagnostics };
}

interface ListedFile {
  path: string;
  object: string;
}

/** Parses `ls-tree -r -z` (`mode type object\tpath`) or `ls-files -s -z` (`mode object stage\tpath`) output. */
function listedFiles(output: Buffer, index: boolean): { files: ListedFile[]; conflicted: string[] } {
  const files: ListedFile[] = [];
  const conflicted = new Set<string>();
  for (const entry of output.toString("utf8").split("\0")) {
    const tab = entry.indexOf("\t");
    if (tab === -1) continue;
    const [mode, second, third] = entry.slice(0, tab).split(" ");
    const path = entry.slice(tab + 1);
    if (!isYaml(path) || path.split("/").some(skipped) || (mode !== "100644" && mode !== "100755")) continue;
    if (index && third !== "0") conflicted.add(path);
    else if (index) files.push({ path, object: second as string });
    else files.push({ path, object: third as string });
  }
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), conflicted: [...conflicted].sort() };
}

/**
 * Reads the `*.yaml` / `*.yml` files below `paths` as they are in a git commit, or in the index for
 * `ref: GIT_INDEX` (`":"`), straight from git without a checkout (symbolic links, submodules, dot-folders and
 * `node_modules` skipped). git runs with an argument array, never a shell. Bad input — git missing, a root
 * outside any repository, a ref that is empty, starts with "-" or names no commit, a path outside the root, a
 * file with unresolved conflicts in the index, a blob git cannot give — comes back as diagnostics, never
 * thrown; a git that fails while reading the blobs (a damaged object store, say) is one diagnostic for the
 * whole read, with no files. A path with no files at the ref simply yields none.
 *
 * @example
 * const { files, diagnostics } = await readGitFiles({ root: ".", ref: "HEAD", paths: ["checklists"] });
 * if (diagnostics.length > 0) console.error(diagnostics.map((d) => d.message.en).join("\n"));
 * files.map((file) => file.path); // ["checklists/departments/national.yaml", …]
 * new TextDecoder().decode(files[0]?.text); // the committed text
 */
export async function readGitFiles(options: ReadGitFilesOptions): Promise<GitFilesResult> {
  const root = resolve(options.root);
  const { ref } = options;
  const index = ref === GIT_INDEX;
  if (!index && (ref === "" || ref.startsWith("-") || /[\u0000-\u001F\u007F\s]/u.test(ref))) {
    return { files: [], diagnostics: [gitDiagnostic("git-ref-invalid", { zh: `“${ref}”不是有效的 git 引用。`, en: `"${ref}" is not a valid git ref.` })] };
  }
  const toplevel = await runGit(root, ["rev-parse", "--show-toplevel"]);
  if (!toplevel.ok) return { files: [], diagnostics: [failure(toplevel, root)] };
  if (!index) {
    const commit = await runGit(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    if (!commit.ok) {
      return { files: [], diagnostics: [gitDiagnostic("git-ref-unknown", { zh: `git 引用“${ref}”不存在，或不指向提交。`, en: `The git ref "${ref}" does not exist or names no commit.` })] };
    }
  }
  const { specs, diagnostics } = pathspecs(root, options.paths ?? ["."]);
  if (specs.length === 0) return { files: [], diagnostics };
  const listing = await runGit(root, index ? ["ls-files", "-z", "--cached", "--stage", "--", ...specs] : ["ls-tree", "-r", "-z", ref, "--", ...specs]);
  if (!listing.ok) return { files: [], diagnostics: [...diagnostics, failure(listing, root)] };
  const listed = listedFiles(listing.stdout, index);
  for (const path of listed.conflicted) {
    diagnostics.push(
      gitDiagnostic("git-failed", { zh: `git 暂存区中的文件有未解决的冲突，未读取：${path}`, en: `The file has unresolved conflicts in the git index and was not read: ${path}` }, path),
    );
  }
  const blobs = await readBlobs(root, listed.files.map((file) => file.object));
  // A git that could not start or failed while reading says nothing of any one file: one finding for the read.
  if (!blobs.ok) return { files: [], diagnostics: [...diagnostics, failure(blobs, root)] };
  const files: GitFile[] = [];
  for (const [position, file] of listed.files.entries()) {
    const blob = blobs.blobs[position];
    if (blob === undefined) continue;
    if (blob instanceof Uint8Array) files.push({ path: file.path, text: blob });
    else diagnostics.push(failure(blob, root, file.path));
  }
  return { files, diagnostics };
}

/** Options of `readWorkingFiles`. */
export interface ReadWorkingFilesOptions {
  /** The project root; `path` is resolved against it and may not leave it. */
  root: string;
  /** A file or folder below the root. */
  path: string;
}

/**
 * Reads the `*.yaml` / `*.yml` files below a file or folder of the working tree with the same rules as
 * `readGitFiles` (dot-folders, `node_modules` and symbolic links skipped, sorted by path), so the two sides of
 * a diff list the same files. A path outside the root, missing or unreadable comes back as a diagnostic.
 *
 * @example
 * const { files } = await readWorkingFiles({ root: ".", path: "checklists" });
 * files.map((file) => file.path); // ["checklists/departments/national.yaml", …]
 */
export async function readWorkingFiles(options: ReadWorkingFilesOptions): Promise<GitFilesResult> {
  const root = resolve(options.root);
  const { specs, diagnostics } = pathspecs(root, [options.path]);
  const [start] = specs;
  if (start === undefined) return { files: [], diagnostics };
  const folder = start === "." ? "" : start;
  const info = await stat(resolve(root, folder)).catch((error: NodeJS.ErrnoException) => error);
  if (!("isDirectory" in info)) {
    const missing = info.code === "ENOENT";
    const message = missing
      ? { zh: `路径不存在：${options.path}`, en: `The path does not exist: ${options.path}` }
      : { zh: `无法读取路径：${options.path}（${info.code ?? "原因不明"}）`, en: `Cannot read the path: ${options.path} (${info.code ?? "unknown reason"})` };
    return { files: [], diagnostics: [createDiagnostic(missing ? "path-not-found" : "file-unreadable", { message, file: options.path, range: START_OF_FILE })] };
  }
  const paths: string[] = [];
  if (info.isDirectory()) {
    const pending = [folder];
    while (pending.length > 0) {
      const current = pending.pop() as string;
      for (const entry of await readdir(resolve(root, current), { withFileTypes: true })) {
        if (skipped(entry.name) || entry.isSymbolicLink()) continue;
        const path = current === "" ? entry.name : `${current}/${entry.name}`;
        if (entry.isDirectory()) pending.push(path);
        else if (entry.isFile() && isYaml(entry.name)) paths.push(path);
      }
    }
  } else {
    paths.push(folder);
  }
  paths.sort();
  const files = await mapLimited(paths, async (path): Promise<GitFile> => {
    // A view of the bytes read, not a copy (copying a Buffer into a Uint8Array goes element by element).
    const bytes = await readFile(resolve(root, path));
    return { path, text: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  });
  return { files, diagnostics };
}

/** What `runGitCommand` gives: git's stdout, or the finding that explains why git failed. */
export type GitCommandResult = { ok: true; stdout: Uint8Array } | { ok: false; diagnostic: Diagnostic };

/**
 * Runs git with an argument array (never a shell) in `root`; a missing git, a folder outside any repository
 * or a failing command comes back as a diagnostic (`git-unavailable`, `git-not-a-repository`, `git-failed`).
 *
 * @example
 * const result = await runGitCommand({ root: ".", args: ["merge-base", "HEAD", "main"] });
 * if (result.ok) new TextDecoder().decode(result.stdout).trim(); // a commit id
 */
export async function runGitCommand(options: { root: string; args: readonly string[] }): Promise<GitCommandResult> {
  const root = resolve(options.root);
  const run = await runGit(root, [...options.args]);
  return run.ok ? { ok: true, stdout: new Uint8Array(run.stdout.buffer, run.stdout.byteOffset, run.stdout.byteLength) } : { ok: false, diagnostic: failure(run, root) };
}

/**
 * Loads a project as it is at a git ref (or in the index for `ref: GIT_INDEX`), without a checkout: reads the
 * YAML files with `readGitFiles`, then parses, validates and resolves them as `loadProject({ files })` does.
 * The result has the same shape as the Node `loadProject`: `{ root, documents, diagnostics, checklists,
 * index }`, with git's findings among the sorted `diagnostics`.
 *
 * @example
 * const before = await loadProjectAtRef({ root: ".", ref: "main", paths: ["checklists"] });
 * const after = await loadProject("checklists");
 * diffProjects(before, after).impact; // "minor", say
 */
export async function loadProjectAtRef(options: LoadProjectAtRefOptions): Promise<LoadedProject> {
  const read = await readGitFiles(options);
  const loaded = loadFiles({ files: read.files, ...(options.today === undefined ? {} : { today: options.today }) });
  return { root: resolve(options.root), ...loaded, diagnostics: sortDiagnostics([...read.diagnostics, ...loaded.diagnostics]) };
}
