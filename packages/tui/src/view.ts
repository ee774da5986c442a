import type { Diagnostic } from "@onething/schemas";
import { localize } from "@onething/sdk";
import { originalValue } from "./originals.js";
import { BINDINGS, keyLabel, type Binding } from "./keys.js";
import { allNodes, fieldsOf, indexOf, nameIn, nodeAt, nodeById, pathOf, pointerOf, valueAt, type TreeNode } from "./model.js";
import { diffScreenLines } from "./diff-view.js";
import { confirmQuestion, fieldDisplay, inheritedDisplay, inheritedFrom, labelWidth, listLines, promptFooter } from "./edit-view.js";
import { inheritedMatter } from "./patches.js";
import { isEntry } from "./structure.js";
import { contextOf, currentNode, fieldText, filteredOptions, treeRows } from "./reducer.js";
import { dirtyFiles, layoutOf, visibleProblems, type EditorState } from "./state.js";
import { fitWidth, truncateWidth, widthOf } from "./text.js";

/** Problems and edits under a node, its descendants included. */
export interface Marks {
  /** Errors. */
  errors: number;
  /** Warnings. */
  warnings: number;
  /** Whether anything under the node was edited and not saved. */
  modified: boolean;
}

/** One row of a pane: its text (exactly the pane's width), whether it is selected, and its tone. */
export interface Line {
  /** The text, padded to the pane's width. */
  text: string;
  /** The row under the cursor. */
  selected?: boolean;
  /** Colour hint; the glyphs carry the meaning without colour. */
  tone?: "error" | "warning" | "modified" | "dim" | "title";
}


let marksCache: (Pick<EditorState, "tree" | "files" | "problems" | "parseProblems" | "loadProblems" | "documents"> & { marks: Map<string, Marks> }) | undefined;

/** The node a problem belongs to: the deepest located node whose pointer contains the problem's. */
function ownerOf(tree: readonly TreeNode[], problem: Diagnostic): TreeNode | undefined {
  if (problem.file === undefined || problem.pointer === undefined) return undefined;
  return nodeAt(tree, problem.file, problem.pointer);
}

// Canonical texts of values, by object: unchanged matters keep their objects across edits, so each is stringified once.
const canonical = new WeakMap<object, string>();

function canonicalText(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "undefined";
  let text = canonical.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    canonical.set(value, text);
  }
  return text;
}

/**
 * ✗ / ⚠ / * marks of every node, propagated to its ancestors so a collapsed tree still shows them.
 *
 * @example
 * const checked = reduce(state, { type: "validated", version: state.version, problems: validateState(state) });
 * computeMarks(checked).get("s:enterprise"); // { errors: 0, warnings: 1, modified: false }
 */
