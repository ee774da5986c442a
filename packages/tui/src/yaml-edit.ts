import { isDeepStrictEqual } from "node:util";
import { isCollection, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import type { LocalizedMessage } from "@onething/schemas";
import { diffLines } from "./line-diff.js";
import { outlineMatters, sliceEntries } from "./yaml-entries.js";

// The same YAML reading as @onething/dsl, so an edit sees exactly the document the validators saw.
const YAML_OPTIONS = { schema: "core", version: "1.2", uniqueKeys: true, prettyErrors: false, logLevel: "silent" } as const;

/** A path into a document: mapping keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/** A plain value that can be written into a document. */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** What {@link applyEdit} and {@link editYaml} return: the new text, or why the edit could not be made. */
export type EditResult = { ok: true; text: string } | { ok: false; message: LocalizedMessage };

/** Options of {@link applyEdit}. */
export interface ApplyEditOptions {
  /** The file's current text. */
  text: string;
  /** Where the value goes. */
  path: YamlPath;
  /** The new value; `undefined` removes the key. A mapping or a list replaces whatever is there. */
  value: YamlValue | undefined;
}

/**
 * Changes one value of a YAML text. When a scalar replaces an existing scalar, only that scalar's
 * characters change (comments, key order, flow style and every other line stay byte-identical);
 * adding or removing a key, or setting a mapping or a list, changes only the lines of that key (see
 * {@link editYaml}). Never throws.
 *
 * @example
 * applyEdit({ text: "metadata:\n  version: 1.1.0 # bumped\n", path: ["metadata", "version"], value: "1.2.0" });
 * // { ok: true, text: "metadata:\n  version: 1.2.0 # bumped\n" }
 */
export function applyEdit(options: ApplyEditOptions): EditResult {
  return withinEntries(options.text, [{ type: "set", path: options.path, value: 0 }], (text, rebase) => applyWhole({ text, path: rebase(options.path), value: options.value })) ?? applyWhole(options);
}

/**
 * {@link applyEdit} on the whole text, never on the changed entries alone: the reference the entries-only
 * path is tested against, and what it falls back to.
 *
 * @example
 * applyWhole({ text: "spec:\n  matters:\n    - id: a\n", path: ["spec", "matters", 0, "id"], value: "b" });
 * // { ok: true, text: "spec:\n  matters:\n    - id: b\n" }
 */
export function applyWhole(options: ApplyEditOptions): EditResult {
  if (options.value === undefined) return editWhole(options.text, { type: "remove", path: options.path });
  if (typeof options.value === "object" && options.value !== null) return editWhole(options.text, { type: "set", path: options.path, value: options.value });
  const value = options.value;
  const bom = options.text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = options.text.slice(bom.length);
  try {
    const document = parseDocument(body, YAML_OPTIONS);
    if (document.errors.length > 0) return { ok: false, message: UNPARSABLE };
    const existing = document.getIn(options.path, true);
    if (isCollection(existing)) return { ok: false, message: NOT_A_SCALAR };
    if (!isScalar(existing) || existing.range === undefined || existing.range === null) return editWhole(options.text, { type: "set", path: options.path, value });
    const [start, end] = existing.range;
    // Setting a scalar keeps its node (and so its quoting style); the new characters are cut from the
    // re-serialized document and spliced into the original text, so nothing else can change.
    document.setIn(options.path, value);
    const rendered = document.toString(renderOptions(body));
    const reparsed = parseDocument(rendered, YAML_OPTIONS).getIn(options.path, true);
    if (!isScalar(reparsed) || reparsed.range === undefined || reparsed.range === null) return { ok: false, message: NOT_A_SCALAR };
    const replacement = rendered.slice(reparsed.range[0], reparsed.range[1]);
    const spliced = body.slice(0, start) + replacement + body.slice(end);
    if (!readsAs(spliced, document.toJS())) return editWhole(options.text, { type: "set", path: options.path, value });
    return { ok: true, text: bom + spliced };
  } catch {
    return { ok: false, message: UNPARSABLE };
  }
}

/** A structural change to a YAML document. */
export type YamlOp =
  /** Sets the value at `path` (a scalar, a mapping or a list), creating missing parents. */
  | { type: "set"; path: YamlPath; value: YamlValue }
  /** Removes the key or entry at `path`. */
  | { type: "remove"; path: YamlPath }
  /** Inserts `value` into the list at `path` before `index` (the list is created when missing). */
  | { type: "insert"; path: YamlPath; index: number; value: YamlValue }
  /** Removes entry `index` of the list at `path`. */
  | { type: "delete"; path: YamlPath; index: number }
  /** Moves entry `from` of the list at `path` so that it ends up at index `to`. */
  | { type: "move"; path: YamlPath; from: number; to: number };

/**
 * Applies a structural change (insert, delete or move a list entry; set a mapping; add or remove a key)
 * (or several, in order) to a YAML text. The change is made on the `yaml` Document, and only the lines where the
 * re-serialized document changed are taken from it: every other line, comments included, is copied
 * from the original, and a moved entry keeps its own original lines. A new mapping entered into a list
 * whose entries are flow mappings (`- { ref: … }`) is written in flow style too. Never throws: odd
 * input (an unparsable text, a path that is not a list, an index out of range) returns a message.
 *
 * @example
 * editYaml("partners:\n  - dept.a # first\n  - dept.b\n", { type: "move", path: ["partners"], from: 1, to: 0 });
 * // { ok: true, text: "partners:\n  - dept.b\n  - dept.a # first\n" }
 */
export function editYaml(text: string, op: YamlOp | readonly YamlOp[]): EditResult {
  const ops: readonly YamlOp[] = Array.isArray(op) ? op : [op as YamlOp];
  return moveEntries(text, ops) ?? withinEntries(text, ops, (slice, rebase) => editWhole(slice, ops.map((each) => rebaseOp(each, rebase)))) ?? editWhole(text, ops);
}

function rebaseOp(op: YamlOp, rebase: (path: YamlPath) => YamlPath): YamlOp {
  if (op.path.length > 2) return { ...op, path: rebase(op.path) };
  // A change of the matters list itself: its indexes count from the first entry cut out.
  const shift = rebase(["spec", "matters", 0])[0] as number;
  switch (op.type) {
    case "insert":
    case "delete":
      return { ...op, path: [], index: op.index + shift };
    case "move":
      return { ...op, path: [], from: op.from + shift, to: op.to + shift };
    default:
      return op;
  }
}

/**
 * Moves of matters (reordering swaps two matters, however far apart) made by moving their lines:
 * each entry's lines go where the entry goes, the blank lines and comments between entries stay where
 * they are, nothing is parsed or re-serialized. Undefined unless every change is a move of a matter
 * and every matter moved can be cut out safely (see `sliceEntries`).
 */
function moveEntries(text: string, ops: readonly YamlOp[]): EditResult | undefined {
  if (ops.length === 0 || !ops.every((op) => op.type === "move" && op.path.length === 2 && op.path[0] === "spec" && op.path[1] === "matters")) return undefined;
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = text.slice(bom.length);
  const outline = outlineMatters(body);
  if (outline === undefined) return undefined;
  const count = outline.entries.length;
  const order = Array.from({ length: count }, (_, index) => index);
  let low = count;
  let high = -1;
  for (const op of ops) {
    if (op.type !== "move" || ![op.from, op.to].every((index) => Number.isInteger(index) && index >= 0 && index < count)) return undefined;
    const [entry] = order.splice(op.from, 1);
    order.splice(op.to, 0, entry as number);
    low = Math.min(low, op.from, op.to);
    high = Math.max(high, op.from, op.to);
  }
  if (high < low) return undefined;
  for (let index = low; index <= high; index += 1) if (order[index] !== index && sliceEntries(body, index, index) === undefined) return undefined;
  const { lines, starts, entries } = outline;
  const out: string[] = [];
  for (let position = low; position <= high; position += 1) {
    const entry = entries[order[position] as number];
    const here = entries[position];
    const next = entries[position + 1];
    if (entry === undefined || here === undefined) return undefined;
    out.push(...lines.slice(entry.start, entry.end));
    // The lines between this place and the next entry's stay here.
    if (position < high && next !== undefined) out.push(...lines.slice(here.end, next.start));
  }
  const first = entries[low];
  const last = entries[high];
  if (first === undefined || last === undefined) return undefined;
  const after = last.end < lines.length ? body.slice((starts[last.end] ?? body.length + 1) - 1) : "";
  return { ok: true, text: bom + body.slice(0, starts[first.start] ?? 0) + out.join("\n") + after };
}

/** The first and last entry of `spec.matters` a change touches, or undefined when it reaches beyond the entries. */
function entryRange(ops: readonly YamlOp[], count: number): [number, number] | undefined {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const cover = (from: number, to: number): boolean => {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to >= count || from > to) return false;
    first = Math.min(first, from);
    last = Math.max(last, to);
    return true;
  };
  for (const op of ops) {
    if (op.path[0] !== "spec" || op.path[1] !== "matters") return undefined;
    const index = op.path[2];
    if (op.path.length > 3 && typeof index === "number") {
      if (!cover(index, index)) return undefined;
      continue;
    }
    // Inserting, deleting or moving a matter: one change only (indexes shift after each), and the entries
    // cut out keep a neighbour, so the list never empties and a new entry is styled like the one beside it.
    if (op.path.length !== 2 || ops.length !== 1) return undefined;
    if (op.type === "insert" && !cover(Math.max(0, op.index - 1), Math.min(count - 1, op.index))) return undefined;
    if (op.type === "delete" && !(count > 1 && cover(op.index === count - 1 ? op.index - 1 : op.index, op.index === count - 1 ? op.index : op.index + 1))) return undefined;
    if (op.type === "move" && !cover(Math.min(op.from, op.to), Math.max(op.from, op.to))) return undefined;
    if (op.type === "set" || op.type === "remove") return undefined;
  }
  return first <= last ? [first, last] : undefined;
}

