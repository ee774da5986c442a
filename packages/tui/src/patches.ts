import { describeBasis, type ParsedDocument } from "@onething/sdk";
import { MATTER_FIELDS } from "./fields.js";
import type { Catalog, FieldSpec, Name, TreeNode } from "./model.js";

const BASES = ["national-level", "provincial-level", "not-present", "other"] as const;

/**
 * The form of a local adjustment (`spec.patches[i]`): the national matter it changes, then every matter
 * field below `set` (an empty row is inherited unchanged from the national matter).
 */
export const PATCH_FIELDS: readonly FieldSpec[] = [
  { path: ["matter"], label: { zh: "调整的事项", en: "Adjusted matter" }, kind: "text" },
  ...MATTER_FIELDS.filter((field) => field.path[0] !== "id").map((field) => ({ ...field, path: ["set", ...field.path] })),
];

/** The form of a not-applicable entry (`spec.notApplicable[i]`). */
export const NOT_APPLICABLE_FIELDS: readonly FieldSpec[] = [
  { path: ["matter"], label: { zh: "不适用的事项", en: "Matter" }, kind: "text" },
  { path: ["reason", "zh"], label: { zh: "不适用理由", en: "Reason" }, kind: "text" },
  { path: ["reason", "en"], label: { zh: "英文理由", en: "Reason (English)" }, kind: "text" },
  { path: ["basis"], label: { zh: "不适用依据", en: "Basis" }, kind: "enum", options: BASES.map((value) => ({ value, label: { zh: describeBasis(value, "zh"), en: describeBasis(value, "en") } })) },
];

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Where a matter sits and what it is called, as far as the lists say. */
interface Placement {
  subject: string | undefined;
  stage: string | undefined;
  name: Name | undefined;
}

function merge(base: Placement, over: Record<string, unknown> | undefined): Placement {
  const name = record(over?.["name"]);
  const zh = text(name?.["zh"]);
  const en = text(name?.["en"]);
  return {
    subject: text(over?.["subject"]) ?? base.subject,
    stage: text(over?.["stage"]) ?? base.stage,
    name: zh === undefined ? base.name : en === undefined ? { zh } : { zh, en },
  };
}

/** Fields a patch merges member by member (the others it replaces whole), as the resolver does. */
const MERGED = new Set(["metrics", "oneStop", "smart"]);

/** A matter with a patch's `set` applied: top-level fields replaced, metrics / one-stop / smart flags merged member by member. */
function applied(matter: Record<string, unknown>, set: Record<string, unknown> | undefined): Record<string, unknown> {
  if (set === undefined) return matter;
  const out: Record<string, unknown> = { ...matter };
  for (const [key, value] of Object.entries(set)) {
    const base = record(out[key]);
    const members = record(value);
    out[key] = MERGED.has(key) && base !== undefined && members !== undefined ? { ...base, ...members } : value;
  }
  return out;
}

/**
 * Finds a matter by id (or former id) in a checklist and, depth first, the lists it extends, with the
 * patches of the lists on the way applied.
 */
function matterIn(lists: ReadonlyMap<string, ParsedDocument>, listId: string, matterId: string, seen: Set<string>): { value: Record<string, unknown>; list: string } | undefined {
  if (seen.has(listId)) return undefined;
  seen.add(listId);
  const spec = record(record(lists.get(listId)?.value)?.["spec"]);
  if (spec === undefined) return undefined;
  for (const value of list(spec["matters"])) {
    const matter = record(value);
    if (matter?.["id"] === matterId || list(matter?.["formerIds"]).includes(matterId)) return { value: matter ?? {}, list: listId };
  }
  for (const entry of list(spec["extends"])) {
    const base = text(record(entry)?.["checklist"]);
    const found = base === undefined ? undefined : matterIn(lists, base, matterId, seen);
    if (found === undefined) continue;
    const patch = list(spec["patches"]).map(record).find((candidate) => candidate?.["matter"] === matterId);
    return { value: applied(found.value, record(patch?.["set"])), list: found.list };
  }
  return undefined;
}

function listsById(documents: readonly ParsedDocument[]): Map<string, ParsedDocument> {
  const lists = new Map<string, ParsedDocument>();
  for (const document of documents) if (document.kind === "Checklist" && document.id !== undefined && !lists.has(document.id)) lists.set(document.id, document);
  return lists;
}

/** The matter a checklist inherits under an id from the lists it extends (before its own patch), and where it sits. */
function inheritedIn(lists: ReadonlyMap<string, ParsedDocument>, document: ParsedDocument, matterId: string): { value: Record<string, unknown>; list: string; placement: Placement } | undefined {
  const spec = record(record(document.value)?.["spec"]);
  for (const entry of list(spec?.["extends"])) {
    const base = text(record(entry)?.["checklist"]);
    const found = base === undefined ? undefined : matterIn(lists, base, matterId, new Set([document.id ?? ""]));
    if (found !== undefined) return { ...found, placement: merge({ subject: undefined, stage: undefined, name: undefined }, found.value) };
  }
  return undefined;
}

