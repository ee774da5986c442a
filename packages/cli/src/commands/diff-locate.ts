/**
 * Source spans in a text of the outline's subset (see `diff-outline.ts`) without the `yaml` parser, which
 * costs milliseconds per kilobyte: a small reader of block mappings and sequences, one-line flow
 * collections and one-line scalars that gives the spans `findSpan` of `@onething/dsl` gives, for the
 * key or the value at a JSON Pointer. Anything else (a block scalar, a flow entry without a value) makes
 * it answer undefined, and the caller asks `yaml`. Also: turning ranges of texts made of a file's lines back
 * into ranges of the file.
 */

import type { SourceRange } from "@onething/sdk";
import type { Outline } from "./diff-outline.js";

/** A span of the text as offsets, `end` exclusive. */
export interface TextSpan {
  /** Offset of the first character. */
  start: number;
  /** Offset just after the last character. */
  end: number;
}

/** A node of a text of the subset, with its offsets. */
export type SubsetNode =
  | { kind: "map"; flow: boolean; start: number; end: number; items: Array<{ key: TextSpan; name: string; value: SubsetNode }> }
  | { kind: "seq"; flow: boolean; start: number; end: number; items: SubsetNode[] }
  | { kind: "scalar"; start: number; end: number };

/** A plain key and its colon, followed by a space, a line break or the end, at the sticky position. */
const KEY = /[A-Za-z_][A-Za-z0-9_-]*:(?=[ \n]|$)/y;

/** Thrown inside the reader for anything outside what it knows. */
class Unsupported extends Error {}

interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset of its end (the line break or the end of the text). */
  end: number;
  /** Offset of its first non-space character. */
  content: number;
}

/** The content lines of a text: neither blank nor comments. */
function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let content = start;
    while (content < end && text.charCodeAt(content) === 32) content += 1;
    if (content < end && text[content] !== "#") lines.push({ start, end, content });
    start = end + 1;
  }
  return lines;
}