/**
 * Runs a change of entries of `spec.matters` on those entries alone: they are cut out of the text as a
 * document of their own (a block sequence), changed by `run` with paths rebased into it, and put back,
 * so a change in a list of a thousand matters parses a few dozen lines, not the whole file. Undefined
 * when the entries cannot be cut out safely (see `sliceEntries`), or the cut does not parse as exactly
 * those entries: the caller then changes the whole text. Every other line stays byte-identical.
 */
function withinEntries(text: string, ops: readonly YamlOp[], run: (slice: string, rebase: (path: YamlPath) => YamlPath) => EditResult): EditResult | undefined {
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = text.slice(bom.length);
  const outline = outlineMatters(body);
  if (outline === undefined) return undefined;
  const range = entryRange(ops, outline.entries.length);
  if (range === undefined) return undefined;
  const [first, last] = range;
  const slice = sliceEntries(body, first, last);
  if (slice === undefined) return undefined;
  try {
    const document = parseDocument(slice.text, YAML_OPTIONS);
    if (document.errors.length > 0 || !isSeq(document.contents) || document.contents.items.length !== last - first + 1) return undefined;
  } catch {
    return undefined;
  }
  const result = run(slice.text, (path) => (typeof path[2] === "number" ? [path[2] - first, ...path.slice(3)] : path));
  if (!result.ok) return result;
  if (result.text === slice.text) return { ok: true, text };
  const spliced = slice.splice(result.text);
  return spliced === undefined ? undefined : { ok: true, text: bom + spliced };
}

