import type { LocalizedMessage, SourceDocument } from "@onething/schemas";
import { both, formatDuration, formatValue, isDuration, isLocalizedText, joinLabels, labelKeys, quote, toMessage, type NameIndex, type NameLookup } from "./describe.js";
import { FIELD_LABELS, type Lang } from "./labels.js";
import type { Change, ChangeCheck, ChangeClass, ChangeLocation, DiffDocument, DiffImpact, DiffResult, DiffStage, SemverImpact } from "./types.js";
import { deepEqual, escapeSegment, hashText, isRecord, similarity, type PlainObject } from "./values.js";

/** Options of {@link diffDocuments}. */
export interface DiffOptions {
  /** The older version of the documents (parsed, e.g. by `@onething/dsl`'s `parseSource`). */
  before: readonly SourceDocument[];
  /** The newer version of the documents. */
  after: readonly SourceDocument[];
  /**
   * For a loader that does not read every entry of the department registries and item catalogues it gives
   * (a registry the same in both versions is never compared, only its names are written): the entries of
   * `document`'s list (`departments` or `items`) whose `id` is `id`, in the list's order, or undefined to
   * have the diff read them from the document's value. Asked for each string the diff writes that might be a
   * ref (every string value it formats), once per string and document.
   */
  entriesWithId?: (document: SourceDocument, list: NamedList, id: string) => readonly unknown[] | undefined;
}

/** The lists of the documents that name refs: a department registry's departments, an item catalogue's items. */
export type NamedList = "departments" | "items";

/** Statuses in the order a matter moves through them; a move to an earlier one is backwards. */
export const STATUS_ORDER: readonly string[] = ["planned", "in-progress", "landed", "verified"];

/** How similar two names must be (0..1) for an unmatched removal and addition to count as a possible rename. */
export const RENAME_SIMILARITY = 0.75;

const IMPACT_RANK: Record<DiffImpact, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** Keys whose string values are prose (reported as text changes). */
const TEXT_KEYS = new Set(["note", "condition", "shortName", "source", "leader"]);

/** The entity kinds whose additions, removals and renames are changes of their own. */
type EntityKind = "matter" | "item" | "material" | "department";

interface MatterContext {
  id: string;
  name?: LocalizedMessage;
  subject?: string;
  stage?: string;
}

interface DocumentContext {
  id: string;
  before: SourceDocument;
  after: SourceDocument;
  kind: string;
  names: NameIndex;
  changes: Change[];
}

/** Where the walk is: the logical path, the real pointers on each side and what encloses the value. */
interface Walk {
  doc: DocumentContext;
  /** Logical path with ids instead of indexes. */
  field: string;
  /** JSON Pointer in the older document; undefined where the value is absent there. */
  bp: string | undefined;
  /** JSON Pointer in the newer document. */
  ap: string | undefined;
  /** Property names since the innermost entity (ids left out). */
  keys: string[];
  /** Property names from the document root (ids left out). */
  path: string[];
  matter?: MatterContext;
  /** The innermost entity below the matter (`政务服务事项“生育登记”`), for labels. */
  entity?: LocalizedMessage;
}

interface ChangeDraft {
  check: ChangeCheck;
  cls: ChangeClass;
  impact: SemverImpact;
  regression?: boolean;
  before?: unknown;
  after?: unknown;
  message: LocalizedMessage;
}

/**
 * Compares two versions of a set of documents semantically: documents matched by `metadata.id`, matters
 * and other listed entities by id (never by position), renames through a declared `formerIds` or, failing
 * that, reported as possible renames by name similarity. Every change is classified (breaking, potentially
 * breaking, non-breaking) with the semver part it calls for. Never throws.
 *
 * @example
 * const { changes, impact } = diffDocuments({ before: oldDocuments, after: newDocuments });
 * for (const change of changes) console.log(change.check, change.message.zh);
 */
