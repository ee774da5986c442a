/**
 * Source spans in a text of the outline's subset (see `diff-outline.ts`) without the `yaml` parser, which
 * costs milliseconds per kilobyte: a small reader of block mappings and sequences, one-line flow
 * collections and one-line scalars that gives the spans `findSpan` of `@onething/dsl` gives, for the
 * key or the value at a JSON Pointer. Anything else (a block scalar, a flow entry without a value) makes
 * it answer undefined, and the caller asks `yaml`. Also: turning ranges of texts made of a file's lines back
 * into ranges of the file.
 */

import type { SourceRange } from "@onething/sdk";

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
    while (content < end && text.charCodeAt(content) === SPACE) content += 1;
    if (content < end && text.charCodeAt(content) !== HASH) lines.push({ start, end, content });
    start = end + 1;
  }
  return lines;
}

/*
 * The readers look at character codes, or run a sticky regular expression's `test` from an offset and read
 * where it stopped: `text[index]` makes a string of every character outside Latin-1 it reads (most of a
 * Chinese name), a match (`exec`) makes an array, and a loop over characters runs slowly until V8 has compiled
 * it. A diff reads about a thousand changed entries, each once, so the reader never gets warm.
 */

/** A plain key and its colon, followed by a space, a line break or the end of the text. */
const KEY = /[A-Za-z_][A-Za-z0-9_-]*:(?=[ \n]|$)/y;
/** A plain key's name alone. */
const NAME = /[A-Za-z_][A-Za-z0-9_-]*/y;
/** A plain scalar on a block line, up to a comment (` #`), a `: ` or the line's end. */
const BLOCK_PLAIN = /(?:[^ :\n]| (?!#)|:(?! ))*/y;
/** A plain scalar in a flow collection, up to `,`, `]`, `}`, a colon before a space or one of those, or the line's end. */
const FLOW_PLAIN = /(?:[^,\]}:\n]|:(?![ ,\]}]))*/y;

