import type { Diagnostic, LocalizedMessage } from "@onething/schemas";
import { parseSource, sortDiagnostics, type Lang, type ParsedDocument } from "@onething/sdk";
import { buildCatalog, buildTree, type Catalog, type FieldSpec, type TreeNode } from "./model.js";
import { diffBaseOf, type DiffBase } from "./diff-view.js";
import { rememberOriginal } from "./originals.js";
import type { TextBuffer } from "./text.js";
import type { YamlOp } from "./yaml-edit.js";

/** What the keyboard currently talks to. */
export type Mode = "browse" | "search" | "edit" | "pick" | "help" | "confirm-quit" | "confirm-save" | "conflict" | "recovery" | "diff" | "list" | "prompt" | "confirm-delete" | "confirm-type";

/** Which pane has the focus in `browse` mode. */
export type Focus = "tree" | "detail" | "problems";

/** One file open in the editor. */
export interface EditorFile {
  /** Project-relative path. */
  path: string;
  /** The text as it is on disk (at load or the last save); a save refuses to overwrite anything else. */
  original: string;
  /** The text with the edits applied. */
  text: string;
}

/** One applied edit, as the undo and redo stacks hold it. */
export interface EditRecord {
  /** The file changed. */
  file: string;
  /** JSON Pointer of the changed value. */
  pointer: string;
  /** The field label, for "已撤销：修改「承诺时限」". */
  label: LocalizedMessage;
  /** The file's text before the edit. */
  before: string;
  /** The file's text after the edit. */
  after: string;
  /** What was done, for the toast ("删除", "添加", "移动"); default "修改". */
  verb?: LocalizedMessage;
  /** Other files changed by the same step (deleting a stage's matters across lists), undone together. */
  also?: { file: string; before: string; after: string }[];
}

/** Where a chosen or typed value goes, when it is not simply the field's value. */
export type ValueTarget =
  /** Entry `index` of the list field (`insert`: a new entry goes before `index`). */
  | { type: "entry"; index: number; insert: boolean }
  /** A new entry of a group (a bundled item chosen from the catalogue), inserted at `index` of the list at `pointer`. */
  | { type: "new-entry"; file: string; pointer: string; index: number };

/** A list field whose entries are being edited. */
export interface ListEdit {
  /** The node whose field it is. */
  nodeId: string;
  /** The field (kind `list`). */
  field: FieldSpec;
  /** The selected entry. */
  index: number;
}

/** What a one-line prompt asks for. */
export type PromptPurpose =
  /** A new matter: its id, then its Chinese name; inserted at `index` of the matters of `file`. */
  | { type: "new-matter"; step: "id" | "name"; id?: string; file: string; index: number; subject: string; stage: string }
  /** A new material, step or source, named by the typed text; inserted at `index` of the list at `pointer`. */
  | { type: "new-entry"; group: "materials" | "steps" | "sources"; file: string; pointer: string; index: number };

/** A one-line prompt in the footer. */
export interface Prompt {
  /** What it asks for. */
  purpose: PromptPurpose;
  /** The question shown. */
  label: LocalizedMessage;
  /** The text typed so far. */
  buffer: TextBuffer;
  /** Why the typed text was refused, shown after it. */
  error?: LocalizedMessage;
}

/** Where the cursor goes after a structural edit: onto a node by its place, or (after a delete) onto the child at a position of the nearest of `parents` (nearest first) that still exists. */
export type CursorAfter = { file: string; pointer: string } | { parents: string[]; position: number };

/** Structural edits waiting for a confirmation. */
export type PendingAction =
  /** Edits of files, applied as one undo step. */
  | { type: "ops"; ops: { file: string; op: YamlOp }[]; label: LocalizedMessage; verb: LocalizedMessage; cursor?: CursorAfter }
  /** Drop every unsaved edit. */
  | { type: "discard-all" }
  /** Write files over the versions changed on disk since they were opened. */
  | { type: "overwrite"; files: string[] };

/** A question before a destructive action: y/n, or a word to type for the worst ones. */
export interface Confirmation {
  /** The question. */
  message: LocalizedMessage;
  /** The word to type (`confirm-type` mode); none for y/n. */
  word?: string;
  /** What was typed so far. */
  typed: TextBuffer;
  /** What happens on yes. */
  action: PendingAction;
  /** The mode to return to afterwards. */
  back: Mode;
}