export function diffDocuments(options: DiffOptions): DiffResult {
  const before = indexById(options.before);
  const after = indexById(options.after);
  const named = [...after.values(), ...before.values()];
  const names: NameIndex = {
    departments: nameLookup({ documents: named, kind: "DepartmentRegistry", list: "departments", entriesWithId: options.entriesWithId }),
    items: nameLookup({ documents: named, kind: "ItemCatalog", list: "items", entriesWithId: options.entriesWithId }),
  };
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort(compareText);
  const changes: Change[] = [];
  const documents: DiffDocument[] = [];
  for (const id of ids) {
    const old = before.get(id);
    const next = after.get(id);
    documents.push(describeDocument(id, old, next));
    if (old === undefined && next !== undefined) {
      const title = toMessage(metadataOf(next)["title"]);
      changes.push(
        finish({
          doc: id,
          draft: {
            check: "document-added",
            cls: "non-breaking",
            impact: "minor",
            after: next.value,
            message: both((lang) => (lang === "zh" ? `新增文档${title === undefined ? "" : quote(title.zh, lang)}（${id}）` : `Document added: ${title === undefined ? "" : `${quote(title.en, lang)} `}(${id})`)),
          },
          after: locationOf(next, ""),
        }),
      );
    } else if (old !== undefined && next === undefined) {
      const title = toMessage(metadataOf(old)["title"]);
      changes.push(
        finish({
          doc: id,
          draft: {
            check: "document-removed",
            cls: "breaking",
            impact: "major",
            before: old.value,
            message: both((lang) => (lang === "zh" ? `删除文档${title === undefined ? "" : quote(title.zh, lang)}（${id}）` : `Document removed: ${title === undefined ? "" : `${quote(title.en, lang)} `}(${id})`)),
          },
          before: locationOf(old, ""),
        }),
      );
    } else if (old !== undefined && next !== undefined) {
      const kind = typeof (next.value as PlainObject)["kind"] === "string" ? String((next.value as PlainObject)["kind"]) : "";
      const doc: DocumentContext = { id, before: old, after: next, kind, names, changes };
      walk(old.value, next.value, { doc, field: "", bp: "", ap: "", keys: [], path: [] });
    }
  }
  const impact = changes.reduce<DiffImpact>((max, change) => (IMPACT_RANK[change.impact] > IMPACT_RANK[max] ? change.impact : max), "none");
  return { changes, impact, documents, stages: collectStages([...options.after, ...options.before]) };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function metadataOf(document: SourceDocument): PlainObject {
  const metadata = isRecord(document.value) ? document.value["metadata"] : undefined;
  return isRecord(metadata) ? metadata : {};
}

function indexById(documents: readonly SourceDocument[]): Map<string, SourceDocument> {
  const byId = new Map<string, SourceDocument>();
  for (const document of documents) {
    const id = metadataOf(document)["id"];
    if (typeof id === "string" && id !== "" && !byId.has(id)) byId.set(id, document);
  }
  return byId;
}

function describeDocument(id: string, before: SourceDocument | undefined, after: SourceDocument | undefined): DiffDocument {
  const newest = (after ?? before) as SourceDocument;
  const value = newest.value as PlainObject;
  const title = toMessage(metadataOf(newest)["title"]) ?? (before === undefined ? undefined : toMessage(metadataOf(before)["title"]));
  return {
    id,
    kind: typeof value["kind"] === "string" ? value["kind"] : "",
    ...(title === undefined ? {} : { title }),
    ...(before === undefined ? {} : { before: before.path }),
    ...(after === undefined ? {} : { after: after.path }),
  };
}

function specList(document: SourceDocument, kind: string, list: string): PlainObject[] {
  const value = document.value;
  if (!isRecord(value) || value["kind"] !== kind || !isRecord(value["spec"])) return [];
  const entries = value["spec"][list];
  return Array.isArray(entries) ? entries.filter(isRecord) : [];
}

/** The first entry with a name (a LocalizedText) among entries, each with the `id` `ref`. */
function firstName(entries: Iterable<unknown>, ref: string): LocalizedMessage | undefined {
  for (const entry of entries) {
    if (!isRecord(entry) || entry["id"] !== ref) continue;
    const name = toMessage(entry["name"]);
    if (name !== undefined) return name;
  }
  return undefined;
}

/**
 * The names of one list's refs, looked up on first use: for a ref, the first entry with that id and a name, in
 * the documents of `kind` in order (a document the same on both sides, one value, is read once); through
 * `entriesWithId` where the loader answers, else from the document's value.
 */
function nameLookup(options: { documents: readonly SourceDocument[]; kind: string; list: NamedList; entriesWithId: DiffOptions["entriesWithId"] }): NameLookup {
  const { kind, list, entriesWithId } = options;
  const known = new Map<string, LocalizedMessage | null>();
  let sources: SourceDocument[] | undefined;
  const fromValue = new Map<SourceDocument, Map<string, LocalizedMessage>>();
  const read = (document: SourceDocument, ref: string): LocalizedMessage | undefined => {
    const entries = entriesWithId?.(document, list, ref);
    if (entries !== undefined) return firstName(entries, ref);
    let byId = fromValue.get(document);
    if (byId === undefined) {
      byId = new Map();
      for (const entry of specList(document, kind, list)) {
        const id = entry["id"];
        if (typeof id !== "string" || byId.has(id)) continue;
        const name = toMessage(entry["name"]);
        if (name !== undefined) byId.set(id, name);
      }
      fromValue.set(document, byId);
    }
    return byId.get(ref);
  };
  return {
    get(ref) {
      const cached = known.get(ref);
      if (cached !== undefined) return cached ?? undefined;
      if (sources === undefined) {
        const seen = new Set<unknown>();
        sources = options.documents.filter((document) => {
          if (seen.has(document.value)) return false;
          seen.add(document.value);
          return isRecord(document.value) && document.value["kind"] === kind;
        });
      }
      let name: LocalizedMessage | undefined;
      for (const document of sources) {
        name = read(document, ref);
        if (name !== undefined) break;
      }
      known.set(ref, name ?? null);
      return name;
    },
  };
}

function collectStages(documents: readonly SourceDocument[]): DiffStage[] {
  const stages: DiffStage[] = [];
  const seen = new Set<string>();
  for (const document of documents) {
    for (const subject of specList(document, "Taxonomy", "subjects")) {
      if (typeof subject["id"] !== "string" || !Array.isArray(subject["stages"])) continue;
      for (const stage of subject["stages"]) {
        if (!isRecord(stage) || typeof stage["id"] !== "string") continue;
        const key = `${subject["id"]}/${stage["id"]}`;
        const name = toMessage(stage["name"]);
        if (seen.has(key) || name === undefined) continue;
        seen.add(key);
        stages.push({ subject: subject["id"], id: stage["id"], name });
      }
    }
  }
  return stages;
}

function locationOf(document: SourceDocument, pointer: string | undefined): ChangeLocation | undefined {
  if (pointer === undefined) return undefined;
  const range = document.locate(pointer, "key");
  if (range === undefined) return { file: document.path, line: 1, column: 1 };
  return { file: document.path, line: range.start.line, column: range.start.column };
}

/**
 * The change of a draft at `field` (the whole document when empty). Built member by member, in the order the
 * reports print them: spreading optional members in would make a throwaway object for each.
 */
function finish(options: { doc: string; draft: ChangeDraft; field?: string; matter?: MatterContext | undefined; before?: ChangeLocation | undefined; after?: ChangeLocation | undefined }): Change {
  const { draft, matter } = options;
  const field = options.field ?? "";
  const change = { check: draft.check, class: draft.cls, impact: draft.impact } as Change;
  if (draft.regression === true) change.regression = true;
  change.document = options.doc;
  if (matter !== undefined) {
    change.matter = matter.id;
    if (matter.name !== undefined) change.matterName = matter.name;
    if (matter.subject !== undefined) change.subject = matter.subject;
    if (matter.stage !== undefined) change.stage = matter.stage;
  }
  if (field !== "") change.field = field;
  if (draft.before !== undefined) change.before = draft.before;
  if (draft.after !== undefined) change.after = draft.after;
  change.message = draft.message;
  const locations: Change["locations"] = {};
  if (options.before !== undefined) locations.before = options.before;
  if (options.after !== undefined) locations.after = options.after;
  change.locations = locations;
  change.fingerprint = hashText(`${draft.check}\u0000${options.doc}\u0000${matter?.id ?? ""}\u0000${field}`);
  return change;
}

function emit(w: Walk, draft: ChangeDraft): void {
  w.doc.changes.push(
    finish({
      doc: w.doc.id,
      draft,
      field: w.field,
      matter: w.matter,
      before: draft.before === undefined ? undefined : locationOf(w.doc.before, w.bp),
      after: draft.after === undefined ? undefined : locationOf(w.doc.after, w.ap),
    }),
  );
}

function child(w: Walk, key: string): Walk {
  const segment = escapeSegment(key);
  // Members named, not spread, and lists copied by concat: a spread runs an iterator, and this runs for every member that differs.
  return {
    doc: w.doc,
    field: `${w.field}/${segment}`,
    bp: w.bp === undefined ? undefined : `${w.bp}/${segment}`,
    ap: w.ap === undefined ? undefined : `${w.ap}/${segment}`,
    keys: w.keys.concat(key),
    path: w.path.concat(key),
    matter: w.matter,
    entity: w.entity,
  };
}

function last(w: Walk): string | undefined {
  return w.path[w.path.length - 1];
}

function isMattersList(w: Walk): boolean {
  return w.doc.kind === "Checklist" && w.path.length === 2 && w.path[0] === "spec" && w.path[1] === "matters";
}

function isEntriesList(w: Walk): boolean {
  return w.doc.kind === "Progress" && w.path.length === 2 && w.path[0] === "spec" && w.path[1] === "entries";
}

/** The entity kind of the elements of the list at `w`, when additions and removals there are changes of their own. */
function entityKindOf(w: Walk): EntityKind | undefined {
  if (isMattersList(w)) return "matter";
  const key = last(w);
  if (key === "items" && (w.path.length === 2 || w.path[1] === "matters")) return "item";
  if (key === "materials" && w.path[w.path.length - 2] !== "metrics") return "material";
  if (key === "departments" && w.doc.kind === "DepartmentRegistry" && w.path.length === 2) return "department";
  return undefined;
}

/** Whether two values at the same place read the same: equal, or both an empty list or nothing. */
function same(before: unknown, after: unknown): boolean {
  return deepEqual(before, after) || (isEmptyList(before) && isEmptyList(after));
}

/** Walks two values at the same logical place and records what differs. */
function walk(before: unknown, after: unknown, w: Walk): void {
  if (!same(before, after)) walkDiffering(before, after, w);
}

/**
 * {@link walk} for two values known not to be the {@link same}. The members of a mapping are compared
 * before a walk state is made for them: most are equal, and most list entries are the loader's shared
 * stand-ins, so the state (paths, pointers) is built only where something differs.
 */
function walkDiffering(before: unknown, after: unknown, w: Walk): void {
  const key = last(w);
  if (w.path.length === 2 && w.path[0] === "metadata" && (key === "version" || key === "id")) return;
  if ((key === "promisedTime" || key === "legalTime") && (isDuration(before) || isDuration(after))) return durationChange(before, after, w);
  if (isLocalizedText(before) || isLocalizedText(after)) return textChange(before, after, w);
  if (key === "status" && (w.matter !== undefined || w.path[1] === "entries")) return statusChange(before, after, w);
  if (w.keys.length === 2 && w.keys[0] === "metrics" && (before === undefined || after === undefined) && (isMetricPair(before) || isMetricPair(after))) return metricPairChange(before, after, w);
  if ((Array.isArray(before) || before === undefined) && (Array.isArray(after) || after === undefined)) {
    const strategy = keyStrategy(before ?? [], after ?? [], w);
    if (strategy !== undefined) return walkKeyedList(before ?? [], after ?? [], w, strategy);
    return leafChange(before, after, w);
  }
  if ((isRecord(before) || before === undefined) && (isRecord(after) || after === undefined)) {
    const b: PlainObject = before ?? {};
    const a: PlainObject = after ?? {};
    walkMembers(b, a, w);
    return;
  }
  leafChange(before, after, w);
}

/** An empty list, or no value at all: the same thing to a reader. */
function isEmptyList(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0);
}