export function computeMarks(state: EditorState): Map<string, Marks> {
  // Moving the cursor changes none of what the marks depend on: reuse them (a 1,000-matter tree is large).
  const cached = marksCache;
  if (cached !== undefined && cached.tree === state.tree && cached.files === state.files && cached.problems === state.problems && cached.parseProblems === state.parseProblems && cached.loadProblems === state.loadProblems && cached.documents === state.documents) return cached.marks;
  const marks = new Map<string, Marks>();
  marksCache = { tree: state.tree, files: state.files, problems: state.problems, parseProblems: state.parseProblems, loadProblems: state.loadProblems, documents: state.documents, marks };
  const get = (id: string): Marks => {
    let entry = marks.get(id);
    if (entry === undefined) {
      entry = { errors: 0, warnings: 0, modified: false };
      marks.set(id, entry);
    }
    return entry;
  };
  const { nodes } = indexOf(state.tree);
  const documents = new Map<string, EditorState["documents"][number]>();
  for (const document of state.documents) if (!documents.has(document.path)) documents.set(document.path, document);
  for (const problem of visibleProblems(state)) {
    const owner = ownerOf(state.tree, problem);
    if (owner === undefined) continue;
    for (const id of [...owner.ancestors, owner.id]) {
      const entry = get(id);
      if (problem.severity === "error") entry.errors += 1;
      else if (problem.severity === "warning") entry.warnings += 1;
    }
  }
  const dirty = new Set(dirtyFiles(state));
  for (const node of nodes) {
    const identity = IDENTITY[node.kind];
    if (identity === undefined || node.file === undefined || node.pointer === undefined || !dirty.has(node.file)) continue;
    const file = state.files[node.file];
    if (file === undefined) continue;
    const path = pathOf(node.pointer ?? "");
    // A matter (a local adjustment) is compared with the original one of the same id (adjusting the
    // same matter), so that deleting or moving one does not mark every one after it.
    const originalMatter = originalMatterOf(originalValue(node.file, file.original), path, node.key, identity);
    const currentMatter = valueAt(documents.get(node.file)?.value, path);
    if (originalMatter === currentMatter || canonicalText(originalMatter) === canonicalText(currentMatter)) continue;
    for (const id of [...node.ancestors, node.id]) get(id).modified = true;
    for (const child of allNodes(node.children)) {
      const relative = pathOf(child.pointer ?? "").slice(path.length);
      if (JSON.stringify(valueAt(originalMatter, relative)) !== JSON.stringify(valueAt(currentMatter, relative))) get(child.id).modified = true;
    }
  }
  // Matters that changed places within their stage mark the stage.
  for (const stage of nodes) {
    if (stage.kind !== "stage") continue;
    // By file and list (matters, patches, not-applicable entries), each entry by its identity.
    const byList = new Map<string, { path: string; list: (string | number)[]; identity: string; keys: string[] }>();
    for (const matter of stage.children) {
      const identity = IDENTITY[matter.kind];
      if (identity === undefined || matter.file === undefined || matter.pointer === undefined || !dirty.has(matter.file)) continue;
      const list = pathOf(matter.pointer).slice(0, -1);
      const id = `${matter.file}#${list.join("/")}`;
      const entry = byList.get(id) ?? { path: matter.file, list, identity, keys: [] };
      entry.keys.push(matter.key);
      byList.set(id, entry);
    }
    for (const { path, list, identity, keys } of byList.values()) {
      const file = state.files[path];
      if (file === undefined) continue;
      const entries = valueAt(originalValue(path, file.original), list);
      const here = new Set(keys);
      const before = (Array.isArray(entries) ? entries : []).map((entry) => (entry as Record<string, unknown> | null)?.[identity]).filter((id): id is string => typeof id === "string" && here.has(id));
      const was = new Set(before);
      const after = keys.filter((key) => was.has(key));
      if (before.join("\n") !== after.join("\n")) for (const id of [...stage.ancestors, stage.id]) get(id).modified = true;
    }
  }
  // A deleted matter marks the subject and stage it was in.
  for (const path of dirty) {
    const file = state.files[path];
    if (file === undefined) continue;
    const ids = new Set(matterList(documents.get(path)?.value).map((matter) => matter["id"]));
    for (const matter of matterList(originalValue(path, file.original))) {
      if (ids.has(matter["id"])) continue;
      get(`s:${String(matter["subject"])}`).modified = true;
      get(`s:${String(matter["subject"])}/${String(matter["stage"])}`).modified = true;
    }
    // So does a deleted local adjustment, in the subject and stage of the matter it adjusted.
    for (const key of ["patches", "notApplicable"]) {
      const current = new Set(matterList(documents.get(path)?.value, key).map((entry) => entry["matter"]));
      for (const entry of matterList(originalValue(path, file.original), key)) {
        if (current.has(entry["matter"]) || typeof entry["matter"] !== "string") continue;
        const inherited = inheritedMatter(state.documents, path, entry["matter"])?.value;
        get(`s:${String(inherited?.["subject"] ?? "?")}`).modified = true;
        get(`s:${String(inherited?.["subject"] ?? "?")}/${String(inherited?.["stage"] ?? "?")}`).modified = true;
      }
    }
  }
  return marks;
}

function matterList(value: unknown, key = "matters"): Record<string, unknown>[] {
  const matters = valueAt(value, ["spec", key]);
  return Array.isArray(matters) ? matters.filter((matter): matter is Record<string, unknown> => typeof matter === "object" && matter !== null) : [];
}

/** The key that identifies an entry of each list the tree shows as a node with its own `*` mark. */
const IDENTITY: Partial<Record<TreeNode["kind"], string>> = { matter: "id", patch: "matter", "not-applicable": "matter" };

