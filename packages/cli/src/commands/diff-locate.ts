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

/** A one-line scalar or flow collection of a text of the subset, with its offsets (block collections are walked, never built). */
export type SubsetNode =
  | { kind: "map"; flow: boolean; start: number; end: number; items: Array<{ key: TextSpan; name: string; value: SubsetNode }> }
  | { kind: "seq"; flow: boolean; start: number; end: number; items: SubsetNode[] }
  | { kind: "scalar"; start: number; end: number };

/** Thrown inside the reader for anything outside what it knows. */
class Unsupported extends Error {}

/*
 * The readers look at character codes, or run a sticky regular expression's `test` from an offset and read
 * where it stopped: `text[index]` makes a string of every character outside Latin-1 it reads (most of a
 * Chinese name), a match (`exec`) makes an array, and a loop over characters runs slowly until V8 has compiled
 * it. A diff reads about a thousand changed entries, each once, so the reader never gets warm.
 *
 * A text is read twice, and neither time builds a tree: {@link readSubset} checks all of it without
 * allocating (its lines go to a scratch array kept between texts), and {@link locateInTree} then walks from the
 * first line to the pointer, stepping over every member it does not enter by indentation alone, which the
 * check has made safe: in a text of the subset, every line indented deeper than a member belongs to it. Only
 * the one-line flow collection the pointer ends in, if any, is made into nodes. The diff asks for one or two
 * pointers of each entry it reads.
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

/** The content lines (neither blank nor comments) of the text being checked, three offsets each: start, end and first non-space. */
let lineOffsets = new Int32Array(3 * 64);

/** Fills {@link lineOffsets} with the content lines of `text`; returns how many there are. */
function contentLines(text: string): number {
  let count = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let content = start;
    while (content < end && text.charCodeAt(content) === SPACE) content += 1;
    if (content < end && text.charCodeAt(content) !== HASH) {
      if (3 * count + 3 > lineOffsets.length) {
        const grown = new Int32Array(lineOffsets.length * 2);
        grown.set(lineOffsets);
        lineOffsets = grown;
      }
      lineOffsets[3 * count] = start;
      lineOffsets[3 * count + 1] = end;
      lineOffsets[3 * count + 2] = content;
      count += 1;
    }
    start = end + 1;
  }
  return count;
}

/** Whether a block node starting at `offset`, on a line ending at `lineEnd`, is a sequence (`- ` or a dash alone). */
function isDashAt(text: string, offset: number, lineEnd: number): boolean {
  return text.charCodeAt(offset) === DASH && (text.charCodeAt(offset + 1) === SPACE || offset + 1 === lineEnd);
}

/**
 * The offset of the colon of the plain key starting at `offset` when a plain key and `: ` (or a colon at
 * the end of a line or of the text) are there, else -1.
 */
function keyColon(text: string, offset: number): number {
  const end = scan(KEY, text, offset);
  return end < 0 ? -1 : end - 1;
}

/**
 * Checks the scalar or flow collection that is all of the line from `offset` up to `end` (but a comment);
 * returns where its content ends.
 */
function inlineEnd(text: string, offset: number, end: number): number {
  const first = text.charCodeAt(offset);
  if (first === PIPE || first === GREATER) throw new Unsupported();
  let stop: number;
  if (first === OPEN_BRACKET || first === OPEN_BRACE) stop = FLOW_CHECKER.check(text, offset, end);
  else if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) stop = quoteClose(text, offset, end) + 1;
  else {
    // Up to a comment (` #`) on this line only, refusing a `: ` on the way, which would make it a mapping.
    stop = scan(BLOCK_PLAIN, text, offset);
    if (stop < end && text.charCodeAt(stop) === COLON) throw new Unsupported();
    while (stop > offset && text.charCodeAt(stop - 1) === SPACE) stop -= 1;
    // A final colon makes it a mapping too.
    if (stop > offset && text.charCodeAt(stop - 1) === COLON) throw new Unsupported();
    return stop;
  }
  // Only spaces or a comment may follow a quoted scalar or a flow collection on its line.
  let after = stop;
  while (after < end && text.charCodeAt(after) === SPACE) after += 1;
  if (after < end) {
    const rest = text.slice(stop, end);
    if (rest.trim() !== "" && !/^ +#/.test(rest)) throw new Unsupported();
  }
  return stop;
}

