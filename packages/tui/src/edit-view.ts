import { listEntries, valueLabel } from "./choices.js";
import { allNodes, type FieldSpec, type TreeNode } from "./model.js";
import { fieldText } from "./reducer.js";
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
  if (field.kind === "list") {
    const entries = listEntries(state, node, field);
    if (entries.length === 0) return "—";
    const labels = entries.map((entry) => {
      const shown = valueLabel(state, node, field, entry);
      // In a joined list the bracketed value is noise; the list editor shows it.
      return shown.endsWith(` (${entry})`) ? shown.slice(0, -entry.length - 3) : shown;
    });
    return labels.join(state.lang === "zh" ? "、" : ", ");
  }
  return valueLabel(state, node, field, fieldText(state, node, field));
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
  const node = allNodes(state.tree).find((candidate) => candidate.id === edit?.nodeId);
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