/** The entry whose `identity` is `key` in the original value of a file, or the one at the same place when none has that key. */
// Entries of an original list by identity, per list object (the original value is parsed once per text).
const entryIndexes = new WeakMap<object, Map<string, Map<unknown, unknown>>>();

function originalMatterOf(original: unknown, path: (string | number)[], key: string, identity: string): unknown {
  const matters = valueAt(original, path.slice(0, -1));
  if (!Array.isArray(matters)) return valueAt(original, path);
  let byIdentity = entryIndexes.get(matters);
  if (byIdentity === undefined) {
    byIdentity = new Map();
    entryIndexes.set(matters, byIdentity);
  }
  let index = byIdentity.get(identity);
  if (index === undefined) {
    index = new Map();
    for (const matter of matters) {
      const id = (matter as Record<string, unknown> | null)?.[identity];
      if (id !== undefined && !index.has(id)) index.set(id, matter);
    }
    byIdentity.set(identity, index);
  }
  return index.has(key) ? index.get(key) : valueAt(original, path);
}

function markText(mark: Marks | undefined): string {
  if (mark === undefined) return "   ";
  return `${mark.errors > 0 ? "✗" : " "}${mark.warnings > 0 ? "⚠" : " "}${mark.modified ? "*" : " "}`;
}

function depthOf(node: TreeNode): number {
  return node.ancestors.length;
}

/** The rows of the tree window: the cursor row marked `›`, markers in the last three columns. */
export function treeLines(state: EditorState, width: number, height: number): Line[] {
  const rows = treeRows(state);
  const marks = computeMarks(state);
  const top = Math.min(state.treeTop, Math.max(0, rows.length - height));
  const lines: Line[] = [];
  for (const node of rows.slice(top, top + height)) {
    const selected = node.id === state.cursorId;
    const expander = node.children.length === 0 ? " " : state.expanded.has(node.id) ? "▾" : "▸";
    const count = node.kind === "subject" || node.kind === "stage" ? ` (${countMatters(node)})` : node.kind === "group" ? ` (${node.children.length})` : "";
    const label = `${selected ? "›" : " "}${"  ".repeat(depthOf(node))}${expander} ${nameIn(node.name, state.lang)}${count}`;
    const mark = marks.get(node.id);
    const markers = markText(mark);
    lines.push({
      text: fitWidth(label, Math.max(0, width - 3)) + markers.slice(0, Math.max(0, width)),
      selected,
      ...(mark?.errors ? { tone: "error" as const } : mark?.warnings ? { tone: "warning" as const } : mark?.modified ? { tone: "modified" as const } : {}),
    });
  }
  while (lines.length < height) lines.push({ text: " ".repeat(width) });
  return lines;
}

function countMatters(node: TreeNode): number {
  if (node.kind === "matter" || node.kind === "patch" || node.kind === "not-applicable") return 1;
  return node.children.reduce((sum, child) => sum + countMatters(child), 0);
}

/** The detail pane's rows, and where the text cursor goes when a field is being typed into. */
export interface DetailView {
  /** The rows, each exactly the pane's width. */
  lines: Line[];
  /** Row and column (within the pane) of the text cursor, when a field is being typed into. */
  cursor: { row: number; column: number } | undefined;
}

function severityGlyph(severity: Diagnostic["severity"]): string {
  return severity === "error" ? "✗" : severity === "warning" ? "⚠" : "ℹ";
}

