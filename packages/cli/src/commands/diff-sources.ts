import { execFile } from "node:child_process";
import { readFile, readdir, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Diagnostic, Lang } from "@onething/sdk";
import { GIT_INDEX, readGitFiles } from "@onething/sdk/node";
import { messages } from "../messages.js";
import { UsageError } from "../options.js";
import { diffMessages } from "./diff-messages.js";

/** One file of one version: its project-relative path and raw bytes. */
export interface VersionFile {
  /** Project-relative path with forward slashes. */
  path: string;
  /** The file's bytes. */
  bytes: Uint8Array;
}

const READ_CONCURRENCY = 8;
const MAX_GIT_OUTPUT = 64 * 1024 * 1024;

function isYaml(path: string): boolean {
  return /\.ya?ml$/iu.test(path);
}

function skipped(segment: string): boolean {
  return segment.startsWith(".") || segment === "node_modules";
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

/**
 * Reads the YAML files under a file or folder of the working tree (recursively, skipping dot-folders,
 * `node_modules` and symbolic links), sorted by path. A missing path or one outside `cwd` is a usage error.
 */
export async function readWorkingTree(options: { cwd: string; path: string; lang: Lang }): Promise<VersionFile[]> {
  const { cwd, lang } = options;
  const start = projectPath(options);
  const info = await stat(resolve(cwd, start)).catch((error: { code?: string }) => error);
  if (!("isDirectory" in info)) {
    const code = info.code;
    throw new UsageError(code === "ENOENT" ? messages(lang).pathMissing(options.path) : messages(lang).pathUnreadable(options.path, String(code)));
  }
  const files: string[] = [];
  if (info.isDirectory()) {
    const pending = [start];
    while (pending.length > 0) {
      const folder = pending.pop() as string;
      const entries = await readdir(resolve(cwd, folder), { withFileTypes: true });
      for (const entry of entries) {
        if (skipped(entry.name) || entry.isSymbolicLink()) continue;
        const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
        if (entry.isDirectory()) pending.push(path);
        else if (entry.isFile() && isYaml(entry.name)) files.push(path);
      }
    }
  } else {
    files.push(start);
  }
  files.sort();
  return mapLimited(files, async (path) => ({ path, bytes: new Uint8Array(await readFile(resolve(cwd, path))) }));
}

/** Runs git with an argument array (never a shell) in `cwd` and returns its stdout as bytes (for the changeset commands). */
export async function git(options: { cwd: string; args: string[]; lang: Lang }): Promise<Buffer> {
  const text = diffMessages(options.lang);
  return new Promise((resolvePromise, reject) => {
    execFile("git", ["-C", options.cwd, ...options.args], { encoding: "buffer", maxBuffer: MAX_GIT_OUTPUT, windowsHide: true }, (error, stdout, stderr) => {
      if (error === null) {
        resolvePromise(stdout);
        return;
      }
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        reject(new UsageError(text.gitMissing));
        return;
      }
      const detail = stderr.toString("utf8").trim().split("\n")[0] ?? error.message;
      reject(new UsageError(/not a git repository/iu.test(detail) ? text.notARepository(detail) : text.gitFailed(detail)));
    });
  });
}

/** The usage error for the first of `readGitFiles`'s findings, in the CLI's words; undefined when there is none. */
function gitUsageError(options: { diagnostics: readonly Diagnostic[]; ref: string; lang: Lang }): UsageError | undefined {
  const [first] = options.diagnostics;
  if (first === undefined) return undefined;
  const text = diffMessages(options.lang);
  switch (first.code) {
    case "git-unavailable":
      return new UsageError(text.gitMissing);
    case "git-ref-invalid":
      return new UsageError(text.badRef(options.ref));
    case "git-ref-unknown":
      return new UsageError(text.refMissing(options.ref));
    case "path-outside-root":
      return new UsageError(messages(options.lang).pathOutsideRoot(first.file ?? ""));
    default:
      return new UsageError(first.message[options.lang]);
  }
}

/** Checks that `ref` names a commit; a ref that does not exist (or looks like an option) is a usage error. */
export async function verifyRef(options: { cwd: string; ref: string; lang: Lang }): Promise<void> {
  const { diagnostics } = await readGitFiles({ root: options.cwd, ref: options.ref, paths: [] });
  const error = gitUsageError({ diagnostics, ref: options.ref, lang: options.lang });
  if (error !== undefined) throw error;
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
