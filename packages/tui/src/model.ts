import type { LocalizedMessage } from "@onething/schemas";
import type { Lang, ParsedDocument } from "@onething/sdk";
import { ITEM_FIELDS, MATERIAL_FIELDS, MATTER_FIELDS, SOURCE_FIELDS, STEP_FIELDS } from "./fields.js";
import { NOT_APPLICABLE_FIELDS, PATCH_FIELDS, withLocalAdjustments } from "./patches.js";
import { matterChildren } from "./tree-groups.js";
import type { YamlPath } from "./yaml-edit.js";

/** A name in both languages as the data writes it (`en` optional). */
export interface Name {
  /** Chinese name. */
  zh: string;
  /** English name, when the data has one. */
  en?: string;
}

/** One node of the tree: subject → stage → matter → group (items, materials, steps, sources) → entry. */
export interface TreeNode {
  /** Stable id: `s:<subject>`, `s:<subject>/<stage>`, `m:<file>#<pointer>`, `g:<file>#<pointer>` (a group), `i:<file>#<pointer>` (an item) or `e:<file>#<pointer>` (another entry). */
  id: string;
  /** What the node is. */
  kind: "subject" | "stage" | "matter" | "group" | "item" | "material" | "step" | "source" | "patch" | "not-applicable";
  /** Which list of its matter a group holds. */
  group?: GroupKind;
  /** The name shown. */
  name: Name;
  /** The data id (subject id, stage id, matter id, the list key of a group, item ref, material id, step or source number). */
  key: string;
  /** The file of a matter, group or entry. */
  file?: string;
  /** JSON Pointer of a matter, group (its list) or entry within its file. */
  pointer?: string;
  /** Ids of the ancestors, root first. */
  ancestors: string[];
  /** Children, in order. */
  children: TreeNode[];
}

/** How a field's value is entered: typed, toggled, chosen from a list, or a list of entries. */
export type FieldKind = "text" | "number" | "date" | "enum" | "ref" | "boolean" | "list";

/** The lists a `ref` field picks from. */
export type RefList = "departments" | "items" | "stages" | "batches";

/** How each entry of a `list` field is entered. */
export interface EntrySpec {
  /** Typed (`text`), or chosen from the field's options (`enum`) or a list of references (`ref`). */
  kind: "text" | "enum" | "ref";
  /** The choices of an `enum` entry. */
  options?: readonly { value: string; label: LocalizedMessage }[];
  /** The list a `ref` entry picks from. */
  refs?: RefList;
}

/** One editable field of the detail form. */
export interface FieldSpec {
  /** Path below the node (a matter, item, material, step or source). */
  path: YamlPath;
  /** The label as the form shows it. */
  label: LocalizedMessage;
  /** How the value is entered. */
  kind: FieldKind;
  /** The choices of an `enum` field: value and label. */
  options?: readonly { value: string; label: LocalizedMessage }[];
  /** The list a `ref` field picks from. */
  refs?: RefList;
  /** How the entries of a `list` field are entered. */
  entry?: EntrySpec;
  /** The heading the field is shown under (none: the first, unnamed section). */
  section?: LocalizedMessage;
}

export { ITEM_FIELDS, MATERIAL_FIELDS, MATTER_FIELDS, SOURCE_FIELDS, STEP_FIELDS } from "./fields.js";

/**
 * The fields of a node's detail form (none for subjects and stages).
 *
 * @example
 * fieldsOf(matterNode).map((field) => field.path.join(".")); // ["name.zh", "name.en", "shortName", "subject", …]
 */
export function fieldsOf(node: TreeNode | undefined): readonly FieldSpec[] {
  switch (node?.kind) {
    case "patch":
      return PATCH_FIELDS;
    case "not-applicable":
      return NOT_APPLICABLE_FIELDS;
    case "matter":
      return MATTER_FIELDS;
    case "item":
      return ITEM_FIELDS;
    case "material":
      return MATERIAL_FIELDS;
    case "step":
      return STEP_FIELDS;
    case "source":
      return SOURCE_FIELDS;
    default:
      return [];
  }
}

/** A name in the language asked for, falling back to Chinese. */
export function nameIn(name: Name, lang: Lang): string {
  return lang === "en" && name.en !== undefined && name.en !== "" ? name.en : name.zh;
}

