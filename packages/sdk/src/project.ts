import type { Diagnostic, SourceDocument } from "@onething/schemas";
import { parseSource, resolveChecklist as resolveWithOptions } from "@onething/dsl";
import type { ParsedDocument, ResolveChecklistOptions, ResolvedChecklist, ResolveResult } from "@onething/dsl";
import { diffDocuments } from "@onething/diff";
import type { DiffResult } from "@onething/diff";
import type { ProjectIndex } from "@onething/validate";
import { checkAndResolve, checkDocuments } from "./check.js";
import type { CheckOptions } from "./check.js";
import { sortDiagnostics } from "./diagnostics.js";

/** One file of an in-memory project. */
export interface ProjectFile {
  /** Project-relative path with forward slashes (`checklists/national/2024-1.yaml`); used in every diagnostic. */
  path: string;
  /** The file's text, or its raw bytes (decoded as strict UTF-8). */
  text: string | Uint8Array;
}

/** Options of the browser-safe `loadProject`. */
export interface LoadFilesOptions {
  /**
   * The files, as `{ path, text }` entries or as an object from path to text. A later entry with the same
   * path replaces an earlier one; files that are not onething documents come back as diagnostics.
   */
  files: readonly ProjectFile[] | Readonly<Record<string, string>>;
  /** The date overdue checks compare against, `YYYY-MM-DD`. Default: today's UTC date. */
  today?: string;
}

/** A loaded project: its documents, every finding about them, and every checklist resolved over its bases. */
export interface Project {
  /** The documents with a usable envelope (`apiVersion`, `kind`), sorted by path. */
  documents: ParsedDocument[];
  /** Every finding (reading, parsing, structure, semantic rules, resolution), sorted by file and place. */
  diagnostics: Diagnostic[];
  /** Every checklist of the project resolved over its bases (the effective list), by `metadata.id`. */
  checklists: Map<string, ResolvedChecklist>;
  /**
   * The structurally valid documents indexed by id, each value with its document and JSON Pointer:
   * departments, items, stages, checklists and their own matters, annual batches (`2024-1`), …
   */
  index: ProjectIndex;
}

/** An effective checklist returned by `resolveChecklist(project, id)`, with the findings about its chain. */
export type EffectiveChecklist = ResolvedChecklist & {
  /**
   * Findings made while resolving the list and its bases (cycles, weakened locks, …); an `unknown-checklist`
   * error when the project holds no checklist with the id (the list is then empty).
   */
  diagnostics: Diagnostic[];
};

/**
 * Loads a project from in-memory files: parses each file, validates every document (structure, semantic
 * rules) and resolves every checklist over its bases. Runs in a browser; `@onething/sdk/node` adds reading
 * folders from disk. Bad data never throws: it comes back as `diagnostics`. Throws a `TypeError` only when
 * called with something other than an options object (API misuse, such as passing a folder name here).
 *
 * @example
 * const project = loadProject({ files: { "checklists/a.yaml": "apiVersion: onething/v1\nkind: Checklist\n" }, today: "2025-07-01" });
 * project.diagnostics.map((d) => d.code); // ["schema-required", …]: a checklist needs metadata and spec
 */
export function loadProject(options: LoadFilesOptions): Project {
  const files = readFiles(options);
  const documents: ParsedDocument[] = [];
  const parsed: Diagnostic[] = [];
  for (const file of files) {
    const result = parseSource({ path: file.path, text: file.text });
    parsed.push(...result.diagnostics);
    if (result.document !== undefined) documents.push(result.document);
  }
  documents.sort((a, b) => compareText(a.path, b.path));
  const checked = checkAndResolve(documents, options.today === undefined ? {} : { today: options.today });
  return { documents, diagnostics: sortDiagnostics([...parsed, ...checked.diagnostics]), checklists: checked.checklists, index: checked.index };
}