/**
 * {@link editYaml} on the whole text, never on the changed entries alone: the reference the entries-only
 * path is tested against, and what it falls back to.
 *
 * @example
 * editWhole("spec:\n  matters:\n    - id: a\n    - id: b\n", { type: "move", path: ["spec", "matters"], from: 1, to: 0 });
 * // { ok: true, text: "spec:\n  matters:\n    - id: b\n    - id: a\n" }
 */
export function editWhole(text: string, op: YamlOp | readonly YamlOp[]): EditResult {
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = text.slice(bom.length);
  try {
    const document = parseDocument(body, YAML_OPTIONS);
    if (document.errors.length > 0) return { ok: false, message: UNPARSABLE };
    const unchanged = document.toString(renderOptions(body));
    const before = document.clone();
    // Several changes (deleting every matter of a stage) are made on one parse, in order.
    for (const each of Array.isArray(op) ? op : [op as YamlOp]) {
      const problem = mutate(document, each);
      if (problem !== undefined) return { ok: false, message: problem };
    }
    const changed = document.toString(renderOptions(body));
    if (changed === unchanged) return { ok: true, text };
    // The line merge is checked, never trusted: it must read back as exactly the edited data. When the
    // file mixes list styles (or line endings) the merge can line the wrong lines up; then the other list
    // style is tried, and as a last resort the re-serialized document, which is right but reformatted.
    const expected = document.toJS();
    const other = { ...renderOptions(body), indentSeq: !renderOptions(body).indentSeq };
    const candidates = [
      () => mergeLines({ original: body, unchanged, changed }),
      () => mergeLines({ original: body, unchanged: before.toString(other), changed: document.toString(other) }),
      () => changed,
    ];
    for (const candidate of candidates) {
      const merged = candidate();
      if (readsAs(merged, expected)) return { ok: true, text: bom + merged };
    }
    return { ok: false, message: UNPARSABLE };
  } catch {
    return { ok: false, message: UNPARSABLE };
  }
}