type KeyOf = (element: unknown) => string | undefined;

/** How the elements of a list are told apart, or undefined when the list is compared as a whole. */
function keyStrategy(before: unknown[], after: unknown[], w: Walk): KeyOf | undefined {
  // Both sides tested in place (a list of matters has thousands of entries, most of them shared stand-ins).
  const all = (test: (element: unknown) => boolean) => (before.length > 0 || after.length > 0) && before.every(test) && after.every(test);
  const key = last(w);
  let keyOf: KeyOf | undefined;
  if (key === "batches") {
    keyOf = (element) => (isRecord(element) && typeof element["year"] === "number" && typeof element["seq"] === "number" ? `${element["year"]}-${element["seq"]}` : undefined);
  } else if (all((element) => typeof element === "string" || typeof element === "number")) {
    keyOf = (element) => String(element);
  } else {
    for (const field of ["id", "ref", "matter", "checklist", "indicator"]) {
      if (all((element) => isRecord(element) && typeof element[field] === "string")) {
        keyOf = (element) => (isRecord(element) ? String(element[field]) : undefined);
        if (field === "checklist" && all((element) => isRecord(element) && typeof element["matter"] === "string")) {
          keyOf = (element) => (isRecord(element) ? `${String(element["checklist"])}#${String(element["matter"])}` : undefined);
        }
        break;
      }
    }
  }
  if (keyOf === undefined || !uniqueKeys(before, after, keyOf)) return undefined;
  return keyOf;
}

