import { isCollection, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import type { LocalizedMessage } from "@onething/schemas";
import { diffLines } from "./line-diff.js";

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
  if (options.value === undefined) return editYaml(options.text, { type: "remove", path: options.path });
  if (typeof options.value === "object" && options.value !== null) return editYaml(options.text, { type: "set", path: options.path, value: options.value });
  const value = options.value;
  const bom = options.text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = options.text.slice(bom.length);
  try {
    const document = parseDocument(body, YAML_OPTIONS);
    if (document.errors.length > 0) return { ok: false, message: UNPARSABLE };
    const existing = document.getIn(options.path, true);
    if (isCollection(existing)) return { ok: false, message: NOT_A_SCALAR };
    if (!isScalar(existing) || existing.range === undefined || existing.range === null) return editYaml(options.text, { type: "set", path: options.path, value });
    const [start, end] = existing.range;
    // Setting a scalar keeps its node (and so its quoting style); the new characters are cut from the
    // re-serialized document and spliced into the original text, so nothing else can change.
    document.setIn(options.path, value);
    const rendered = document.toString({ lineWidth: 0 });
    const reparsed = parseDocument(rendered, YAML_OPTIONS).getIn(options.path, true);
    if (!isScalar(reparsed) || reparsed.range === undefined || reparsed.range === null) return { ok: false, message: NOT_A_SCALAR };
    const replacement = rendered.slice(reparsed.range[0], reparsed.range[1]);
    return { ok: true, text: bom + body.slice(0, start) + replacement + body.slice(end) };
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
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = text.slice(bom.length);
  try {
    const document = parseDocument(body, YAML_OPTIONS);
    if (document.errors.length > 0) return { ok: false, message: UNPARSABLE };
    const unchanged = document.toString({ lineWidth: 0 });
    // Several changes (deleting every matter of a stage) are made on one parse, in order.
    for (const each of Array.isArray(op) ? op : [op as YamlOp]) {
      const problem = mutate(document, each);
      if (problem !== undefined) return { ok: false, message: problem };
    }
    const changed = document.toString({ lineWidth: 0 });
    if (changed === unchanged) return { ok: true, text };
    return { ok: true, text: bom + mergeLines({ original: body, unchanged, changed }) };
  } catch {
    return { ok: false, message: UNPARSABLE };
  }
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
