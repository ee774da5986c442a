import { readFile, realpath, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Diagnostic, Lang, ParsedDocument } from "@onething/sdk";
import { loadProject } from "@onething/sdk/node";
import type { CliIo } from "./io.js";
import { messages } from "./messages.js";
import { UsageError } from "./options.js";

/** What `checkProject` needs of a loaded file: its path and text. */
export interface LoadedFile {
  /** Project-relative path. */
  path: string;
  /** The file's text. */
  readonly text: string;
}

/** Loads and validates the files under `paths` (relative to `root`); `loadProject` of the SDK by default. */
export type ProjectLoader<D extends LoadedFile> = (options: {
  root: string;
  paths: string[];
  today?: string;
  /** The project-relative files or folders whose findings are reported ("" for all); the rest is context. */
  scope: string[];
}) => Promise<{ documents: D[]; diagnostics: Diagnostic[] }>;

/** A loaded project plus the texts of every file a finding points at, for code frames. */
export interface CheckedProject<D extends LoadedFile = ParsedDocument> {
  /** Documents with a usable envelope. */
  documents: D[];
  /** Every finding, sorted by place. */
  diagnostics: Diagnostic[];
  /** The texts of the files findings point at (theirs and their related places'), by project-relative path. */
  sources: Map<string, string>;
  /** Every checked file: the documents' paths and those of the files findings point at. */
  files: string[];
}

/** The paths to check when none are given: `checklists` when it exists, else the project root. */
export async function defaultPaths(cwd: string): Promise<string[]> {
  const info = await stat(resolve(cwd, "checklists")).catch(() => undefined);
  return info?.isDirectory() === true ? ["checklists"] : ["."];
}

/**
 * Checks a requested path: it must stay inside the project root `cwd` and exist, else a `UsageError`
 * (exit 2). Returns it relative to the root with forward slashes (`""` for the root itself).
 */
export async function checkProjectPath(options: { cwd: string; path: string; lang: Lang }): Promise<string> {
  const text = messages(options.lang);
  const absolute = resolve(options.cwd, options.path);
  const relation = relative(options.cwd, absolute);
  if (relation.startsWith("..") || isAbsolute(relation)) throw new UsageError(text.pathOutsideRoot(options.path));
  try {
    await stat(absolute);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(code === "ENOENT" ? text.pathMissing(options.path) : text.pathUnreadable(options.path, String(code ?? error)));
  }
  return relation.split(sep).join("/");
}

async function checkPath(options: { cwd: string; path: string; lang: Lang }): Promise<void> {
  if (options.path === "") throw new UsageError(messages(options.lang).emptyPath);
  await checkProjectPath(options);
}

/** `path` relative to `cwd`, with forward slashes ("" for the root itself). */
function projectRelative(cwd: string, path: string): string {
  return relative(cwd, resolve(cwd, path)).split(sep).join("/");
}

/** Whether a project-relative file lies in a project-relative folder (`""` is the root, holding everything). */
export function isWithin(file: string, folder: string): boolean {
  return folder === "" || file === folder || file.startsWith(`${folder}/`);
}

/**
 * The names a requested path may go by among the loaded files: as written, and as its real path (the
 * loader names files by their real path, so a symbolic link inside the root is reported under its target).
 */
async function projectNames(cwd: string, path: string): Promise<string[]> {
  const written = projectRelative(cwd, path);
  const [real, realRoot] = await Promise.all([realpath(resolve(cwd, path)).catch(() => undefined), realpath(cwd).catch(() => undefined)]);
  if (real === undefined || realRoot === undefined) return [written];
  const target = relative(realRoot, real);
  if (target.startsWith("..") || isAbsolute(target)) return [written];
  const name = target.split(sep).join("/");
  return name === written ? [written] : [written, name];
}

/**
 * What to load so that references resolve: when every requested path lies inside the default folder
 * (`checklists/` when it exists, else the project root), that whole folder (a single list refers to the
 * registry, the catalogue and the taxonomy beside it); otherwise just the requested paths.
 */
async function contextPaths(options: { cwd: string; requested: readonly string[]; names: readonly string[][] }): Promise<string[]> {
  const [defaultPath = "."] = await defaultPaths(options.cwd);
  const folders = await projectNames(options.cwd, defaultPath);
  const inside = options.names.every((names) => names.some((name) => folders.some((folder) => isWithin(name, folder))));
  return inside ? [defaultPath] : [...options.requested];
}

/**
 * Loads and validates the given paths under the working directory (the project root). Findings are
 * reported for the requested paths only, with the rest of the default folder (`checklists/`, else the
 * root) loaded as context when they lie inside it. An empty path, a path that does not exist or leaves
 * the root, or a run that finds no YAML file at all, is a `UsageError` (exit 2).
 */
export async function checkProject(options: { io: CliIo; paths: string[]; today?: string; lang: Lang }): Promise<CheckedProject>;
export async function checkProject<D extends LoadedFile>(options: { io: CliIo; paths: string[]; today?: string; lang: Lang; load: ProjectLoader<D> }): Promise<CheckedProject<D>>;
export async function checkProject(options: { io: CliIo; paths: string[]; today?: string; lang: Lang; load?: ProjectLoader<LoadedFile> }): Promise<CheckedProject<LoadedFile>> {
  const { io, paths, lang } = options;
  for (const path of paths) await checkPath({ cwd: io.cwd, path, lang });
  const names = await Promise.all(paths.map((path) => projectNames(io.cwd, path)));
  const load = options.load ?? loadProject;
  const requested = names.flat();
  const loaded = await load({
    root: io.cwd,
    paths: await contextPaths({ cwd: io.cwd, requested: paths, names }),
    ...(options.today === undefined ? {} : { today: options.today }),
    scope: requested,
  });
  const inScope = (file: string | undefined) => file === undefined || requested.some((folder) => isWithin(file, folder));
  const project = {
    documents: loaded.documents.filter((document) => inScope(document.path)),
    diagnostics: loaded.diagnostics.filter((diagnostic) => inScope(diagnostic.file)),
  };
  const located = new Set(project.diagnostics.flatMap((diagnostic) => (diagnostic.file === undefined ? [] : [diagnostic.file])));
  // Only the files findings point at are drawn in code frames, so only their texts are kept.
  const framed = new Set([...located, ...project.diagnostics.flatMap((diagnostic) => (diagnostic.related ?? []).flatMap((place) => (place.file === undefined ? [] : [place.file])))]);
  const sources = new Map<string, string>();
  for (const document of project.documents) if (framed.has(document.path)) sources.set(document.path, document.text);
  if (project.documents.length === 0 && located.size === 0) throw new UsageError(messages(lang).nothingToValidate(paths.join(", ")));
  // Files that could not be parsed into a document still deserve a code frame for their syntax errors.
  for (const file of located) {
    if (sources.has(file) || !project.diagnostics.some((d) => d.file === file && d.range !== undefined)) continue;
    const text = await readFile(resolve(io.cwd, file), "utf8").catch(() => undefined);
    if (text !== undefined) sources.set(file, text);
  }
  const files = [...new Set([...project.documents.map((document) => document.path), ...sources.keys()])];
  return { documents: project.documents, diagnostics: project.diagnostics, sources, files };
}