/**
 * Whether every element of both lists has a key, and neither list two the same. An element that is the very
 * element at the same index of the other list (the loader's shared stand-ins, thousands in a list of matters)
 * has the same key on both sides, so in the newer list only the other elements are looked at: each must be
 * new to that list, and not the key of a shared element of the older one.
 */
function uniqueKeys(before: unknown[], after: unknown[], keyOf: KeyOf): boolean {
  const keys = new Set<string>();
  const unshared = new Set<string>();
  // Indexes rather than for…of: the loop runs before V8 has compiled it, and an iterator allocates each step.
  for (let index = 0; index < before.length; index++) {
    const k = keyOf(before[index]);
    if (k === undefined || keys.has(k)) return false;
    keys.add(k);
    if (index >= after.length || after[index] !== before[index]) unshared.add(k);
  }
  const seen = new Set<string>();
  for (let index = 0; index < after.length; index++) {
    if (index < before.length && after[index] === before[index]) continue;
    const k = keyOf(after[index]);
    if (k === undefined || seen.has(k) || (keys.has(k) && !unshared.has(k))) return false;
    seen.add(k);
  }
  return true;
}

function matterContext(value: unknown, id: string): MatterContext {
  const matter: MatterContext = { id };
  if (!isRecord(value)) return matter;
  const name = toMessage(value["name"]);
  if (name !== undefined) matter.name = name;
  if (typeof value["subject"] === "string") matter.subject = value["subject"];
  if (typeof value["stage"] === "string") matter.stage = value["stage"];
  return matter;
}

const ENTITY_WORDS: Record<EntityKind, LocalizedMessage> = {
  matter: { zh: "事项", en: "Matter" },
  item: { zh: "政务服务事项", en: "Service item" },
  material: { zh: "材料", en: "Material" },
  department: { zh: "部门", en: "Department" },
};

function nameOf(value: unknown, key: string, w: Walk): LocalizedMessage {
  const own = isRecord(value) ? toMessage(value["name"]) : undefined;
  const fromIndex = key.startsWith("item.") ? w.doc.names.items.get(key) : key.startsWith("dept.") ? w.doc.names.departments.get(key) : undefined;
  return own ?? fromIndex ?? { zh: key, en: key };
}

/** `政务服务事项“生育登记”（item.birth-registration）`. */
function entityPhrase(kind: EntityKind | undefined, listKey: string, value: unknown, key: string, w: Walk): LocalizedMessage {
  const name = nameOf(value, key, w);
  const word = kind === undefined ? (FIELD_LABELS[listKey] ?? { zh: listKey, en: listKey }) : ENTITY_WORDS[kind];
  const showId = name.zh !== key;
  return both((lang) => {
    const id = showId ? (lang === "zh" ? `（${key}）` : ` (${key})`) : "";
    return lang === "zh" ? `${word.zh}${quote(name.zh, lang)}${id}` : `${word.en} ${quote(name.en, lang)}${id}`;
  });
}