class Reader {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
  ) {}

  /** Reads the whole text as one block node. */
  root(): SubsetNode {
    const first = this.lines[0];
    if (first === undefined) throw new Unsupported();
    const node = this.block(first.content - first.start, first.content);
    if (this.index < this.lines.length) throw new Unsupported();
    return node;
  }

  /** A block node whose first token is at `offset`, on the current line, at column `column`. */
  private block(column: number, offset: number): SubsetNode {
    const text = this.text;
    if (text[offset] === "-" && (text[offset + 1] === " " || offset + 1 === this.lineEnd())) {
      if (offset !== (this.line() as Line).content) throw new Unsupported();
      return this.sequence(column);
    }
    if (this.keyAt(offset) !== undefined) return this.mapping(column, offset);
    const node = this.inline(offset, this.lineEnd());
    this.index += 1;
    return node;
  }

  private line(): Line | undefined {
    return this.lines[this.index];
  }

  private lineEnd(): number {
    return (this.line() as Line).end;
  }

  /** The key (name and span) starting at `offset` when a plain key and `: ` (or a final colon) are there. */
  private keyAt(offset: number): { name: string; span: TextSpan; after: number } | undefined {
    KEY.lastIndex = offset;
    const found = KEY.exec(this.text);
    if (found === null) return undefined;
    const end = offset + found[0].length - 1;
    return { name: found[0].slice(0, -1), span: { start: offset, end }, after: end + 1 };
  }

  private sequence(column: number): SubsetNode {
    const items: SubsetNode[] = [];
    let start = -1;
    for (let line = this.line(); line !== undefined && line.content - line.start === column && this.text[line.content] === "-"; line = this.line()) {
      if (start < 0) start = line.content;
      let offset = line.content + 1;
      while (offset < line.end && this.text.charCodeAt(offset) === 32) offset += 1;
      if (offset === line.end || this.text[offset] === "#") throw new Unsupported();
      items.push(this.block(offset - line.start, offset));
    }
    return this.collection("seq", start, items);
  }

  private mapping(column: number, first: number): SubsetNode {
    const items: Array<{ key: TextSpan; name: string; value: SubsetNode }> = [];
    let offset = first;
    for (;;) {
      const line = this.line() as Line;
      const key = this.keyAt(offset);
      if (key === undefined) throw new Unsupported();
      let after = key.after;
      while (after < line.end && this.text.charCodeAt(after) === 32) after += 1;
      let value: SubsetNode;
      if (after === line.end || this.text[after] === "#") {
        this.index += 1;
        const next = this.line();
        const nextColumn = next === undefined ? -1 : next.content - next.start;
        const indentless = next !== undefined && nextColumn === column && this.text[next.content] === "-";
        if (next !== undefined && (nextColumn > column || indentless)) value = this.block(nextColumn, next.content);
        else value = { kind: "scalar", start: key.after, end: key.after };
      } else {
        value = this.inline(after, line.end);
        this.index += 1;
      }
      items.push({ key: key.span, name: key.name, value });
      const next = this.line();
      if (next === undefined || next.content - next.start !== column) break;
      if (this.text[next.content] === "-") break;
      offset = next.content;
    }
    const start = (items[0] as { key: TextSpan }).key.start;
    return { kind: "map", flow: false, start, end: start, items };
  }

  private collection(kind: "seq", start: number, items: SubsetNode[]): SubsetNode {
    return { kind, flow: false, start, end: start, items };
  }

  /** A scalar or flow collection that is all of the line from `offset` (but a comment). */
  private inline(offset: number, end: number): SubsetNode {
    const text = this.text;
    const first = text[offset];
    if (first === "|" || first === ">") throw new Unsupported();
    let node: SubsetNode;
    if (first === "[" || first === "{") node = new FlowReader(text, end).node(offset).node;
    else if (first === '"' || first === "'") node = { kind: "scalar", start: offset, end: quoteClose(text, offset, end) + 1 };
    else {
      let stop = end;
      // Only this line is searched (a search of the rest of the text from every line would cost its square).
      for (let index = offset; index + 1 < end; index += 1) {
        if (text.charCodeAt(index) === 0x20 && text.charCodeAt(index + 1) === 0x23) {
          stop = index;
          break;
        }
      }
      while (stop > offset && text.charCodeAt(stop - 1) === 32) stop -= 1;
      // A `: ` inside, or a final colon, would make it a mapping (searched without making a string of it).
      for (let index = offset; index < stop; index += 1) {
        if (text.charCodeAt(index) === COLON && (index + 1 === stop || text.charCodeAt(index + 1) === 0x20)) throw new Unsupported();
      }
      return { kind: "scalar", start: offset, end: stop };
    }
    // Only spaces or a comment may follow a quoted scalar or a flow collection on its line.
    let after = node.end;
    while (after < end && text.charCodeAt(after) === 0x20) after += 1;
    if (after < end) {
      const rest = text.slice(node.end, end);
      if (rest.trim() !== "" && !/^ +#/.test(rest)) throw new Unsupported();
    }
    return node;
  }
}

/** The offset of the quote closing the quoted scalar at `start`. */
function quoteClose(text: string, start: number, end: number): number {
  // Character codes, not one-character strings: `text[index]` makes a new string for every CJK character.
  const quote = text.charCodeAt(start);
  for (let index = start + 1; index < end; index += 1) {
    const char = text.charCodeAt(index);
    if (quote === DOUBLE_QUOTE && char === BACKSLASH) index += 1;
    else if (char === quote) {
      if (quote === SINGLE_QUOTE && text.charCodeAt(index + 1) === SINGLE_QUOTE) index += 1;
      else return index;
    }
  }
  throw new Unsupported();
}

const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/** Whether a flow scalar ends before this character code (after a colon: whether the colon is an indicator). */
function endsFlowScalar(code: number): boolean {
  return code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE;
}

