import { isAbsolute, resolve } from "node:path";
import { loadProject as loadDocuments } from "@onething/dsl/node";
import { checkAndResolve } from "./check.js";
import { sortDiagnostics } from "./diagnostics.js";
import { loadProject as loadFiles } from "./project.js";
import type { LoadFilesOptions, Project } from "./project.js";

export * from "./index.js";
export { writeFileAtomic, writeNewFileAtomic } from "./node-files.js";
export { validateProject, type ValidatedFile, type ValidateProjectOptions, type ValidateProjectResult } from "./validate-project.js";
export { VALIDATE_CACHE_FILE } from "./validate-cache.js";
export { GIT_DIAGNOSTICS, GIT_INDEX, loadProjectAtRef, readGitFiles, readWorkingFiles, runGitCommand, type GitCode, type GitCommandResult, type GitCodeInfo, type GitFile, type GitFilesResult, type LoadProjectAtRefOptions, type ReadGitFilesOptions, type ReadWorkingFilesOptions } from "./node-git.js";

/** Options of `loadProject` when it reads from disk. */
export interface LoadProjectOptions {
  /** The project root; every path is resolved against it and may not leave it. */
  root: string;
  /** Files or folders to load, relative to `root`. Default: the whole root. */
  paths?: string[];
  /** The date overdue checks compare against, `YYYY-MM-DD`. Default: today's UTC date. */
  today?: string;
}

/** A loaded, validated and resolved project, with the absolute root it was read from. */
export type LoadedProject = Project & {
  /** The absolute project root (the current directory for a folder name or in-memory files). */
  root: string;
};

/**
 * Loads a project from disk — every `*.yaml` / `*.yml` file under a folder — validates it and resolves every
 * checklist over its bases. A relative string is a folder or file below the current directory (which is then
 * the root: nothing outside it is read, and paths read `checklists/…`); an absolute string is the root
 * folder itself; `{ root, paths }` names the root and what to load below it;
 * `{ files }` loads in-memory files as the browser entry does. Findings (missing paths, unreadable files,
 * YAML errors, rule violations) come back sorted by place in `diagnostics`, never thrown.
 *
 * @example
 * const project = await loadProject("checklists");
 * if (project.diagnostics.some((d) => d.severity === "error")) process.exitCode = 1;
 * const qingdao = resolveChecklist(project, "cn.sd.qingdao");
 * project.index.departments.get("dept.samr")?.[0]?.document.path; // "checklists/departments/national.yaml"
 */
export async function loadProject(input: string | LoadProjectOptions | LoadFilesOptions): Promise<LoadedProject> {
  if (typeof input === "object" && input !== null && "files" in input) return { root: resolve("."), ...loadFiles(input) };
  const options: LoadProjectOptions = typeof input !== "string" ? input : isAbsolute(input) ? { root: input } : { root: ".", paths: [input] };
  const loaded = await loadDocuments({ root: options.root, ...(options.paths === undefined ? {} : { paths: options.paths }) });
  const checked = checkAndResolve(loaded.documents, options.today === undefined ? {} : { today: options.today });
  return {
    root: loaded.root,
    documents: loaded.documents,
    diagnostics: sortDiagnostics([...loaded.diagnostics, ...checked.diagnostics]),
    checklists: checked.checklists,
    index: checked.index,
  };
}