function readFiles(options: LoadFilesOptions): ProjectFile[] {
  const given: unknown = (options as Partial<LoadFilesOptions> | undefined)?.files;
  if (typeof options !== "object" || options === null || typeof given !== "object" || given === null) {
    throw new TypeError(
      "loadProject: 应传入 { files }（内存中的文件）；读取目录请从 @onething/sdk/node 导入 loadProject。 " +
        "Pass { files } (in-memory files); to read folders, import loadProject from @onething/sdk/node.",
    );
  }
  const entries: ProjectFile[] = Array.isArray(given)
    ? (given as ProjectFile[])
    : Object.entries(given as Record<string, string>).map(([path, text]) => ({ path, text }));
  const byPath = new Map<string, ProjectFile>();
  for (const entry of entries) {
    if (typeof entry?.path !== "string" || (typeof entry.text !== "string" && !(entry.text instanceof Uint8Array))) {
      throw new TypeError("loadProject: 每个文件应为 { path: string, text: string | Uint8Array }。 Each file is { path: string, text: string | Uint8Array }.");
    }
    byPath.set(entry.path, entry);
  }
  return [...byPath.values()].sort((a, b) => compareText(a.path, b.path));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What `resolveChecklist(project, id)` reads: a project's documents (a `Project` or anything with them). */
export interface ProjectDocuments {
  /** The project's documents; the other kinds are ignored. */
  documents: readonly ParsedDocument[];
}

/**
 * Resolves one checklist of a project over its bases into the list its jurisdiction runs, with provenance
 * for every matter and field. `resolveChecklist(project, id)` returns the effective list itself, carrying its
 * findings in `diagnostics` (an unknown id gives an empty list and an `unknown-checklist` error, never a
 * throw); `resolveChecklist({ documents, id })` is `@onething/dsl`'s form and returns `{ checklist?, diagnostics }`.
 *
 * @example
 * const qingdao = resolveChecklist(project, "cn.sd.qingdao");
 * qingdao.chain; // ["cn.national.2024-1", …, "cn.sd.qingdao"]
 * qingdao.matters[0]?.origin["metrics.trips"]?.checklist; // the list that set the figure
 */
export function resolveChecklist(project: ProjectDocuments, id: string): EffectiveChecklist;
export function resolveChecklist(options: ResolveChecklistOptions): ResolveResult;
export function resolveChecklist(input: ProjectDocuments | ResolveChecklistOptions, id?: string): EffectiveChecklist | ResolveResult {
  if (id === undefined) return resolveWithOptions(input as ResolveChecklistOptions);
  const result = resolveWithOptions({ documents: input.documents, id });
  if (result.checklist !== undefined) return { ...result.checklist, diagnostics: result.diagnostics };
  return { id, title: { zh: id, en: id }, version: "", file: "", chain: [], matters: [], diagnostics: [unknownChecklist(id)] };
}

function unknownChecklist(id: string): Diagnostic {
  return {
    code: "unknown-checklist",
    severity: "error",
    message: { zh: `项目中没有 metadata.id 为 ${id} 的清单`, en: `The project holds no checklist with metadata.id ${id}` },
    hint: {
      zh: "检查清单标识的拼写，并确认该清单的文件在加载的路径中。",
      en: "Check the spelling of the id, and that the checklist's file is among the loaded paths.",
    },
  };
}

/**
 * Validates documents, or a project's documents: structure (JSON Schema), semantic rules and resolution
 * (extends cycles, weakened locks, …); sorted by place, never throws. It is `checkDocuments` under the name
 * the SDK guide uses. Findings made while reading and parsing are not repeated here: they are in
 * `project.diagnostics`.
 *
 * @example
 * const diagnostics = validate(project, { today: "2025-07-01", rules: { overdue: "off" } });
 * diagnostics.filter((d) => d.severity === "error").length; // 0 for the bundled checklists/
 */
export function validate(input: readonly SourceDocument[] | { documents: readonly SourceDocument[] }, options: CheckOptions = {}): Diagnostic[] {
  const documents = isDocumentList(input) ? input : input.documents;
  return checkDocuments(documents, options);
}

function isDocumentList(input: readonly SourceDocument[] | { documents: readonly SourceDocument[] }): input is readonly SourceDocument[] {
  return Array.isArray(input);
}

/**
 * Compares two versions of a project semantically (see `diffDocuments`): documents matched by `metadata.id`,
 * matters by id, renames through `formerIds`; every change classified with the semver part it calls for.
 * Never throws: documents that failed to parse are simply not compared.
 *
 * @example
 * const result = diffProjects(lastRelease, project);
 * result.impact; // "major" when a matter was removed, …
 * console.log(renderDiff(result, { format: "text", lang: "zh" }));
 */
export function diffProjects(before: ProjectDocuments, after: ProjectDocuments): DiffResult {
  return diffDocuments({ before: before.documents, after: after.documents });
}