/** Where `pattern` (sticky, matching the empty text too) stops when run from `offset`. */
function scan(pattern: RegExp, text: string, offset: number): number {
  pattern.lastIndex = offset;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const PIPE = 0x7c;
const GREATER = 0x3e;

/** Whether `text` from `start` to `end` is a plain key (`^[A-Za-z_][A-Za-z0-9_-]*$`). */
function isPlainName(text: string, start: number, end: number): boolean {
  return end > start && scan(NAME, text, start) === end;
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
    if (text.charCodeAt(offset) === DASH && (text.charCodeAt(offset + 1) === SPACE || offset + 1 === this.lineEnd())) {
      if (offset !== (this.line() as Line).content) throw new Unsupported();
      return this.sequence(column);
    }
    if (this.keyAt(offset) >= 0) return this.mapping(column, offset);
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

  /**
   * The offset of the colon of the plain key starting at `offset` when a plain key and `: ` (or a colon at
   * the end of a line or of the text) are there, else -1.
   */
  private keyAt(offset: number): number {
    const end = scan(KEY, this.text, offset);
    return end < 0 ? -1 : end - 1;
  }

  private sequence(column: number): SubsetNode {
    const items: SubsetNode[] = [];
    const text = this.text;
    let start = -1;
    for (let line = this.line(); line !== undefined && line.content - line.start === column && text.charCodeAt(line.content) === DASH; line = this.line()) {
      if (start < 0) start = line.content;
      let offset = line.content + 1;
      while (offset < line.end && text.charCodeAt(offset) === SPACE) offset += 1;
      if (offset === line.end || text.charCodeAt(offset) === HASH) throw new Unsupported();
      items.push(this.block(offset - line.start, offset));
    }
    return { kind: "seq", flow: false, start, end: start, items };
  }

  private mapping(column: number, first: number): SubsetNode {
    const items: Array<{ key: TextSpan; name: string; value: SubsetNode }> = [];
    const text = this.text;
    let offset = first;
    for (;;) {
      const line = this.line() as Line;
      const colon = this.keyAt(offset);
      if (colon < 0) throw new Unsupported();
      let after = colon + 1;
      while (after < line.end && text.charCodeAt(after) === SPACE) after += 1;
      let value: SubsetNode;
      if (after === line.end || text.charCodeAt(after) === HASH) {
        this.index += 1;
        const next = this.line();
        const nextColumn = next === undefined ? -1 : next.content - next.start;
        const indentless = next !== undefined && nextColumn === column && text.charCodeAt(next.content) === DASH;
        if (next !== undefined && (nextColumn > column || indentless)) value = this.block(nextColumn, next.content);
        else value = { kind: "scalar", start: colon + 1, end: colon + 1 };
      } else {
        value = this.inline(after, line.end);
        this.index += 1;
      }
      items.push({ key: { start: offset, end: colon }, name: text.slice(offset, colon), value });
      const next = this.line();
      if (next === undefined || next.content - next.start !== column) break;
      if (text.charCodeAt(next.content) === DASH) break;
      offset = next.content;
    }
    const start = (items[0] as { key: TextSpan }).key.start;
    return { kind: "map", flow: false, start, end: start, items };
  }

  /** A scalar or flow collection that is all of the line from `offset` (but a comment). */
  private inline(offset: number, end: number): SubsetNode {
    const text = this.text;
    const first = text.charCodeAt(offset);
    if (first === PIPE || first === GREATER) throw new Unsupported();
    let node: SubsetNode;
    if (first === OPEN_BRACKET || first === OPEN_BRACE) {
      // Checked whole now; its members are read only if a path goes into it (most never are).
      const reader = new FlowReader(text, end, false);
      reader.node(offset);
      node = lazyFlow(text, offset, reader.next, end);
    } else if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) node = { kind: "scalar", start: offset, end: quoteClose(text, offset, end) + 1 };
    else {
      // Up to a comment (` #`) on this line only, refusing a `: ` on the way, which would make it a mapping.
      let stop = scan(BLOCK_PLAIN, text, offset);
      if (stop < end && text.charCodeAt(stop) === COLON) throw new Unsupported();
      while (stop > offset && text.charCodeAt(stop - 1) === SPACE) stop -= 1;
      // A final colon makes it a mapping too.
      if (stop > offset && text.charCodeAt(stop - 1) === COLON) throw new Unsupported();
      return { kind: "scalar", start: offset, end: stop };
    }
    // Only spaces or a comment may follow a quoted scalar or a flow collection on its line.
    let after = node.end;
    while (after < end && text.charCodeAt(after) === SPACE) after += 1;
    if (after < end) {
      const rest = text.slice(node.end, end);
      if (rest.trim() !== "" && !/^ +#/.test(rest)) throw new Unsupported();
    }
    return node;
  }
}

/**
 * A flow collection from `start` to `end` (checked by a {@link FlowReader} already) whose members are read
 * when first asked for. A class, not an object literal with a getter: V8 builds those on a slow path.
 */
class LazyFlow {
  readonly flow = true;
  private read: SubsetNode | undefined;

  constructor(
    readonly kind: "map" | "seq",
    readonly start: number,
    readonly end: number,
    private readonly text: string,
    private readonly lineEnd: number,
  ) {}

  get items(): unknown[] {
    this.read ??= new FlowReader(this.text, this.lineEnd, true).node(this.start) as SubsetNode;
    return (this.read as { items: unknown[] }).items;
  }
}

/** The {@link LazyFlow} of the flow collection from `start` to `end`, typed as the node it reads as. */
function lazyFlow(text: string, start: number, end: number, lineEnd: number): SubsetNode {
  return new LazyFlow(text.charCodeAt(start) === OPEN_BRACE ? "map" : "seq", start, end, text, lineEnd) as unknown as SubsetNode;
}

/** The offset of the quote closing the quoted scalar at `start`. */
function quoteClose(text: string, start: number, end: number): number {
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

/**
 * Reads a one-line flow collection: only checks it (`build` false, nothing allocated), or makes its nodes.
 * After {@link FlowReader.node}, `next` is the offset after the node, and for a scalar `scalar` is true and
 * `start`/`stop` are its span.
 */
class FlowReader {
  /** The offset after the node last read. */
  next = 0;
  /** Whether the node last read is a scalar. */
  private scalar = false;
  /** Where the scalar last read starts. */
  private start = 0;
  /** Where the scalar last read ends. */
  private stop = 0;

  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly build: boolean,
  ) {}

  private skip(offset: number): number {
    let position = offset;
    while (position < this.end && this.text.charCodeAt(position) === SPACE) position += 1;
    return position;
  }

  /** Reads the node at `offset`; returns it when building. */
  node(offset: number): SubsetNode | undefined {
    const text = this.text;
    const first = text.charCodeAt(offset);
    if (first === OPEN_BRACE || first === OPEN_BRACKET) return this.collection(offset);
    let stop: number;
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      stop = quoteClose(text, offset, this.end) + 1;
      this.next = stop;
    } else {
      const position = offset < this.end ? scan(FLOW_PLAIN, text, offset) : offset;
      stop = position;
      while (stop > offset && text.charCodeAt(stop - 1) === SPACE) stop -= 1;
      if (stop === offset) throw new Unsupported();
      this.next = position;
    }
    this.scalar = true;
    this.start = offset;
    this.stop = stop;
    return this.build ? { kind: "scalar", start: offset, end: stop } : undefined;
  }

  private collection(offset: number): SubsetNode | undefined {
    const text = this.text;
    const map = text.charCodeAt(offset) === OPEN_BRACE;
    const close = map ? CLOSE_BRACE : CLOSE_BRACKET;
    const mapItems: Array<{ key: TextSpan; name: string; value: SubsetNode }> = [];
    const seqItems: SubsetNode[] = [];
    let position = this.skip(offset + 1);
    while (text.charCodeAt(position) !== close) {
      const node = this.node(position);
      position = this.skip(this.next);
      if (map) {
        const { scalar, start, stop } = this;
        if (text.charCodeAt(position) !== COLON || !scalar || !isPlainName(text, start, stop)) throw new Unsupported();
        const value = this.node(this.skip(position + 1));
        if (this.build) mapItems.push({ key: { start, end: stop }, name: text.slice(start, stop), value: value as SubsetNode });
        position = this.skip(this.next);
      } else {
        if (text.charCodeAt(position) === COLON) throw new Unsupported();
        if (this.build) seqItems.push(node as SubsetNode);
      }
      const code = text.charCodeAt(position);
      if (code === COMMA) position = this.skip(position + 1);
      else if (code !== close) throw new Unsupported();
    }
    const end = position + 1;
    this.next = end;
    this.scalar = false;
    if (!this.build) return undefined;
    return map ? { kind: "map", flow: true, start: offset, end, items: mapItems } : { kind: "seq", flow: true, start: offset, end, items: seqItems };
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
  const breaks = lineBreaksOf(text);
  const at = (offset: number) => {
    const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
    // The line is one more than the number of line breaks before the line's start.
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((breaks[middle] as number) < lineStart) low = middle + 1;
      else high = middle;
    }
    return { line: low + 1, column: offset - lineStart + 1, offset };
  };
  return { start: at(span.start), end: at(span.end) };
}

/** The text {@link lineBreaksOf} last read, and the offsets of its line breaks. */
let lastBreaks: { text: string; breaks: number[] } | undefined;

/** The offsets of a text's line breaks, kept for the last text asked about: the diff asks about an entry a few times in a row. */
function lineBreaksOf(text: string): number[] {
  if (lastBreaks?.text === text) return lastBreaks.breaks;
  const breaks: number[] = [];
  for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1)) breaks.push(index);
  lastBreaks = { text, breaks };
  return breaks;
}

/**
 * Positions in a file of the subset: ranges of texts made of its lines turned into ranges of the file.
 *
 * @example
 * new OriginalPositions(() => outline.bytes).remap(range, [[0, 12]]); // the range, 12 lines further down
 */
export class OriginalPositions {
  private starts: number[] | undefined;

  /** `bytes` gives the file's bytes, asked for only when an offset is read. */
  constructor(private readonly bytes: () => Uint8Array) {}

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
    const bytes = this.bytes();
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
