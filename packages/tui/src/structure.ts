import type { LocalizedMessage } from "@onething/schemas";
import { choicesOf, entryValue, listEntries } from "./choices.js";
import { allNodes, fieldsOf, list, nameIn, pathOf, record, type FieldSpec, type TreeNode } from "./model.js";
import { applyFieldValue, currentNode, documentOf, revealPointer, scrollTree, setText } from "./reducer.js";
import type { Confirmation, CursorAfter, EditorState, EditRecord, PendingAction, PromptPurpose, ValueTarget } from "./state.js";
import { inheritedList, inheritedMatters } from "./patches.js";
import { bufferOf } from "./text.js";
import { editYaml, type YamlOp, type YamlValue } from "./yaml-edit.js";

/**
 * Whether a node is an entry the editor can delete and reorder: a matter, an entry of a matter's
 * list (item, material, step, source), or a local adjustment (patch, not-applicable entry).
 *
 * @example
 * isEntry(currentNode(state)); // false on a subject, true on a matter
 */
export function isEntry(node: TreeNode | undefined): boolean {
  return node !== undefined && ["matter", "item", "material", "step", "source", "patch", "not-applicable"].includes(node.kind);
}

const isAdjustment = (node: TreeNode | undefined): boolean => node?.kind === "patch" || node?.kind === "not-applicable";

const message = (zh: string, en: string): LocalizedMessage => ({ zh, en });
const say = (state: EditorState, zh: string, en: string, tone: "info" | "error" = "info"): EditorState => ({ ...state, toast: { tone, message: { zh, en } } });

const ADDED = message("添加", "addition of");
const DELETED = message("删除", "deletion of");
const MOVED = message("移动", "move of");
const CLEARED = message("清除", "clearing of");

/**
 * The word typed to confirm the worst actions (deleting a stage with its matters, discarding all edits).
 *
 * @example
 * confirmWord("delete", "zh"); // "删除"
 */
export function confirmWord(action: "delete" | "discard" | "overwrite", lang: "zh" | "en"): string {
  if (action === "delete") return lang === "zh" ? "删除" : "delete";
  if (action === "overwrite") return lang === "zh" ? "覆盖" : "overwrite";
  return lang === "zh" ? "放弃" : "discard";
}

/**
 * Runs the commands that change the structure of the data (add, delete, reorder, list fields,
 * prompts and confirmations); `undefined` when the command is not one of them.
 *
 * @example
 * runStructural(state, "add")?.mode; // "prompt" on a stage: it asks for the new matter's id
 */
export function runStructural(state: EditorState, command: string): EditorState | undefined {
  switch (command) {
    case "add":
      return state.mode === "list" ? addListEntry(state) : addNode(state);
    case "delete-node":
      return state.mode === "list" ? deleteListEntry(state) : deleteNode(state);
    case "reorder-up":
    case "reorder-down": {
      const step = command === "reorder-up" ? -1 : 1;
      return state.mode === "list" ? moveListEntry(state, step) : moveNode(state, step);
    }
    case "list-edit":
      return editListEntry(state);
    case "list-back":
      return { ...state, mode: "browse", list: undefined, focus: "detail" };
    case "clear-field":
      return clearField(state);
    case "discard-all":
      if (Object.values(state.files).every((file) => file.text === file.original)) return say(state, "没有未保存的修改", "There are no unsaved edits");
      return ask(state, {
        message: message(`放弃全部未保存的修改（${state.undo.length} 处）？输入「${confirmWord("discard", "zh")}」确认：`, `Discard all unsaved edits (${state.undo.length})? Type “${confirmWord("discard", "en")}” to confirm: `),
        word: confirmWord("discard", state.lang),
        action: { type: "discard-all" },
      });
    case "conflict-keep":
      // Overwriting a file someone else changed on disk is among the worst actions: it asks for a typed word.
      return ask(state, {
        message: message(
          `用我的修改覆盖磁盘上已被改动的文件（${state.conflict.join("、")}）？输入「${confirmWord("overwrite", "zh")}」确认：`,
          `Overwrite the files changed on disk (${state.conflict.join(", ")}) with my edits? Type “${confirmWord("overwrite", "en")}” to confirm: `,
        ),
        word: confirmWord("overwrite", state.lang),
        action: { type: "overwrite", files: state.conflict },
      });
    case "prompt-accept":
      return acceptPrompt(state);
    case "prompt-cancel":
      return { ...state, mode: "browse", prompt: undefined };
    case "type-confirm": {
      const confirmation = state.confirmation;
      if (confirmation === undefined) return state;
      if (confirmation.typed.text.trim() !== confirmation.word) return say(state, `请输入「${confirmation.word ?? ""}」确认，或按 Esc 取消`, `Type “${confirmation.word ?? ""}” to confirm, or Esc to cancel`, "error");
      return perform({ ...state, mode: confirmation.back, confirmation: undefined }, confirmation.action);
    }
    case "type-cancel":
      return { ...state, mode: state.confirmation?.back ?? "browse", confirmation: undefined };
    case "confirm-yes":
      if (state.mode !== "confirm-delete" || state.confirmation === undefined) return undefined;
      return perform({ ...state, mode: state.confirmation.back, confirmation: undefined }, state.confirmation.action);
    case "confirm-no":
      if (state.mode !== "confirm-delete") return undefined;
      return { ...state, mode: state.confirmation?.back ?? "browse", confirmation: undefined };
    default:
      return undefined;
  }
}