/**
 * The elements of a list by their keys (unique, as {@link keyStrategy} made sure), with their indexes; but
 * for those that are the very element at the same index of the `other` side. Such an element has its key
 * on both sides and nothing to walk, so it can be neither added, removed, renamed nor changed; leaving it
 * out spares a map entry for each of the thousands of stand-ins a loader shares between the versions.
 */
function byKey(list: unknown[], other: unknown[], keyOf: KeyOf): Map<string, { element: unknown; index: number }> {
  const map = new Map<string, { element: unknown; index: number }>();
  for (let index = 0; index < list.length; index++) {
    const element = list[index];
    if (element !== other[index]) map.set(keyOf(element) as string, { element, index });
  }
  return map;
}

function walkKeyedList(before: unknown[], after: unknown[], w: Walk, keyOf: KeyOf): void {
  const kind = entityKindOf(w);
  const listKey = last(w) ?? "";
  const oldByKey = byKey(before, after, keyOf);
  const newByKey = byKey(after, before, keyOf);
  const removed: string[] = [];
  oldByKey.forEach((_entry, k) => {
    if (!newByKey.has(k)) removed.push(k);
  });
  const added: string[] = [];
  newByKey.forEach((_entry, k) => {
    if (!oldByKey.has(k)) added.push(k);
  });
  const pairs: Array<{ from: string; to: string; declared: boolean }> = [];
  if (kind !== undefined) pairs.push(...findRenames({ kind, removed, added, oldByKey, newByKey, w }));
  const renamedFrom = new Set(pairs.map((pair) => pair.from));
  const renamedTo = new Map(pairs.map((pair) => [pair.to, pair]));

  for (let index = 0; index < removed.length; index++) {
    const k = removed[index] as string;
    if (renamedFrom.has(k)) continue;
    const { element, index: bIndex } = oldByKey.get(k) as { element: unknown; index: number };
    const elementWalk = enterElement({ w, key: k, bIndex, aIndex: undefined, value: element, kind });
    listChange({ w: elementWalk, kind, listKey, key: k, before: element, after: undefined, parent: w });
  }
  newByKey.forEach(({ element, index }, k) => {
    const pair = renamedTo.get(k);
    const old = pair === undefined ? oldByKey.get(k) : oldByKey.get(pair.from);
    // The same element on both sides (a loader shares what did not change): nothing to walk.
    if (pair === undefined && old !== undefined && old.element === element) return;
    const elementWalk = enterElement({ w, key: k, bIndex: old?.index, aIndex: index, value: element, kind });
    if (old === undefined) {
      listChange({ w: elementWalk, kind, listKey, key: k, before: undefined, after: element, parent: w });
      return;
    }
    if (pair !== undefined && kind !== undefined) renameChange({ w: elementWalk, kind, pair, before: old.element, after: element });
    if (isRecord(old.element) && isRecord(element)) walkMembers(old.element, element, elementWalk, pair);
  });
}

/**
 * Walks the members of two mappings that differ: the newer one's keys in order, then the keys only the older
 * one has. In a renamed element the id is the rename itself, and so is a declared rename's old id in `formerIds`.
 */
function walkMembers(before: PlainObject, after: PlainObject, w: Walk, pair?: { from: string; declared: boolean }): void {
  const newKeys = Object.keys(after);
  for (let index = 0; index < newKeys.length; index++) walkMember(before, after, newKeys[index] as string, w, pair);
  const oldKeys = Object.keys(before);
  for (let index = 0; index < oldKeys.length; index++) {
    const key = oldKeys[index] as string;
    if (!(key in after)) walkMember(before, after, key, w, pair);
  }
}

function walkMember(before: PlainObject, after: PlainObject, key: string, w: Walk, pair: { from: string; declared: boolean } | undefined): void {
  if (pair !== undefined && (key === "id" || key === "ref")) return;
  let previous = before[key];
  let next = after[key];
  if (pair?.declared === true && key === "formerIds") {
    const without = (list: unknown) => (Array.isArray(list) ? list.filter((id) => id !== pair.from) : list);
    previous = without(previous);
    next = without(next);
  }
  if (!same(previous, next)) walkDiffering(previous, next, child(w, key));
}

/** The walk state inside one list element: ids in the path, and the matter or entity it is. */
function enterElement(options: { w: Walk; key: string; bIndex: number | undefined; aIndex: number | undefined; value: unknown; kind: EntityKind | undefined }): Walk {
  const { w, key, bIndex, aIndex, value, kind } = options;
  const next: Walk = {
    ...w,
    field: `${w.field}/${escapeSegment(key)}`,
    bp: w.bp === undefined || bIndex === undefined ? undefined : `${w.bp}/${bIndex}`,
    ap: w.ap === undefined || aIndex === undefined ? undefined : `${w.ap}/${aIndex}`,
    keys: [],
  };
  if (isMattersList(w)) {
    next.matter = matterContext(value, key);
    delete next.entity;
    return next;
  }
  if (isEntriesList(w)) {
    next.matter = { id: key };
    delete next.entity;
    return next;
  }
  const listKey = last(w) ?? "";
  if (listKey === "batches" || listKey === "partners" || !isRecord(value)) {
    // Scalar members and batch keys are the value itself; they keep their list's label.
    next.keys = w.keys;
    return next;
  }
  const phrase = entityPhrase(kind, listKey, value, key, w);
  next.entity = w.entity === undefined ? phrase : joinLabels(w.entity, phrase);
  return next;
}

