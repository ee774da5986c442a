import { entryText, listEntries, valueLabel } from "./choices.js";
import { nameIn, nodeById, pathOf, valueAt, type FieldSpec, type TreeNode } from "./model.js";
import { inheritedMatter, inheritsField } from "./patches.js";
import { documentOf, fieldText } from "./reducer.js";
import type { EditorState } from "./state.js";
import { fitWidth, widthOf } from "./text.js";
import type { Line } from "./view.js";

/**
 * How a field's current value is shown in the form: labels of enumerated values and references with
 * the value in brackets, 是/否 for flags, the entries of a list joined (`线上专区、综合窗口`), `—` when empty.
 *
 * @example
 * fieldDisplay(state, matterNode, channelsField); // "线上专区、综合窗口"
 */
export function fieldDisplay(state: EditorState, node: TreeNode, field: FieldSpec): string {
  const inherited = inheritedDisplay(state, node, field);
  if (inherited !== undefined) return `${inherited}${state.lang === "zh" ? "（继承）" : " (inherited)"}`;
  return ownDisplay(state, node, field, field.kind === "list" ? listEntries(state, node, field) : [fieldText(state, node, field)]);
}

function ownDisplay(state: EditorState, node: TreeNode, field: FieldSpec, entries: readonly string[]): string {
  if (field.kind === "list") {
    if (entries.length === 0) return "—";
    const labels = entries.map((entry) => {
      const shown = valueLabel(state, node, field, entry);
      // In a joined list the bracketed value is noise; the list editor shows it.
      return shown.endsWith(` (${entry})`) ? shown.slice(0, -entry.length - 3) : shown;
    });
    return labels.join(state.lang === "zh" ? "、" : ", ");
  }
  return valueLabel(state, node, field, entries[0] ?? "");
}

/**
 * For a field of a local adjustment (patch) that the patch leaves alone, the value the matter inherits
 * from the lists the local list extends, as the form shows it; `undefined` for a field the patch sets,
 * for other nodes, and when nothing is inherited either.
 *
 * @example
 * inheritedDisplay(state, patchNode, PATCH_FIELDS.find((field) => field.path.join(".") === "set.name.zh")!); // "新生儿出生"
 */
export function inheritedDisplay(state: EditorState, node: TreeNode, field: FieldSpec): string | undefined {
  if (node.kind !== "patch" || node.pointer === undefined || field.path[0] !== "set") return undefined;
  const below = field.path.slice(1);
  const set = valueAt(documentOf(state, node.file)?.value, [...pathOf(node.pointer), "set"]);
  if (!inheritsField(set, below)) return undefined;
  const value = valueAt(inheritedMatter(state.documents, node.file, node.key)?.value, below);
  if (value === undefined || value === null) return undefined;
  const entries = field.kind === "list" ? (Array.isArray(value) ? value.map(entryText) : []) : [entryText(value)];
  return entries.length === 0 ? undefined : ownDisplay(state, node, field, entries);
}

/**
 * The line under a local adjustment's title that says where its inherited values come from.
 *
 * @example
 * inheritedFrom(state, patchNode); // "标（继承）的值来自「2024年度第一批重点事项清单」"
 */
export function inheritedFrom(state: EditorState, node: TreeNode): string | undefined {
  if (node.kind !== "patch") return undefined;
  const found = inheritedMatter(state.documents, node.file, node.key);
  if (found === undefined) return state.lang === "zh" ? `在继承的清单中找不到事项 ${node.key}` : `No list this one extends has the matter ${node.key}`;
  const title = nameIn(found.title, state.lang);
  return state.lang === "zh" ? `标（继承）的值来自「${title}」` : `Values marked (inherited) come from “${title}”; editing one overrides it locally`;
}

/**
 * The width of the label column of a form: the widest label, between 8 and 12 columns (16 in English).
 *
 * @example
 * labelWidth(ITEM_FIELDS, "zh"); // 8
 */
export function labelWidth(fields: readonly FieldSpec[], lang: "zh" | "en"): number {
  return Math.max(8, Math.min(lang === "zh" ? 12 : 16, Math.max(0, ...fields.map((field) => widthOf(field.label[lang])))));
}

/**
 * The detail pane while a list field is being edited: its entries, the selected one marked `›`.
 *
 * @example
 * listLines(state, 40, 10)[0]?.text; // "配合部门（4 项）" padded to 40 columns
 */
export function listLines(state: EditorState, width: number, height: number): Line[] {
  const edit = state.list;
  const lang = state.lang;
  const node = nodeById(state.tree, edit?.nodeId);
  if (edit === undefined || node === undefined) return [];
  const entries = listEntries(state, node, edit.field);
  const lines: Line[] = [{ text: fitWidth(lang === "zh" ? `${edit.field.label.zh}（${entries.length} 项）` : `${edit.field.label.en} (${entries.length})`, width), tone: "title" }];
  if (entries.length === 0) lines.push({ text: fitWidth(lang === "zh" ? "  （空）按 a 添加" : "  (empty) press a to add", width), tone: "dim" });
  const room = Math.max(1, height - lines.length);
  const top = Math.max(0, Math.min(edit.index - Math.floor(room / 2), entries.length - room));
  entries.slice(top, top + room).forEach((entry, offset) => {
    const index = top + offset;
    const selected = index === edit.index;
    lines.push({ text: fitWidth(`${selected ? "›" : " "} ${index + 1}. ${valueLabel(state, node, edit.field, entry)}`, width), selected });
  });
  return lines;
}

/**
 * The footer while a prompt or a typed confirmation is open: the question, the typed text and, after
 * a refused answer, why; and where the real cursor goes.
 *
 * @example
 * promptFooter(state, 80); // { text: "新事项的标识（小写字母、数字和连字符）：open-", cursor: 44 }
 */
export function promptFooter(state: EditorState, width: number): { line: Line; cursor: number } | undefined {
  const lang = state.lang;
  let question: string;
  let buffer;
  let error = "";
  if (state.mode === "prompt" && state.prompt !== undefined) {
    question = state.prompt.label[lang];
    buffer = state.prompt.buffer;
    if (state.prompt.error !== undefined) error = `  ✗ ${state.prompt.error[lang]}`;
  } else if (state.mode === "confirm-type" && state.confirmation !== undefined) {
    question = state.confirmation.message[lang];
    buffer = state.confirmation.typed;
  } else return undefined;
  const before = buffer.text.slice(0, buffer.cursor);
  return { line: { text: fitWidth(`${question}${buffer.text}${error}`, width), tone: error === "" ? "title" : "error" }, cursor: Math.min(width - 1, widthOf(question) + widthOf(before)) };
}

/**
 * The question of a y/n confirmation, shown before the keys in the footer.
 *
 * @example
 * confirmQuestion(state); // "删除事项「新生儿出生」？"
 */
export function confirmQuestion(state: EditorState): string {
  return state.confirmation?.message[state.lang] ?? "";
}