/** A field being typed into. */
export interface FieldEdit {
  /** The node whose field is edited. */
  nodeId: string;
  /** The field. */
  field: FieldSpec;
  /** The text typed so far. */
  buffer: TextBuffer;
  /** Findings about the typed value, from the debounced live validation. */
  live: Diagnostic[];
  /** The buffer text `live` was computed for. */
  liveFor: string | undefined;
  /** Where the value goes when it is an entry of a list field; default the field itself. */
  target?: ValueTarget;
}

/** A choice list being filtered. */
export interface Pick {
  /** The node whose field is chosen. */
  nodeId: string;
  /** The field. */
  field: FieldSpec;
  /** Every choice: the value written and the label shown. */
  options: { value: string; label: string }[];
  /** The filter typed so far. */
  filter: TextBuffer;
  /** The highlighted choice among the filtered ones. */
  index: number;
  /** Where the choice goes when it is an entry of a list or a new group entry; default the field itself. */
  target?: ValueTarget;
}

/** Unsaved edits found from an earlier session, offered on open. */
export interface RecoveryOffer {
  /** The recovered texts, by path. */
  files: { path: string; text: string }[];
}

/** The whole editor state; the reducer is the only thing that changes it. */
export interface EditorState {
  /** Language of every label and message. */
  lang: Lang;
  /** Files that can be edited, by path. */
  files: Record<string, EditorFile>;
  /** Every loaded document (context for validation), current. */
  documents: ParsedDocument[];
  /** Parse findings of every document's current text, by path (validation does not repeat them). */
  parseProblems: Record<string, Diagnostic[]>;
  /** Findings of loading that concern no document (unreadable files, whole-run findings). */
  loadProblems: Diagnostic[];
  /** Names and choices from the taxonomy, registries and catalogues. */
  catalog: Catalog;
  /** subject → stage → matter → items. */
  tree: TreeNode[];
  /** Ids of the open nodes. */
  expanded: ReadonlySet<string>;
  /** Id of the node under the cursor. */
  cursorId: string | undefined;
  /** First visible row of the tree window. */
  treeTop: number;
  /** The pane with the focus. */
  focus: Focus;
  /** Selected field of the detail form. */
  fieldIndex: number;
  /** Selected row of the problems panel. */
  problemIndex: number;
  /** What the keyboard talks to. */
  mode: Mode;
  /** The search being typed, or the last one (for n / N). */
  search: TextBuffer;
  /** Where the cursor was when the search began; Esc returns there. */
  searchFrom: string | undefined;
  /** The help filter. */
  helpFilter: TextBuffer;
  /** A field being typed into. */
  edit: FieldEdit | undefined;
  /** A choice list. */
  pick: Pick | undefined;
  /** A list field being edited. */
  list: ListEdit | undefined;
  /** A one-line prompt (a new matter's id, a new step's name). */
  prompt: Prompt | undefined;
  /** A destructive action waiting for a confirmation. */
  confirmation: Confirmation | undefined;
  /** Applied edits, newest last. */
  undo: EditRecord[];
  /** Undone edits, newest last. */
  redo: EditRecord[];
  /** Findings of the last validation. */
  problems: Diagnostic[];
  /** Bumped on every change of a text; validation results for older versions are dropped. */
  version: number;
  /** The version the problems were computed for (-1 before the first validation). */
  validatedVersion: number;
  /** A save waits for the validation in flight. */
  pendingSave: boolean;
  /** By path: the {@link errorIdentity} of each error a file had as loaded or last saved (its `original`); a save refuses only errors not among them. Absent until known. */
  knownErrors: Record<string, readonly string[]>;
  /** Files being written; the host performs the write. */
  saving: { files: string[]; force: boolean } | undefined;
  /** Files changed on disk since they were opened. */
  conflict: string[];
  /** Files to read again from disk; the host reads them and dispatches `reloaded`. */
  reloading: string[] | undefined;
  /** The recovery file was declined and should be removed. */
  recoveryDiscarded: boolean;
  /** Unsaved edits from an earlier session. */
  recovery: RecoveryOffer | undefined;
  /** A short message shown in the footer until the next key. */
  toast: { message: LocalizedMessage; tone: "info" | "error" } | undefined;
  /** The first Ctrl+C with unsaved edits only warns. */
  ctrlCArmed: boolean;
  /** How the host should end: quit, keeping or discarding the recovery file. */
  exit: "keep-recovery" | "discard-recovery" | undefined;
  /** Terminal size. */
  size: { columns: number; rows: number };
  /** What the diff view compares the current texts with: each editable file at git HEAD, or as opened. */
  base: DiffBase;
  /** The selected row of the diff view. */
  diffIndex: number;
}

