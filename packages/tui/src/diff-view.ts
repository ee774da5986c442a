import { isMap, isNode, isScalar, isSeq, parseDocument } from "yaml";
import type { LocalizedMessage } from "@onething/schemas";
import { diffDocuments, parseSource, type Change, type ParsedDocument } from "@onething/sdk";
import { diffLines } from "./line-diff.js";
import { allNodes, pointerOf } from "./model.js";
import type { EditorFile, EditorState, Layout } from "./state.js";
import { fitWidth } from "./text.js";
import type { Line } from "./view.js";

/** What the diff view compares with: each editable file's text at git HEAD, or as it was opened. */
export interface DiffBase {
  /** Short id of git HEAD, when the project is in a git repository. */
  ref: string | undefined;
  /** By path: the base text, and whether it is the committed text (false: the text at open). */
  files: Record<string, { text: string; committed: boolean }>;
}

/**
 * The diff base of the editable files: the committed text where git has one, else the text at open.
 *
 * @example
 * diffBaseOf(state.files, { ref: "abc1234", texts: { "checklists/national/2024-1.yaml": committed } });
 */
export function diffBaseOf(files: Record<string, EditorFile>, base: { ref?: string; texts: Record<string, string> } | undefined): DiffBase {
  const out: DiffBase["files"] = {};
  for (const file of Object.values(files)) {
    const committed = base?.texts[file.path];
    out[file.path] = committed === undefined ? { text: file.original, committed: false } : { text: committed, committed: true };
  }
  return { ref: base?.ref, files: out };
}

/** Where a row of the diff leads: a line of the current text, or a matter by id. */
export interface DiffTarget {
  /** The file. */
  file: string;
  /** 1-based line in the current text. */
  line?: number;
  /** A matter id, when the change has no place in the current text (a removal). */
  matter?: string;
}

/** One row of the diff view. */
export interface DiffRow {
  /** What the row shows. */
  kind: "title" | "heading" | "change" | "hunk" | "context" | "added" | "removed" | "note";
  /** The text (one line, not yet fitted to a width). */
  text: string;
  /** Where Enter on the row goes. */
  target?: DiffTarget;
}

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/gu;

function oneLine(text: string): string {
  return text.replace(/\t/gu, "  ").replace(CONTROL, " ");
}

const parsedBases = new Map<string, { text: string; document: ParsedDocument | undefined }>();

function parsedBase(path: string, text: string): ParsedDocument | undefined {
  const cached = parsedBases.get(path);
  if (cached?.text === text) return cached.document;
  const document = parseSource({ path, text }).document;
  parsedBases.set(path, { text, document });
  return document;
}

function glyphOf(change: Change): string {
  if (change.after === undefined && change.locations.after === undefined) return "-";
  if (change.before === undefined && change.locations.before === undefined) return "+";
  return "~";
}

/** The semantic changes of one file, as rows. */
function semanticRows(state: EditorState, path: string, baseText: string, currentText: string): DiffRow[] {
  const lang = state.lang;
  const before = parsedBase(path, baseText);
  const after = state.documents.find((document) => document.path === path && document.text === currentText) ?? parseSource({ path, text: currentText }).document;
  if (before === undefined || after === undefined) {
    return [{ kind: "note", text: lang === "zh" ? "  （文件无法解析，只显示文本差异）" : "  (the file does not parse: text differences only)" }];
  }
  // The registries and catalogues go in on both sides (unchanged) so that refs are written as names.
  const names = state.documents.filter((document) => document.kind === "ItemCatalog" || document.kind === "DepartmentRegistry" || document.kind === "Taxonomy");
  return diffDocuments({ before: [before, ...names], after: [after, ...names] }).changes.map((change) => {
    const name = change.matterName?.[lang];
    const location = change.locations.after;
    const target: DiffTarget | undefined =
      location !== undefined ? { file: path, line: location.line } : change.matter !== undefined ? { file: path, matter: change.matter } : undefined;
    return { kind: "change", text: `${glyphOf(change)} ${name === undefined ? "" : `${name} · `}${change.message[lang]}`, ...(target === undefined ? {} : { target }) };
  });
}