/**
 * The matter a local list inherits under an id, as the lists it extends define it (their patches
 * applied, the local list's own patch not), and the id of the list that defines it; undefined when no
 * list it extends has the matter; `title` names that list. A patch's form shows these values for the fields the patch leaves alone.
 *
 * @example
 * inheritedMatter(state.documents, "checklists/local/shandong/qingdao.yaml", "newborn-birth")?.value["status"]; // "planned"
 */
export function inheritedMatter(documents: readonly ParsedDocument[], path: string | undefined, matterId: string): { value: Record<string, unknown>; list: string; title: Name } | undefined {
  // A form asks once per field on every frame; the documents change identity on every edit.
  let cache = inheritedCache.get(documents);
  if (cache === undefined) inheritedCache.set(documents, (cache = new Map()));
  const key = `${path ?? ""}\u0000${matterId}`;
  if (!cache.has(key)) cache.set(key, findInherited(documents, path, matterId));
  return cache.get(key);
}

const inheritedCache = new WeakMap<readonly ParsedDocument[], Map<string, ReturnType<typeof findInherited>>>();

function findInherited(documents: readonly ParsedDocument[], path: string | undefined, matterId: string): { value: Record<string, unknown>; list: string; title: Name } | undefined {
  const document = documents.find((candidate) => candidate.path === path);
  if (document === undefined) return undefined;
  const lists = listsById(documents);
  const found = inheritedIn(lists, document, matterId);
  if (found === undefined) return undefined;
  const title = record(record(record(lists.get(found.list)?.value)?.["metadata"])?.["title"]);
  const zh = text(title?.["zh"]) ?? found.list;
  const en = text(title?.["en"]);
  return { value: found.value, list: found.list, title: en === undefined ? { zh } : { zh, en } };
}

/**
 * Every matter a local list inherits from the lists it extends (their patches applied), by id, in the
 * order the lists hold them: what a new local adjustment can adjust.
 *
 * @example
 * inheritedMatters(state.documents, "checklists/local/shandong/qingdao.yaml").filter((matter) => matter.stage === "birth").map((matter) => matter.id);
 * // ["newborn-birth"]
 */
export function inheritedMatters(documents: readonly ParsedDocument[], path: string | undefined): { id: string; name: Name; subject: string | undefined; stage: string | undefined }[] {
  const document = documents.find((candidate) => candidate.path === path);
  if (document === undefined) return [];
  const lists = listsById(documents);
  const ids: string[] = [];
  const seen = new Set<string>([document.id ?? ""]);
  const walk = (listId: string) => {
    if (seen.has(listId)) return;
    seen.add(listId);
    const spec = record(record(lists.get(listId)?.value)?.["spec"]);
    for (const matter of list(spec?.["matters"])) {
      const id = text(record(matter)?.["id"]);
      if (id !== undefined && !ids.includes(id)) ids.push(id);
    }
    for (const entry of list(spec?.["extends"])) {
      const base = text(record(entry)?.["checklist"]);
      if (base !== undefined) walk(base);
    }
  };
  for (const entry of list(record(record(document.value)?.["spec"])?.["extends"])) {
    const base = text(record(entry)?.["checklist"]);
    if (base !== undefined) walk(base);
  }
  return ids.flatMap((id) => {
    const found = inheritedIn(lists, document, id);
    return found === undefined ? [] : [{ id, name: found.placement.name ?? { zh: id }, subject: found.placement.subject, stage: found.placement.stage }];
  });
}

/**
 * Whether a patch leaves a field (a path below the matter) to the inherited matter: it does when its
 * `set` has no value for the field's top-level key (for metrics, one-stop flags and smart services, the
 * member: those merge member by member).
 *
 * @example
 * inheritsField({ status: "landed" }, ["promisedTime", "value"]); // true
 * inheritsField({ promisedTime: { value: 5 } }, ["promisedTime", "unit"]); // false: promisedTime is replaced whole
 */
export function inheritsField(set: unknown, path: readonly (string | number)[]): boolean {
  const own = record(set);
  const [top, member] = path;
  if (top === undefined || own?.[String(top)] === undefined) return true;
  return MERGED.has(String(top)) && member !== undefined && record(own[String(top)])?.[String(member)] === undefined;
}

/**
 * The entries a local adjustment (patch) inherits for a list field it does not set (partners, channels…),
 * as the lists it extends define them; undefined for other nodes, for a list the patch sets, and when
 * nothing is inherited. A patch replaces a list whole, so its first change starts from these entries.
 *
 * @example
 * inheritedList(state.documents, patchNode, ["set", "owners", "partners"], patchValue?.["set"]); // ["dept.nhc", "dept.mps", …]
 */
