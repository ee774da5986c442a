import type { LocalizedMessage } from "@onething/schemas";
import type { Lang, ParsedDocument } from "@onething/sdk";
import type { YamlPath } from "./yaml-edit.js";

/** A name in both languages as the data writes it (`en` optional). */
export interface Name {
  /** Chinese name. */
  zh: string;
  /** English name, when the data has one. */
  en?: string;
}

/** One node of the tree: subject → stage → matter → item. */
export interface TreeNode {
  /** Stable id: `s:<subject>`, `s:<subject>/<stage>`, `m:<file>#<pointer>` or `i:<file>#<pointer>`. */
  id: string;
  /** What the node is. */
  kind: "subject" | "stage" | "matter" | "item";
  /** The name shown. */
  name: Name;
  /** The data id (subject id, stage id, matter id or item ref). */
  key: string;
  /** The file of a matter or item. */
  file?: string;
  /** JSON Pointer of a matter or item within its file. */
  pointer?: string;
  /** Ids of the ancestors, root first. */
  ancestors: string[];
  /** Children, in order. */
  children: TreeNode[];
}

/** How a field's value is entered. */
export type FieldKind = "text" | "number" | "date" | "enum" | "ref";

/** One editable field of the detail form. */
export interface FieldSpec {
  /** Path below the node (a matter or an item). */
  path: YamlPath;
  /** The label as the form shows it. */
  label: LocalizedMessage;
  /** How the value is entered. */
  kind: FieldKind;
  /** The choices of an `enum` field: value and label. */
  options?: readonly { value: string; label: LocalizedMessage }[];
  /** The list a `ref` field picks from. */
  refs?: "departments" | "items" | "stages";
}

const opt = (value: string, zh: string, en: string) => ({ value, label: { zh, en } });

/** The editable fields of a matter, in form order. */
export const MATTER_FIELDS: readonly FieldSpec[] = [
  { path: ["name", "zh"], label: { zh: "名称", en: "Name" }, kind: "text" },
  { path: ["name", "en"], label: { zh: "英文名称", en: "English name" }, kind: "text" },
  { path: ["shortName"], label: { zh: "简称", en: "Short name" }, kind: "text" },
  {
    path: ["subject"],
    label: { zh: "主体", en: "Subject" },
    kind: "enum",
    options: [opt("enterprise", "经营主体", "Business entity"), opt("individual", "个人", "Individual"), opt("project", "工程建设项目", "Construction project")],
  },
  { path: ["stage"], label: { zh: "阶段", en: "Stage" }, kind: "ref", refs: "stages" },
  {
    path: ["status"],
    label: { zh: "状态", en: "Status" },
    kind: "enum",
    options: [opt("planned", "计划中", "planned"), opt("in-progress", "推进中", "in progress"), opt("landed", "已落地", "landed"), opt("verified", "已核验", "verified"), opt("retired", "已退出", "retired")],
  },
  { path: ["dueDate"], label: { zh: "完成期限", en: "Due date" }, kind: "date" },
  { path: ["promisedTime", "value"], label: { zh: "承诺时限", en: "Promised time" }, kind: "number" },
  {
    path: ["promisedTime", "unit"],
    label: { zh: "时限单位", en: "Time unit" },
    kind: "enum",
    options: [opt("workday", "工作日", "working days"), opt("day", "自然日", "days"), opt("hour", "小时", "hours")],
  },
  { path: ["owners", "leader"], label: { zh: "牵头领导", en: "Leader" }, kind: "text" },
  { path: ["owners", "lead"], label: { zh: "牵头部门", en: "Lead department" }, kind: "ref", refs: "departments" },
  {
    path: ["confidence"],
    label: { zh: "可信度", en: "Confidence" },
    kind: "enum",
    options: [opt("verified", "已核实", "verified"), opt("partial", "部分核实", "partial"), opt("unverified", "待核实", "unverified"), opt("illustrative", "示例", "illustrative")],
  },
  { path: ["note"], label: { zh: "备注", en: "Note" }, kind: "text" },
];

/** The editable fields of a bundled item, in form order. */
export const ITEM_FIELDS: readonly FieldSpec[] = [
  { path: ["ref"], label: { zh: "事项", en: "Item" }, kind: "ref", refs: "items" },
  {
    path: ["role"],
    label: { zh: "办理要求", en: "Role" },
    kind: "enum",
    options: [opt("required", "必办", "required"), opt("conditional", "视情办理", "conditional")],
  },
  { path: ["note"], label: { zh: "备注", en: "Note" }, kind: "text" },
];

/**
 * The fields of a node's detail form (none for subjects and stages).
 *
 * @example
 * fieldsOf(matterNode).map((field) => field.path.join(".")); // ["name.zh", "name.en", "shortName", "subject", …]
 */
export function fieldsOf(node: TreeNode | undefined): readonly FieldSpec[] {
  if (node?.kind === "matter") return MATTER_FIELDS;
  if (node?.kind === "item") return ITEM_FIELDS;
  return [];
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

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function nameFrom(value: unknown, fallback: string): Name {
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
      const matterId = typeof matter["id"] === "string" ? matter["id"] : `#${index}`;
      const pointer = `/spec/matters/${index}`;
      const matterNode: TreeNode = {
        id: `m:${document.path}#${pointer}`,
        kind: "matter",
        name: nameFrom(matter["name"], matterId),
        key: matterId,
        file: document.path,
        pointer,
        ancestors: [subjectNode.id, stageNode.id],
        children: [],
      };
      list(matter["items"]).forEach((itemValue, itemIndex) => {
        const ref = record(itemValue)?.["ref"];
        const key = typeof ref === "string" ? ref : `#${itemIndex}`;
        const itemPointer = `${pointer}/items/${itemIndex}`;
        matterNode.children.push({
          id: `i:${document.path}#${itemPointer}`,
          kind: "item",
          name: catalog.items.get(key) ?? { zh: key },
          key,
          file: document.path,
          pointer: itemPointer,
          ancestors: [subjectNode.id, stageNode.id, matterNode.id],
          children: [],
        });
      });
      stageNode.children.push(matterNode);
    });
  }
  // Stages without matters are noise in an editor of matters; subjects likewise.
  const result: TreeNode[] = [];
  for (const subject of subjects.values()) {
    subject.children = subject.children.filter((stage) => stage.children.length > 0);
    if (subject.children.length > 0) result.push(subject);
  }
  return result;
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