/** The raw line diff of one file with one line of context, as rows; and the counts of added and removed lines. */
function rawRows(state: EditorState, path: string, baseText: string, currentText: string): { rows: DiffRow[]; added: number; removed: number } {
  const a = baseText.split("\n");
  const b = currentText.split("\n");
  const steps = diffLines(a, b);
  const changed = steps.map((step) => step.type !== "equal");
  const shown = steps.map((_, index) => changed[index] === true || changed[index - 1] === true || changed[index + 1] === true);
  const digits = String(Math.max(a.length, b.length)).length;
  const rows: DiffRow[] = [];
  let added = 0;
  let removed = 0;
  let nextB = 0;
  steps.forEach((step, index) => {
    const newLine = step.type === "delete" ? nextB : step.b;
    if (step.type !== "delete") nextB = step.b + 1;
    if (!shown[index]) return;
    if (!shown[index - 1]) {
      const at = (step.type === "delete" ? step.a : step.b) + 1;
      rows.push({ kind: "hunk", text: state.lang === "zh" ? `  @@ 第 ${at} 行 @@` : `  @@ line ${at} @@`, target: { file: path, line: Math.min(b.length, newLine + 1) } });
    }
    const number = step.type === "delete" ? step.a + 1 : step.b + 1;
    const text = step.type === "delete" ? a[step.a] : b[step.b];
    const glyph = step.type === "delete" ? "-" : step.type === "insert" ? "+" : " ";
    if (step.type === "delete") removed += 1;
    if (step.type === "insert") added += 1;
    rows.push({
      kind: step.type === "delete" ? "removed" : step.type === "insert" ? "added" : "context",
      text: `${glyph} ${String(number).padStart(digits)} │ ${oneLine(text ?? "")}`,
      target: { file: path, line: Math.min(b.length, newLine + 1) },
    });
  });
  return { rows, added, removed };
}

const rowCache: { key: unknown; lang: string; rows: DiffRow[] } = { key: undefined, lang: "", rows: [] };

/**
 * Every row of the diff view: a title, the semantic changes of every changed file (by
 * `@onething/diff`, labelled as the form labels fields), then each file's YAML line diff with one line of
 * context. Only changed files are compared; the rows are cached for the same texts.
 *
 * @example
 * diffRows(state).filter((row) => row.kind === "change").map((row) => row.text);
 * // ["~ 新生儿出生 · 承诺时限 20 → 5 个工作日"]
 */
export function diffRows(state: EditorState): DiffRow[] {
  if (rowCache.key === state.files && rowCache.lang === state.lang) return rowCache.rows;
  const lang = state.lang;
  const changed = Object.values(state.files).filter((file) => file.text !== (state.base.files[file.path]?.text ?? file.original));
  const committed = changed.every((file) => state.base.files[file.path]?.committed === true);
  const against =
    state.base.ref !== undefined && committed
      ? lang === "zh" ? `与 HEAD ${state.base.ref} 比较` : `against HEAD ${state.base.ref}`
      : state.base.ref === undefined
        ? lang === "zh" ? "与打开时的文本比较（不在 git 仓库中）" : "against the text at open (not in a git repository)"
        : lang === "zh" ? `与 HEAD ${state.base.ref} 比较；未提交的文件与打开时的文本比较` : `against HEAD ${state.base.ref}; files not in git against the text at open`;
  const rows: DiffRow[] = [];
  if (changed.length === 0) {
    rows.push({ kind: "title", text: lang === "zh" ? `差异（${against}）：没有修改` : `Diff (${against}): no changes` });
  } else {
    rows.push({ kind: "title", text: lang === "zh" ? `差异（${against}）：${changed.length} 个文件有修改` : `Diff (${against}): ${changed.length} file(s) changed` });
    const semantic: DiffRow[] = [];
    for (const file of changed) {
      const base = state.base.files[file.path];
      const fileRows = semanticRows(state, file.path, base?.text ?? file.original, file.text);
      if (changed.length > 1 && fileRows.length > 0) semantic.push({ kind: "heading", text: `  ${file.path}` });
      semantic.push(...fileRows);
    }
    const count = semantic.filter((row) => row.kind === "change").length;
    rows.push({ kind: "heading", text: lang === "zh" ? `语义变化（${count}）` : `Changes (${count})` });
    if (count === 0 && !semantic.some((row) => row.kind === "note")) rows.push({ kind: "note", text: lang === "zh" ? "  （没有数据上的变化，只改了格式或注释）" : "  (no change to the data: formatting or comments only)" });
    rows.push(...semantic);
    for (const file of changed) {
      const base = state.base.files[file.path];
      const raw = rawRows(state, file.path, base?.text ?? file.original, file.text);
      const where = base?.committed === true ? "" : lang === "zh" ? "，与打开时比较" : ", against the text at open";
      rows.push({ kind: "heading", text: `YAML ${file.path}（+${raw.added} -${raw.removed}${where}）` });
      rows.push(...raw.rows);
    }
  }
  rowCache.key = state.files;
  rowCache.lang = state.lang;
  rowCache.rows = rows;
  return rows;
}

/** The first row Enter can go somewhere from (the first semantic change, usually); row 0 is the title. */
function firstTarget(rows: readonly DiffRow[]): number {
  const index = rows.findIndex((row) => row.target !== undefined);
  return index >= 0 ? index : Math.min(1, rows.length - 1);
}

/** The path of the deepest node of a parsed YAML value that contains an offset. */
function pathAt(node: unknown, offset: number, path: (string | number)[]): (string | number)[] {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key;
      const value = pair.value;
      const start = isNode(key) ? key.range?.[0] : undefined;
      const end = isNode(value) ? value.range?.[1] : isNode(key) ? key.range?.[1] : undefined;
      if (start === undefined || end === undefined || offset < start || offset > end) continue;
      const name = isScalar(key) ? String(key.value) : String(key);
      return pathAt(value, offset, [...path, name]);
    }
  }
  if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const range = isNode(item) ? item.range : undefined;
      if (range !== undefined && range !== null && offset >= range[0] && offset <= range[1]) return pathAt(item, offset, [...path, index]);
    }
  }
  return path;
}