/** The node of the scalar or flow collection at `offset` of a checked text, on a line ending at `end`. */
function inlineNode(text: string, offset: number, end: number): SubsetNode {
  const first = text.charCodeAt(offset);
  if (first === OPEN_BRACKET || first === OPEN_BRACE) return new FlowReader(text, end, true).node(offset) as SubsetNode;
  return { kind: "scalar", start: offset, end: inlineEnd(text, offset, end) };
}

/** Checks that a text is all of the subset, reading its lines from {@link lineOffsets}; throws {@link Unsupported} if not. */
class Checker {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly count: number,
  ) {}

  /** Checks the whole text as one block node. */
  root(): void {
    if (this.count === 0) throw new Unsupported();
    const content = lineOffsets[2] as number;
    this.block(content - (lineOffsets[0] as number), content);
    if (this.index < this.count) throw new Unsupported();
  }

  /** A block node whose first token is at `offset`, on the current line, at column `column`. */
  private block(column: number, offset: number): void {
    const text = this.text;
    const line = 3 * this.index;
    if (isDashAt(text, offset, lineOffsets[line + 1] as number)) {
      if (offset !== lineOffsets[line + 2]) throw new Unsupported();
      this.sequence(column);
    } else if (keyColon(text, offset) >= 0) this.mapping(column, offset);
    else {
      inlineEnd(text, offset, lineOffsets[line + 1] as number);
      this.index += 1;
    }
  }

  /** The column of the current line's first token, or -1 past the last line. */
  private column(): number {
    return this.index < this.count ? (lineOffsets[3 * this.index + 2] as number) - (lineOffsets[3 * this.index] as number) : -1;
  }

  private sequence(column: number): void {
    const text = this.text;
    while (this.column() === column && text.charCodeAt(lineOffsets[3 * this.index + 2] as number) === DASH) {
      const line = 3 * this.index;
      const end = lineOffsets[line + 1] as number;
      let offset = (lineOffsets[line + 2] as number) + 1;
      while (offset < end && text.charCodeAt(offset) === SPACE) offset += 1;
      if (offset === end || text.charCodeAt(offset) === HASH) throw new Unsupported();
      this.block(offset - (lineOffsets[line] as number), offset);
    }
  }

  private mapping(column: number, first: number): void {
    const text = this.text;
    let offset = first;
    for (;;) {
      const end = lineOffsets[3 * this.index + 1] as number;
      const colon = keyColon(text, offset);
      if (colon < 0) throw new Unsupported();
      let after = colon + 1;
      while (after < end && text.charCodeAt(after) === SPACE) after += 1;
      if (after === end || text.charCodeAt(after) === HASH) {
        this.index += 1;
        const nextColumn = this.column();
        const content = lineOffsets[3 * this.index + 2] as number;
        if (nextColumn > column || (nextColumn === column && text.charCodeAt(content) === DASH)) this.block(nextColumn, content);
      } else {
        inlineEnd(text, after, end);
        this.index += 1;
      }
      if (this.column() !== column) return;
      const content = lineOffsets[3 * this.index + 2] as number;
      if (text.charCodeAt(content) === DASH) return;
      offset = content;
    }
  }
}

/** A block sequence or mapping of a checked text: its line, where its first token is, and that token's column. */
interface BlockNode {
  kind: "block";
  /** Whether it is a sequence (else a mapping). */
  seq: boolean;
  /** Offset of the start of its first line. */
  line: number;
  /** Offset of its first token (a dash, or the first key). */
  start: number;
  /** Column of that token. */
  column: number;
}

