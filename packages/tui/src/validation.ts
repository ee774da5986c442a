import type { Diagnostic } from "@onething/schemas";
import { checkDocuments, parseSource, type ParsedDocument } from "@onething/sdk";
import { pathOf, pointerOf, type FieldSpec } from "./model.js";
import type { EditorState } from "./state.js";
import { entryValue } from "./choices.js";
import { parseEntries, reparseEntries } from "./reparse.js";
import { sliceEntries } from "./yaml-entries.js";
import { applyEdit, editYaml, type EditResult, type YamlPath } from "./yaml-edit.js";

/** Options of {@link validateState}. */
export interface ValidateOptions {
  /** The date overdue checks compare against, `YYYY-MM-DD`. Default: today's UTC date. */
  today?: string;
}

/**
 * Validates every document as the editor currently holds them (what the debounced validation runs).
 *
 * @example
 * validateState(state, { today: "2026-11-30" }).map((diagnostic) => diagnostic.code); // ["overdue", …]
 */
export function validateState(state: EditorState, options: ValidateOptions = {}): Diagnostic[] {
  return checkDocuments(state.documents, options.today === undefined ? {} : { today: options.today });
}

/**
 * The value a field's typed text stands for: a number for number fields when it reads as one, nothing
 * (the key is removed) when an optional field is emptied, else the text.
 *
 * @example
 * fieldValue(MATTER_FIELDS[1]!, "Birth of a newborn"); // "Birth of a newborn"
 * fieldValue(MATTER_FIELDS[1]!, ""); // undefined: the optional key is removed
 */
export function fieldValue(field: FieldSpec, text: string): string | number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return field.path.join(".") === "name.zh" ? "" : undefined;
  if (field.kind === "number" && /^-?\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return field.kind === "text" ? text : trimmed;
}

/**
 * A document whose findings carry no line and column: live findings show only their message, and
 * locating in a changed thousand-matter list would parse it whole again.
 */
function withoutPositions(document: ParsedDocument, value: unknown = document.value): ParsedDocument {
  // Built field by field: spreading the document would read its `yaml`, which parses the text whole.
  return {
    apiVersion: document.apiVersion,
    kind: document.kind,
    id: document.id,
    path: document.path,
    text: document.text,
    value,
    locate: () => undefined,
    get yaml() {
      return document.yaml;
    },
  };
}

/**
 * What live validation checks: the edited list, the lists it extends (its bases, transitively), and the
 * taxonomy, registries and catalogues: everything a finding about the edited list can depend on but
 * findings across sibling lists (those wait for the full validation after the edit is committed), so
 * that a pause in typing does not validate the whole project.
 */
function liveDocuments(all: readonly ParsedDocument[], edited: ParsedDocument): ParsedDocument[] {
  const byId = new Map<string, ParsedDocument>();
  for (const document of all) if (document.kind === "Checklist" && document.id !== undefined) byId.set(document.id, document);
  const out = all.filter((document) => document.kind === "Taxonomy" || document.kind === "DepartmentRegistry" || document.kind === "ItemCatalog");
  const seen = new Set<string>([edited.path]);
  const queue = [edited];
  out.push(edited);
  while (queue.length > 0) {
    const current = queue.shift() as ParsedDocument;
    const bases = (current.value as { spec?: { extends?: unknown } } | undefined)?.spec?.extends;
    for (const base of Array.isArray(bases) ? bases : []) {
      const id = (base as { checklist?: unknown } | null)?.checklist;
      const found = typeof id === "string" ? byId.get(id) : undefined;
      if (found === undefined || seen.has(found.path)) continue;
      seen.add(found.path);
      out.push(found);
      queue.push(found);
    }
  }
  return out;
}

/** Options of {@link validateTyped}. */
export interface ValidateTypedOptions extends ValidateOptions {
  /** The editor state, with a field being edited. */
  state: EditorState;
  /** The file and node pointer of the edited node. */
  file: string;
  /** JSON Pointer of the node (matter or item). */
  nodePointer: string;
  /** The field. */
  field: FieldSpec;
  /** The typed text. */
  text: string;
}

/**
 * Live validation of a value being typed: validates the project as if the value were applied and
 * returns the findings about that field (or, when the text does not parse, the parse findings). When
 * the edit is of an entry of a list field, the typed entry is validated in its place in the list.
 *
 * @example
 * const stage = MATTER_FIELDS.find((field) => field.path[0] === "stage")!;
 * validateTyped({ state, file: "checklists/national/2024-1.yaml", nodePointer: "/spec/matters/0", field: stage, text: "birthh" });
 * // [{ code: "unknown-stage", pointer: "/spec/matters/0/stage", … }]
 */