/** Whether a text parses cleanly to exactly `expected` (what an edit meant to write). */
function readsAs(text: string, expected: unknown): boolean {
  const document = parseDocument(text, YAML_OPTIONS);
  return document.errors.length === 0 && isDeepStrictEqual(document.toJS(), expected);
}

/**
 * How the document is re-serialized: no line folding, and block sequences at their key's column
 * (`matters:\n- id: …`) when the text writes them so, so that new lines sit where the text's own would.
 */
function renderOptions(body: string): { lineWidth: number; indentSeq: boolean } {
  return { lineWidth: 0, indentSeq: !/^( *)[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*\1- /mu.test(body) };
}

function mutate(document: Document, op: YamlOp): LocalizedMessage | undefined {
  switch (op.type) {
    case "set":
      if (op.path.length === 0) return NO_PATH;
      if (!parentIsCollection(document, op.path)) return NOT_A_COLLECTION;
      document.setIn(op.path, document.createNode(op.value));
      return undefined;
    case "remove":
      if (op.path.length === 0) return NO_PATH;
      if (!document.hasIn(op.path)) return undefined;
      document.deleteIn(op.path);
      return undefined;
    case "insert": {
      const list = document.getIn(op.path, true);
      if (list === undefined) {
        if (op.index !== 0) return OUT_OF_RANGE;
        if (!parentIsCollection(document, op.path)) return NOT_A_COLLECTION;
        document.setIn(op.path, document.createNode([op.value]));
        return undefined;
      }
      if (!isSeq(list)) return NOT_A_LIST;
      if (!Number.isInteger(op.index) || op.index < 0 || op.index > list.items.length) return OUT_OF_RANGE;
      const sibling = list.items[op.index > 0 ? op.index - 1 : 0];
      list.items.splice(op.index, 0, styledLike(document, op.value, sibling));
      return undefined;
    }
    case "delete": {
      const list = document.getIn(op.path, true);
      if (!isSeq(list)) return NOT_A_LIST;
      if (!Number.isInteger(op.index) || op.index < 0 || op.index >= list.items.length) return OUT_OF_RANGE;
      list.items.splice(op.index, 1);
      return undefined;
    }
    case "move": {
      const list = document.getIn(op.path, true);
      if (!isSeq(list)) return NOT_A_LIST;
      const count = list.items.length;
      if (![op.from, op.to].every((index) => Number.isInteger(index) && index >= 0 && index < count)) return OUT_OF_RANGE;
      const [entry] = list.items.splice(op.from, 1);
      list.items.splice(op.to, 0, entry);
      return undefined;
    }
  }
}

function parentIsCollection(document: Document, path: YamlPath): boolean {
  // Missing parents are created as mappings; an existing parent must be a collection.
  for (let depth = path.length - 1; depth >= 0; depth -= 1) {
    const parent = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    if (parent === undefined) continue;
    if (depth === 0 && (parent === null || parent === undefined)) return true;
    if (!isCollection(parent)) return false;
    if (isSeq(parent) && typeof path[depth] !== "number") return false;
    return true;
  }
  return true;
}

/** A node for `value`, in flow style wherever the corresponding part of `sibling` is. */
function styledLike(document: Document, value: YamlValue, sibling: unknown): Node {
  const node = document.createNode(value) as Node;
  copyStyle(node, sibling, 0);
  return node;
}

function copyStyle(node: unknown, sibling: unknown, depth: number): void {
  if (depth > 3 || !isCollection(node) || !isCollection(sibling)) return;
  if (sibling.flow === true) {
    node.flow = true;
    return;
  }
  if (isMap(node) && isMap(sibling)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key === "string") copyStyle(pair.value, sibling.get(key, true), depth + 1);
    }
  }
}

