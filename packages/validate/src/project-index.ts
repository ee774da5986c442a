import type { SourceDocument } from "@onething/schemas";
import type {
  AnyDocument,
  BatchKey,
  ChecklistDocument,
  Department,
  DepartmentRegistryDocument,
  DocumentKind,
  EvaluationDocument,
  ItemCatalogDocument,
  Matter,
  ProgressDocument,
  ServiceItem,
  Stage,
  Subject,
  TaxonomyDocument,
} from "./model.js";
import { isDocumentKind } from "./model.js";

/** A value of the project together with the document it is in and its JSON Pointer there. */
export interface Located<T> {
  /** The typed value. */
  value: T;
  /** The document holding it. */
  document: SourceDocument;
  /** JSON Pointer to the value within the document. */
  pointer: string;
}

/** A checklist with its matters indexed by id. */
export interface IndexedChecklist extends Located<ChecklistDocument> {
  /** The checklist's `metadata.id`. */
  id: string;
  /** The checklist's own matters by id (the first definition when an id repeats). */
  matters: Map<string, Located<Matter>>;
}

/** A matter together with the checklist that defines it. */
export interface IndexedMatter extends Located<Matter> {
  /** The checklist the matter is defined in. */
  checklist: IndexedChecklist;
}

/** Ids found in documents that failed the structural pass: reference rules treat them as defined. */
export interface IncompleteIds {
  /** `metadata.id` values of invalid documents. */
  metadataIds: Set<string>;
  /** Department ids in invalid registries. */
  departments: Set<string>;
  /** Item ids in invalid catalogues. */
  items: Set<string>;
  /** `subject/stage` pairs in invalid taxonomies. */
  stages: Set<string>;
  /** Batch keys (`year-seq`) of invalid annual checklists. */
  batches: Set<string>;
}

/** Every structurally valid document of a project, indexed for the semantic rules. */
export interface ProjectIndex {
  /** The structurally valid documents, in input order. */
  documents: Array<Located<AnyDocument>>;
  /** Valid documents by `metadata.id`, every definition in input order. */
  metadataIds: Map<string, Array<Located<AnyDocument>>>;
  /** Taxonomy documents. */
  taxonomies: Array<Located<TaxonomyDocument>>;
  /** Lifecycle stages per subject, by stage id (the first definition). */
  stages: Map<Subject, Map<string, Located<Stage>>>;
  /** Department registries. */
  registries: Array<Located<DepartmentRegistryDocument>>;
  /** Departments by id, every definition in input order. */
  departments: Map<string, Array<Located<Department>>>;
  /** Item catalogues. */
  catalogs: Array<Located<ItemCatalogDocument>>;
  /** Service items by id, every definition in input order. */
  items: Map<string, Array<Located<ServiceItem>>>;
  /** Checklists in input order. */
  checklists: IndexedChecklist[];
  /** Checklists by `metadata.id` (the first definition). */
  checklistsById: Map<string, IndexedChecklist>;
  /** Every matter of every checklist. */
  matters: IndexedMatter[];
  /** Annual checklists by batch key `year-seq`. */
  annualBatches: Map<string, IndexedChecklist[]>;
  /** Progress ledgers. */
  progress: Array<Located<ProgressDocument>>;
  /** Evaluation documents. */
  evaluations: Array<Located<EvaluationDocument>>;
  /** The kinds of every document of the project, valid or not. */
  kinds: Set<DocumentKind>;
  /** Ids defined in documents that failed the structural pass. */
  incomplete: IncompleteIds;
}

/** A document and whether it passed the structural pass. */
export interface IndexEntry {
  /** The document. */
  document: SourceDocument;
  /** Whether the document passed the structural pass; only valid documents are indexed as typed data. */
  valid: boolean;
}

/**
 * The key of a batch in `ProjectIndex.annualBatches`, `{ year: 2024, seq: 1 }` → `2024-1`.
 *
 * @example
 * indexProject(documents).annualBatches.get(batchKey({ year: 2024, seq: 1 }))?.[0]?.id; // "cn.national.2024-1"
 */