export function validateTyped(options: ValidateTypedOptions): Diagnostic[] {
  const { state, file, nodePointer, field, text } = options;
  const current = state.files[file];
  if (current === undefined) return [];
  const path = [...pathOf(nodePointer), ...field.path];
  // An entry of a list field (a former id being typed) is validated where it goes.
  const target = state.edit?.field === field ? state.edit.target : undefined;
  const change = (source: string, at: YamlPath) =>
    target?.type === "entry"
      ? editYaml(source, target.insert ? { type: "insert", path: at, index: target.index, value: entryValue(field.entry, text) } : { type: "set", path: [...at, target.index], value: entryValue(field.entry, text) })
      : applyEdit({ text: source, path: at, value: fieldValue(field, text) });
  const previous = state.documents.find((document) => document.path === file);
  const clean = previous !== undefined && (state.parseProblems[file] ?? []).length === 0;
  // A field of a matter: the value is applied to that matter's lines alone, and they alone are parsed.
  const alone = clean ? typedMatter({ document: previous, text: current.text, path, change }) : undefined;
  if (alone !== undefined) return liveFindings({ documents: liveDocuments(state.documents, alone.document), file, nodePointer, field, today: options.today, pointerBack: alone.pointerBack });
  const edited = change(current.text, path);
  if (!edited.ok) return [];
  let document = clean ? reparseEntries(previous, edited.text) : undefined;
  if (document === undefined) {
    const parsed = parseSource({ path: file, text: edited.text });
    if (parsed.document === undefined) return parsed.diagnostics;
    document = parsed.document;
  }
  const single = matterAlone(withoutPositions(document), nodePointer);
  return liveFindings({ documents: liveDocuments(state.documents, single?.document ?? withoutPositions(document)), file, nodePointer, field, today: options.today, pointerBack: single?.pointerBack ?? ((pointer) => pointer) });
}

/** The findings about the typed field among those of `documents`, at the edited list's pointers. */
function liveFindings(options: { documents: ParsedDocument[]; file: string; nodePointer: string; field: FieldSpec; today: string | undefined; pointerBack: (pointer: string) => string }): Diagnostic[] {
  const { file, nodePointer, field } = options;
  const pointer = pointerOf(nodePointer, field.path);
  const parent = pointerOf(nodePointer, field.path.slice(0, -1));
  return checkDocuments(options.documents, options.today === undefined ? {} : { today: options.today })
    .map((diagnostic) => (diagnostic.file !== file || diagnostic.pointer === undefined ? diagnostic : { ...diagnostic, pointer: options.pointerBack(diagnostic.pointer) }))
    .filter((diagnostic) => diagnostic.file === file && (diagnostic.pointer === pointer || diagnostic.pointer?.startsWith(`${pointer}/`) === true || (field.path.length > 1 && diagnostic.pointer === parent)));
}

/**
 * The edited list holding only the matter being typed into, with the typed value applied to that
 * matter's lines cut out of the text (no step touches the whole text); undefined when the field is
 * not a matter's or its lines cannot be cut out.
 */
function typedMatter(options: { document: ParsedDocument; text: string; path: YamlPath; change: (source: string, at: YamlPath) => EditResult }): { document: ParsedDocument; pointerBack: (pointer: string) => string } | undefined {
  const { path } = options;
  const index = path[2];
  if (path[0] !== "spec" || path[1] !== "matters" || typeof index !== "number" || path.length < 4) return undefined;
  const slice = sliceEntries(options.text, index, index);
  if (slice === undefined) return undefined;
  const edited = options.change(slice.text, [0, ...path.slice(3)]);
  const values = edited.ok ? parseEntries(edited.text) : undefined;
  if (values?.length !== 1) return undefined;
  const root = options.document.value as { spec?: Record<string, unknown> } | undefined;
  if (root === undefined || root.spec === undefined) return undefined;
  return { document: withoutPositions(options.document, { ...root, spec: { ...root.spec, matters: values } }), pointerBack: pointerBackTo(index) };
}

const pointerBackTo = (index: number) => (pointer: string) => pointer.replace(/^\/spec\/matters\/0(?=\/|$)/u, `/spec/matters/${index}`);

/**
 * The edited list holding only the matter being edited (as its first matter), and how to turn its
 * pointers back into the list's: the findings about one matter's field need that matter, the
 * registries and the bases, not the thousand matters beside it. (A duplicate of another matter's id in
 * the same list is found by the full validation once the edit is committed.) Undefined for a node
 * outside `spec.matters`.
 */
function matterAlone(document: ParsedDocument, nodePointer: string): { document: ParsedDocument; pointerBack: (pointer: string) => string } | undefined {
  const match = /^\/spec\/matters\/(\d+)(?=\/|$)/u.exec(nodePointer);
  const root = document.value as { spec?: { matters?: unknown } } | undefined;
  const matters = root?.spec?.matters;
  if (match === null || !Array.isArray(matters)) return undefined;
  const index = Number(match[1]);
  if (matters[index] === undefined) return undefined;
  const single = withoutPositions(document, { ...root, spec: { ...root?.spec, matters: [matters[index]] } });
  return { document: single, pointerBack: pointerBackTo(index) };
}
