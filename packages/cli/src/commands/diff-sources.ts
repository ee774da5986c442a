import { stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { parseSource, type Diagnostic, type Lang, type SourceDocument } from "@onething/sdk";
import { GIT_INDEX, readGitFiles, readWorkingFiles, runGitCommand } from "@onething/sdk/node";
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

/** Runs git with an argument array (never a shell) in `cwd` and returns its stdout as bytes (for the changeset commands). */
export async function git(options: { cwd: string; args: string[]; lang: Lang }): Promise<Buffer> {
  const result = await runGitCommand({ root: options.cwd, args: options.args });
  if (result.ok) return Buffer.from(result.stdout.buffer, result.stdout.byteOffset, result.stdout.byteLength);
  throw gitUsageError({ diagnostics: [result.diagnostic], ref: "", lang: options.lang }) ?? new UsageError(result.diagnostic.message[options.lang]);
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
