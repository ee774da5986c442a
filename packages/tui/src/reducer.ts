import type { Diagnostic, LocalizedMessage } from "@onething/schemas";
import type { ParsedDocument } from "@onething/sdk";
import { findBinding, TEXT_CONTEXTS, type Context, type KeyPress } from "./keys.js";
import { allNodes, buildCatalog, buildTree, fieldsOf, indexOf, nameIn, nodeAt, nodeById, pathOf, pointerOf, valueAt, visibleRows, type FieldSpec, type TreeNode } from "./model.js";
import { dirtyFiles, errorIdentities, layoutOf, newErrors, visibleProblems, type EditorState, type EditRecord } from "./state.js";
import { bufferOf, deleteLeft, deleteRight, insertText, isWellFormed, moveCursor, moveCursorTo, type TextBuffer } from "./text.js";
import { diffCommand } from "./diff-view.js";
import { choicesOf, listEntries } from "./choices.js";
import { applyTargetValue, runStructural, startList } from "./structure.js";
import { fieldValue } from "./validation.js";
import { parseEdited } from "./reparse.js";
import { applyEdit } from "./yaml-edit.js";

/** Everything that can happen to the editor. */
export type Action =
  | { type: "key"; key: KeyPress }
  | { type: "resize"; columns: number; rows: number }
  | { type: "validated"; version: number; problems: Diagnostic[] }
  | { type: "live"; text: string; diagnostics: Diagnostic[] }
  | { type: "saved"; files: { path: string; text: string }[] }
  | { type: "save-conflict"; files: string[] }
  | { type: "save-failed"; message: LocalizedMessage }
  | { type: "reloaded"; files: { path: string; text: string }[] };

/**
 * The context keys are dispatched in: the mode, or in `browse` mode the focused pane.
 *
 * @example
 * contextOf(createState({ documents })); // "tree"
 */
export function contextOf(state: EditorState): Context {
  return state.mode === "browse" ? state.focus : state.mode;
}

/**
 * The node under the cursor.
 *
 * @example
 * currentNode(createState({ documents }))?.id; // "s:enterprise": a new editor starts on the first subject
 */
export function currentNode(state: EditorState): TreeNode | undefined {
  return nodeById(state.tree, state.cursorId);
}

/**
 * The nodes shown in the tree, in order.
 *
 * @example
 * treeRows(createState({ documents })).slice(0, 2).map((node) => node.id);
 * // ["s:enterprise", "s:enterprise/market-entry"]: subjects start expanded
 */
export function treeRows(state: EditorState): readonly TreeNode[] {
  return visibleRows(state.tree, state.expanded).rows;
}

/** The document a file currently parses to. */
export function documentOf(state: EditorState, file: string | undefined): ParsedDocument | undefined {
  return state.documents.find((document) => document.path === file);
}

/**
 * The current value of a node's field, as the form shows it ("" when absent).
 *
 * @example
 * const matter = allNodes(state.tree).find((node) => node.key === "newborn-birth");
 * fieldText(state, matter, MATTER_FIELDS[0]!); // "新生儿出生"
 */