/** The detail form of the node under the cursor (or the pick list while choosing a value). */
export function detailView(state: EditorState, width: number, height: number): DetailView {
  const node = currentNode(state);
  const lang = state.lang;
  const lines: Line[] = [];
  let cursor: DetailView["cursor"];
  let selectedRow = 0;
  if (node === undefined) return { lines: pad([], width, height), cursor };
  lines.push({ text: fitWidth(`${nameIn(node.name, lang)}  ${node.key}`, width), tone: "title" });
  if (node.file !== undefined) lines.push({ text: fitWidth(`${node.file}`, width), tone: "dim" });
  const origin = state.mode === "browse" || state.mode === "edit" ? inheritedFrom(state, node) : undefined;
  if (origin !== undefined) lines.push({ text: fitWidth(origin, width), tone: "dim" });
  if (state.mode === "pick" && state.pick !== undefined) {
    const pick = state.pick;
    const prompt = `${lang === "zh" ? "选择" : "Choose"} ${pick.field.label[lang]}：`;
    const before = pick.filter.text.slice(0, pick.filter.cursor);
    lines.push({ text: fitWidth(`${prompt}${pick.filter.text}`, width) });
    cursor = { row: lines.length - 1, column: Math.min(width - 1, widthOf(prompt) + widthOf(before)) };
    const options = filteredOptions(state);
    const room = Math.max(1, height - lines.length);
    const top = Math.max(0, Math.min(pick.index - Math.floor(room / 2), options.length - room));
    options.slice(top, top + room).forEach((option, offset) => {
      const selected = top + offset === pick.index;
      lines.push({ text: fitWidth(`${selected ? "›" : " "} ${option.label}  ${option.value}`, width), selected });
    });
    if (options.length === 0) lines.push({ text: fitWidth(lang === "zh" ? "  （没有匹配的选项）" : "  (no matching choice)", width), tone: "dim" });
    return { lines: pad(lines, width, height), cursor };
  }
  if (state.mode === "list" && state.list !== undefined) return { lines: pad([...lines, ...listLines(state, width, height - lines.length)], width, height), cursor };
  const fields = fieldsOf(node);
  if (fields.length === 0) {
    if (node.kind === "group") lines.push({ text: fitWidth(lang === "zh" ? `${node.name.zh} ${node.children.length} 项 · a 添加` : `${node.children.length} ${nameIn(node.name, lang).toLowerCase()} · a to add`, width) });
    else lines.push({ text: fitWidth(lang === "zh" ? `事项 ${countMatters(node)} 个` : `${countMatters(node)} matters`, width) });
    return { lines: pad(lines, width, height), cursor };
  }
  // Only the node's own problems matter here; each field takes those at or below its pointer.
  const own = node.pointer ?? "";
  const problems = visibleProblems(state).filter((problem) => problem.file === node.file && problem.pointer !== undefined && (problem.pointer === own || problem.pointer.startsWith(`${own}/`)));
  const headRows = lines.length;
  // Rows are made only when they are in the window: formatting every field of a long form on every key is wasted.
  const body: (() => Line)[] = [];
  const labelColumns = labelWidth(fields, lang);
  fields.forEach((field, index) => {
    const selected = state.focus === "detail" && index === state.fieldIndex;
    const editing = state.mode === "edit" && state.edit?.nodeId === node.id && state.edit.field === field;
    if (field.section !== undefined && field.section !== fields[index - 1]?.section) {
      const heading = `── ${field.section[lang]} `;
      body.push(() => ({ text: fitWidth(heading + "─".repeat(Math.max(0, width - widthOf(heading))), width), tone: "dim" }));
    }
    if (index === state.fieldIndex) selectedRow = body.length;
    if (editing && state.edit !== undefined) {
      const value = state.edit.buffer.text;
      const before = state.edit.buffer.text.slice(0, state.edit.buffer.cursor);
      cursor = { row: headRows + body.length, column: Math.min(width - 1, 2 + labelColumns + 1 + widthOf(before)) };
      body.push(() => ({ text: fitWidth(`${selected ? "›" : " "} ${fitWidth(field.label[lang], labelColumns)} ${value}`, width), selected }));
    } else {
      body.push(() => {
        const inherited = node.kind === "patch" && inheritedDisplay(state, node, field) !== undefined;
        return { text: fitWidth(`${selected ? "›" : " "} ${fitWidth(field.label[lang], labelColumns)} ${oneLine(fieldDisplay(state, node, field))}`, width), selected, ...(inherited ? { tone: "dim" as const } : {}) };
      });
    }
    const pointer = pointerOf(own, field.path);
    const parent = pointerOf(own, field.path.slice(0, -1));
    const messages = editing && state.edit !== undefined
      ? state.edit.live
      : problems.filter((problem) => problem.pointer === pointer || problem.pointer?.startsWith(`${pointer}/`) === true || (field.path.length > 1 && problem.pointer === parent && field.path.at(-1) === "value"));
    for (const problem of messages.slice(0, 2)) {
      body.push(() => ({ text: fitWidth(`    ${severityGlyph(problem.severity)} ${oneLine(localize(problem.message, lang))}`, width), tone: problem.severity === "error" ? "error" : "warning" }));
    }
  });
  const room = Math.max(1, height - headRows);
  const top = Math.max(0, Math.min(selectedRow - Math.floor(room / 3), body.length - room));
  if (cursor !== undefined) cursor = { row: cursor.row - top, column: cursor.column };
  return { lines: pad([...lines, ...body.slice(top, top + room).map((row) => row())], width, height), cursor };
}

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F]+/gu, " ");
}