/** The JSON Pointer of a path below a node's pointer. */
export function pointerOf(base: string, path: YamlPath): string {
  return base + path.map((segment) => `/${String(segment).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** The segments of a JSON Pointer (`/spec/matters/0` → `["spec", "matters", 0]`). */
export function pathOf(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((segment) => (/^(?:0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

/** The lists of a matter shown as groups in the tree. */
export type GroupKind = "items" | "materials" | "steps" | "sources";

/** A plain object, or undefined. */
export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** An array, or an empty one. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A `{ zh, en }` name, with a fallback when `zh` is missing. */
export function nameFrom(value: unknown, fallback: string): Name {
  const name = record(value);
  const zh = typeof name?.["zh"] === "string" && name["zh"] !== "" ? name["zh"] : fallback;
  return typeof name?.["en"] === "string" ? { zh, en: name["en"] } : { zh };
}

/** The value at a path below a plain value, or undefined. */
export function valueAt(root: unknown, path: YamlPath): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === "number") node = node[segment];
    else node = record(node)?.[String(segment)];
    if (node === undefined) return undefined;
  }
  return node;
}

/** Names and choices collected from the taxonomy, registries and catalogues of a project. */
export interface Catalog {
  /** Subjects in taxonomy order, each with its stages in lifecycle order. */
  subjects: { id: string; name: Name; stages: { id: string; name: Name }[] }[];
  /** Departments by id. */
  departments: Map<string, Name>;
  /** Service items by id. */
  items: Map<string, Name>;
}

/**
 * Collects subject and stage names, departments and items from the documents.
 *
 * @example
 * const catalog = buildCatalog(documents);
 * catalog.departments.get("dept.nhc")?.zh; // "国家卫生健康委员会"
 */
export function buildCatalog(documents: readonly ParsedDocument[]): Catalog {
  // Every edit of a checklist builds the tree again; the taxonomy, registries and catalogues it reads rarely
  // change, so the last catalogue is kept for as long as they are the same documents.
  const sources = documents.filter((document) => CATALOG_KINDS.has(document.kind));
  const last = lastCatalog;
  if (last !== undefined && last.sources.length === sources.length && last.sources.every((document, index) => document === sources[index])) return last.catalog;
  const catalog = collectCatalog(sources);
  lastCatalog = { sources, catalog };
  return catalog;
}

const CATALOG_KINDS = new Set(["Taxonomy", "DepartmentRegistry", "ItemCatalog"]);
let lastCatalog: { sources: readonly ParsedDocument[]; catalog: Catalog } | undefined;

function collectCatalog(documents: readonly ParsedDocument[]): Catalog {
  const catalog: Catalog = { subjects: [], departments: new Map(), items: new Map() };
  for (const document of documents) {
    const spec = record(record(document.value)?.["spec"]);
    if (document.kind === "Taxonomy") {
      for (const subject of list(spec?.["subjects"]).map(record)) {
        if (typeof subject?.["id"] !== "string") continue;
        const stages = list(subject["stages"])
          .map(record)
          .flatMap((stage) => (typeof stage?.["id"] === "string" ? [{ id: stage["id"], name: nameFrom(stage["name"], stage["id"]) }] : []));
        catalog.subjects.push({ id: subject["id"], name: nameFrom(subject["name"], subject["id"]), stages });
      }
    } else if (document.kind === "DepartmentRegistry") {
      for (const department of list(spec?.["departments"]).map(record)) {
        if (typeof department?.["id"] === "string") catalog.departments.set(department["id"], nameFrom(department["name"], department["id"]));
      }
    } else if (document.kind === "ItemCatalog") {
      for (const item of list(spec?.["items"]).map(record)) {
        if (typeof item?.["id"] === "string") catalog.items.set(item["id"], nameFrom(item["name"], item["id"]));
      }
    }
  }
  return catalog;
}

/**
 * Builds the tree of the checklists among `documents` whose path is in `editable` (all when undefined):
 * subjects and stages in taxonomy order (unknown ones after), matters in file order, bundled items.
 *
 * @example
 * const tree = buildTree({ documents, catalog: buildCatalog(documents), editable: ["checklists/national/2024-1.yaml"] });
 * tree.map((node) => node.id); // ["s:enterprise", "s:individual"]
 */
export function buildTree(options: { documents: readonly ParsedDocument[]; catalog: Catalog; editable?: readonly string[] }): TreeNode[] {
  const { documents, catalog, editable } = options;
  const subjects = new Map<string, TreeNode>();
  const stages = new Map<string, TreeNode>();
  for (const subject of catalog.subjects) {
    const subjectNode: TreeNode = { id: `s:${subject.id}`, kind: "subject", name: subject.name, key: subject.id, ancestors: [], children: [] };
    subjects.set(subject.id, subjectNode);
    for (const stage of subject.stages) {
      const stageNode: TreeNode = { id: `s:${subject.id}/${stage.id}`, kind: "stage", name: stage.name, key: stage.id, ancestors: [subjectNode.id], children: [] };
      stages.set(stageNode.id, stageNode);
      subjectNode.children.push(stageNode);
    }
  }
  for (const document of documents) {
    if (document.kind !== "Checklist") continue;
    if (editable !== undefined && !editable.includes(document.path)) continue;
    const matters = list(record(record(document.value)?.["spec"])?.["matters"]);
    matters.forEach((value, index) => {
      const matter = record(value);
      if (matter === undefined) return;
      const subjectId = typeof matter["subject"] === "string" ? matter["subject"] : "?";
      const stageId = typeof matter["stage"] === "string" ? matter["stage"] : "?";
      let subjectNode = subjects.get(subjectId);
      if (subjectNode === undefined) {
        subjectNode = { id: `s:${subjectId}`, kind: "subject", name: { zh: subjectId }, key: subjectId, ancestors: [], children: [] };
        subjects.set(subjectId, subjectNode);
      }
      const stageKey = `s:${subjectId}/${stageId}`;
      let stageNode = stages.get(stageKey);
      if (stageNode === undefined) {
        stageNode = { id: stageKey, kind: "stage", name: { zh: stageId }, key: stageId, ancestors: [subjectNode.id], children: [] };
        stages.set(stageKey, stageNode);
        subjectNode.children.push(stageNode);
      }
      stageNode.children.push(matterNodeOf({ file: document.path, index, matter, ancestors: [subjectNode.id, stageNode.id], catalog }));
    });
  }
  // Stages without matters are noise in an editor of matters; subjects likewise.
  const result: TreeNode[] = [];
  for (const subject of subjects.values()) {
    subject.children = subject.children.filter((stage) => stage.children.length > 0);
    if (subject.children.length > 0) result.push(subject);
  }
  return withLocalAdjustments(result, options);
}

// A matter's node (with its groups and entries) by the matter's value: an edit re-parses only the matters it
// touched and keeps the values of the others, so their nodes are reused as they were (nodes are never changed
// once built). A node is reused only at the same file, position and catalogue.
const matterNodes = new WeakMap<object, { file: string; index: number; catalog: Catalog; node: TreeNode }>();

function matterNodeOf(options: { file: string; index: number; matter: Record<string, unknown>; ancestors: string[]; catalog: Catalog }): TreeNode {
  const { file, index, matter, ancestors, catalog } = options;
  const kept = matterNodes.get(matter);
  if (kept !== undefined && kept.file === file && kept.index === index && kept.catalog === catalog && kept.node.ancestors.join("\n") === ancestors.join("\n")) return kept.node;
  const matterId = typeof matter["id"] === "string" ? matter["id"] : `#${index}`;
  const pointer = `/spec/matters/${index}`;
  const node: TreeNode = { id: `m:${file}#${pointer}`, kind: "matter", name: nameFrom(matter["name"], matterId), key: matterId, file, pointer, ancestors, children: [] };
  node.children.push(...matterChildren({ file, matter, matterNode: node, catalog }));
  matterNodes.set(matter, { file, index, catalog, node });
  return node;
}

/**
 * Every node of the tree, depth first.
 *
 * @example
 * allNodes(createState({ documents }).tree).find((node) => node.key === "newborn-birth")?.id;
 * // "m:checklists/national/2024-1.yaml#/spec/matters/0"
 */
export function allNodes(tree: readonly TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (nodes: readonly TreeNode[]) => {
    for (const node of nodes) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(tree);
  return out;
}

/**
 * The nodes shown when only the `expanded` ones are open, depth first.
 *
 * @example
 * visibleNodes(state.tree, new Set()).map((node) => node.id); // ["s:enterprise", "s:individual"]: all collapsed
 */
export function visibleNodes(tree: readonly TreeNode[], expanded: ReadonlySet<string>): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (nodes: readonly TreeNode[]) => {
    for (const node of nodes) {
      out.push(node);
      if (expanded.has(node.id)) walk(node.children);
    }
  };
  walk(tree);
  return out;
}

/** Every node of a tree and the nodes by id, built once per tree. */
export interface TreeIndex {
  /** Every node, depth first (as {@link allNodes}). */
  nodes: readonly TreeNode[];
  /** Each node by its id. */
  byId: ReadonlyMap<string, TreeNode>;
}

const indexes = new WeakMap<readonly TreeNode[], TreeIndex>();

/**
 * The index of a finished tree (as `buildTree` returns it), built on first use and kept for as long as
 * the tree lives, so that looking a node up by id costs nothing however large the tree.
 *
 * @example
 * indexOf(state.tree).byId.get("s:enterprise")?.kind; // "subject"
 */
export function indexOf(tree: readonly TreeNode[]): TreeIndex {
  let index = indexes.get(tree);
  if (index === undefined) {
    const nodes = allNodes(tree);
    index = { nodes, byId: new Map(nodes.map((node) => [node.id, node])) };
    indexes.set(tree, index);
  }
  return index;
}

/**
 * A node of a finished tree by its id.
 *
 * @example
 * nodeById(state.tree, "s:enterprise")?.name.zh; // "企业"
 */
export function nodeById(tree: readonly TreeNode[], id: string | undefined): TreeNode | undefined {
  return id === undefined ? undefined : indexOf(tree).byId.get(id);
}

/** The prefixes of the ids of the nodes that have a place in a file (see {@link TreeNode.id}). */
const PLACED_PREFIXES = ["m", "g", "i", "e", "p", "n"] as const;

/**
 * The deepest node of a finished tree whose place in `file` contains `pointer` (the node itself, or its
 * parent for a field's pointer), found by walking up the pointer and looking each place up by id.
 *
 * @example
 * nodeAt(state.tree, "checklists/national/2024-1.yaml", "/spec/matters/0/promisedTime/value")?.kind; // "matter"
 */
export function nodeAt(tree: readonly TreeNode[], file: string, pointer: string): TreeNode | undefined {
  const { byId } = indexOf(tree);
  let place = pointer;
  for (;;) {
    for (const prefix of PLACED_PREFIXES) {
      const node = byId.get(`${prefix}:${file}#${place}`);
      if (node !== undefined && node.file === file && node.pointer === place) return node;
    }
    const cut = place.lastIndexOf("/");
    if (cut < 0) return undefined;
    place = place.slice(0, cut);
  }
}

/** The rows shown and each row's position, for one tree and one set of expanded ids. */
export interface VisibleRows {
  /** The rows, in order (as {@link visibleNodes}). */
  rows: readonly TreeNode[];
  /** The position of each row by node id. */
  positions: ReadonlyMap<string, number>;
}

const visible = new WeakMap<readonly TreeNode[], WeakMap<ReadonlySet<string>, VisibleRows>>();

/**
 * The rows of a finished tree shown when only the `expanded` ones are open, with each row's position;
 * kept per tree and set of expanded ids (the editor replaces the set whenever it changes).
 *
 * @example
 * visibleRows(state.tree, state.expanded).positions.get(state.cursorId ?? ""); // 0 on a new editor
 */
export function visibleRows(tree: readonly TreeNode[], expanded: ReadonlySet<string>): VisibleRows {
  let byExpanded = visible.get(tree);
  if (byExpanded === undefined) {
    byExpanded = new WeakMap();
    visible.set(tree, byExpanded);
  }
  let entry = byExpanded.get(expanded);
  if (entry === undefined) {
    const rows = visibleNodes(tree, expanded);
    entry = { rows, positions: new Map(rows.map((node, position) => [node.id, position])) };
    byExpanded.set(expanded, entry);
  }
  return entry;
}