/** A member found by {@link Walker.child}: its key span (a mapping's) and its value. */
type Member = { key: TextSpan | undefined; value: BlockNode | SubsetNode };

/** Walks a checked text from its first line to the nodes a pointer names, stepping over the rest by indentation. */
class Walker {
  /** The current line: its start, its end and its first non-space character; `start` is -1 past the last line. */
  private start = -1;
  private end = 0;
  private content = 0;

  constructor(private readonly text: string) {}

  /** The root node. */
  root(): BlockNode | SubsetNode {
    this.seek(0);
    return this.node(this.content);
  }

  /** Moves to the first content line starting at `from` or later. */
  private seek(from: number): void {
    const text = this.text;
    for (let start = from; start <= text.length; ) {
      let end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      let content = start;
      while (content < end && text.charCodeAt(content) === SPACE) content += 1;
      if (content < end && text.charCodeAt(content) !== HASH) {
        this.start = start;
        this.end = end;
        this.content = content;
        return;
      }
      start = end + 1;
    }
    this.start = -1;
  }

  private advance(): void {
    this.seek(this.end + 1);
  }

  private column(): number {
    return this.start < 0 ? -1 : this.content - this.start;
  }

  /** The node whose first token is at `offset` on the current line. */
  private node(offset: number): BlockNode | SubsetNode {
    const text = this.text;
    if (isDashAt(text, offset, this.end)) return { kind: "block", seq: true, line: this.start, start: offset, column: offset - this.start };
    if (keyColon(text, offset) >= 0) return { kind: "block", seq: false, line: this.start, start: offset, column: offset - this.start };
    return inlineNode(text, offset, this.end);
  }

  /** Steps over the lines deeper than `column` (and, for `dashes`, the dash lines at `column` too: an indentless sequence). */
  private skipDeeper(column: number, dashes: boolean): void {
    for (let current = this.column(); current > column || (dashes && current === column && this.text.charCodeAt(this.content) === DASH); current = this.column()) this.advance();
  }

  /** Moves to the line of a block node's first member; returns the offset of that member's first token. */
  private firstMember(node: BlockNode): number {
    this.seek(node.line);
    return node.start;
  }

  /** The offset of a sequence member's value: after its dash and the spaces that follow it, on the current line. */
  private afterDash(offset: number): number {
    let value = offset + 1;
    while (value < this.end && this.text.charCodeAt(value) === SPACE) value += 1;
    return value;
  }

  /**
   * Steps over the member of a block node that is on the current line (a mapping's with its key's colon at
   * `colon`), and returns the offset of the next member's first token, on the line it moved to; -1 after the last member.
   */
  private nextMember(node: BlockNode, colon: number): number {
    const text = this.text;
    if (node.seq) {
      this.advance();
      this.skipDeeper(node.column, false);
    } else {
      let after = colon + 1;
      while (after < this.end && text.charCodeAt(after) === SPACE) after += 1;
      const inline = after < this.end && text.charCodeAt(after) !== HASH;
      this.advance();
      if (!inline) this.skipDeeper(node.column, this.column() === node.column && text.charCodeAt(this.content) === DASH);
    }
    if (this.column() !== node.column || (text.charCodeAt(this.content) === DASH) !== node.seq) return -1;
    return this.content;
  }

  /** The value of the mapping member whose key (on the current line) ends at `colon`. */
  private valueAt(node: BlockNode, colon: number): BlockNode | SubsetNode {
    const text = this.text;
    let after = colon + 1;
    while (after < this.end && text.charCodeAt(after) === SPACE) after += 1;
    if (after < this.end && text.charCodeAt(after) !== HASH) return inlineNode(text, after, this.end);
    this.advance();
    const column = this.column();
    if (column > node.column || (column === node.column && text.charCodeAt(this.content) === DASH)) return this.node(this.content);
    return { kind: "scalar", start: colon + 1, end: colon + 1 };
  }

