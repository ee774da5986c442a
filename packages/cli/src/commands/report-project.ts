import { stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Diagnostic, Lang, ParsedDocument } from "@onething/sdk";
import { loadProject } from "@onething/sdk/node";
import type { CliIo } from "../io.js";
import { messages } from "../messages.js";
import { UsageError } from "../options.js";
import { defaultPaths } from "../project.js";

/** A project loaded for a report: every document (for resolution) and which of them were asked for. */
export interface ReportProject {
  /** Every loaded document, the requested paths and, when they lie in checklists/, the rest of it. */
  documents: ParsedDocument[];
  /** Whether a project-relative path lies under one of the requested paths. */
  requested: (file: string) => boolean;
  /** Every finding of loading and validation. */
  diagnostics: Diagnostic[];
  /** The requested paths as given (or the default). */
  paths: string[];
}

function projectRelative(cwd: string, path: string): string {
  return relative(cwd, resolve(cwd, path)).split(sep).join("/");
}

function isWithin(file: string, folder: string): boolean {
  return folder === "" || file === folder || file.startsWith(`${folder}/`);
}

/**
 * Loads the documents a report needs: the requested paths (default checklists/ or the root), and, when they
 * all lie inside checklists/, the whole folder so that bases and registries resolve. A missing path or one
 * outside the root is a `UsageError` (exit 2).
 */
export async function loadReportProject(options: { io: CliIo; paths: string[]; lang: Lang; today?: string }): Promise<ReportProject> {
  const { io, lang } = options;
  const text = messages(lang);
  const paths = options.paths.length > 0 ? options.paths : await defaultPaths(io.cwd);
  for (const path of paths) {
    const relation = relative(io.cwd, resolve(io.cwd, path));
    if (relation.startsWith("..") || isAbsolute(relation)) throw new UsageError(text.pathOutsideRoot(path));
    try {
      await stat(resolve(io.cwd, path));
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new UsageError(code === "ENOENT" ? text.pathMissing(path) : text.pathUnreadable(path, String(code ?? error)));
    }
  }
  const [defaultPath] = await defaultPaths(io.cwd);
  const folder = defaultPath === undefined || defaultPath === "." ? undefined : projectRelative(io.cwd, defaultPath);
  const requested = paths.map((path) => projectRelative(io.cwd, path));
  const load = folder !== undefined && requested.every((path) => isWithin(path, folder)) ? [folder] : paths;
  const loaded = await loadProject({ root: io.cwd, paths: load, ...(options.today === undefined ? {} : { today: options.today }) });
  return {
    documents: loaded.documents,
    requested: (file) => requested.some((path) => isWithin(file, path)),
    diagnostics: loaded.diagnostics,
    paths,
  };
}
