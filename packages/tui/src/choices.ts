import type { Lang } from "@onething/sdk";
import { list, nameIn, pathOf, record, valueAt, type EntrySpec, type FieldSpec, type RefList, type TreeNode } from "./model.js";
import { inheritedList, inheritedMatter } from "./patches.js";
import type { EditorState } from "./state.js";
import type { YamlValue } from "./yaml-edit.js";

/** A choice of a pick list: the value written (as text) and the label shown. */
export interface Choice {
  /** The value, as text (a batch is `2024-1`). */
  value: string;
  /** The label shown. */
  label: string;
}

function documentValue(state: EditorState, file: string | undefined): unknown {
  return state.documents.find((document) => document.path === file)?.value;
}

// Choices are asked for on every key (the form shows the label of each value), and building them means walking
// every department, item or matter of the project: they are kept per catalogue (or documents) and language.
const catalogChoices = new WeakMap<object, Map<string, Choice[]>>();
const labelIndexes = new WeakMap<readonly Choice[], Map<string, Choice>>();

function kept(owner: object, key: string, make: () => Choice[]): Choice[] {
  let byKey = catalogChoices.get(owner);
  if (byKey === undefined) {
    byKey = new Map();
    catalogChoices.set(owner, byKey);
  }
  let choices = byKey.get(key);
  if (choices === undefined) {
    choices = make();
    byKey.set(key, choices);
  }
  return choices;
}

/** The choice of a value among choices (the first, when several have it), found through an index kept per list. */
function choiceOf(choices: readonly Choice[], value: string): Choice | undefined {
  let index = labelIndexes.get(choices);
  if (index === undefined) {
    index = new Map();
    for (const choice of choices) if (!index.has(choice.value)) index.set(choice.value, choice);
    labelIndexes.set(choices, index);
  }
  return index.get(value);
}

/** The batches known to the project: every annual list's batch and every batch a matter names, in order. */
function batchChoices(state: EditorState): Choice[] {
  return kept(state.documents, `batches ${state.lang}`, () => collectBatches(state));
}

function collectBatches(state: EditorState): Choice[] {
  const keys = new Map<string, { year: number; seq: number }>();
  const add = (value: unknown) => {
    const batch = record(value);
    if (typeof batch?.["year"] === "number" && typeof batch["seq"] === "number") keys.set(`${batch["year"]}-${batch["seq"]}`, { year: batch["year"], seq: batch["seq"] });
  };
  for (const document of state.documents) {
    if (document.kind !== "Checklist") continue;
    const spec = record(record(document.value)?.["spec"]);
    add(spec?.["batch"]);
    for (const matter of list(spec?.["matters"])) for (const batch of list(record(matter)?.["batches"])) add(batch);
  }
  return [...keys.values()]
    .sort((a, b) => a.year - b.year || a.seq - b.seq)
    .map((batch) => ({ value: `${batch.year}-${batch.seq}`, label: batchLabel(batch, state.lang) }));
}

function batchLabel(batch: { year: number; seq: number }, lang: Lang): string {
  return lang === "zh" ? `${batch.year} 年第 ${batch.seq} 批` : `${batch.year} batch ${batch.seq}`;
}

function refChoices(state: EditorState, node: TreeNode, refs: RefList): Choice[] {
  const lang = state.lang;
  switch (refs) {
    case "departments":
      return kept(state.catalog, `departments ${lang}`, () => [...state.catalog.departments].map(([id, name]) => ({ value: id, label: nameIn(name, lang) })));
    case "items":
      return kept(state.catalog, `items ${lang}`, () => [...state.catalog.items].map(([id, name]) => ({ value: id, label: nameIn(name, lang) })));
    case "batches":
      return batchChoices(state);
    case "stages": {
      const own = [...pathOf(node.pointer ?? "")];
      // A local adjustment's subject is the one it sets, else the inherited matter's.
      const subjectId =
        node.kind === "patch"
          ? (valueAt(documentValue(state, node.file), [...own, "set", "subject"]) ?? inheritedMatter(state.documents, node.file, node.key)?.value["subject"])
          : valueAt(documentValue(state, node.file), [...own, "subject"]);
      const subject = state.catalog.subjects.find((entry) => entry.id === subjectId);
      return (subject?.stages ?? state.catalog.subjects.flatMap((entry) => entry.stages)).map((stage) => ({ value: stage.id, label: nameIn(stage.name, lang) }));
    }
  }
}