function ask(state: EditorState, options: { message: LocalizedMessage; word?: string; action: PendingAction }): EditorState {
  const back = state.mode === "list" ? "list" : "browse";
  const confirmation: Confirmation = { message: options.message, typed: bufferOf(""), action: options.action, back, ...(options.word === undefined ? {} : { word: options.word }) };
  return { ...state, mode: options.word === undefined ? "confirm-delete" : "confirm-type", confirmation };
}

function perform(state: EditorState, action: PendingAction): EditorState {
  if (action.type === "overwrite") return { ...state, mode: "browse", saving: { files: action.files, force: true } };
  if (action.type === "discard-all") {
    let next: EditorState = state;
    for (const file of Object.values(state.files)) if (file.text !== file.original) next = setText(next, file.path, file.original);
    return say({ ...next, undo: [], redo: [] }, "已放弃全部修改", "Discarded all edits");
  }
  const next = performOps(state, action.ops, { label: action.label, verb: action.verb, ...(action.cursor === undefined ? {} : { cursor: action.cursor }) });
  if (next === state || next.toast !== undefined) return next;
  return say(next, `已删除「${action.label.zh}」，按 u 撤销`, `Deleted “${action.label.en}”; u to undo`);
}

/**
 * Applies edits to one or more files as one undo step, then places the cursor.
 *
 * @example
 * performOps(state, [{ file, op: { type: "delete", path: ["spec", "matters"], index: 0 } }], { label: { zh: "新生儿出生", en: "Newborn birth" }, verb: { zh: "删除", en: "deletion of" } });
 */
export function performOps(state: EditorState, ops: readonly { file: string; op: YamlOp }[], meta: { label: LocalizedMessage; verb: LocalizedMessage; cursor?: CursorAfter }): EditorState {
  const byFile = new Map<string, YamlOp[]>();
  for (const { file, op } of ops) byFile.set(file, [...(byFile.get(file) ?? []), op]);
  const texts = new Map<string, string>();
  for (const [file, fileOps] of byFile) {
    const current = state.files[file]?.text;
    if (current === undefined) return say(state, "这个文件不能编辑", "This file cannot be edited", "error");
    const result = editYaml(current, fileOps);
    if (!result.ok) return { ...state, toast: { tone: "error", message: result.message } };
    texts.set(file, result.text);
  }
  const changed = [...texts].filter(([file, text]) => state.files[file]?.text !== text);
  const [first, ...rest] = changed;
  if (first === undefined) return state;
  let next = state;
  for (const [file, text] of changed) next = setText(next, file, text);
  const pointerOfCursor = meta.cursor !== undefined && "pointer" in meta.cursor ? meta.cursor.pointer : firstPointer(ops);
  const record: EditRecord = {
    file: first[0],
    pointer: pointerOfCursor,
    label: meta.label,
    verb: meta.verb,
    before: state.files[first[0]]?.text ?? "",
    after: first[1],
    ...(rest.length === 0 ? {} : { also: rest.map(([file, text]) => ({ file, before: state.files[file]?.text ?? "", after: text })) }),
  };
  next = { ...next, undo: [...state.undo, record], redo: [] };
  return placeCursor(next, meta.cursor);
}

