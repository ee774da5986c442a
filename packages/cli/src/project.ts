import { readFile, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Diagnostic, Lang, ParsedDocument } from "@onething/sdk";
import { loadProject } from "@onething/sdk/node";
import type { CliIo } from "./io.js";
import { messages } from "./messages.js";
import { UsageError } from "./options.js";

/** A loaded project plus the texts of every file a finding points at, for code frames. */
export interface CheckedProject {
  /** Documents with a usable envelope. */
  documents: ParsedDocument[];
  /** Every finding, sorted by place. */
  diagnostics: Diagnostic[];
  /** File texts by project-relative path. */
  sources: Map<string, string>;
}

/** The paths to check when none are given: `checklists` when it exists, else the project root. */
export async function defaultPaths(cwd: string): Promise<string[]> {
  const info = await stat(resolve(cwd, "checklists")).catch(() => undefined);
  return info?.isDirectory() === true ? ["checklists"] : ["."];
}

async function checkPath(options: { cwd: string; path: string; lang: Lang }): Promise<void> {
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
}

/** `path` relative to `cwd`, with forward slashes ("" for the root itself). */
function projectRelative(cwd: string, path: string): string {
  return relative(cwd, resolve(cwd, path)).split(sep).join("/");
}

function isWithin(file: string, folder: string): boolean {
  return folder === "" || file === folder || file.startsWith(`${folder}/`);
}

/**
 * What to load so that references resolve: when every requested path lies inside the default
 * `checklists/` folder, the whole folder (a single list refers to the registry, the catalogue and the
 * taxonomy beside it); otherwise just the requested paths.
 */
async function contextPaths(cwd: string, requested: readonly string[]): Promise<string[]> {
  const [defaultPath] = await defaultPaths(cwd);
  if (defaultPath === undefined || defaultPath === ".") return [...requested];
  const folder = projectRelative(cwd, defaultPath);
  return requested.every((path) => isWithin(projectRelative(cwd, path), folder)) ? [defaultPath] : [...requested];
}

/**
 * Loads and validates the given paths under the working directory (the project root). Findings are
 * reported for the requested paths only, with the rest of `checklists/` loaded as context when they lie
 * inside it. A path that does not exist or leaves the root, or a run that finds no YAML file at all, is a
 * `UsageError` (exit 2).
 */
export async function checkProject(options: { io: CliIo; paths: string[]; today?: string; lang: Lang }): Promise<CheckedProject> {
  const { io, paths, lang } = options;
  for (const path of paths) await checkPath({ cwd: io.cwd, path, lang });
  const loaded = await loadProject({
    root: io.cwd,
    paths: await contextPaths(io.cwd, paths),
    ...(options.today === undefined ? {} : { today: options.today }),
  });
  const requested = paths.map((path) => projectRelative(io.cwd, path));
  const inScope = (file: string | undefined) => file === undefined || requested.some((folder) => isWithin(file, folder));
  const project = {
    documents: loaded.documents.filter((document) => inScope(document.path)),
    diagnostics: loaded.diagnostics.filter((diagnostic) => inScope(diagnostic.file)),
  };
  const sources = new Map<string, string>();
  for (const document of project.documents) sources.set(document.path, document.text);
  const located = new Set(project.diagnostics.flatMap((diagnostic) => (diagnostic.file === undefined ? [] : [diagnostic.file])));
  if (project.documents.length === 0 && located.size === 0) throw new UsageError(messages(lang).nothingToValidate(paths.join(", ")));
  // Files that could not be parsed into a document still deserve a code frame for their syntax errors.
  for (const file of located) {
    if (sources.has(file) || !project.diagnostics.some((d) => d.file === file && d.range !== undefined)) continue;
    const text = await readFile(resolve(io.cwd, file), "utf8").catch(() => undefined);
    if (text !== undefined) sources.set(file, text);
  }
  return { documents: project.documents, diagnostics: project.diagnostics, sources };
}