export function batchKey(batch: BatchKey): string {
  return `${batch.year}-${batch.seq}`;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function collectIncomplete(incomplete: IncompleteIds, document: { value: Record<string, unknown>; kind: DocumentKind }): void {
  const { value, kind } = document;
  const id = record(value.metadata)?.id;
  if (typeof id === "string") incomplete.metadataIds.add(id);
  const spec = record(value.spec);
  if (!spec) return;
  const ids = (entries: unknown, into: Set<string>) => {
    for (const entry of list(entries)) {
      const entryId = record(entry)?.id;
      if (typeof entryId === "string") into.add(entryId);
    }
  };
  if (kind === "DepartmentRegistry") ids(spec.departments, incomplete.departments);
  if (kind === "ItemCatalog") ids(spec.items, incomplete.items);
  if (kind === "Taxonomy") {
    for (const subject of list(spec.subjects)) {
      const subjectRecord = record(subject);
      for (const stage of list(subjectRecord?.stages)) {
        const stageId = record(stage)?.id;
        if (typeof stageId === "string") incomplete.stages.add(`${String(subjectRecord?.id)}/${stageId}`);
      }
    }
  }
  if (kind === "Checklist") {
    const batch = record(spec.batch);
    if (batch) incomplete.batches.add(`${String(batch.year)}-${String(batch.seq)}`);
  }
}

/**
 * Builds the index from documents whose structural validity is already known; one pass over the data. Pointers
 * here hold only fixed names and indexes, so they are written directly, with nothing to escape.
 */
export function buildIndex(entries: readonly IndexEntry[]): ProjectIndex {
  const index: ProjectIndex = {
    documents: [],
    metadataIds: new Map(),
    taxonomies: [],
    stages: new Map(),
    registries: [],
    departments: new Map(),
    catalogs: [],
    items: new Map(),
    checklists: [],
    checklistsById: new Map(),
    matters: [],
    annualBatches: new Map(),
    progress: [],
    evaluations: [],
    kinds: new Set(),
    incomplete: {
      metadataIds: new Set(),
      departments: new Set(),
      items: new Set(),
      stages: new Set(),
      batches: new Set(),
    },
  };
  for (const { document, valid } of entries) {
    const value = record(document.value);
    const kind = value?.kind;
    if (!value || !isDocumentKind(kind)) continue;
    index.kinds.add(kind);
    if (!valid) {
      collectIncomplete(index.incomplete, { value, kind });
      continue;
    }
    const typed = value as unknown as AnyDocument;
    const located: Located<AnyDocument> = { value: typed, document, pointer: "" };
    index.documents.push(located);
    pushTo(index.metadataIds, typed.metadata.id, located);
    switch (typed.kind) {
      case "Taxonomy":
        index.taxonomies.push({ value: typed, document, pointer: "" });
        typed.spec.subjects.forEach((subject, subjectIndex) => {
          let stages = index.stages.get(subject.id);
          if (!stages) index.stages.set(subject.id, (stages = new Map()));
          subject.stages.forEach((stage, stageIndex) => {
            if (!stages.has(stage.id)) {
              const pointer = `/spec/subjects/${subjectIndex}/stages/${stageIndex}`;
              stages.set(stage.id, { value: stage, document, pointer });
            }
          });
        });
        break;
      case "DepartmentRegistry":
        index.registries.push({ value: typed, document, pointer: "" });
        typed.spec.departments.forEach((department, position) => {
          const pointer = `/spec/departments/${position}`;
          pushTo(index.departments, department.id, { value: department, document, pointer });
        });
        break;
      case "ItemCatalog":
        index.catalogs.push({ value: typed, document, pointer: "" });
        typed.spec.items.forEach((item, position) => {
          pushTo(index.items, item.id, { value: item, document, pointer: `/spec/items/${position}` });
        });
        break;
      case "Checklist": {
        const checklist: IndexedChecklist = { value: typed, document, pointer: "", id: typed.metadata.id, matters: new Map() };
        index.checklists.push(checklist);
        if (!index.checklistsById.has(checklist.id)) index.checklistsById.set(checklist.id, checklist);
        if (typed.spec.scope === "annual" && typed.spec.batch) pushTo(index.annualBatches, batchKey(typed.spec.batch), checklist);
        typed.spec.matters.forEach((matter, position) => {
          const entry: IndexedMatter = { value: matter, document, pointer: `/spec/matters/${position}`, checklist };
          index.matters.push(entry);
          if (!checklist.matters.has(matter.id)) checklist.matters.set(matter.id, entry);
        });
        break;
      }
      case "Progress":
        index.progress.push({ value: typed, document, pointer: "" });
        break;
      case "Evaluation":
        index.evaluations.push({ value: typed, document, pointer: "" });
        break;
    }
  }
  return index;
}

function* chainFrom(index: ProjectIndex, ids: Iterable<string>, visited: Set<string>): Generator<[string, IndexedChecklist | undefined]> {
  for (const id of ids) {
    if (visited.has(id)) continue;
    visited.add(id);
    const checklist = index.checklistsById.get(id);
    yield [id, checklist];
    if (checklist) yield* chainFrom(index, (checklist.value.spec.extends ?? []).map((base) => base.checklist), visited);
  }
}

/**
 * The checklists `ids` name and, through `extends`, their bases (recursively, depth first, each once, cycles
 * ignored), each with its id; `undefined` in place of a checklist the index does not hold (unknown, or failed the
 * structural pass), whose bases cannot be followed.
 *
 * @example
 * for (const [id, checklist] of checklistChain(index, ["cn.sd.qingdao"])) console.log(id, checklist?.matters.size);
 */
export function checklistChain(index: ProjectIndex, ids: Iterable<string>): Generator<[string, IndexedChecklist | undefined]> {
  return chainFrom(index, ids, new Set());
}

/**
 * The ids of the matters a checklist offers: its own and, through `extends`, its bases' (recursively,
 * cycles ignored), and with `formerIds` the ids they had in earlier versions too. Undefined when the checklist, or one of its bases, is unknown or failed the structural
 * pass, so callers cannot tell which ids exist.
 *
 * @example
 * const ids = collectMatterIds(indexProject(documents), "cn.national.2024-1");
 * ids?.has("newborn-birth"); // true
 */
export function collectMatterIds(
  index: ProjectIndex,
  checklistId: string,
  options: { formerIds?: boolean } = {},
): Set<string> | undefined {
  const ids = new Set<string>();
  for (const [, checklist] of checklistChain(index, [checklistId])) {
    if (!checklist) return undefined;
    for (const [matterId, matter] of checklist.matters) {
      ids.add(matterId);
      if (options.formerIds === true) for (const former of matter.value.formerIds ?? []) ids.add(former);
    }
  }
  return ids;
}