/** A change of a list of lines: `base[start, end)` replaced by `lines`. */
interface Hunk {
  start: number;
  end: number;
  lines: string[];
}

/** The hunks of a line diff from `base` to `target`. */
function hunksOf(base: readonly string[], target: readonly string[]): Hunk[] {
  const hunks: Hunk[] = [];
  let position = 0;
  let open: Hunk | undefined;
  for (const step of diffLines(base, target)) {
    if (step.type === "equal") {
      open = undefined;
      position = step.a + 1;
      continue;
    }
    if (open === undefined) {
      open = { start: position, end: position, lines: [] };
      hunks.push(open);
    }
    if (step.type === "delete") {
      open.end = step.a + 1;
      position = step.a + 1;
    } else open.lines.push(target[step.b] ?? "");
  }
  return hunks;
}

/**
 * Moves a pure insertion of the original's own lines (the second of two blank lines, which the serializer
 * collapses) off an edit it touches, to an equivalent place: an insertion of `x` before base line `p`
 * reads the same as one before `p + 1` when line `p` is `x` too (and likewise upwards). A hunk that
 * touches an edit joins its cluster, whose original-only lines are dropped; slid away, the lines are kept.
 * A hunk that cannot slide clear of every edit, without crossing lines an edit replaces, stays put.
 */
function slideAway(hunk: Hunk, edits: readonly Hunk[], base: readonly string[], originalOf: ReadonlyMap<number, string>): void {
  if (hunk.start !== hunk.end || hunk.lines.length === 0) return;
  const touches = (at: number) => edits.some((edit) => edit.start <= at && at <= edit.end);
  const replaced = (index: number) => edits.some((edit) => edit.start <= index && index < edit.end);
  // Base line `index` can change sides with the inserted line `line` only if it is that line in the original too.
  const same = (index: number, line: string | undefined) => !replaced(index) && base[index] === line && originalOf.get(index) === line;
  if (!touches(hunk.start)) return;
  for (const step of [1, -1]) {
    const lines = [...hunk.lines];
    let at = hunk.start;
    while (touches(at)) {
      if (step === 1 && at < base.length && same(at, lines[0])) {
        lines.push(lines.shift() as string);
        at += 1;
      } else if (step === -1 && at > 0 && same(at - 1, lines[lines.length - 1])) {
        lines.unshift(lines.pop() as string);
        at -= 1;
      } else break;
    }
    if (!touches(at)) {
      Object.assign(hunk, { start: at, end: at, lines });
      return;
    }
  }
}

