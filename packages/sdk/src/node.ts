import type { Diagnostic } from "@onething/schemas";
import { loadProject as loadDocuments } from "@onething/dsl/node";
import { checkDocuments } from "./check.js";
import { sortDiagnostics } from "./diagnostics.js";

/** Options of `loadProject`. */
export interface LoadProjectOptions {
  /** The project root; every path is resolved against it and may not leave it. */
  root: string;
  /** Files or folders to load, relative to `root`. Default: the whole root. */
  paths?: string[];
  /** The date overdue checks compare against, `YYYY-MM-DD`. Default: today's UTC date. */
  today?: string;
}

/** A loaded and validated project. */
export type LoadedProject = Awaited<ReturnType<typeof loadDocuments>> & {
  /** Every finding, from parsing and from validation, sorted by place. */
  diagnostics: Diagnostic[];
};

/**
 * Loads the YAML documents under `paths`, validates them, and returns the documents with every
 * finding (parse and validation), sorted by place. Bad input is reported as diagnostics, never thrown.
 *
 * @example
 * const project = await loadProject({ root: process.cwd(), paths: ["checklists"] });
 * if (project.diagnostics.some((d) => d.severity === "error")) process.exitCode = 1;
 */
export async function loadProject(options: LoadProjectOptions): Promise<LoadedProject> {
  const loaded = await loadDocuments({ root: options.root, ...(options.paths === undefined ? {} : { paths: options.paths }) });
  const checked = checkDocuments(loaded.documents, options.today === undefined ? {} : { today: options.today });
  return { ...loaded, diagnostics: sortDiagnostics([...loaded.diagnostics, ...checked]) };
}