function findRenames(options: {
  kind: EntityKind;
  removed: string[];
  added: string[];
  oldByKey: Map<string, { element: unknown; index: number }>;
  newByKey: Map<string, { element: unknown; index: number }>;
  w: Walk;
}): Array<{ from: string; to: string; declared: boolean }> {
  const { kind, removed, added, oldByKey, newByKey } = options;
  const pairs: Array<{ from: string; to: string; declared: boolean }> = [];
  const free = new Set(removed);
  const open = new Set(added);
  if (kind === "matter") {
    for (const to of added) {
      const element = newByKey.get(to)?.element;
      const former = isRecord(element) && Array.isArray(element["formerIds"]) ? element["formerIds"] : [];
      const from = former.find((id): id is string => typeof id === "string" && free.has(id));
      if (from === undefined) continue;
      pairs.push({ from, to, declared: true });
      free.delete(from);
      open.delete(to);
    }
  }
  // Each side's names read once (not once per pair), in the order of `free` and `open`.
  const olds = renameSides(free, oldByKey);
  const news = renameSides(open, newByKey);
  const candidates: Array<{ from: string; to: string; score: number }> = [];
  for (let from = 0; from < olds.length; from++) {
    const old = olds[from] as (typeof olds)[number];
    for (let to = 0; to < news.length; to++) {
      const next = news[to] as (typeof news)[number];
      if (kind === "matter" && (old.element["subject"] !== next.element["subject"] || old.element["stage"] !== next.element["stage"])) continue;
      const score = similarity(old.name, next.name);
      if (score >= RENAME_SIMILARITY) candidates.push({ from: old.key, to: next.key, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || compareText(a.from, b.from) || compareText(a.to, b.to));
  for (const candidate of candidates) {
    if (!free.has(candidate.from) || !open.has(candidate.to)) continue;
    pairs.push({ from: candidate.from, to: candidate.to, declared: false });
    free.delete(candidate.from);
    open.delete(candidate.to);
  }
  return pairs;
}

/** The elements of `keys` that are records with a name, with their keys and Chinese names. */
function renameSides(keys: Set<string>, byKey: Map<string, { element: unknown; index: number }>): Array<{ key: string; element: PlainObject; name: string }> {
  const sides: Array<{ key: string; element: PlainObject; name: string }> = [];
  keys.forEach((key) => {
    const element = byKey.get(key)?.element;
    const name = isRecord(element) ? toMessage(element["name"]) : undefined;
    if (isRecord(element) && name !== undefined) sides.push({ key, element, name: name.zh });
  });
  return sides;
}

function renameChange(options: { w: Walk; kind: EntityKind; pair: { from: string; to: string; declared: boolean }; before: unknown; after: unknown }): void {
  const { w, kind, pair } = options;
  const word = ENTITY_WORDS[kind];
  const name = nameOf(options.after, pair.to, w);
  const check: ChangeCheck = pair.declared ? "matter-renamed" : (`${kind}-possibly-renamed` as ChangeCheck);
  emit(w, {
    check,
    cls: "breaking",
    impact: "major",
    before: pair.from,
    after: pair.to,
    message: both((lang) => {
      if (pair.declared) {
        return lang === "zh"
          ? `${word.zh}${quote(name.zh, lang)}的标识由 ${pair.from} 改为 ${pair.to}（已在 formerIds 中声明）`
          : `${word.en} ${quote(name.en, lang)}: id changed from ${pair.from} to ${pair.to} (declared in formerIds)`;
      }
      return lang === "zh"
        ? `${word.zh} ${pair.from} 被删除、${pair.to} 被新增，二者相似，可能是改名${kind === "matter" ? `；如是改名，请在 formerIds 中声明 ${pair.from}` : ""}`
        : `${word.en} ${pair.from} was removed and the similar ${pair.to} added: possibly a rename${kind === "matter" ? `; if so, declare ${pair.from} in formerIds` : ""}`;
    }),
  });
}

function listChange(options: { w: Walk; kind: EntityKind | undefined; listKey: string; key: string; before: unknown; after: unknown; parent: Walk }): void {
  const { w, kind, listKey, key, before, after, parent } = options;
  const adding = before === undefined;
  const value = adding ? after : before;
  const names = w.doc.names;
  if (kind !== undefined) {
    const phrase = entityPhrase(kind, listKey, value, key, parent);
    emit(w, {
      check: `${kind}-${adding ? "added" : "removed"}` as ChangeCheck,
      cls: adding ? "non-breaking" : "breaking",
      impact: adding ? "minor" : "major",
      before,
      after,
      message: both((lang) => (lang === "zh" ? `${adding ? "新增" : "删除"}${phrase.zh}` : `${phrase.en} ${adding ? "added" : "removed"}`)),
    });
    return;
  }
  if (listKey === "batches") {
    const batch = formatValue(value, { lang: "zh", names });
    const batchEn = formatValue(value, { lang: "en", names });
    emit(w, {
      check: "batch-membership-changed",
      cls: adding ? "non-breaking" : "potentially-breaking",
      impact: "minor",
      before,
      after,
      message: { zh: `${adding ? "加入" : "移出"}${batch}`, en: `${adding ? "Added to" : "Removed from"} ${batchEn}` },
    });
    return;
  }
  if (listKey === "partners" && parent.path[parent.path.length - 2] === "owners") {
    emit(w, {
      check: "owner-changed",
      cls: adding ? "non-breaking" : "potentially-breaking",
      impact: "minor",
      before,
      after,
      message: both((lang) => {
        const department = formatValue(value, { lang, names });
        return lang === "zh" ? `${adding ? "新增" : "移除"}配合部门 ${department}` : `Partner department ${adding ? "added" : "removed"}: ${department}`;
      }),
    });
    return;
  }
  const label = joinLabels(parent.entity, labelKeys(parent.keys));
  const scalar = typeof value !== "object" || value === null;
  emit(w, {
    check: "field-changed",
    cls: adding ? "non-breaking" : "potentially-breaking",
    impact: "minor",
    before,
    after,
    message: both((lang) => {
      const shown = formatValue(value, { lang, names });
      const what = scalar || shown === key ? shown : lang === "zh" ? `${shown}（${key}）` : `${shown} (${key})`;
      return lang === "zh" ? `${label.zh}：${adding ? "新增" : "删除"} ${what}` : `${label.en}: ${adding ? "added" : "removed"} ${what}`;
    }),
  });
}

function fieldLabelOf(w: Walk): LocalizedMessage {
  return joinLabels(w.entity, labelKeys(w.keys));
}

function arrow(before: string, after: string): string {
  return `${before} → ${after}`;
}

/** `label old → new`, `label：新增 new` or `label：删除 old`, in both languages. */
function describeLeaf(options: { label: LocalizedMessage; before: unknown; after: unknown; w: Walk; suffix?: LocalizedMessage; key?: string }): LocalizedMessage {
  const { label, before, after, w, suffix } = options;
  const names = w.doc.names;
  return both((lang) => {
    const fmt = (value: unknown) => formatValue(value, { lang, names, ...(options.key === undefined ? {} : { key: options.key }) });
    const tail = suffix === undefined ? "" : suffix[lang];
    if (before === undefined) return `${label[lang]}${lang === "zh" ? "：新增 " : " added: "}${fmt(after)}${tail}`;
    if (after === undefined) return `${label[lang]}${lang === "zh" ? "：删除 " : " removed: "}${fmt(before)}${tail}`;
    return `${label[lang]} ${arrow(fmt(before), fmt(after))}${tail}`;
  });
}

const WORSE: LocalizedMessage = { zh: "（变差）", en: " (worse)" };
const BACKWARDS: LocalizedMessage = { zh: "（倒退）", en: " (backwards)" };

function leafChange(before: unknown, after: unknown, w: Walk): void {
  const key = last(w) ?? "";
  const inMetric = w.keys[0] === "metrics" || (w.keys[0] === "smart" && w.keys[1] === "applicationMinutes");
  const itemTrips = key === "trips" && w.keys.length === 1 && w.doc.kind === "ItemCatalog";
  if (inMetric || itemTrips) {
    const regression = (key === "after" || itemTrips) && typeof before === "number" && typeof after === "number" && after > before;
    const removed = after === undefined;
    emit(w, {
      check: "metric-changed",
      cls: regression || removed ? "potentially-breaking" : "non-breaking",
      impact: regression || removed || before === undefined ? "minor" : "patch",
      ...(regression ? { regression } : {}),
      before,
      after,
      message: describeLeaf({ label: fieldLabelOf(w), before, after, w, ...(regression ? { suffix: WORSE } : {}) }),
    });
    return;
  }
  if (w.keys.length === 2 && w.keys[0] === "owners" && (key === "lead" || key === "leader")) {
    const lead = key === "lead";
    const cls: ChangeClass = lead && before !== undefined ? "potentially-breaking" : "non-breaking";
    emit(w, {
      check: "owner-changed",
      cls,
      impact: lead ? "minor" : "patch",
      before,
      after,
      message: describeLeaf({ label: fieldLabelOf(w), before, after, w }),
    });
    return;
  }
  const text = typeof before === "string" || typeof after === "string" ? TEXT_KEYS.has(key) : false;
  const relocates = w.matter !== undefined && w.keys.length === 1 && (key === "subject" || key === "stage");
  const check: ChangeCheck = text ? "text-changed" : "field-changed";
  const cls: ChangeClass = relocates || after === undefined ? "potentially-breaking" : "non-breaking";
  const impact: SemverImpact = relocates || after === undefined || before === undefined ? "minor" : "patch";
  const label = fieldLabelOf(w);
  const message = text
    ? both((lang) => {
        const q = (value: unknown) => (typeof value === "string" ? quote(value, lang) : formatValue(value, { lang, names: w.doc.names }));
        if (before === undefined) return `${label[lang]}${lang === "zh" ? "：新增" : " added: "}${q(after)}`;
        if (after === undefined) return `${label[lang]}${lang === "zh" ? "：删除" : " removed: "}${q(before)}`;
        return `${label[lang]}${lang === "zh" ? "：" : ": "}${arrow(q(before), q(after))}`;
      })
    : describeLeaf({ label, before, after, w, key });
  emit(w, { check, cls, impact, before, after, message });
}

/** A Metric with both a `before` and an `after` number and nothing else. */
function isMetricPair(value: unknown): value is { before: number; after: number } {
  return isRecord(value) && typeof value["before"] === "number" && typeof value["after"] === "number" && Object.keys(value).length === 2;
}

/** A whole before/after metric added or removed: one change, `跑动次数：新增 5 → 1`. */
function metricPairChange(before: unknown, after: unknown, w: Walk): void {
  const adding = before === undefined;
  const pair = (adding ? after : before) as { before: number; after: number };
  const label = fieldLabelOf(w);
  emit(w, {
    check: "metric-changed",
    cls: adding ? "non-breaking" : "potentially-breaking",
    impact: "minor",
    before,
    after,
    message: both((lang) => `${label[lang]}${lang === "zh" ? (adding ? "：新增 " : "：删除 ") : adding ? " added: " : " removed: "}${arrow(String(pair.before), String(pair.after))}`),
  });
}

function textChange(before: unknown, after: unknown, w: Walk): void {
  const label = fieldLabelOf(w);
  const removed = after === undefined;
  emit(w, {
    check: "text-changed",
    cls: removed ? "potentially-breaking" : "non-breaking",
    impact: removed || before === undefined ? "minor" : "patch",
    before,
    after,
    message: both((lang: Lang) => {
      const q = (value: unknown) => {
        const text = toMessage(value);
        return text === undefined ? formatValue(value, { lang, names: w.doc.names }) : quote(text[lang], lang);
      };
      if (before === undefined) return `${label[lang]}${lang === "zh" ? "：新增" : " added: "}${q(after)}`;
      if (removed) return `${label[lang]}${lang === "zh" ? "：删除" : " removed: "}${q(before)}`;
      const oldText = toMessage(before);
      const newText = toMessage(after);
      // Only the English changed: say so rather than print two identical Chinese names.
      if (oldText !== undefined && newText !== undefined && oldText[lang] === newText[lang]) {
        const other: Lang = lang === "zh" ? "en" : "zh";
        return `${label[lang]}${lang === "zh" ? "（英文）：" : " (Chinese): "}${arrow(quote(oldText[other], lang), quote(newText[other], lang))}`;
      }
      return `${label[lang]}${lang === "zh" ? "：" : ": "}${arrow(q(before), q(after))}`;
    }),
  });
}

function durationChange(before: unknown, after: unknown, w: Walk): void {
  const key = last(w);
  const label = fieldLabelOf(w);
  const promised = key === "promisedTime";
  const sameUnit = isDuration(before) && isDuration(after) && before.unit === after.unit;
  const regression = promised && sameUnit && (after as { value: number }).value > (before as { value: number }).value;
  const removed = after === undefined;
  const cls: ChangeClass = regression || removed ? "potentially-breaking" : "non-breaking";
  emit(w, {
    check: promised ? "metric-changed" : "field-changed",
    cls,
    impact: regression || removed || before === undefined ? "minor" : "patch",
    ...(regression ? { regression } : {}),
    before,
    after,
    message: both((lang) => {
      const tail = regression ? WORSE[lang] : "";
      const fmt = (value: unknown) => (isDuration(value) ? formatDuration(value, lang) : formatValue(value, { lang, names: w.doc.names }));
      if (before === undefined) return `${label[lang]}${lang === "zh" ? "：新增 " : " added: "}${fmt(after)}`;
      if (removed) return `${label[lang]}${lang === "zh" ? "：删除 " : " removed: "}${fmt(before)}`;
      if (sameUnit && isDuration(before) && isDuration(after)) {
        if (before.value === after.value) {
          return `${label[lang]}${lang === "zh" ? "说明：" : " note: "}${arrow(formatValue(before.note, { lang, names: w.doc.names }), formatValue(after.note, { lang, names: w.doc.names }))}`;
        }
        return `${label[lang]} ${arrow(String(before.value), formatDuration(after, lang))}${tail}`;
      }
      return `${label[lang]} ${arrow(fmt(before), fmt(after))}${tail}`;
    }),
  });
}

function statusChange(before: unknown, after: unknown, w: Walk): void {
  const from = typeof before === "string" ? STATUS_ORDER.indexOf(before) : -1;
  const to = typeof after === "string" ? STATUS_ORDER.indexOf(after) : -1;
  const backwards = from >= 0 && to >= 0 && to < from;
  const retiring = after === "retired" || after === undefined;
  const reviving = before === "retired" && after !== undefined;
  const cls: ChangeClass = backwards || retiring ? "potentially-breaking" : "non-breaking";
  emit(w, {
    check: "status-changed",
    cls,
    impact: backwards || retiring || reviving || before === undefined ? "minor" : "patch",
    ...(backwards ? { regression: true } : {}),
    before,
    after,
    message: describeLeaf({ label: { zh: "状态", en: "status" }, before, after, w, key: "status", ...(backwards ? { suffix: BACKWARDS } : {}) }),
  });
}