/**
 * Carries a change over to the original text: a three-way merge with the re-serialized original
 * (`unchanged`) as the base, the original (its own formatting) on one side and the re-serialized
 * edited document (`changed`) on the other. Every line the edit did not touch keeps its original
 * bytes, comment spacing and flow padding included; lines the edit moved (an entry moved up) keep
 * theirs too; new lines come from the serializer. Only where the serializer also adds or drops lines
 * next to the edit (blank lines, say) do those few lines take its formatting.
 */
function mergeLines(options: { original: string; unchanged: string; changed: string }): string {
  const original = options.original.split("\n");
  const base = options.unchanged.split("\n");
  const changed = options.changed.split("\n");
  // The original form of each base line: the same line, or the line the serializer reformatted in place.
  const originalOf = new Map<number, string>();
  const structural: Hunk[] = [];
  let cursor = 0;
  let shift = 0;
  const formatting = hunksOf(base, original);
  for (const hunk of formatting) {
    for (let index = cursor; index < hunk.start; index += 1) originalOf.set(index, original[index + shift] ?? "");
    if (hunk.end - hunk.start === hunk.lines.length) hunk.lines.forEach((line, offset) => originalOf.set(hunk.start + offset, line));
    else structural.push(hunk);
    shift += hunk.lines.length - (hunk.end - hunk.start);
    cursor = hunk.end;
  }
  for (let index = cursor; index < base.length; index += 1) originalOf.set(index, original[index + shift] ?? "");
  const edits = hunksOf(base, changed);
  for (const hunk of structural) slideAway(hunk, edits, base, originalOf);
  // Lines an edit deletes, by their serialized text, so that the same line inserted elsewhere (a move) keeps its bytes.
  const moved = new Map<string, string[]>();
  for (const hunk of edits) {
    for (let index = hunk.start; index < hunk.end; index += 1) {
      const line = base[index] ?? "";
      moved.set(line, [...(moved.get(line) ?? []), originalOf.get(index) ?? line]);
    }
  }
  const keep = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, offset) => originalOf.get(from + offset) ?? base[from + offset] ?? "");
  const all = [...structural.map((hunk) => ({ ...hunk, edit: false })), ...edits.map((hunk) => ({ ...hunk, edit: true }))].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let position = 0;
  let index = 0;
  while (index < all.length) {
    const first = all[index] as (typeof all)[number];
    const cluster = [first];
    let end = first.end;
    index += 1;
    // Hunks that overlap or touch the cluster join it.
    while (index < all.length && (all[index] as (typeof all)[number]).start <= end) {
      const next = all[index] as (typeof all)[number];
      cluster.push(next);
      end = Math.max(end, next.end);
      index += 1;
    }
    out.push(...keep(position, first.start));
    if (!cluster.some((hunk) => hunk.edit)) out.push(...cluster.flatMap((hunk) => hunk.lines));
    else {
      let at = first.start;
      for (const hunk of cluster.filter((entry) => entry.edit)) {
        out.push(...keep(at, hunk.start), ...hunk.lines.map((line) => moved.get(line)?.shift() ?? line));
        at = hunk.end;
      }
      out.push(...keep(at, end));
    }
    position = end;
  }
  out.push(...keep(position, base.length));
  return out.join("\n");
}

const UNPARSABLE: LocalizedMessage = {
  zh: "文件当前无法解析为 YAML，不能修改",
  en: "The file cannot be parsed as YAML now, so it cannot be edited",
};

const NOT_A_SCALAR: LocalizedMessage = {
  zh: "这里是一组数据，不是单个值，不能直接修改",
  en: "This is a collection, not a single value, and cannot be edited directly",
};

const NOT_A_LIST: LocalizedMessage = { zh: "这里不是列表，不能添加、删除或移动条目", en: "This is not a list, so entries cannot be added, deleted or moved" };

const NOT_A_COLLECTION: LocalizedMessage = { zh: "上一级不是一组数据，不能在这里写入", en: "The parent is not a mapping or a list, so nothing can be written here" };

const OUT_OF_RANGE: LocalizedMessage = { zh: "列表中没有这个位置", en: "The list has no such position" };

const NO_PATH: LocalizedMessage = { zh: "没有指明要修改的位置", en: "No place to change was given" };
