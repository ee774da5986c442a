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

/**
 * Finds a matter by id in a checklist and, depth first, the lists it extends: its subject, stage and
 * name, with the patches of the lists on the way applied.
 */
function placementIn(lists: ReadonlyMap<string, ParsedDocument>, listId: string, matterId: string, seen: Set<string>): Placement | undefined {
  if (seen.has(listId)) return undefined;
  seen.add(listId);
  const spec = record(record(lists.get(listId)?.value)?.["spec"]);
  if (spec === undefined) return undefined;
  let found: Placement | undefined;
  for (const value of list(spec["matters"])) {
    const matter = record(value);
    if (matter?.["id"] === matterId || list(matter?.["formerIds"]).includes(matterId)) {
      found = merge({ subject: undefined, stage: undefined, name: undefined }, matter);
      break;
    }
  }
  if (found === undefined) {
    for (const entry of list(spec["extends"])) {
      const base = text(record(entry)?.["checklist"]);
      found = base === undefined ? undefined : placementIn(lists, base, matterId, seen);
      if (found !== undefined) break;
    }
  }
  if (found === undefined) return undefined;
  const patch = list(spec["patches"]).map(record).find((entry) => entry?.["matter"] === matterId);
  return merge(found, record(patch?.["set"]));
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
  const lists = new Map<string, ParsedDocument>();
  for (const document of documents) if (document.kind === "Checklist" && document.id !== undefined && !lists.has(document.id)) lists.set(document.id, document);
  for (const document of documents) {
    if (document.kind !== "Checklist" || (editable !== undefined && !editable.includes(document.path))) continue;
    const spec = record(record(document.value)?.["spec"]);
    if (spec === undefined) continue;
    const bases = list(spec["extends"]).flatMap((entry) => text(record(entry)?.["checklist"]) ?? []);
    const resolve = (matterId: string): Placement => {
      for (const base of bases) {
        const found = placementIn(lists, base, matterId, new Set([document.id ?? ""]));
        if (found !== undefined) return found;
      }
      return { subject: undefined, stage: undefined, name: undefined };
    };
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