/** Reads a one-line flow collection. */
class FlowReader {
  constructor(
    private readonly text: string,
    private readonly end: number,
  ) {}

  private skip(offset: number): number {
    let position = offset;
    while (position < this.end && this.text.charCodeAt(position) === 32) position += 1;
    return position;
  }

  /** The node at `offset` and the offset after it. */
  node(offset: number): { node: SubsetNode; next: number } {
    const char = this.text[offset];
    if (char === "{" || char === "[") return this.collection(offset);
    if (char === '"' || char === "'") {
      const close = quoteClose(this.text, offset, this.end);
      return { node: { kind: "scalar", start: offset, end: close + 1 }, next: close + 1 };
    }
    let position = offset;
    const text = this.text;
    while (position < this.end) {
      const current = text.charCodeAt(position);
      if (endsFlowScalar(current)) break;
      if (current === COLON) {
        const after = text.charCodeAt(position + 1);
        if (after === 0x20 || endsFlowScalar(after)) break;
      }
      position += 1;
    }
    let stop = position;
    while (stop > offset && this.text.charCodeAt(stop - 1) === 32) stop -= 1;
    if (stop === offset) throw new Unsupported();
    return { node: { kind: "scalar", start: offset, end: stop }, next: position };
  }

  private collection(offset: number): { node: SubsetNode; next: number } {
    const map = this.text[offset] === "{";
    const close = map ? "}" : "]";
    const mapItems: Array<{ key: TextSpan; name: string; value: SubsetNode }> = [];
    const seqItems: SubsetNode[] = [];
    let position = this.skip(offset + 1);
    while (this.text[position] !== close) {
      const { node, next } = this.node(position);
      position = this.skip(next);
      if (map) {
        if (this.text[position] !== ":" || node.kind !== "scalar") throw new Unsupported();
        const name = this.text.slice(node.start, node.end);
        if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) throw new Unsupported();
        const value = this.node(this.skip(position + 1));
        mapItems.push({ key: { start: node.start, end: node.end }, name, value: value.node });
        position = this.skip(value.next);
      } else {
        if (this.text[position] === ":") throw new Unsupported();
        seqItems.push(node);
      }
      if (this.text[position] === ",") position = this.skip(position + 1);
      else if (this.text[position] !== close) throw new Unsupported();
    }
    const end = position + 1;
    const node: SubsetNode = map ? { kind: "map", flow: true, start: offset, end, items: mapItems } : { kind: "seq", flow: true, start: offset, end, items: seqItems };
    return { node, next: end };
  }
}

/** Where a node's content ends, as `findSpan` has it: a block collection ends where its last entry ends. */
function contentEnd(node: SubsetNode): number {
  let current = node;
  for (;;) {
    if (current.kind === "scalar" || current.flow || current.items.length === 0) return current.end;
    if (current.kind === "seq") {
      current = current.items[current.items.length - 1] as SubsetNode;
      continue;
    }
    const last = current.items[current.items.length - 1] as { key: TextSpan; value: SubsetNode };
    if (last.value.end > last.value.start || last.value.kind !== "scalar") current = last.value;
    else return last.key.end;
  }
}

function spanOf(node: SubsetNode | { key: TextSpan }): TextSpan {
  return "key" in node ? node.key : { start: node.start, end: contentEnd(node) };
}

/** A text of the subset, read: its root node. */
export interface SubsetTree {
  /** The root node. */
  readonly root: SubsetNode;
}

/**
 * Reads a text of the subset for {@link locateInTree}; undefined when it has something this reader does not know.
 *
 * @example
 * const tree = readSubset("    - id: a\n      metrics: { days: { before: 3, after: 1 } }\n");
 */