/** Options of {@link createState}. */
export interface CreateStateOptions {
  /** Every loaded document. */
  documents: ParsedDocument[];
  /** Paths of the files the tree shows and saves may write; default: every Checklist document. */
  editable?: readonly string[];
  /** Findings of loading (parse findings included); validation runs once the editor starts. */
  problems?: Diagnostic[];
  /** Language; default `"zh"`. */
  lang?: Lang;
  /** Terminal size; default 80×24. */
  size?: { columns: number; rows: number };
  /** Unsaved edits from an earlier session to offer. */
  recovery?: RecoveryOffer;
  /** The editable files' texts at git HEAD (`ref` its short id) for the diff view; a file missing here is compared with its text at open. */
  base?: { ref?: string; texts: Record<string, string> };
}

/**
 * The state of a freshly opened editor: the subjects expanded, the cursor on the first node.
 *
 * @example
 * const { documents, diagnostics } = await loadProject({ root: ".", paths: ["checklists"] });
 * const state = createState({ documents, problems: diagnostics, lang: "en", size: { columns: 100, rows: 30 } });
 */
export function createState(options: CreateStateOptions): EditorState {
  const documents = options.documents;
  const editable = options.editable ?? documents.filter((document) => document.kind === "Checklist").map((document) => document.path);
  const files: Record<string, EditorFile> = {};
  for (const document of documents) {
    if (!editable.includes(document.path)) continue;
    files[document.path] = { path: document.path, original: document.text, text: document.text };
    rememberOriginal(document.path, document.text, document.value);
  }
  const catalog = buildCatalog(documents);
  const tree = buildTree({ documents, catalog, editable });
  return {
    lang: options.lang ?? "zh",
    files,
    documents,
    parseProblems: Object.fromEntries(documents.map((document) => [document.path, parseSource({ path: document.path, text: document.text }).diagnostics])),
    loadProblems: (options.problems ?? []).filter((problem) => problem.file === undefined || !documents.some((document) => document.path === problem.file)),
    catalog,
    tree,
    expanded: new Set(tree.map((node) => node.id)),
    cursorId: tree[0]?.id,
    treeTop: 0,
    focus: "tree",
    fieldIndex: 0,
    problemIndex: 0,
    mode: options.recovery === undefined ? "browse" : "recovery",
    search: { text: "", cursor: 0 },
    searchFrom: undefined,
    helpFilter: { text: "", cursor: 0 },
    edit: undefined,
    pick: undefined,
    list: undefined,
    prompt: undefined,
    confirmation: undefined,
    undo: [],
    redo: [],
    problems: [],
    version: 0,
    validatedVersion: -1,
    pendingSave: false,
    knownErrors: {},
    saving: undefined,
    conflict: [],
    reloading: undefined,
    recoveryDiscarded: false,
    recovery: options.recovery,
    toast: undefined,
    ctrlCArmed: false,
    exit: undefined,
    size: options.size ?? { columns: 80, rows: 24 },
    base: diffBaseOf(files, options.base),
    diffIndex: 0,
  };
}

/**
 * Paths of the files whose text differs from what is on disk.
 *
 * @example
 * dirtyFiles(createState({ documents })); // []: nothing edited yet
 */
export function dirtyFiles(state: EditorState): string[] {
  // Asked several times per key; comparing whole texts (a thousand-matter list is a megabyte) once per files object is enough.
  let dirty = dirtyByFiles.get(state.files);
  if (dirty === undefined) {
    dirty = Object.values(state.files)
      .filter((file) => file.text !== file.original)
      .map((file) => file.path);
    dirtyByFiles.set(state.files, dirty);
  }
  return [...dirty];
}

const dirtyByFiles = new WeakMap<EditorState["files"], readonly string[]>();

/**
 * The findings the editor shows: loading, parsing and validation findings about editable files (and the whole run), by place.
 *
 * @example
 * for (const problem of visibleProblems(state)) console.log(problem.file, problem.code);
 */