export function inheritedList(documents: readonly ParsedDocument[], node: TreeNode, path: readonly (string | number)[], set: unknown): unknown[] | undefined {
  if (node.kind !== "patch" || path[0] !== "set") return undefined;
  const below = path.slice(1);
  if (!inheritsField(set, below)) return undefined;
  let value: unknown = inheritedMatter(documents, node.file, node.key)?.value;
  for (const segment of below) value = Array.isArray(value) ? value[Number(segment)] : record(value)?.[String(segment)];
  return Array.isArray(value) && value.length > 0 ? value : undefined;
}

/** Finds (or makes, in taxonomy order) the stage node a subject and stage id belong under. */
function stageNode(tree: TreeNode[], catalog: Catalog, subjectId: string, stageId: string): TreeNode {
  const subjects = catalog.subjects.map((subject) => subject.id);
  const rank = (order: readonly string[], id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  let subject = tree.find((node) => node.id === `s:${subjectId}`);
  if (subject === undefined) {
    const known = catalog.subjects.find((entry) => entry.id === subjectId);
    subject = { id: `s:${subjectId}`, kind: "subject", name: known?.name ?? { zh: subjectId }, key: subjectId, ancestors: [], children: [] };
    const at = tree.findIndex((node) => rank(subjects, node.key) > rank(subjects, subjectId));
    tree.splice(at === -1 ? tree.length : at, 0, subject);
  }
  const stages = catalog.subjects.find((entry) => entry.id === subjectId)?.stages ?? [];
  const order = stages.map((stage) => stage.id);
  let stage = subject.children.find((node) => node.id === `s:${subjectId}/${stageId}`);
  if (stage === undefined) {
    stage = { id: `s:${subjectId}/${stageId}`, kind: "stage", name: stages.find((entry) => entry.id === stageId)?.name ?? { zh: stageId }, key: stageId, ancestors: [subject.id], children: [] };
    const at = subject.children.findIndex((node) => rank(order, node.key) > rank(order, stageId));
    subject.children.splice(at === -1 ? subject.children.length : at, 0, stage);
  }
  return stage;
}

/**
 * Adds the local adjustments of the editable checklists to a tree: each `spec.patches` entry ("〔本地调整〕
 * 新生儿出生") and each `spec.notApplicable` entry ("〔不适用〕…"), under the subject and stage of the
 * matter it concerns, found by resolving the matter id through the lists the checklist extends (a
 * matter found nowhere goes under subject and stage "?"). The nodes are selectable, and their forms
 * ({@link PATCH_FIELDS}, {@link NOT_APPLICABLE_FIELDS}) edit what the entry sets. Returns the same tree,
 * extended.
 *
 * @example
 * const tree = withLocalAdjustments(buildTree({ documents, catalog, editable }), { documents, catalog, editable });
 * allNodes(tree).filter((node) => node.kind === "patch").map((node) => node.name.zh); // ["〔本地调整〕新生儿出生", …]
 */
export function withLocalAdjustments(tree: TreeNode[], options: { documents: readonly ParsedDocument[]; catalog: Catalog; editable?: readonly string[] }): TreeNode[] {
  const { documents, catalog, editable } = options;
  const lists = listsById(documents);
  for (const document of documents) {
    if (document.kind !== "Checklist" || (editable !== undefined && !editable.includes(document.path))) continue;
    const spec = record(record(document.value)?.["spec"]);
    if (spec === undefined) continue;
    const resolve = (matterId: string): Placement => inheritedIn(lists, document, matterId)?.placement ?? { subject: undefined, stage: undefined, name: undefined };
    const entries = [
      ...list(spec["patches"]).map((value, index) => ({ kind: "patch" as const, value: record(value), pointer: `/spec/patches/${index}` })),
      ...list(spec["notApplicable"]).map((value, index) => ({ kind: "not-applicable" as const, value: record(value), pointer: `/spec/notApplicable/${index}` })),
    ];
    for (const entry of entries) {
      const matterId = text(entry.value?.["matter"]) ?? "?";
      const found = resolve(matterId);
      const placed = entry.kind === "patch" ? merge(found, record(entry.value?.["set"])) : found;
      const stage = stageNode(tree, catalog, placed.subject ?? "?", placed.stage ?? "?");
      const name = found.name ?? { zh: matterId };
      const [tagZh, tagEn] = entry.kind === "patch" ? ["〔本地调整〕", "[local change] "] : ["〔不适用〕", "[not applicable] "];
      stage.children.push({
        id: `${entry.kind === "patch" ? "p" : "n"}:${document.path}#${entry.pointer}`,
        kind: entry.kind,
        name: { zh: `${tagZh}${name.zh}`, en: `${tagEn}${name.en ?? name.zh}` },
        key: matterId,
        file: document.path,
        pointer: entry.pointer,
        ancestors: [...stage.ancestors, stage.id],
        children: [],
      });
    }
  }
  return tree;
}