function pad(lines: Line[], width: number, height: number): Line[] {
  const out = lines.slice(0, height);
  while (out.length < height) out.push({ text: " ".repeat(width) });
  return out;
}

/** The two header rows: file, git HEAD, unsaved edits and problem counts; then the breadcrumb. */
export function headerLines(state: EditorState, options: { width: number; head?: string }): Line[] {
  const { width } = options;
  const lang = state.lang;
  const node = currentNode(state);
  const dirty = dirtyFiles(state).length;
  const problems = visibleProblems(state);
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const warnings = problems.filter((problem) => problem.severity === "warning").length;
  const edits = state.undo.length;
  const parts = [
    "onething",
    node?.file ?? (lang === "zh" ? `${Object.keys(state.files).length} 个清单文件` : `${Object.keys(state.files).length} checklist files`),
    ...(options.head === undefined ? [] : [`HEAD ${options.head}`]),
    dirty > 0 ? (lang === "zh" ? `* 未保存 ${edits} 处修改` : `* ${edits} unsaved edit${edits === 1 ? "" : "s"}`) : lang === "zh" ? "已保存" : "saved",
    `✗ ${errors}  ⚠ ${warnings}`,
    ...(state.validatedVersion === state.version ? [] : [lang === "zh" ? "校验中…" : "checking…"]),
  ];
  const crumbs = node === undefined ? [] : [...node.ancestors.map((id) => nodeById(state.tree, id)), node].flatMap((entry) => (entry === undefined ? [] : [nameIn(entry.name, lang)]));
  return [
    { text: fitWidth(parts.join(" │ "), width), tone: "title" },
    { text: fitWidth(crumbs.join(" › "), width), tone: "dim" },
  ];
}

/** The problems panel: a title with the counts, then one row per problem, windowed around the selection. */
export function problemLines(state: EditorState, width: number, height: number): Line[] {
  if (height <= 0) return [];
  const lang = state.lang;
  const problems = visibleProblems(state);
  const focused = state.focus === "problems" && state.mode === "browse";
  const title = lang === "zh" ? `问题（${problems.length}）${focused ? "  Enter 跳到字段" : ""}` : `Problems (${problems.length})${focused ? "  Enter: go to field" : ""}`;
  const heading = truncateWidth(`── ${title} `, width);
  const lines: Line[] = [{ text: heading + "─".repeat(Math.max(0, width - widthOf(heading))), tone: "dim" }];
  const room = height - 1;
  const top = Math.max(0, Math.min(state.problemIndex - Math.floor(room / 2), problems.length - room));
  problems.slice(top, top + room).forEach((problem, offset) => {
    const selected = focused && top + offset === state.problemIndex;
    const where = `${problem.file ?? ""}${problem.range === undefined ? "" : `:${problem.range.start.line}:${problem.range.start.column}`}`;
    lines.push({
      text: fitWidth(`${selected ? "›" : " "}${severityGlyph(problem.severity)} ${shortPath(where)} ${oneLine(localize(problem.message, lang))}`, width),
      selected,
      tone: problem.severity === "error" ? "error" : "warning",
    });
  });
  if (problems.length === 0) lines.push({ text: fitWidth(lang === "zh" ? "  ✔ 没有发现问题" : "  ✔ No problems found", width), tone: "dim" });
  return pad(lines, width, height);
}

function shortPath(path: string): string {
  const parts = path.split("/");
  return parts.length > 2 ? parts.slice(-2).join("/") : path;
}