const YAML_OPTIONS = { schema: "core", version: "1.2", uniqueKeys: false, prettyErrors: false, logLevel: "silent" } as const;

/**
 * The JSON Pointer of the most specific value on a line of a YAML text ("" when the line holds none).
 *
 * @example
 * pointerAtLine("spec:\n  matters:\n    - id: a\n      stage: birth\n", 4); // "/spec/matters/0/stage"
 */
export function pointerAtLine(text: string, line: number): string {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lines = body.split("\n");
  let offset = 0;
  for (let index = 0; index < line - 1 && index < lines.length; index += 1) offset += (lines[index]?.length ?? 0) + 1;
  const content = lines[line - 1] ?? "";
  const first = offset + (content.length - content.trimStart().length);
  const last = offset + Math.max(0, content.trimEnd().length - 1);
  const root = parseDocument(body, YAML_OPTIONS).contents;
  const a = pathAt(root, first, []);
  const b = pathAt(root, last, []);
  return pointerOf("", b.length > a.length ? b : a);
}

/** The file and JSON Pointer the selected row of the diff view leads to. */
export function diffTarget(state: EditorState): { file: string; pointer: string } | undefined {
  const target = diffRows(state)[state.diffIndex]?.target;
  if (target === undefined) return undefined;
  if (target.line !== undefined) {
    const text = state.files[target.file]?.text;
    return text === undefined ? undefined : { file: target.file, pointer: pointerAtLine(text, target.line) };
  }
  const matter = allNodes(state.tree).find((node) => node.file === target.file && node.kind === "matter" && node.key === target.matter);
  return matter?.pointer === undefined ? undefined : { file: target.file, pointer: matter.pointer };
}

const say = (state: EditorState, message: LocalizedMessage): EditorState => ({ ...state, toast: { tone: "info", message } });

/**
 * Runs a command of the diff view: open (`diff`), move, page, close, and jump to the change under the
 * cursor (`diff-jump`, which the caller's `reveal` carries out: it opens the tree at a file's pointer).
 *
 * @example
 * const opened = diffCommand(state, "diff", reveal); // opened.mode === "diff"
 */
export function diffCommand(state: EditorState, command: string, reveal: (state: EditorState, file: string, pointer: string) => EditorState, layout: Layout): EditorState {
  const rows = diffRows(state);
  const page = Math.max(1, layout.bodyRows - 1);
  const move = (step: number): EditorState => ({ ...state, diffIndex: Math.max(Math.min(1, rows.length - 1), Math.min(rows.length - 1, state.diffIndex + step)) });
  switch (command) {
    case "diff":
      return { ...state, mode: "diff", diffIndex: firstTarget(rows) };
    case "diff-up":
      return move(-1);
    case "diff-down":
      return move(1);
    case "diff-page-up":
      return move(-page);
    case "diff-page-down":
      return move(page);
    case "diff-close":
      return { ...state, mode: "browse" };
    case "diff-jump": {
      const target = diffTarget(state);
      if (target === undefined) return say(state, { zh: "这一行没有可以跳转的位置", en: "This row leads nowhere" });
      const closed: EditorState = { ...state, mode: "browse" };
      const next = reveal(closed, target.file, target.pointer);
      if (next === closed) return say(closed, { zh: "这处修改不在树中显示的事项里", en: "This change is not in a matter the tree shows" });
      return { ...next, focus: "detail" };
    }
    default:
      return state;
  }
}

/**
 * The diff view's rows for the body of the screen: windowed around the selected row, each fitted to the
 * width (wide characters counted as two columns), the selected row marked `›`.
 *
 * @example
 * diffScreenLines(state, 80, 18).map((line) => line.text)[0]; // "差异（与 HEAD abc1234 比较）：1 个文件有修改…"
 */
export function diffScreenLines(state: EditorState, width: number, height: number): Line[] {
  const rows = diffRows(state);
  const [title, ...body] = rows;
  const room = Math.max(1, height - 1);
  const index = Math.max(0, state.diffIndex - 1);
  const top = Math.max(0, Math.min(index - Math.floor(room / 3), body.length - room));
  const lines: Line[] = [{ text: fitWidth(title?.text ?? "", width), tone: "title" }];
  body.slice(top, top + room).forEach((row, offset) => {
    const selected = top + offset + 1 === state.diffIndex;
    const text = fitWidth(`${selected ? "›" : " "}${row.text}`, width);
    const tone = row.kind === "heading" ? "title" : row.kind === "added" ? "modified" : row.kind === "removed" ? "error" : row.kind === "hunk" || row.kind === "note" ? "dim" : undefined;
    lines.push({ text, ...(selected ? { selected } : {}), ...(tone === undefined ? {} : { tone }) });
  });
  while (lines.length < height) lines.push({ text: " ".repeat(width) });
  return lines.slice(0, height);
}