export function visibleProblems(state: EditorState): Diagnostic[] {
  // Sorted once per set of findings and files: the header, the form, the panel and the footer each ask on every key.
  const cached = lastProblems;
  if (cached !== undefined && cached.loadProblems === state.loadProblems && cached.parseProblems === state.parseProblems && cached.problems === state.problems && cached.files === state.files) return [...cached.visible];
  const all = [...state.loadProblems, ...Object.values(state.parseProblems).flat(), ...state.problems];
  const visible = sortDiagnostics(all.filter((problem) => problem.file === undefined || state.files[problem.file] !== undefined));
  lastProblems = { loadProblems: state.loadProblems, parseProblems: state.parseProblems, problems: state.problems, files: state.files, visible };
  return [...visible];
}

/**
 * What makes an error the same error after lines or entries move: its code, its pointer without list
 * positions, and its message (which names the value found). Used to tell errors an edit brought in from
 * errors the file already had.
 *
 * @example
 * errorIdentity({ code: "unknown-department", severity: "error", message: { zh: "…", en: "unknown department x" }, pointer: "/spec/matters/3/department" });
 * // "unknown-department|/spec/matters/#/department|unknown department x": the same when the matter becomes /spec/matters/4
 */
export function errorIdentity(problem: Diagnostic): string {
  return [problem.code, (problem.pointer ?? "").replace(/\/\d+(?=\/|$)/g, "/#"), problem.message.en].join("|");
}

/**
 * The errors of a file's current findings that it did not have as loaded or last saved, counting repeats:
 * a second copy of an old error is new. With no record of the file's old errors, every error is new.
 *
 * @example
 * newErrors(state, "checklists/national/2024-1.yaml").length; // 0: the edits brought in no error
 */
export function newErrors(state: EditorState, file: string): Diagnostic[] {
  const known = new Map<string, number>();
  for (const identity of state.knownErrors[file] ?? []) known.set(identity, (known.get(identity) ?? 0) + 1);
  return visibleProblems(state).filter((problem) => {
    if (problem.file !== file || problem.severity !== "error") return false;
    const identity = errorIdentity(problem);
    const left = known.get(identity) ?? 0;
    if (left === 0) return true;
    known.set(identity, left - 1);
    return false;
  });
}

/**
 * The identities of a file's current errors, as {@link EditorState.knownErrors} records them.
 *
 * @example
 * const knownErrors = { ...state.knownErrors, [file]: errorIdentities(state.problems, file) };
 */
export function errorIdentities(problems: readonly Diagnostic[], file: string): string[] {
  return problems.filter((problem) => problem.file === file && problem.severity === "error").map(errorIdentity);
}

let lastProblems:
  | { loadProblems: EditorState["loadProblems"]; parseProblems: EditorState["parseProblems"]; problems: EditorState["problems"]; files: EditorState["files"]; visible: readonly Diagnostic[] }
  | undefined;

/** Rows and columns of each part of the screen; the UI is one row shorter than the terminal. */
export interface Layout {
  /** Rows the UI uses: the terminal's minus one. */
  height: number;
  /** Header rows (file line and breadcrumb). */
  headerRows: number;
  /** Rows of the tree and detail panes. */
  bodyRows: number;
  /** Rows of the problems panel (its title included); 0 when hidden. */
  problemRows: number;
  /** Columns of the tree pane. */
  treeWidth: number;
  /** Columns of the detail pane; 0 when the terminal is too narrow to show both. */
  detailWidth: number;
  /** Total columns. */
  columns: number;
}

/**
 * Splits the terminal into header, panes, problems panel and footer.
 *
 * @example
 * layoutOf({ columns: 100, rows: 30 });
 * // { height: 29, headerRows: 2, bodyRows: 21, problemRows: 5, treeWidth: 42, detailWidth: 57, columns: 100 }
 */
export function layoutOf(size: { columns: number; rows: number }): Layout {
  const columns = Math.max(20, size.columns);
  const height = Math.max(8, size.rows - 1);
  const headerRows = 2;
  const problemRows = height >= 18 ? 5 : height >= 12 ? 3 : 0;
  const bodyRows = height - headerRows - 1 - problemRows;
  if (columns < 80) return { height, headerRows, bodyRows, problemRows, treeWidth: columns, detailWidth: 0, columns };
  const treeWidth = Math.floor(columns * 0.42);
  return { height, headerRows, bodyRows, problemRows, treeWidth, detailWidth: columns - treeWidth - 1, columns };
}
