import { sep } from "node:path";
import {
  mergeChecklists,
  resolveChecklists,
  type Diagnostic,
  type Lang,
  type LocalizedText,
  type ParsedDocument,
  type ResolvedChecklist,
  type TaxonomyDocument,
} from "@onething/sdk";
import { loadProject } from "@onething/sdk/node";
import type { CliIo } from "../io.js";
import { UsageError } from "../options.js";
import { checkProjectPath, defaultPaths, isWithin } from "../project.js";
import { statsMessages } from "./stats-messages.js";

/** What `stats` and `export` work on: the resolved lists to report, with the context to name things. */
export interface StatsProject {
  /** The lists to report on, in order (the merged national view, or the lists asked for). */
  selected: ResolvedChecklist[];
  /** Every national annual and total list of the project, resolved, batches first (for coverage). */
  national: ResolvedChecklist[];
  /** The project's lifecycle taxonomy (the first one loaded), when there is one. */
  taxonomy?: TaxonomyDocument;
  /** Department names by id, from the department registries. */
  departments: Map<string, LocalizedText>;
  /** Service-item names by id, from the item catalogues. */
  items: Map<string, LocalizedText>;
  /** Errors found in the files of the selected lists and their bases (parsing, validation, resolution). */
  errors: number;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toSlashes(path: string): string {
  return path.split(sep).join("/");
}

/** A national annual or total list: its sort key (batches by year and number, total lists last), else undefined. */
function nationalRank(document: ParsedDocument): number[] | undefined {
  const value = isObject(document.value) ? document.value : {};
  const metadata = isObject(value["metadata"]) ? value["metadata"] : {};
  const spec = isObject(value["spec"]) ? value["spec"] : {};
  const jurisdiction = isObject(metadata["jurisdiction"]) ? metadata["jurisdiction"] : {};
  if (jurisdiction["level"] !== "national") return undefined;
  const batch = isObject(spec["batch"]) ? spec["batch"] : {};
  if (spec["scope"] === "annual") return [0, typeof batch["year"] === "number" ? batch["year"] : 0, typeof batch["seq"] === "number" ? batch["seq"] : 0];
  return spec["scope"] === "total" ? [1, 0, 0] : undefined;
}

function compareRank(a: number[], b: number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The national annual and total lists among `documents`, resolved, batches in order then total lists. */
function nationalLists(documents: readonly ParsedDocument[], resolved: ReadonlyMap<string, ResolvedChecklist>): ResolvedChecklist[] {
  return documents
    .flatMap((document) => {
      const rank = nationalRank(document);
      const list = document.id === undefined ? undefined : resolved.get(document.id);
      return document.kind === "Checklist" && rank !== undefined && list !== undefined ? [{ rank, list, path: document.path }] : [];
    })
    .sort((a, b) => compareRank(a.rank, b.rank) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((entry) => entry.list);
}

function collectNames(documents: readonly ParsedDocument[], kind: string, field: string): Map<string, LocalizedText> {
  const names = new Map<string, LocalizedText>();
  for (const document of documents) {
    if (document.kind !== kind || !isObject(document.value)) continue;
    const spec = document.value["spec"];
    const entries = isObject(spec) && Array.isArray(spec[field]) ? spec[field] : [];
    for (const entry of entries) {
      if (!isObject(entry) || typeof entry["id"] !== "string" || !isObject(entry["name"]) || typeof entry["name"]["zh"] !== "string") continue;
      if (!names.has(entry["id"])) names.set(entry["id"], entry["name"] as unknown as LocalizedText);
    }
  }
  return names;
}

/** Whether a document's value has the shape the coverage map reads: subjects, each with an id and stages. */
function isTaxonomy(value: unknown): value is TaxonomyDocument {
  const spec = isObject(value) ? value["spec"] : undefined;
  if (!isObject(spec) || !Array.isArray(spec["subjects"])) return false;
  return spec["subjects"].every(
    (subject) => isObject(subject) && typeof subject["id"] === "string" && Array.isArray(subject["stages"]) && subject["stages"].every((stage) => isObject(stage) && typeof stage["id"] === "string"),
  );
}

/**
 * Loads the project for `stats` and `export`: checks the paths (exit 2 when one is missing or leaves the
 * root), loads them (the whole `checklists/` folder — or the whole root when there is none — when every
 * path lies inside it, so bases, the taxonomy and the registries are at hand), resolves every checklist, and picks the lists to report:
 * the ones named by `ids`; else the national annual and total lists under the paths merged into one
 * view; else every checklist under the paths.
 */
export async function loadStatsProject(options: { io: CliIo; paths: string[]; ids: string[]; lang: Lang }): Promise<StatsProject> {
  const { io, lang } = options;
  const text = statsMessages(lang);
  const paths = options.paths.length > 0 ? options.paths : await defaultPaths(io.cwd);
  const requested: string[] = [];
  for (const path of paths) requested.push(await checkProjectPath({ cwd: io.cwd, path, lang }));
  // Bases, the taxonomy and the registries usually sit beside the requested list: load the default folder
  // (checklists/, or the whole root when there is none) when every path lies inside it.
  const [defaultPath = "."] = await defaultPaths(io.cwd);
  const folder = defaultPath === "." ? "" : toSlashes(defaultPath);
  const context = requested.every((path) => isWithin(path, folder)) ? [defaultPath] : paths;
  const loaded = await loadProject({ root: io.cwd, paths: context });
  const { checklists: resolved, diagnostics: resolveDiagnostics } = resolveChecklists({ documents: loaded.documents });

  const inScope = (file: string) => requested.some((path) => isWithin(file, path));
  const scoped = loaded.documents.filter((document) => document.kind === "Checklist" && document.id !== undefined && inScope(document.path));
  let selected: ResolvedChecklist[];
  if (options.ids.length > 0) {
    selected = options.ids.map((id) => {
      const list = resolved.get(id);
      if (list === undefined) throw new UsageError(text.unknownChecklist(id, [...resolved.keys()].sort().join(", ")));
      return list;
    });
  } else {
    const national = nationalLists(scoped, resolved);
    if (national.length > 0) {
      selected = [mergeChecklists({ checklists: national, id: "national", title: { zh: statsMessages("zh").mergedTitle(national.length), en: statsMessages("en").mergedTitle(national.length) } })];
    } else {
      selected = scoped.flatMap((document) => {
        const list = document.id === undefined ? undefined : resolved.get(document.id);
        return list === undefined ? [] : [list];
      });
    }
  }
  if (selected.length === 0) throw new UsageError(text.noChecklists(paths.join(", ")));

  const chainIds = new Set(selected.flatMap((list) => list.chain));
  const files = new Set(loaded.documents.filter((document) => document.id !== undefined && chainIds.has(document.id)).map((document) => document.path));
  const errors = [...loaded.diagnostics, ...resolveDiagnostics].filter((diagnostic: Diagnostic) => diagnostic.severity === "error" && diagnostic.file !== undefined && files.has(diagnostic.file)).length;
  const taxonomyDocument = loaded.documents.find((document) => document.kind === "Taxonomy" && isTaxonomy(document.value));
  return {
    selected,
    national: nationalLists(loaded.documents, resolved),
    ...(taxonomyDocument === undefined ? {} : { taxonomy: taxonomyDocument.value as TaxonomyDocument }),
    departments: collectNames(loaded.documents, "DepartmentRegistry", "departments"),
    items: collectNames(loaded.documents, "ItemCatalog", "items"),
    errors,
  };
}