/**
 * The choices of an enumerated or reference field (or of the entries of a list field), labelled in the
 * editor's language: the schema's values, the stages of the matter's subject, the registered
 * departments, the catalogued items, the known batches.
 *
 * @example
 * choicesOf(state, matterNode, MATTER_FIELDS.find((field) => field.path[0] === "status")!).map((choice) => choice.value);
 * // ["planned", "in-progress", "landed", "verified", "retired"]
 */
export function choicesOf(state: EditorState, node: TreeNode, field: FieldSpec | EntrySpec): Choice[] {
  const spec: EntrySpec | FieldSpec = "entry" in field && field.entry !== undefined ? field.entry : field;
  const options = spec.options;
  if (options !== undefined) return kept(options, state.lang, () => options.map((option) => ({ value: option.value, label: option.label[state.lang] })));
  if (spec.refs !== undefined) return refChoices(state, node, spec.refs);
  return [];
}

/**
 * The value an entry of a list field stands for: a batch `2024-1` becomes `{ year: 2024, seq: 1 }`,
 * anything else stays text.
 *
 * @example
 * entryValue({ kind: "ref", refs: "batches" }, "2024-1"); // { year: 2024, seq: 1 }
 */
export function entryValue(entry: EntrySpec | undefined, text: string): YamlValue {
  const batch = /^(\d{4})-(\d+)$/.exec(text.trim());
  if (entry?.refs === "batches" && batch !== null) return { year: Number(batch[1]), seq: Number(batch[2]) };
  return text.trim();
}

/**
 * An entry of a list field as text, the inverse of {@link entryValue}.
 *
 * @example
 * entryText({ year: 2024, seq: 1 }); // "2024-1"
 */
export function entryText(value: unknown): string {
  const batch = record(value);
  if (batch !== undefined && typeof batch["year"] === "number" && typeof batch["seq"] === "number") return `${batch["year"]}-${batch["seq"]}`;
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * The entries of a list field of a node, as text.
 *
 * @example
 * listEntries(state, matterNode, partnersField); // ["dept.qd.psb", "dept.qd.hrss"]
 */
export function listEntries(state: EditorState, node: TreeNode | undefined, field: FieldSpec): string[] {
  if (node?.pointer === undefined) return [];
  const own = documentValue(state, node.file);
  const value = valueAt(own, [...pathOf(node.pointer), ...field.path]);
  if (Array.isArray(value)) return value.map(entryText);
  // A local adjustment that leaves the list alone shows the inherited entries; its first change copies them.
  return (inheritedList(state.documents, node, field.path, valueAt(own, [...pathOf(node.pointer), "set"])) ?? []).map(entryText);
}

/**
 * How one value of a field is shown: the label of an enumerated value or reference with the value
 * in brackets (`个人 (individual)`), 是/否 for a flag, a batch as `2024 年第 1 批`.
 *
 * @example
 * valueLabel(state, matterNode, stageField, "birth"); // "出生 (birth)"
 */
export function valueLabel(state: EditorState, node: TreeNode, field: FieldSpec | EntrySpec, value: string): string {
  const lang = state.lang;
  if (value === "") return "—";
  if (field.kind === "boolean") return value === "true" ? (lang === "zh" ? "是" : "yes") : value === "false" ? (lang === "zh" ? "否" : "no") : value;
  const spec = field.kind === "list" && "entry" in field && field.entry !== undefined ? field.entry : field;
  if (spec.refs === "batches") {
    const batch = /^(\d{4})-(\d+)$/.exec(value);
    return batch === null ? value : batchLabel({ year: Number(batch[1]), seq: Number(batch[2]) }, lang);
  }
  if (spec.kind !== "enum" && spec.kind !== "ref") return value;
  const choice = choiceOf(choicesOf(state, node, spec), value);
  return choice === undefined ? value : `${choice.label} (${value})`;
}