export function readSubset(text: string): SubsetTree | undefined {
  try {
    return { root: new Reader(text, contentLines(text)).root() };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/**
 * The span at a JSON Pointer (given as its unescaped segments) in a text read by {@link readSubset}, as
 * `findSpan` gives it: the member's key for `"key"`, else the node; the nearest existing ancestor's key
 * when the path does not exist.
 *
 * @example
 * locateInTree(tree, ["0", "metrics", "days", "after"], "key"); // { start: 45, end: 50 }
 */
export function locateInTree(tree: SubsetTree, segments: readonly string[], part: "key" | "value" = "key"): TextSpan {
  let node: SubsetNode = tree.root;
  let key: TextSpan | undefined;
  for (const [index, segment] of segments.entries()) {
    let child: { key?: TextSpan; value: SubsetNode } | undefined;
    if (node.kind === "map") {
      for (let item = node.items.length - 1; item >= 0 && child === undefined; item -= 1) {
        const candidate = node.items[item] as { key: TextSpan; name: string; value: SubsetNode };
        if (candidate.name === segment) child = candidate;
      }
    } else if (node.kind === "seq" && /^(?:0|[1-9]\d*)$/.test(segment)) {
      const value = node.items[Number(segment)];
      if (value !== undefined) child = { value };
    }
    if (child === undefined) return key === undefined ? spanOf(node) : key;
    node = child.value;
    key = child.key;
    if (index === segments.length - 1 && part === "key" && child.key !== undefined) return child.key;
  }
  const span = spanOf(node);
  if (span.start === span.end && key !== undefined) return key;
  return span;
}

/**
 * A span of a text as a range of 1-based lines and columns (offsets into that text).
 *
 * @example
 * textRange("a: 1\nb: 2\n", { start: 5, end: 6 }); // { start: { line: 2, column: 1, offset: 5 }, end: { line: 2, column: 2, offset: 6 } }
 */
export function textRange(text: string, span: TextSpan): SourceRange {
  const at = (offset: number) => {
    const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
    let line = 1;
    for (let index = text.indexOf("\n"); index >= 0 && index < lineStart; index = text.indexOf("\n", index + 1)) line += 1;
    return { line, column: offset - lineStart + 1, offset };
  };
  return { start: at(span.start), end: at(span.end) };
}

/**
 * Positions in a file of the subset: ranges of texts made of its lines turned into ranges of the file.
 *
 * @example
 * new OriginalPositions(outline).remap(range, [[0, 12]]); // the range, 12 lines further down
 */
export class OriginalPositions {
  private starts: number[] | undefined;

  constructor(private readonly outline: Outline) {}

  /**
   * A range of a text made of runs of the file's lines (`[first line in the text, first line in the file]`,
   * 0-based, in order), as a range of the file.
   */
  remap(range: SourceRange | undefined, runs: ReadonlyArray<readonly [number, number]>): SourceRange | undefined {
    if (range === undefined) return undefined;
    const at = (position: SourceRange["start"]) => {
      let run = runs[0] as readonly [number, number];
      for (const candidate of runs) if (candidate[0] <= position.line - 1) run = candidate;
      const line = position.line - run[0] + run[1];
      const starts = () => this.lineStarts();
      // The offset is read from the file's bytes only when asked for (the diff reads lines and columns).
      return {
        line,
        column: position.column,
        get offset() {
          return (starts()[line - 1] ?? 0) + position.column - 1;
        },
      };
    };
    return { start: at(range.start), end: at(range.end) };
  }

  /** The UTF-16 offset of each line start, counted from the UTF-8 bytes (decoding a whole file costs more). */
  private lineStarts(): number[] {
    if (this.starts !== undefined) return this.starts;
    const { bytes } = this.outline;
    const starts = [0];
    let units = 0;
    for (let index = 0; index < bytes.length; index += 1) {
      const byte = bytes[index] as number;
      // Each lead byte starts one UTF-16 code unit, a 4-byte sequence two; continuation bytes add none.
      if (byte < 0x80 || byte >= 0xc0) units += byte >= 0xf0 ? 2 : 1;
      if (byte === 0x0a) starts.push(units);
    }
    this.starts = starts;
    return starts;
  }
}