/** The bindings that work now (for the footer): in the current context, footer entries only. */
export function footerBindings(state: EditorState): Binding[] {
  const context = contextOf(state);
  const node = currentNode(state);
  return BINDINGS.filter((binding) => {
    if (!binding.footer || !binding.contexts.includes(context)) return false;
    if (binding.command === "save") return dirtyFiles(state).length > 0;
    if (binding.command === "undo") return state.undo.length > 0;
    if (binding.command === "redo") return state.redo.length > 0;
    if (binding.command === "edit-field") return fieldsOf(node).length > 0;
    if (binding.command === "open") return node !== undefined && (node.children.length > 0 || fieldsOf(node).length > 0);
    if (binding.command === "add" && context === "tree") return node !== undefined && (node.kind === "stage" || node.kind === "group" || isEntry(node));
    if (binding.command === "delete-node" && context === "tree") return isEntry(node) || ((node?.kind === "stage" || node?.kind === "subject") && allNodes(node.children).some((child) => child.kind === "matter"));
    if (binding.command === "reorder-up" && context === "tree") return isEntry(node);
    if (binding.command === "jump") return visibleProblems(state).length > 0;
    return true;
  });
}

/** The footer row: a message, a prompt, or the keys that work now. Also where the text cursor goes. */
export function footerLine(state: EditorState, width: number): { line: Line; cursor: number | undefined } {
  const lang = state.lang;
  if (state.mode === "search") {
    const prompt = lang === "zh" ? "搜索：" : "Search: ";
    const before = state.search.text.slice(0, state.search.cursor);
    return { line: { text: fitWidth(`/${prompt}${state.search.text}`, width) }, cursor: Math.min(width - 1, 1 + widthOf(prompt) + widthOf(before)) };
  }
  const asking = promptFooter(state, width);
  if (asking !== undefined && state.toast === undefined) return asking;
  if (state.toast !== undefined) return { line: { text: fitWidth(localize(state.toast.message, lang), width), tone: state.toast.tone === "error" ? "error" : "title" }, cursor: undefined };
  const prompts: Partial<Record<EditorState["mode"], string>> = {
    "confirm-quit": lang === "zh" ? `有 ${dirtyFiles(state).length} 个文件未保存，放弃修改并退出？` : `${dirtyFiles(state).length} file(s) unsaved. Discard the edits and quit?`,
    "confirm-save": lang === "zh" ? "有警告，仍要保存？" : "There are warnings. Save anyway?",
    conflict: lang === "zh" ? `磁盘上的文件已被修改（${state.conflict.join("、")}）：` : `Changed on disk (${state.conflict.join(", ")}): `,
    "confirm-delete": `${confirmQuestion(state)} `,
    recovery: lang === "zh" ? `发现上次未保存的修改（${state.recovery?.files.length ?? 0} 个文件）：` : `Unsaved edits from the last session (${state.recovery?.files.length ?? 0} file(s)): `,
  };
  const keys = footerBindings(state)
    // Reordering is bound before moving (Shift+↑ must win over ↑) but matters less in the footer.
    .sort((a, b) => Number(a.command.startsWith("reorder-")) - Number(b.command.startsWith("reorder-")))
    .map((binding) => `${binding.keys.filter((spec) => spec !== "l" && spec !== "right").map(keyLabel).slice(0, 1).join("/")} ${binding.label[lang]}`)
    .join(" · ");
  return { line: { text: fitWidth(`${prompts[state.mode] ?? ""}${keys}`, width), tone: state.mode === "browse" ? "dim" : "title" }, cursor: undefined };
}

/** The help screen: every binding with its keys and where it works, filtered by the typed text. */
export function helpLines(state: EditorState, width: number, height: number): { lines: Line[]; cursor: { row: number; column: number } } {
  const lang = state.lang;
  const prompt = lang === "zh" ? "帮助 — 输入文字筛选：" : "Help — type to filter: ";
  const filter = state.helpFilter.text.trim().toLowerCase();
  const entries = BINDINGS.map((binding) => {
    const keys = binding.keys.map(keyLabel).join(" / ");
    return { binding, text: `${fitWidth(keys, 18)} ${binding.label[lang]}` };
  });
  const shown = entries.filter((entry) => filter === "" || entry.text.toLowerCase().includes(filter) || entry.binding.label.en.toLowerCase().includes(filter));
  const lines: Line[] = [{ text: fitWidth(`${prompt}${state.helpFilter.text}`, width), tone: "title" }];
  for (const entry of shown.slice(0, Math.max(0, height - 1))) lines.push({ text: fitWidth(`  ${entry.text}`, width) });
  if (shown.length === 0) lines.push({ text: fitWidth(lang === "zh" ? "  （没有匹配的按键）" : "  (no matching key)", width), tone: "dim" });
  const before = state.helpFilter.text.slice(0, state.helpFilter.cursor);
  return { lines: pad(lines, width, height), cursor: { row: 0, column: Math.min(width - 1, widthOf(prompt) + widthOf(before)) } };
}