function firstPointer(ops: readonly { op: YamlOp }[]): string {
  const op = ops[0]?.op;
  if (op === undefined) return "";
  const path = op.type === "insert" || op.type === "delete" ? [...op.path, op.index] : op.type === "move" ? [...op.path, op.to] : op.path;
  return path.map((segment) => `/${String(segment).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

function placeCursor(state: EditorState, cursor: CursorAfter | undefined): EditorState {
  if (cursor === undefined) return state;
  if ("pointer" in cursor) return revealPointer(state, cursor.file, cursor.pointer);
  const nodes = allNodes(state.tree);
  let target: TreeNode | undefined;
  for (const [depth, id] of cursor.parents.entries()) {
    const parent = nodes.find((node) => node.id === id);
    if (parent === undefined) continue;
    target = depth === 0 ? (parent.children[Math.min(cursor.position, parent.children.length - 1)] ?? parent) : parent;
    break;
  }
  target ??= state.tree[0];
  if (target === undefined) return state;
  const expanded = new Set(state.expanded);
  for (const ancestor of target.ancestors) expanded.add(ancestor);
  return scrollTree({ ...state, expanded, cursorId: target.id, fieldIndex: 0 });
}

/** The list a node is an entry of (`/spec/matters`, `/spec/matters/0/items`) and its index there. */
function placeOf(node: TreeNode): { listPath: (string | number)[]; listPointer: string; index: number } | undefined {
  if (node.pointer === undefined || node.kind === "group") return undefined;
  const path = pathOf(node.pointer);
  const index = path.at(-1);
  if (typeof index !== "number") return undefined;
  const listPointer = node.pointer.slice(0, node.pointer.lastIndexOf("/"));
  return { listPath: path.slice(0, -1), listPointer, index };
}

function parentOf(state: EditorState, node: TreeNode): TreeNode | undefined {
  const id = node.ancestors.at(-1);
  return id === undefined ? undefined : allNodes(state.tree).find((candidate) => candidate.id === id);
}

const ENTRY_KINDS = { items: message("事项", "item"), materials: message("材料", "material"), steps: message("环节", "step"), sources: message("来源", "source") } as const;

function addNode(state: EditorState): EditorState {
  const node = currentNode(state);
  if (node === undefined) return state;
  if (node.kind === "subject") return say(state, "请先选中一个阶段或事项，新事项加在它所在的阶段", "Select a stage or a matter first; the new matter goes into its stage");
  if (node.kind !== "stage" && node.kind !== "group" && !isEntry(node)) return say(state, "这里不能添加", "Nothing can be added here");
  if (isAdjustment(node)) return addAdjustment(state, node);
  if (node.kind === "stage" || node.kind === "matter") {
    // A new matter goes after the selected matter, or last among the stage's matters; in a stage holding
    // only local adjustments, at the end of their list's matters.
    const stageNode = node.kind === "stage" ? node : parentOf(state, node);
    const last = node.kind === "matter" ? node : (stageNode?.children.filter((child) => child.kind === "matter").at(-1) ?? stageNode?.children.at(-1));
    const place = last === undefined ? undefined : placeOf(last);
    if (last?.file === undefined || place === undefined) return say(state, "这个阶段没有可编辑的清单文件", "This stage has no editable list", "error");
    const index = last.kind === "matter" ? place.index + 1 : list(record(record(documentOf(state, last.file)?.value)?.["spec"])?.["matters"]).length;
    const subjectNode = stageNode === undefined ? undefined : parentOf(state, stageNode);
    const purpose: PromptPurpose = { type: "new-matter", step: "id", file: last.file, index, subject: subjectNode?.key ?? "", stage: stageNode?.key ?? "" };
    return { ...state, mode: "prompt", prompt: { purpose, label: message("新事项的标识（小写字母、数字和连字符）：", "New matter id (lowercase letters, digits, hyphens): "), buffer: bufferOf("") } };
  }
  const group = node.kind === "group" ? node : parentOf(state, node);
  if (group?.group === undefined || group.file === undefined || group.pointer === undefined) return state;
  const index = node.kind === "group" ? node.children.length : (placeOf(node)?.index ?? node.children.length) + 1;
  if (group.group === "items") {
    const field: FieldSpec = { path: [], label: message("事项", "Item"), kind: "ref", refs: "items" };
    const target: ValueTarget = { type: "new-entry", file: group.file, pointer: group.pointer, index };
    return { ...state, mode: "pick", pick: { nodeId: group.id, field, options: choicesOf(state, group, field), filter: bufferOf(""), index: 0, target } };
  }
  const kind = group.group;
  const label = kind === "materials" ? message("新材料的名称：", "New material's name: ") : kind === "steps" ? message("新环节的名称：", "New step's name: ") : message("新来源的文号或标题：", "New source's title: ");
  return { ...state, mode: "prompt", prompt: { purpose: { type: "new-entry", group: kind, file: group.file, pointer: group.pointer, index }, label, buffer: bufferOf("") } };
}

/** `a` on a local adjustment: choose an inherited matter of its stage that has none yet, and add a patch of it. */
function addAdjustment(state: EditorState, node: TreeNode): EditorState {
  const stageNode = parentOf(state, node);
  const subjectNode = stageNode === undefined ? undefined : parentOf(state, stageNode);
  if (node.file === undefined || stageNode === undefined || subjectNode === undefined) return state;
  const patches = list(record(record(documentOf(state, node.file)?.value)?.["spec"])?.["patches"]);
  const taken = new Set(patches.map((entry) => record(entry)?.["matter"]));
  const options = inheritedMatters(state.documents, node.file)
    .filter((matter) => matter.subject === subjectNode.key && matter.stage === stageNode.key && !taken.has(matter.id))
    .map((matter) => ({ value: matter.id, label: nameIn(matter.name, state.lang) }));
  if (options.length === 0) return say(state, "这个阶段继承的事项都已有本地调整", "Every inherited matter of this stage already has a local change");
  const field: FieldSpec = { path: [], label: message("要本地调整的事项", "Matter to adjust locally"), kind: "ref" };
  const target: ValueTarget = { type: "new-entry", file: node.file, pointer: PATCHES, index: patches.length };
  return { ...state, mode: "pick", pick: { nodeId: node.id, field, options, filter: bufferOf(""), index: 0, target } };
}

const PATCHES = "/spec/patches";

const MATTER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function acceptPrompt(state: EditorState): EditorState {
  const prompt = state.prompt;
  if (prompt === undefined) return state;
  const text = prompt.buffer.text.trim();
  const refuse = (zh: string, en: string): EditorState => ({ ...state, prompt: { ...prompt, error: message(zh, en) } });
  if (text === "") return refuse("不能为空", "Cannot be empty");
  const purpose = prompt.purpose;
  if (purpose.type === "new-matter" && purpose.step === "id") {
    if (!MATTER_ID.test(text)) return refuse("标识只能用小写字母、数字和连字符，如 open-restaurant", "Use lowercase letters, digits and hyphens, e.g. open-restaurant");
    const matters = list(record(record(documentOf(state, purpose.file)?.value)?.["spec"])?.["matters"]);
    if (matters.some((matter) => record(matter)?.["id"] === text)) return refuse(`清单中已有标识为 ${text} 的事项`, `The list already has a matter ${text}`);
    return { ...state, prompt: { purpose: { ...purpose, step: "name", id: text }, label: message("新事项的名称：", "New matter's name (Chinese): "), buffer: bufferOf("") } };
  }
  const next: EditorState = { ...state, mode: "browse", prompt: undefined };
  if (purpose.type === "new-matter") {
    const value: YamlValue = { id: purpose.id ?? "", name: { zh: text }, subject: purpose.subject, stage: purpose.stage, confidence: "unverified" };
    const pointer = `/spec/matters/${purpose.index}`;
    const done = performOps(next, [{ file: purpose.file, op: { type: "insert", path: ["spec", "matters"], index: purpose.index, value } }], { label: message(text, text), verb: ADDED, cursor: { file: purpose.file, pointer } });
    return done.toast?.tone === "error" ? done : { ...done, focus: "detail", fieldIndex: 0 };
  }
  const path = pathOf(purpose.pointer);
  let value: YamlValue;
  if (purpose.group === "materials") {
    const existing = new Set(list(valueAtPath(state, purpose.file, path)).map((entry) => record(entry)?.["id"]));
    let n = existing.size + 1;
    while (existing.has(`material-${n}`)) n += 1;
    value = { id: `material-${n}`, name: { zh: text }, necessity: "required", source: "applicant" };
  } else if (purpose.group === "steps") value = { name: { zh: text } };
  else value = { title: text };
  return performOps(next, [{ file: purpose.file, op: { type: "insert", path, index: purpose.index, value } }], {
    label: message(text, text),
    verb: ADDED,
    cursor: { file: purpose.file, pointer: `${purpose.pointer}/${purpose.index}` },
  });
}

function valueAtPath(state: EditorState, file: string, path: readonly (string | number)[]): unknown {
  let value: unknown = documentOf(state, file)?.value;
  for (const segment of path) value = Array.isArray(value) ? value[Number(segment)] : record(value)?.[String(segment)];
  return value;
}

function deleteNode(state: EditorState): EditorState {
  const node = currentNode(state);
  if (node === undefined) return state;
  const lang = state.lang;
  const parent = parentOf(state, node);
  const position = Math.max(0, parent?.children.findIndex((child) => child.id === node.id) ?? 0);
  if (node.kind === "group") return say(state, "请选中其中的条目再删除", "Select an entry of the group to delete it");
  if (node.kind === "subject" || node.kind === "stage") {
    const matters = allNodes(node.children).filter((child) => child.kind === "matter");
    if (matters.length === 0) return say(state, "这里没有本清单自己的事项可删除；本地调整和不适用条目请逐个选中后按 d 删除", "No matter of this list is here to delete; select local changes and not-applicable entries one by one and press d");
    const ops = matters
      .flatMap((matter) => {
        const place = placeOf(matter);
        return matter.file === undefined || place === undefined ? [] : [{ file: matter.file, op: { type: "delete", path: place.listPath, index: place.index } as YamlOp }];
      })
      // Later entries first, so earlier indexes stay valid.
      .sort((a, b) => (a.file === b.file ? (b.op.type === "delete" ? b.op.index : 0) - (a.op.type === "delete" ? a.op.index : 0) : a.file.localeCompare(b.file)));
    const name = nameIn(node.name, lang);
    const word = confirmWord("delete", lang);
    const what = node.kind === "stage" ? message("阶段", "stage") : message("主体", "subject");
    return ask(state, {
      message: message(`删除${what.zh}「${name}」下的全部 ${matters.length} 个事项？输入「${word}」确认：`, `Delete all ${matters.length} matters of the ${what.en} “${name}”? Type “${word}” to confirm: `),
      word,
      action: { type: "ops", ops, label: node.name.en === undefined ? message(node.name.zh, node.name.zh) : message(node.name.zh, node.name.en), verb: DELETED, cursor: { parents: [...node.ancestors].reverse(), position } },
    });
  }
  const place = placeOf(node);
  if (!isEntry(node) || node.file === undefined || place === undefined) return say(state, "这里不能删除", "This cannot be deleted here");
  const kind = isAdjustment(node) ? message("", "entry") : node.kind === "matter" ? message("事项", "matter") : node.kind === "item" ? ENTRY_KINDS.items : node.kind === "material" ? ENTRY_KINDS.materials : node.kind === "step" ? ENTRY_KINDS.steps : ENTRY_KINDS.sources;
  const name = nameIn(node.name, lang);
  return ask(state, {
    message: message(`删除${kind.zh}「${name}」？`, `Delete the ${kind.en} “${name}”?`),
    action: {
      type: "ops",
      ops: [{ file: node.file, op: { type: "delete", path: place.listPath, index: place.index } }],
      label: message(node.name.zh, node.name.en ?? node.name.zh),
      verb: DELETED,
      cursor: { parents: [...node.ancestors].reverse(), position },
    },
  });
}

function moveNode(state: EditorState, step: number): EditorState {
  const node = currentNode(state);
  if (node === undefined) return state;
  const place = placeOf(node);
  const parent = parentOf(state, node);
  if (!isEntry(node) || place === undefined || node.file === undefined || parent === undefined) return say(state, "只能调整事项和条目的顺序", "Only matters and entries can be reordered");
  const siblings = parent.children;
  const position = siblings.findIndex((child) => child.id === node.id);
  const neighbour = siblings[position + step];
  if (neighbour === undefined) return say(state, step < 0 ? "已经是第一个" : "已经是最后一个", step < 0 ? "Already the first" : "Already the last");
  const neighbourPlace = placeOf(neighbour);
  if (neighbour.file !== node.file || neighbourPlace === undefined) return say(state, "相邻的事项在另一个清单文件中，不能跨文件移动", "The neighbouring matter is in another list file; matters cannot move across files", "error");
  if (neighbourPlace.listPointer !== place.listPointer) return say(state, "相邻的是另一类条目（事项、本地调整或不适用条目），只能在同类之间调整顺序", "The neighbour is another kind of entry (matter, local change, not applicable); entries move only among their own kind", "error");
  // The two swap places, so that every other entry stays where it is and K undoes J.
  const to = neighbourPlace.index;
  const from = place.index;
  const ops: YamlOp[] = [{ type: "move", path: place.listPath, from, to }];
  if (Math.abs(to - from) > 1) ops.push({ type: "move", path: place.listPath, from: from < to ? to - 1 : to + 1, to: from });
  return performOps(state, ops.map((op) => ({ file: node.file ?? "", op })), {
    label: message(node.name.zh, node.name.en ?? node.name.zh),
    verb: MOVED,
    cursor: { file: node.file, pointer: `${place.listPointer}/${to}` },
  });
}

function clearField(state: EditorState): EditorState {
  const node = currentNode(state);
  const field = fieldsOf(node)[state.fieldIndex];
  if (node?.file === undefined || node.pointer === undefined || field === undefined) return state;
  if (field.kind !== "list") return applyFieldValue(state, node, field, undefined);
  return performOps(state, [{ file: node.file, op: { type: "remove", path: [...pathOf(node.pointer), ...field.path] } }], { label: field.label, verb: CLEARED, cursor: { file: node.file, pointer: node.pointer } });
}

/**
 * Opens the entries of a list field (partners, channels, batches…) for editing in the detail pane.
 *
 * @example
 * startList(state, matterNode, partnersField).mode; // "list"
 */
export function startList(state: EditorState, node: TreeNode, field: FieldSpec): EditorState {
  return { ...state, mode: "list", list: { nodeId: node.id, field, index: 0 } };
}

function listContext(state: EditorState): { node: TreeNode; field: FieldSpec; entries: string[]; index: number; file: string; path: (string | number)[] } | undefined {
  const edit = state.list;
  if (edit === undefined) return undefined;
  const node = allNodes(state.tree).find((candidate) => candidate.id === edit.nodeId);
  if (node?.file === undefined || node.pointer === undefined) return undefined;
  const entries = listEntries(state, node, edit.field);
  return { node, field: edit.field, entries, index: Math.min(edit.index, Math.max(0, entries.length - 1)), file: node.file, path: [...pathOf(node.pointer), ...edit.field.path] };
}

/** Opens a pick list or a text field for an entry of the list field being edited. */
function enterEntry(state: EditorState, target: ValueTarget & { type: "entry" }): EditorState {
  const context = listContext(state);
  if (context === undefined) return state;
  const { node, field, entries } = context;
  const current = target.insert ? "" : (entries[target.index] ?? "");
  if (field.entry?.kind === "text") return { ...state, mode: "edit", edit: { nodeId: node.id, field, buffer: bufferOf(current), live: [], liveFor: undefined, target } };
  const taken = new Set(entries.filter((entry) => entry !== current));
  const options = choicesOf(state, node, field).filter((choice) => !taken.has(choice.value));
  if (options.length === 0) return say(state, "没有可以再添加的选项", "No choice left to add");
  const index = Math.max(0, options.findIndex((option) => option.value === current));
  return { ...state, mode: "pick", pick: { nodeId: node.id, field, options, filter: bufferOf(""), index, target } };
}

function addListEntry(state: EditorState): EditorState {
  const context = listContext(state);
  if (context === undefined) return state;
  return enterEntry(state, { type: "entry", index: context.entries.length === 0 ? 0 : context.index + 1, insert: true });
}

function editListEntry(state: EditorState): EditorState {
  const context = listContext(state);
  if (context === undefined) return state;
  if (context.entries.length === 0) return addListEntry(state);
  return enterEntry(state, { type: "entry", index: context.index, insert: false });
}

/** Before the first change of a list a local adjustment inherits, the op that copies the inherited entries into it (a patch replaces a list whole). */
function copyInherited(state: EditorState, node: TreeNode, field: FieldSpec): { file: string; op: YamlOp }[] {
  if (node.file === undefined || node.pointer === undefined) return [];
  const path = [...pathOf(node.pointer), ...field.path];
  if (valueAtPath(state, node.file, path) !== undefined) return [];
  const inherited = inheritedList(state.documents, node, field.path, valueAtPath(state, node.file, [...pathOf(node.pointer), "set"]));
  return inherited === undefined ? [] : [{ file: node.file, op: { type: "set", path, value: inherited as YamlValue } }];
}

function deleteListEntry(state: EditorState): EditorState {
  const context = listContext(state);
  if (context === undefined || context.entries.length === 0) return state;
  const entry = context.entries[context.index] ?? "";
  const shown = choicesOf(state, context.node, context.field).find((choice) => choice.value === entry)?.label ?? entry;
  return ask(state, {
    message: message(`从「${context.field.label.zh}」中删除「${shown}」？`, `Remove “${shown}” from ${context.field.label.en}?`),
    action: { type: "ops", ops: [...copyInherited(state, context.node, context.field), { file: context.file, op: { type: "delete", path: context.path, index: context.index } }], label: context.field.label, verb: DELETED },
  });
}

function moveListEntry(state: EditorState, step: number): EditorState {
  const context = listContext(state);
  if (context === undefined) return state;
  const to = context.index + step;
  if (to < 0 || to >= context.entries.length) return say(state, step < 0 ? "已经是第一个" : "已经是最后一个", step < 0 ? "Already the first" : "Already the last");
  const next = performOps(state, [...copyInherited(state, context.node, context.field), { file: context.file, op: { type: "move", path: context.path, from: context.index, to } }], { label: context.field.label, verb: MOVED });
  return next.list === undefined ? next : { ...next, list: { ...next.list, index: to } };
}

/**
 * Writes a chosen or typed value where its target says: an entry of a list field (replaced or
 * inserted), or a new entry of a group (a bundled item); then returns to the list or the tree.
 *
 * @example
 * applyTargetValue(state, node, field, { type: "entry", index: 0, insert: true }, "dept.qd.psb");
 */
export function applyTargetValue(state: EditorState, node: TreeNode | undefined, field: FieldSpec, target: ValueTarget, text: string): EditorState {
  if (target.type === "new-entry") {
    // A new local adjustment (a patch that sets nothing yet: its form shows what it would override), or a bundled item.
    const adjustment = target.pointer === PATCHES;
    const value: YamlValue = adjustment ? { matter: text, set: {} } : { ref: text };
    const name = adjustment ? (inheritedMatters(state.documents, target.file).find((matter) => matter.id === text)?.name ?? { zh: text }) : (state.catalog.items.get(text) ?? { zh: text });
    const exists = Array.isArray(valueAtPath(state, target.file, pathOf(target.pointer)));
    const op: YamlOp = exists ? { type: "insert", path: pathOf(target.pointer), index: target.index, value } : { type: "set", path: pathOf(target.pointer), value: [value] };
    return performOps({ ...state, mode: "browse", focus: "tree" }, [{ file: target.file, op }], {
      label: message(nameIn(name, "zh"), nameIn(name, "en")),
      verb: ADDED,
      cursor: { file: target.file, pointer: `${target.pointer}/${target.index}` },
    });
  }
  if (node?.file === undefined || node.pointer === undefined) return state;
  const back: EditorState = { ...state, mode: "list", list: { nodeId: node.id, field, index: target.index } };
  if (text.trim() === "") return back;
  const path = [...pathOf(node.pointer), ...field.path];
  const value = entryValue(field.entry, text);
  const op: YamlOp = target.insert ? { type: "insert", path, index: target.index, value } : { type: "set", path: [...path, target.index], value };
  const next = performOps(back, [...copyInherited(state, node, field), { file: node.file, op }], { label: field.label, verb: target.insert ? ADDED : message("修改", "edit of") });
  return { ...next, mode: next.toast?.tone === "error" ? back.mode : "list", list: { nodeId: node.id, field, index: target.index } };
}