  /** The member of a block node named by `segment` (the last one of a repeated key), if there is one. */
  child(node: BlockNode, segment: string): Member | undefined {
    const text = this.text;
    if (node.seq) {
      if (!INDEX.test(segment)) return undefined;
      let offset = this.firstMember(node);
      for (let wanted = Number(segment); wanted > 0 && offset >= 0; wanted -= 1) offset = this.nextMember(node, -1);
      return offset < 0 ? undefined : { key: undefined, value: this.node(this.afterDash(offset)) };
    }
    let line = -1;
    let key = 0;
    for (let offset = this.firstMember(node); offset >= 0; ) {
      const colon = keyColon(text, offset);
      if (colon - offset === segment.length && text.startsWith(segment, offset)) {
        line = this.start;
        key = offset;
      }
      offset = this.nextMember(node, colon);
    }
    if (line < 0) return undefined;
    this.seek(line);
    const colon = key + segment.length;
    return { key: { start: key, end: colon }, value: this.valueAt(node, colon) };
  }

  /** Where a node's content ends, as `findSpan` has it: a block collection ends where its last member ends. */
  contentEnd(node: BlockNode | SubsetNode): number {
    let current = node;
    for (;;) {
      if (current.kind !== "block") return current.end;
      let line = 0;
      let first = 0;
      for (let offset = this.firstMember(current); offset >= 0; offset = this.nextMember(current, current.seq ? -1 : keyColon(this.text, offset))) {
        line = this.start;
        first = offset;
      }
      this.seek(line);
      if (current.seq) {
        current = this.node(this.afterDash(first));
        continue;
      }
      const colon = keyColon(this.text, first);
      const value = this.valueAt(current, colon);
      if (value.kind === "scalar" && value.end === value.start) return colon;
      current = value;
    }
  }

  /** The span of a node, as `findSpan` has it. */
  spanOf(node: BlockNode | SubsetNode): TextSpan {
    return { start: node.start, end: this.contentEnd(node) };
  }
}

/** A list index in a pointer. */
const INDEX = /^(?:0|[1-9]\d*)$/;

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
    private text: string,
    private end: number,
    private build: boolean,
  ) {}

  /** Checks the flow collection at `offset` of `text`, on a line ending at `end`, building nothing; returns the offset after it. */
  check(text: string, offset: number, end: number): number {
    this.text = text;
    this.end = end;
    this.build = false;
    this.node(offset);
    return this.next;
  }

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
    // Lists only when building: a check allocates nothing.
    const mapItems: Array<{ key: TextSpan; name: string; value: SubsetNode }> | undefined = this.build && map ? [] : undefined;
    const seqItems: SubsetNode[] | undefined = this.build && !map ? [] : undefined;
    let position = this.skip(offset + 1);
    while (text.charCodeAt(position) !== close) {
      const node = this.node(position);
      position = this.skip(this.next);
      if (map) {
        const { scalar, start, stop } = this;
        if (text.charCodeAt(position) !== COLON || !scalar || !isPlainName(text, start, stop)) throw new Unsupported();
        const value = this.node(this.skip(position + 1));
        mapItems?.push({ key: { start, end: stop }, name: text.slice(start, stop), value: value as SubsetNode });
        position = this.skip(this.next);
      } else {
        if (text.charCodeAt(position) === COLON) throw new Unsupported();
        seqItems?.push(node as SubsetNode);
      }
      const code = text.charCodeAt(position);
      if (code === COMMA) position = this.skip(position + 1);
      else if (code !== close) throw new Unsupported();
    }
    const end = position + 1;
    this.next = end;
    this.scalar = false;
    if (!this.build) return undefined;
    return mapItems !== undefined ? { kind: "map", flow: true, start: offset, end, items: mapItems } : { kind: "seq", flow: true, start: offset, end, items: seqItems ?? [] };
  }
}