/** The whole screen as rows, and where the real cursor goes (for the input method's candidate window). */
export interface ScreenView {
  /** Header rows. */
  header: Line[];
  /** Tree rows (empty while help is shown). */
  tree: Line[];
  /** Detail rows (empty when the terminal is narrow and the tree has the focus). */
  detail: Line[];
  /** Rows that fill the body: help, or the diff view. */
  help: Line[];
  /** Problems panel rows. */
  problems: Line[];
  /** The footer row. */
  footer: Line;
  /** Columns of the tree and detail panes (0 when not shown). */
  treeWidth: number;
  /** Columns of the detail pane (0 when not shown). */
  detailWidth: number;
  /** The real cursor position (0-based column and row of the whole UI), when text is being typed. */
  cursor: { x: number; y: number } | undefined;
}

/**
 * Lays out the whole screen for the state's terminal size.
 *
 * @example
 * const view = screenView(state, { head: "abc1234" });
 * view.header.length; // 2: the file line and the breadcrumb
 */
export function screenView(state: EditorState, options: { head?: string } = {}): ScreenView {
  const layout = layoutOf(state.size);
  const width = layout.columns;
  const header = headerLines(state, { width, ...(options.head === undefined ? {} : { head: options.head }) });
  const footer = footerLine(state, width);
  const problems = problemLines(state, width, layout.problemRows);
  const bodyTop = layout.headerRows;
  let cursor: ScreenView["cursor"];
  if (footer.cursor !== undefined) cursor = { x: footer.cursor, y: layout.height - 1 };
  if (state.mode === "diff") {
    return { header, tree: [], detail: [], help: diffScreenLines(state, width, layout.bodyRows), problems, footer: footer.line, treeWidth: 0, detailWidth: 0, cursor };
  }
  if (state.mode === "help") {
    const help = helpLines(state, width, layout.bodyRows);
    return { header, tree: [], detail: [], help: help.lines, problems, footer: footer.line, treeWidth: 0, detailWidth: 0, cursor: { x: help.cursor.column, y: bodyTop + help.cursor.row } };
  }
  const detailFocused = state.focus === "detail" || state.mode === "edit" || state.mode === "pick";
  const narrow = layout.detailWidth === 0;
  const treeWidth = narrow ? (detailFocused ? 0 : width) : layout.treeWidth;
  const detailWidth = narrow ? (detailFocused ? width : 0) : layout.detailWidth;
  const tree = treeWidth > 0 ? treeLines(state, treeWidth, layout.bodyRows) : [];
  const detail = detailWidth > 0 ? detailView(state, detailWidth, layout.bodyRows) : { lines: [], cursor: undefined };
  if (detail.cursor !== undefined) cursor = { x: (treeWidth > 0 ? treeWidth + 1 : 0) + detail.cursor.column, y: bodyTop + detail.cursor.row };
  return { header, tree, detail: detail.lines, help: [], problems, footer: footer.line, treeWidth, detailWidth, cursor };
}

/**
 * The screen as plain text rows (for tests and the width snapshots).
 *
 * @example
 * screenText(screenView(state, { head: "abc1234" }))[0];
 * // "onething │ 1 checklist files │ HEAD abc1234 │ saved │ ✗ 0  ⚠ 0 │ checking…" (padded to the width)
 */
export function screenText(view: ScreenView): string[] {
  const body: string[] = [];
  if (view.help.length > 0) body.push(...view.help.map((line) => line.text));
  else {
    const rows = Math.max(view.tree.length, view.detail.length);
    for (let index = 0; index < rows; index += 1) {
      const left = view.tree[index]?.text ?? "";
      const right = view.detail[index]?.text ?? "";
      body.push(view.treeWidth > 0 && view.detailWidth > 0 ? `${left}│${right}` : left || right);
    }
  }
  return [...view.header.map((line) => line.text), ...body, ...view.problems.map((line) => line.text), view.footer.text];
}
