import type { Diagnostic } from "@onething/schemas";
import { checkDocuments, parseSource, type ParsedDocument } from "@onething/sdk";
import { pathOf, pointerOf, type FieldSpec } from "./model.js";
import type { EditorState } from "./state.js";
import { entryValue } from "./choices.js";
import { applyEdit, editYaml } from "./yaml-edit.js";

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
  const edited =
    target?.type === "entry"
      ? editYaml(current.text, target.insert ? { type: "insert", path, index: target.index, value: entryValue(field.entry, text) } : { type: "set", path: [...path, target.index], value: entryValue(field.entry, text) })
      : applyEdit({ text: current.text, path, value: fieldValue(field, text) });
  if (!edited.ok) return [];
  const parsed = parseSource({ path: file, text: edited.text });
  if (parsed.document === undefined) return parsed.diagnostics;
  const documents: ParsedDocument[] = state.documents.map((document) => (document.path === file ? (parsed.document as ParsedDocument) : document));
  const pointer = pointerOf(nodePointer, field.path);
  const parent = pointerOf(nodePointer, field.path.slice(0, -1));
  return checkDocuments(documents, options.today === undefined ? {} : { today: options.today }).filter(
    (diagnostic) => diagnostic.file === file && (diagnostic.pointer === pointer || diagnostic.pointer?.startsWith(`${pointer}/`) === true || (field.path.length > 1 && diagnostic.pointer === parent)),
  );
}