/** The reader that checks the flow collections of the texts {@link readSubset} checks, kept between them. */
const FLOW_CHECKER = new FlowReader("", 0, false);

/** A text of the subset, checked: what {@link locateInTree} reads. */
export interface SubsetTree {
  /** The text. */
  readonly text: string;
}

/**
 * Checks that a text is of the subset for {@link locateInTree}; undefined when it has something this reader does not know.
 *
 * @example
 * const tree = readSubset("    - id: a\n      metrics: { days: { before: 3, after: 1 } }\n");
 */
export function readSubset(text: string): SubsetTree | undefined {
  try {
    new Checker(text, contentLines(text)).root();
    return { text };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** The member of a flow collection named by `segment` (the last one of a repeated key), if there is one. */
function flowChild(node: SubsetNode, segment: string): Member | undefined {
  if (node.kind === "map") {
    for (let item = node.items.length - 1; item >= 0; item -= 1) {
      const candidate = node.items[item] as { key: TextSpan; name: string; value: SubsetNode };
      if (candidate.name === segment) return { key: candidate.key, value: candidate.value };
    }
  } else if (node.kind === "seq" && INDEX.test(segment)) {
    const value = node.items[Number(segment)];
    if (value !== undefined) return { key: undefined, value };
  }
  return undefined;
}

/**
 * The span at a JSON Pointer (given as its unescaped segments) in a text checked by {@link readSubset}, as
 * `findSpan` gives it: the member's key for `"key"`, else the node; the nearest existing ancestor's key
 * when the path does not exist.
 *
 * @example
 * locateInTree(tree, ["0", "metrics", "days", "after"], "key"); // { start: 45, end: 50 }
 */
export function locateInTree(tree: SubsetTree, segments: readonly string[], part: "key" | "value" = "key"): TextSpan {
  const walker = new Walker(tree.text);
  let node = walker.root();
  let key: TextSpan | undefined;
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index] as string;
    const child = node.kind === "block" ? walker.child(node, segment) : flowChild(node, segment);
    if (child === undefined) return key === undefined ? walker.spanOf(node) : key;
    node = child.value;
    key = child.key;
    if (index === segments.length - 1 && part === "key" && key !== undefined) return key;
  }
  const span = walker.spanOf(node);
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
  return { start: positionAt(text, span.start), end: positionAt(text, span.end) };
}

/** The 1-based line and column of an offset of a text (an entry's few lines: counted, not kept). */
function positionAt(text: string, offset: number): SourceRange["start"] {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  // The line is one more than the number of line breaks before the line's start.
  let line = 1;
  for (let index = text.indexOf("\n"); index >= 0 && index < lineStart; index = text.indexOf("\n", index + 1)) line += 1;
  return { line, column: offset - lineStart + 1, offset };
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
    return { start: this.at(range.start, runs), end: this.at(range.end, runs) };
  }

  private at(position: SourceRange["start"], runs: ReadonlyArray<readonly [number, number]>): SourceRange["start"] {
    let run = runs[0] as readonly [number, number];
    for (let index = 1; index < runs.length; index += 1) {
      const candidate = runs[index] as readonly [number, number];
      if (candidate[0] <= position.line - 1) run = candidate;
    }
    return filePosition(this, position.line - run[0] + run[1], position.column);
  }

  /** The UTF-16 offset of the start of a 1-based line of the file. */
  lineStart(line: number): number {
    return this.lineStarts()[line - 1] ?? 0;
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

/** A position in a file whose offset is read from the file's bytes only when asked for (the diff reads lines and columns). */
function filePosition(positions: OriginalPositions, line: number, column: number): SourceRange["start"] {
  return {
    line,
    column,
    get offset() {
      return positions.lineStart(line) + column - 1;
    },
  };
}