export function fieldText(state: EditorState, node: TreeNode | undefined, field: FieldSpec): string {
  if (node?.pointer === undefined) return "";
  const value = valueAt(documentOf(state, node.file)?.value, [...pathOf(node.pointer), ...field.path]);
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * The pure reducer: the next state for an action. Never performs input or output.
 *
 * @example
 * const next = reduce(state, { type: "key", key: { input: "j", ctrl: false } });
 * currentNode(next)?.id; // "s:enterprise/market-entry": the cursor moved down
 */
export function reduce(state: EditorState, action: Action): EditorState {
  switch (action.type) {
    case "key":
      return onKey({ ...state, toast: undefined }, action.key);
    case "resize":
      return scrollTree({ ...state, size: { columns: action.columns, rows: action.rows } });
    case "validated": {
      // Findings of version 0 describe every file as loaded, even when they come after an edit (a restore from the recovery file).
      if (action.version !== state.version) return action.version === 0 ? { ...state, knownErrors: rememberErrors(state, action.problems, true) } : state;
      const next = { ...state, problems: action.problems, validatedVersion: action.version };
      next.knownErrors = rememberErrors(next, visibleProblems(next), action.version === 0);
      next.problemIndex = Math.min(next.problemIndex, Math.max(0, visibleProblems(next).length - 1));
      return next.pendingSave ? requestSave({ ...next, pendingSave: false }, false) : next;
    }
    case "live":
      if (state.edit === undefined || state.edit.buffer.text !== action.text) return state;
      return { ...state, edit: { ...state.edit, live: action.diagnostics, liveFor: action.text } };
    case "saved": {
      const files = { ...state.files };
      const knownErrors = { ...state.knownErrors };
      let remaining = 0;
      for (const file of action.files) {
        const current = files[file.path];
        if (current === undefined) continue;
        files[file.path] = { ...current, original: file.text };
        // Only errors the file already had can be left in a save (see requestSave); they are now the file's known errors.
        if (current.text !== file.text || state.validatedVersion !== state.version) continue;
        knownErrors[file.path] = errorIdentities(visibleProblems(state), file.path);
        remaining += knownErrors[file.path]?.length ?? 0;
      }
      const count = action.files.length;
      const saved = { zh: `已保存 ${count} 个文件`, en: `Saved ${count} file${count === 1 ? "" : "s"}` };
      const message =
        remaining === 0
          ? saved
          : { zh: `${saved.zh}；文件中仍有 ${remaining} 个修改前就有的错误，见问题面板`, en: `${saved.en}; ${remaining} error${remaining === 1 ? " that was" : "s that were"} already there before these edits remain${remaining === 1 ? "s" : ""} (see the problems panel)` };
      return { ...state, files, knownErrors, saving: undefined, conflict: [], toast: { tone: "info", message } };
    }
    case "save-conflict":
      return { ...state, saving: undefined, conflict: action.files, mode: "conflict" };
    case "save-failed":
      return { ...state, saving: undefined, toast: { tone: "error", message: action.message } };
    case "reloaded": {
      // The files' errors on disk are learnt again from the next validation.
      const knownErrors = Object.fromEntries(Object.entries(state.knownErrors).filter(([path]) => !action.files.some((file) => file.path === path)));
      let next: EditorState = { ...state, knownErrors, conflict: [], reloading: undefined, mode: "browse" };
      for (const file of action.files) {
        const current = next.files[file.path];
        if (current === undefined) continue;
        next = { ...next, files: { ...next.files, [file.path]: { ...current, original: file.text } } };
        next = setText(next, file.path, file.text);
        // An edit that touched the reloaded file (alone or with others) can no longer be undone: it would bring back overwritten text.
        const untouched = (record: EditRecord) => record.file !== file.path && !(record.also ?? []).some((other) => other.file === file.path);
        next = { ...next, undo: next.undo.filter(untouched), redo: next.redo.filter(untouched) };
      }
      return { ...next, toast: { tone: "info", message: { zh: "已重新载入磁盘上的文件", en: "Reloaded from disk" } } };
    }
  }
}

function onKey(state: EditorState, key: KeyPress): EditorState {
  const context = contextOf(state);
  const binding = findBinding(context, key);
  const disarmed = binding?.command === "interrupt" ? state : { ...state, ctrlCArmed: false };
  if (binding !== undefined) return run(disarmed, binding.command, key);
  if (TEXT_CONTEXTS.includes(context) && !key.ctrl && key.name === undefined && key.input !== "") return typeText(disarmed, (buffer) => insertText(buffer, key.input));
  return disarmed;
}

function typeText(state: EditorState, change: (buffer: TextBuffer) => TextBuffer): EditorState {
  switch (state.mode) {
    case "search": {
      const search = change(state.search);
      return search.text === state.search.text ? { ...state, search } : jumpToMatch({ ...state, search }, { from: state.cursorId, direction: 1, inclusive: true });
    }
    case "edit":
      return state.edit === undefined ? state : { ...state, edit: { ...state.edit, buffer: change(state.edit.buffer) } };
    case "pick":
      return state.pick === undefined ? state : { ...state, pick: { ...state.pick, filter: change(state.pick.filter), index: 0 } };
    case "help":
      return { ...state, helpFilter: change(state.helpFilter) };
    case "prompt":
      return state.prompt === undefined ? state : { ...state, prompt: { purpose: state.prompt.purpose, label: state.prompt.label, buffer: change(state.prompt.buffer) } };
    case "confirm-type":
      return state.confirmation === undefined ? state : { ...state, confirmation: { ...state.confirmation, typed: change(state.confirmation.typed) } };
    default:
      return state;
  }
}

const say = (state: EditorState, zh: string, en: string, tone: "info" | "error" = "info"): EditorState => ({ ...state, toast: { tone, message: { zh, en } } });

function run(state: EditorState, command: string, key: KeyPress): EditorState {
  const node = currentNode(state);
  const layout = layoutOf(state.size);
  if (command === "diff" || command.startsWith("diff-")) return diffCommand(state, command, revealPointer, layout);
  const structural = runStructural(state, command);
  if (structural !== undefined) return structural;
  switch (command) {
    case "move-up":
    case "move-down":
    case "page-up":
    case "page-down": {
      const step = (command === "move-up" || command === "move-down" ? 1 : Math.max(1, layout.bodyRows - 1)) * (command === "move-up" || command === "page-up" ? -1 : 1);
      return move(state, step);
    }
    case "open": {
      if (node === undefined) return state;
      // Enter on a matter or an item opens its form; otherwise (and with → / l) a closed node opens.
      if (key.name === "return" && fieldsOf(node).length > 0) return { ...state, focus: "detail", fieldIndex: 0 };
      if (node.children.length > 0 && !state.expanded.has(node.id)) return scrollTree({ ...state, expanded: new Set([...state.expanded, node.id]) });
      return node.children.length > 0 ? move(state, 1) : state;
    }
    case "collapse": {
      if (node === undefined) return state;
      if (state.expanded.has(node.id) && node.children.length > 0) {
        const expanded = new Set(state.expanded);
        expanded.delete(node.id);
        return scrollTree({ ...state, expanded });
      }
      const parent = node.ancestors.at(-1);
      return parent === undefined ? state : scrollTree({ ...state, cursorId: parent });
    }
    case "focus-next":
    case "focus-prev": {
      const order = (["tree", "detail", "problems"] as const).filter((pane) => pane !== "problems" || layout.problemRows > 0);
      const index = order.indexOf(state.focus);
      const next = order[(index + (command === "focus-next" ? 1 : order.length - 1)) % order.length] ?? "tree";
      return { ...state, focus: next };
    }
    case "back":
      return { ...state, focus: "tree" };
    case "edit-field":
      return startEdit(state, node);
    case "jump":
      return jumpToProblem(state);
    case "search":
      return { ...state, mode: "search", search: { text: "", cursor: 0 }, searchFrom: state.cursorId };
    case "search-accept":
      return { ...state, mode: "browse", focus: "tree" };
    case "search-cancel":
      return scrollTree({ ...state, mode: "browse", search: { text: "", cursor: 0 }, cursorId: state.searchFrom ?? state.cursorId });
    case "next-match":
    case "prev-match":
      if (state.search.text === "") return say(state, "没有搜索词：按 / 搜索", "Nothing to find: press / to search");
      return jumpToMatch({ ...state, focus: "tree" }, { from: state.cursorId, direction: command === "next-match" ? 1 : -1, inclusive: false });
    case "cursor-left":
      return typeText(state, (buffer) => moveCursor(buffer, -1));
    case "cursor-right":
      return typeText(state, (buffer) => moveCursor(buffer, 1));
    case "cursor-home":
      return typeText(state, (buffer) => moveCursorTo(buffer, "start"));
    case "cursor-end":
      return typeText(state, (buffer) => moveCursorTo(buffer, "end"));
    case "delete-left":
      return typeText(state, (buffer) => deleteLeft(buffer, key.count ?? 1));
    case "delete-right":
      return typeText(state, (buffer) => deleteRight(buffer));
    case "edit-commit":
      return commitEdit(state);
    case "edit-cancel":
      return { ...state, mode: state.edit?.target?.type === "entry" ? "list" : "browse", edit: undefined };
    case "pick-choose": {
      const pick = state.pick;
      if (pick === undefined) return state;
      const choice = filteredOptions(state)[pick.index];
      if (choice === undefined) return state;
      const target = nodeById(state.tree, pick.nodeId);
      if (pick.target !== undefined) return applyTargetValue({ ...state, pick: undefined }, target, pick.field, pick.target, choice.value);
      return applyFieldValue({ ...state, mode: "browse", pick: undefined }, target, pick.field, choice.value);
    }
    case "pick-cancel":
      return { ...state, mode: state.pick?.target?.type === "entry" ? "list" : "browse", pick: undefined };
    case "help":
      return { ...state, mode: "help", helpFilter: { text: "", cursor: 0 } };
    case "help-close":
      return { ...state, mode: "browse" };
    case "save":
      return requestSave(state, false);
    case "confirm-yes":
      if (state.mode === "confirm-quit") return { ...state, mode: "browse", exit: "discard-recovery" };
      return { ...state, mode: "browse", saving: { files: dirtyFiles(state), force: false } };
    case "confirm-no":
      return { ...state, mode: "browse" };
    case "conflict-reload":
      return { ...state, mode: "browse", reloading: state.conflict };
    case "conflict-cancel":
      return { ...state, mode: "browse", conflict: [] };
    case "recovery-restore": {
      let next: EditorState = { ...state, mode: "browse", recovery: undefined };
      for (const file of state.recovery?.files ?? []) {
        const current = next.files[file.path];
        if (current === undefined || current.text === file.text) continue;
        next = setText(next, file.path, file.text, { file: file.path, pointer: "", label: { zh: "恢复未保存的修改", en: "restore unsaved edits" }, before: current.text, after: file.text });
      }
      return say(next, "已恢复上次未保存的修改", "Restored the unsaved edits of the last session");
    }
    case "recovery-discard":
      return { ...state, mode: "browse", recovery: undefined, recoveryDiscarded: true };
    case "undo":
    case "redo": {
      const from = command === "undo" ? state.undo : state.redo;
      const record = from.at(-1);
      if (record === undefined) return say(state, command === "undo" ? "没有可撤销的修改" : "没有可重做的修改", command === "undo" ? "Nothing to undo" : "Nothing to redo");
      const rest = from.slice(0, -1);
      let next = setText(state, record.file, command === "undo" ? record.before : record.after);
      for (const other of record.also ?? []) next = setText(next, other.file, command === "undo" ? other.before : other.after);
      next = command === "undo" ? { ...next, undo: rest, redo: [...state.redo, record] } : { ...next, redo: rest, undo: [...state.undo, record] };
      next = revealPointer({ ...next, mode: next.mode === "list" ? "browse" : next.mode, list: undefined }, record.file, record.pointer);
      const label = record.label;
      const verb = record.verb ?? { zh: "修改", en: "edit of" };
      return command === "undo"
        ? say(next, `已撤销：${verb.zh}「${label.zh}」`, `Undone: ${verb.en} “${label.en}”`)
        : say(next, `已重做：${verb.zh}「${label.zh}」`, `Redone: ${verb.en} “${label.en}”`);
    }
    case "quit":
      if (dirtyFiles(state).length === 0) return { ...state, exit: "discard-recovery" };
      return { ...state, mode: "confirm-quit" };
    case "interrupt":
      if (dirtyFiles(state).length === 0 || state.ctrlCArmed) return { ...state, exit: "keep-recovery" };
      return { ...say(state, "有未保存的修改：再按一次 Ctrl+C 退出（修改保留在恢复文件中），按 s 保存", "Unsaved edits: press Ctrl+C again to quit (they stay in the recovery file), s to save", "error"), ctrlCArmed: true };
    default:
      return state;
  }
}

function move(state: EditorState, step: number): EditorState {
  if (state.mode === "pick" && state.pick !== undefined) {
    const count = filteredOptions(state).length;
    return { ...state, pick: { ...state.pick, index: Math.max(0, Math.min(count - 1, state.pick.index + step)) } };
  }
  if (state.mode === "list" && state.list !== undefined) {
    const node = nodeById(state.tree, state.list.nodeId);
    const count = listEntries(state, node, state.list.field).length;
    return { ...state, list: { ...state.list, index: Math.max(0, Math.min(count - 1, state.list.index + step)) } };
  }
  if (state.focus === "detail") {
    const count = fieldsOf(currentNode(state)).length;
    return { ...state, fieldIndex: Math.max(0, Math.min(count - 1, state.fieldIndex + step)) };
  }
  if (state.focus === "problems") {
    const count = visibleProblems(state).length;
    return { ...state, problemIndex: Math.max(0, Math.min(count - 1, state.problemIndex + step)) };
  }
  const { rows, positions } = visibleRows(state.tree, state.expanded);
  const index = positions.get(state.cursorId ?? "") ?? -1;
  const next = rows[Math.max(0, Math.min(rows.length - 1, index + step))];
  return scrollTree({ ...state, cursorId: next?.id, fieldIndex: 0 });
}

/**
 * Keeps the cursor inside the tree window.
 *
 * @example
 * scrollTree({ ...state, cursorId: lastNode.id }).treeTop; // scrolled so the last node is visible
 */
export function scrollTree(state: EditorState): EditorState {
  const height = Math.max(1, layoutOf(state.size).bodyRows);
  const { rows, positions } = visibleRows(state.tree, state.expanded);
  const index = Math.max(0, positions.get(state.cursorId ?? "") ?? -1);
  let top = Math.min(state.treeTop, Math.max(0, rows.length - height));
  if (index < top) top = index;
  if (index >= top + height) top = index - height + 1;
  return top === state.treeTop ? state : { ...state, treeTop: Math.max(0, top) };
}

/** Opens every ancestor of a node and puts the cursor on it. */
function reveal(state: EditorState, node: TreeNode): EditorState {
  const expanded = new Set(state.expanded);
  for (const ancestor of node.ancestors) expanded.add(ancestor);
  return scrollTree({ ...state, expanded, cursorId: node.id });
}

/**
 * Moves the cursor to the deepest node containing a pointer of a file, and selects the field.
 *
 * @example
 * revealPointer(state, "checklists/national/2024-1.yaml", "/spec/matters/0/promisedTime/value").fieldIndex; // 7
 */
export function revealPointer(state: EditorState, file: string, pointer: string): EditorState {
  const node = nodeAt(state.tree, file, pointer);
  if (node === undefined) return state;
  const fields = fieldsOf(node);
  const fieldIndex = fields.findIndex((field) => {
    const fieldPointer = pointerOf(node.pointer ?? "", field.path);
    return pointer === fieldPointer || pointer.startsWith(`${fieldPointer}/`);
  });
  const parentIndex = fields.findIndex((field) => field.path.length > 1 && pointer === pointerOf(node.pointer ?? "", field.path.slice(0, -1)));
  return { ...reveal(state, node), fieldIndex: fieldIndex >= 0 ? fieldIndex : Math.max(0, parentIndex) };
}

function jumpToProblem(state: EditorState): EditorState {
  const problem = visibleProblems(state)[state.problemIndex];
  if (problem?.file === undefined) return state;
  const next = revealPointer(state, problem.file, problem.pointer ?? "");
  if (next === state) return say(state, "这个问题不在可编辑的事项中", "This problem is not in an editable matter");
  return { ...next, focus: "detail" };
}

function matches(node: TreeNode, query: string): boolean {
  if (node.kind === "group") return false;
  const needle = query.toLowerCase();
  return [node.name.zh, node.name.en ?? "", node.key].some((text) => text.toLowerCase().includes(needle));
}

function jumpToMatch(state: EditorState, options: { from: string | undefined; direction: 1 | -1; inclusive: boolean }): EditorState {
  const query = state.search.text.trim();
  if (query === "") return state;
  const nodes = indexOf(state.tree).nodes;
  const start = Math.max(0, nodes.findIndex((node) => node.id === options.from));
  for (let offset = options.inclusive ? 0 : 1; offset <= nodes.length; offset += 1) {
    const node = nodes[(start + options.direction * offset + nodes.length * 2) % nodes.length];
    if (node !== undefined && matches(node, query)) return reveal(state, node);
  }
  return say(state, `找不到“${query}”`, `No match for “${query}”`, "error");
}

/**
 * The choices of the open pick list that match its filter.
 *
 * @example
 * filteredOptions(state).map((option) => option.value); // [] unless a pick list is open
 */
export function filteredOptions(state: EditorState): { value: string; label: string }[] {
  const pick = state.pick;
  if (pick === undefined) return [];
  const needle = pick.filter.text.trim().toLowerCase();
  return pick.options.filter((option) => needle === "" || option.value.toLowerCase().includes(needle) || option.label.toLowerCase().includes(needle));
}

function startEdit(state: EditorState, node: TreeNode | undefined): EditorState {
  const field = fieldsOf(node)[state.fieldIndex];
  if (node === undefined || field === undefined) return state;
  const current = fieldText(state, node, field);
  if (field.kind === "list") return startList(state, node, field);
  if (field.kind === "boolean") return applyFieldValue(state, node, field, current !== "true");
  if (field.kind === "enum" || field.kind === "ref") {
    const options = choicesOf(state, node, field);
    const index = Math.max(0, options.findIndex((option) => option.value === current));
    return { ...state, mode: "pick", pick: { nodeId: node.id, field, options, filter: { text: "", cursor: 0 }, index } };
  }
  return { ...state, mode: "edit", edit: { nodeId: node.id, field, buffer: bufferOf(current), live: [], liveFor: undefined } };
}

function commitEdit(state: EditorState): EditorState {
  const edit = state.edit;
  if (edit === undefined) return state;
  if (!isWellFormed(edit.buffer.text)) return say(state, "文字中有残缺的字符，不能保存", "The text has a broken character and cannot be saved", "error");
  const node = nodeById(state.tree, edit.nodeId);
  if (edit.target !== undefined) return applyTargetValue({ ...state, edit: undefined }, node, edit.field, edit.target, edit.buffer.text);
  return applyFieldValue({ ...state, mode: "browse", edit: undefined }, node, edit.field, fieldValue(edit.field, edit.buffer.text));
}

/**
 * Sets (or, with `undefined`, removes) a field of a node as one undo step, and shows the field.
 *
 * @example
 * applyFieldValue(state, matterNode, MATTER_FIELDS[5]!, "landed"); // status: landed
 */
export function applyFieldValue(state: EditorState, node: TreeNode | undefined, field: FieldSpec, value: string | number | boolean | undefined): EditorState {
  if (node?.file === undefined || node.pointer === undefined) return state;
  const file = state.files[node.file];
  if (file === undefined) return say(state, "这个文件不能编辑", "This file cannot be edited", "error");
  const path = [...pathOf(node.pointer), ...field.path];
  const result = applyEdit({ text: file.text, path, value });
  if (!result.ok) return { ...state, toast: { tone: "error", message: result.message } };
  if (result.text === file.text) return state;
  const record: EditRecord = { file: file.path, pointer: pointerOf(node.pointer, field.path), label: field.label, before: file.text, after: result.text };
  return revealPointer(setText(state, file.path, result.text, record), file.path, record.pointer);
}

/**
 * Replaces a file's text, re-parses it and rebuilds the tree; with a record, pushes it on the undo stack.
 *
 * @example
 * setText(state, file.path, file.original); // back to the text on disk, the undo stack unchanged
 */
export function setText(state: EditorState, path: string, text: string, record?: EditRecord): EditorState {
  const file = state.files[path];
  if (file === undefined) return state;
  // An edit inside matters re-parses only those matters (a thousand-matter list is slow to parse whole).
  const previous = documentOf(state, path);
  const parsed = parseEdited({ path, text, previous, clean: (state.parseProblems[path] ?? []).length === 0 });
  const parseProblems = { ...state.parseProblems, [path]: parsed.diagnostics };
  let documents = state.documents;
  if (parsed.document !== undefined) {
    const document = parsed.document;
    documents = state.documents.map((entry) => (entry.path === path ? document : entry));
  }
  const catalog = buildCatalog(documents);
  const tree = buildTree({ documents, catalog, editable: Object.keys(state.files) });
  let next: EditorState = {
    ...state,
    files: { ...state.files, [path]: { ...file, text } },
    documents,
    parseProblems,
    catalog,
    tree,
    version: state.version + 1,
    ...(record === undefined ? {} : { undo: [...state.undo, record], redo: [] }),
  };
  const cursor = nodeById(tree, state.cursorId) ?? tree[0];
  if (cursor !== undefined) next = reveal(next, cursor);
  return next;
}

/** The known errors with those of each file found in `problems` added: every file when `all` (findings of the files as loaded), else each unchanged file not yet known. */
function rememberErrors(state: EditorState, problems: readonly Diagnostic[], all: boolean): EditorState["knownErrors"] {
  const knownErrors = { ...state.knownErrors };
  for (const file of Object.values(state.files)) {
    if (knownErrors[file.path] !== undefined || (!all && file.text !== file.original)) continue;
    knownErrors[file.path] = errorIdentities(problems, file.path);
  }
  return knownErrors;
}

function requestSave(state: EditorState, force: boolean): EditorState {
  if (state.saving !== undefined) return say(state, "正在保存，请稍候…", "Saving; please wait…");
  const dirty = dirtyFiles(state);
  if (dirty.length === 0) return say(state, "没有需要保存的修改", "Nothing to save");
  if (state.validatedVersion !== state.version) return { ...say(state, "正在校验，校验完成后保存…", "Validating; saving when done…"), pendingSave: true };
  const problems = visibleProblems(state).filter((problem) => problem.file !== undefined && dirty.includes(problem.file));
  // A file that does not parse is never written; other errors block only when the edits brought them in.
  const unparsed = dirty.flatMap((file) => state.parseProblems[file] ?? []).filter((problem) => problem.severity === "error");
  const errors = unparsed.length + dirty.flatMap((file) => newErrors(state, file)).filter((problem) => !unparsed.includes(problem)).length;
  if (errors > 0) return say(state, `有 ${errors} 个错误，修正后才能保存（Tab 切到问题面板，Enter 跳到字段）`, `${errors} error(s) must be fixed before saving (Tab to the problems, Enter to jump)`, "error");
  const warnings = problems.filter((problem) => problem.severity === "warning").length;
  if (warnings > 0 && !force) return { ...state, mode: "confirm-save" };
  return { ...state, saving: { files: dirty, force: false } };
}
