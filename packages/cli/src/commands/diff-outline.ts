/**
 * The outline of a onething YAML file in a strict block-style subset, for `onething diff`: where the
 * top-level keys and the entries of the lists under `spec` are, by line, so that entries whose bytes are
 * the same in both versions need no parse. A file outside the subset has no outline and is parsed whole.
 *
 * The subset: no tab, CR, other control character, DEL or BOM; no anchor, alias, tag, directive, document
 * marker, complex or merge key; every key a plain word; every scalar on one line except block scalars
 * without keep chomping (`|+`, `>+`); flow collections on one line; nothing indented under a line that
 * ends with a scalar. In it, indentation alone decides where every node starts and ends, so the value of
 * an entry is a function of its bytes, and emptying whole entries leaves the rest of the file as it was.
 * The scan works on the UTF-8 bytes (every structural character is ASCII), so unchanged text is never decoded.
 */

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const BACKSLASH = 0x5c;

/** Plain scalars must not start with these (YAML indicators, kept out of the subset). */
const INDICATORS = new Set([..."?:,[]{}#&*!|>'\"%@`"].map((char) => char.charCodeAt(0)));

/** Flow collections nested deeper than this are outside the subset. */
const MAX_FLOW_DEPTH = 32;

/** A plain scalar that surely reads as that same string in the YAML 1.2 core schema. */
const PLAIN_WORD_PATTERN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;

/** Plain words that read as null or a boolean. */
const NOT_STRINGS = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]);

/** One entry of a list under `spec`: lines `start` (its `- ` line) to `end` (exclusive). */
export interface OutlineEntry {
  /** The 0-based line of the entry's `- `. */
  start: number;
  /** The 0-based line after its last line (blank and comment lines up to the next entry included). */
  end: number;
  /** The column of the entry's mapping keys (after `- `). */
  column: number;
}

/** A block sequence of mappings directly under `spec`, entry by entry. */
export interface OutlineList {
  /** The key under `spec` (`matters`, `patches`, …). */
  key: string;
  /** Its entries in order. */
  entries: OutlineEntry[];
}

/** The outline of a file in the subset. */
export interface Outline {
  /** The file's bytes (UTF-8). */
  bytes: Uint8Array;
  /** The byte offset where each line starts, and one more: the length plus one. */
  lineStarts: Int32Array;
  /** The lists under `spec` whose entries are all mappings. */
  lists: OutlineList[];
}

/** What the scan records of one content line (not blank, not a comment, not block scalar text). */
interface LineShape {
  line: number;
  indent: number;
  /** How many `- ` start the line. */
  dashes: number;
  /** The byte offsets of the first key on the line (after any `- `); -1 when there is none. */
  keyStart: number;
  keyEnd: number;
  /** The column of that key. */
  keyColumn: number;
  /** The key's value is on the next lines (nothing but a comment after the colon). */
  nested: boolean;
}

/** Bytes of ASCII as a string. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

/** The first key of a content line, when it has one. */
function keyName(bytes: Uint8Array, shape: LineShape): string | undefined {
  return shape.keyStart < 0 ? undefined : latin1(bytes.subarray(shape.keyStart, shape.keyEnd));
}

function isKeyStart(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f;
}

function isKeyByte(byte: number): boolean {
  return isKeyStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte === DASH;
}

/**
 * The line starts of `bytes`, with the length plus one appended. A typed array keeps its numbers outside the
 * JavaScript heap, which the garbage collector would otherwise copy over and over (an outline lives as long as
 * the diff, and there is one per distinct file).
 */
function lineStartsOf(bytes: Uint8Array): Int32Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let starts = new Int32Array(Math.max(16, bytes.length >> 5));
  let count = 1;
  const push = (value: number) => {
    if (count === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count] = value;
    count += 1;
  };
  for (let index = buffer.indexOf(NEWLINE); index >= 0; index = buffer.indexOf(NEWLINE, index + 1)) push(index + 1);
  push(bytes.length + 1);
  return starts.subarray(0, count);
}

/** The control bytes other than a line feed, and DEL. */
const FORBIDDEN = [...Array.from({ length: 32 }, (_, byte) => byte).filter((byte) => byte !== NEWLINE), 0x7f];

/** A BOM (U+FEFF) as UTF-8. */
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * Whether the bytes hold a control character other than a line feed (tab and CR among them), DEL, or a
 * BOM anywhere. (C1 controls and U+2028/U+2029 are no line breaks in YAML 1.2, so they cannot move a line.)
 */
function hasForbiddenBytes(bytes: Uint8Array): boolean {
  // One native search per byte value is much faster than a loop over the bytes in JavaScript.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return FORBIDDEN.some((byte) => buffer.indexOf(byte) >= 0) || buffer.indexOf(BOM) >= 0;
}

/**
 * The outline of a file's UTF-8 bytes, or undefined when the file is outside the subset (or has a
 * top-level key, or a key directly under `spec`, twice).
 *
 * @example
 * outlineYaml(new TextEncoder().encode("kind: Checklist\nspec:\n  matters:\n    - id: a\n    - id: b\n"))?.lists;
 * // [{ key: "matters", entries: [{ start: 3, end: 4, column: 6 }, { start: 4, end: 6, column: 6 }] }]
 */
export function outlineYaml(bytes: Uint8Array): Outline | undefined {
  if (hasForbiddenBytes(bytes)) return undefined;
  const lineStarts = lineStartsOf(bytes);
  const shapes = scanLines(bytes, lineStarts);
  if (shapes === undefined) return undefined;
  const top = new Map<string, LineShape>();
  for (const shape of shapes) {
    if (shape.indent !== 0) continue;
    const key = keyName(bytes, shape);
    if (shape.dashes > 0 || key === undefined || top.has(key)) return undefined;
    top.set(key, shape);
  }
  const spec = top.get("spec");
  if (spec === undefined || !spec.nested) return { bytes, lineStarts, lists: [] };
  const next = shapes.find((shape) => shape.indent === 0 && shape.line > spec.line);
  const lists = specLists(bytes, shapes.filter((shape) => shape.line > spec.line && (next === undefined || shape.line < next.line)), next?.line ?? lineStarts.length - 1);
  return lists === undefined ? undefined : { bytes, lineStarts, lists };
}

/** Checks every line against the subset and returns the shapes of the content lines, in order. */
function scanLines(bytes: Uint8Array, lineStarts: Int32Array): LineShape[] | undefined {
  const shapes: LineShape[] = [];
  const finders = findersOf(bytes);
  let blockOwner = -1;
  let scalarOwner = -1;
  // Only lines that can shape the outline are kept: those at most `depth` deep, where `depth` grows to the
  // first line under `spec` and the first line under each of its keys; every line is checked all the same.
  let depth = 0;
  let inSpec = false;
  let specIndent = -1;
  let keepNext = false;
  const lines = lineStarts.length - 1;
  for (let line = 0; line < lines; line += 1) {
    const start = lineStarts[line] as number;
    const end = Math.min((lineStarts[line + 1] as number) - 1, bytes.length);
    let position = start;
    while (position < end && bytes[position] === SPACE) position += 1;
    if (position === end) continue;
    const indent = position - start;
    if (blockOwner >= 0) {
      if (indent > blockOwner) continue;
      blockOwner = -1;
    }
    if (scalarOwner >= 0 && indent > scalarOwner) return undefined;
    scalarOwner = -1;
    if (bytes[position] === HASH) continue;
    let dashes = 0;
    let keyStart = -1;
    let keyEnd = -1;
    let owner = -1;
    while (bytes[position] === DASH && (position + 1 === end || bytes[position + 1] === SPACE)) {
      dashes += 1;
      owner = position - start;
      position += 1;
      while (position < end && bytes[position] === SPACE) position += 1;
    }
    if (position < end && isKeyStart(bytes[position] as number)) {
      let after = position + 1;
      while (after < end && isKeyByte(bytes[after] as number)) after += 1;
      if (bytes[after] === COLON && (after + 1 === end || bytes[after + 1] === SPACE)) {
        keyStart = position;
        keyEnd = after;
        owner = position - start;
        position = after + 1;
        while (position < end && bytes[position] === SPACE) position += 1;
      }
    }
    if (keyStart < 0 && owner < 0) return undefined;
    const nested = (position === end || bytes[position] === HASH) && keyStart >= 0;
    if (position < end && bytes[position] !== HASH) {
      const kind = valueKind(bytes, position, end, finders);
      if (kind === undefined) return undefined;
      if (kind === "block") blockOwner = owner;
      else scalarOwner = owner;
    }
    const keep = indent <= depth || keepNext;
    if (indent === 0) {
      inSpec = keyEnd - keyStart === 4 && bytes[keyStart] === 0x73 && bytes[keyStart + 1] === 0x70 && bytes[keyStart + 2] === 0x65 && bytes[keyStart + 3] === 0x63;
      specIndent = -1;
      keepNext = inSpec && nested;
    } else {
      if (keepNext) {
        if (inSpec && specIndent < 0) specIndent = indent;
        depth = Math.max(depth, indent);
      }
      keepNext = inSpec && indent === specIndent && nested;
    }
    if (keep) shapes.push({ line, indent, dashes, keyStart, keyEnd, keyColumn: keyStart < 0 ? -1 : keyStart - start, nested });
  }
  return shapes;
}

/**
 * The next position of one byte value at or after a position, by a native search whose answer is kept: the
 * scan asks at increasing positions, so each stretch of the file is searched about once however many lines
 * ask. (A search for a byte that is rare, like `#`, would otherwise run to the end of the file on every line.)
 */
class NextByte {
  private from = Number.POSITIVE_INFINITY;
  private at = -1;

  constructor(
    private readonly buffer: Buffer,
    private readonly byte: number,
  ) {}

  /** The first index at or after `from` holding the byte; the length of the bytes when there is none. */
  find(from: number): number {
    // The kept answer holds for any later start up to it; an earlier start searches afresh.
    if (from < this.from || from > this.at) {
      const found = this.buffer.indexOf(this.byte, from);
      this.at = found < 0 ? this.buffer.length : found;
    }
    this.from = from;
    return this.at;
  }
}

/** The native searches the scan of one file shares. */
interface Finders {
  colon: NextByte;
  hash: NextByte;
  quote: NextByte;
  apostrophe: NextByte;
  backslash: NextByte;
}

function findersOf(bytes: Uint8Array): Finders {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    colon: new NextByte(buffer, COLON),
    hash: new NextByte(buffer, HASH),
    quote: new NextByte(buffer, QUOTE),
    apostrophe: new NextByte(buffer, APOSTROPHE),
    backslash: new NextByte(buffer, BACKSLASH),
  };
}

/** What the value at `start` is: a block scalar header, or a scalar or flow collection complete on its line; undefined outside the subset. */
function valueKind(bytes: Uint8Array, start: number, end: number, finders: Finders): "block" | "line" | undefined {
  const first = bytes[start] as number;
  if (first === 0x7c || first === 0x3e) return blockHeader(bytes, start + 1, end) ? "block" : undefined;
  if (first === 0x5b || first === 0x7b) return restIsComment(bytes, flowEnd(bytes, start, end, finders), end) ? "line" : undefined;
  if (first === QUOTE || first === APOSTROPHE) return restIsComment(bytes, quoteEnd(bytes, start, end, finders), end) ? "line" : undefined;
  if (INDICATORS.has(first) || (first === DASH && (start + 1 === end || bytes[start + 1] === SPACE))) return undefined;
  // The first ` #` ends the scalar; a `: ` (or a final colon) before it would make the line a mapping of its own.
  let hash = finders.hash.find(start + 1);
  let colon = finders.colon.find(start + 1);
  for (;;) {
    if (hash < end && hash < colon) {
      if (bytes[hash - 1] === SPACE) return "line";
      hash = finders.hash.find(hash + 1);
    } else if (colon < end) {
      if (colon + 1 === end || bytes[colon + 1] === SPACE) return undefined;
      colon = finders.colon.find(colon + 1);
    } else {
      return "line";
    }
  }
}

/** Whether the rest of a block scalar header (after `|` or `>`) has no keep chomping: `[1-9]?-?` or `-[1-9]`, then spaces and a comment. */
function blockHeader(bytes: Uint8Array, start: number, end: number): boolean {
  let position = start;
  const digit = (byte: number | undefined) => byte !== undefined && byte >= 0x31 && byte <= 0x39;
  if (digit(bytes[position])) position += 1;
  if (bytes[position] === DASH) position += 1;
  if (position === start + 1 && bytes[start] === DASH && digit(bytes[position])) position += 1;
  if (position === end) return true;
  if (bytes[position] !== SPACE) return false;
  while (position < end && bytes[position] === SPACE) position += 1;
  return position === end || bytes[position] === HASH;
}

/** Whether only spaces, or spaces and a comment, follow the construct ending at `close` (-1: it does not end on the line). */
function restIsComment(bytes: Uint8Array, close: number, end: number): boolean {
  if (close < 0) return false;
  let position = close + 1;
  if (position === end) return true;
  if (bytes[position] !== SPACE) return false;
  while (position < end && bytes[position] === SPACE) position += 1;
  return position === end || bytes[position] === HASH;
}

/** 1 for each byte that means nothing in a flow collection but "not at a node start" (everything but indicators, `#`, space). */
const FLOW_PLAIN = new Uint8Array(256).fill(1);
for (const char of "[]{},:#\"'&*!?|>%@` ") FLOW_PLAIN[char.charCodeAt(0)] = 0;

/** The index of the bracket closing the flow collection at `start`, or -1 (also for an anchor, alias, tag or `?` at a node start). */
function flowEnd(bytes: Uint8Array, start: number, end: number, finders: Finders): number {
  let depth = 0;
  let nodeStart = true;
  for (let index = start; index < end; index += 1) {
    let byte = bytes[index] as number;
    if (FLOW_PLAIN[byte] === 1) {
      // A run of bytes that are never structural (most of the text) is skipped in one tight loop.
      index += 1;
      while (index < end && FLOW_PLAIN[bytes[index] as number] === 1) index += 1;
      nodeStart = false;
      if (index === end) return -1;
      byte = bytes[index] as number;
    }
    if (byte === 0x5b || byte === 0x7b) {
      // Deeply nested collections stay with the parser, whose recursion limit decides about them.
      depth += 1;
      if (depth > MAX_FLOW_DEPTH) return -1;
    } else if (byte === 0x5d || byte === 0x7d) {
      depth -= 1;
      if (depth === 0) return index;
    } else if (nodeStart && (byte === QUOTE || byte === APOSTROPHE)) {
      index = quoteEnd(bytes, index, end, finders);
      if (index < 0) return -1;
    } else if (nodeStart && (byte === 0x26 || byte === 0x2a || byte === 0x21 || byte === 0x3f || byte === 0x7c || byte === 0x3e || byte === 0x25 || byte === 0x40 || byte === 0x60)) {
      return -1;
    } else if (byte === HASH && bytes[index - 1] === SPACE) {
      return -1;
    }
    if (byte !== SPACE) nodeStart = byte === 0x5b || byte === 0x7b || byte === 0x2c || byte === COLON;
  }
  return -1;
}

/** The index of the quote closing the quoted scalar at `start`, or -1 when it does not close on the line. */
function quoteEnd(bytes: Uint8Array, start: number, end: number, finders: Finders): number {
  if (bytes[start] === QUOTE) {
    // A backslash escapes the byte after it.
    let from = start + 1;
    for (;;) {
      const close = finders.quote.find(from);
      const escape = finders.backslash.find(from);
      if (escape < close && escape < end) from = escape + 2;
      else return close < end ? close : -1;
    }
  }
  // In single quotes, two quotes stand for one.
  let from = start + 1;
  for (;;) {
    const close = finders.apostrophe.find(from);
    if (close >= end) return -1;
    if (bytes[close + 1] !== APOSTROPHE || close + 1 >= end) return close;
    from = close + 2;
  }
}

/** The lists of mappings among the content lines under `spec` (which end before line `to`); undefined when they are not one block mapping. */
function specLists(bytes: Uint8Array, shapes: readonly LineShape[], to: number): OutlineList[] | undefined {
  const first = shapes[0];
  if (first === undefined) return [];
  const keys: Array<{ key: string; line: number; nested: boolean }> = [];
  for (const shape of shapes) {
    if (shape.indent > first.indent) continue;
    const key = keyName(bytes, shape);
    if (shape.indent < first.indent || shape.dashes > 0 || key === undefined || keys.some((entry) => entry.key === key)) return undefined;
    keys.push({ key, line: shape.line, nested: shape.nested });
  }
  const lists: OutlineList[] = [];
  for (const [index, key] of keys.entries()) {
    const end = keys[index + 1]?.line ?? to;
    if (!key.nested || key.key === "batches") continue;
    const entries = listEntries(
      shapes.filter((shape) => shape.line > key.line && shape.line < end),
      end,
    );
    if (entries === undefined) return undefined;
    if (entries.length > 0) lists.push({ key: key.key, entries });
  }
  return lists;
}

/** The entries of the block sequence of `shapes` (ending before line `end`) when each is a mapping; [] when it is something else; undefined when malformed. */
function listEntries(shapes: readonly LineShape[], end: number): OutlineEntry[] | undefined {
  const head = shapes[0];
  if (head === undefined || head.dashes === 0) return [];
  const entries: OutlineEntry[] = [];
  let mappings = true;
  for (const shape of shapes) {
    if (shape.indent > head.indent) continue;
    if (shape.indent < head.indent || shape.dashes === 0) return undefined;
    if (shape.keyStart < 0 || shape.dashes !== 1) mappings = false;
    const previous = entries[entries.length - 1];
    if (previous !== undefined) previous.end = shape.line;
    entries.push({ start: shape.line, end, column: shape.keyColumn });
  }
  return mappings ? entries : [];
}

/**
 * The bytes of an entry's lines, without the final line break.
 *
 * @example
 * new TextDecoder().decode(entryBytes(outline, outline.lists[0].entries[0])); // "    - id: a"
 */
export function entryBytes(outline: Outline, entry: OutlineEntry): Uint8Array {
  return outline.bytes.subarray(outline.lineStarts[entry.start] as number, (outline.lineStarts[entry.end] as number) - 1);
}

/**
 * The fields of an entry that lists are keyed by (`fields`), read from its lines without a parse: an object
 * with each such field the entry has, or undefined when one is not a plain word (or appears twice), so
 * that the entry must be parsed.
 *
 * @example
 * entryKeys(outline, outline.lists[0].entries[0], ["id", "ref"]); // { id: "a" }
 */
export function entryKeys(outline: Outline, entry: OutlineEntry, fields: readonly string[]): Record<string, string> | undefined {
  const { bytes, lineStarts } = outline;
  const keys: Record<string, string> = {};
  for (let line = entry.start; line < entry.end; line += 1) {
    const start = lineStarts[line] as number;
    const end = Math.min((lineStarts[line + 1] as number) - 1, bytes.length);
    let position = start;
    while (position < end && bytes[position] === SPACE) position += 1;
    if (line === entry.start) position = start + entry.column;
    if (position - start !== entry.column || position === end || bytes[position] === HASH) continue;
    if (!isKeyStart(bytes[position] as number)) return undefined;
    let keyEnd = position + 1;
    while (keyEnd < end && isKeyByte(bytes[keyEnd] as number)) keyEnd += 1;
    if (bytes[keyEnd] !== COLON) return undefined;
    // Most keys are none of the fields: tell them by length and first byte before making a string.
    const first = bytes[position];
    if (!fields.some((field) => field.length === keyEnd - position && field.charCodeAt(0) === first)) continue;
    const name = latin1(bytes.subarray(position, keyEnd));
    if (!fields.includes(name)) continue;
    if (Object.prototype.hasOwnProperty.call(keys, name)) return undefined;
    let valueEnd = end;
    for (let index = keyEnd + 1; index < end; index += 1) {
      if (bytes[index] === HASH && bytes[index - 1] === SPACE) {
        valueEnd = index;
        break;
      }
    }
    const word = latin1(bytes.subarray(keyEnd + 1, valueEnd)).trim();
    if (!PLAIN_WORD_PATTERN.test(word) || NOT_STRINGS.has(word)) return undefined;
    keys[name] = word;
  }
  return keys;
}

/** A text made of some of a file's lines: the text, and for each run of kept lines its first line in the text and in the file (0-based). */
export interface MaskedText {
  /** The kept lines. */
  text: string;
  /** Where each run of kept lines starts: `[line in text, line in file]`, in order. */
  runs: Array<[number, number]>;
}

/**
 * The file's text without the lines of the given entries: in the subset the rest reads as before, with
 * those entries left out of their lists; `runs` maps its lines back to the file's.
 *
 * @example
 * maskedText(outline, new Set(outline.lists[0].entries)).text; // "kind: Checklist\nspec:\n  matters:\n"
 */
export function maskedText(outline: Outline, left: ReadonlySet<OutlineEntry>): MaskedText {
  return maskedLines(
    outline,
    [...left].sort((a, b) => a.start - b.start).map((entry): [number, number] => [entry.start, entry.end]),
  );
}

/**
 * The file's text without the given line ranges (`[first, end)`, 0-based, in order, not overlapping); `runs`
 * maps its lines back to the file's.
 *
 * @example
 * maskedLines(outline, [[3, 4]]).text; // the file without its fourth line
 */
export function maskedLines(outline: Outline, ranges: ReadonlyArray<readonly [number, number]>): MaskedText {
  const { bytes, lineStarts } = outline;
  const parts: Uint8Array[] = [];
  const runs: Array<[number, number]> = [];
  let fromLine = 0;
  let textLine = 0;
  const keep = (until: number) => {
    if (until <= fromLine) return;
    runs.push([textLine, fromLine]);
    parts.push(bytes.subarray(lineStarts[fromLine] as number, Math.min(lineStarts[until] as number, bytes.length)));
    textLine += until - fromLine;
  };
  for (const [start, end] of ranges) {
    keep(start);
    fromLine = end;
  }
  keep(lineStarts.length - 1);
  return { text: Buffer.concat(parts).toString("utf8"), runs };
}

/**
 * The line ranges (`[first, end)`, in order) that leave, of the lists under `spec`, only the entries of the
 * list `key`, each cut down to its first key and its keys among `fields` (a key with the lines below it);
 * undefined when an entry has a line that is not a key of the entry's mapping, a line below one, or an
 * indentless sequence under a key with a value (so that the file is parsed whole).
 *
 * @example
 * const ranges = fieldRanges(outline, "departments", ["id", "name"]);
 * maskedLines(outline, ranges ?? []).text; // each department with only its id and name
 */
export function fieldRanges(outline: Outline, key: string, fields: readonly string[]): Array<[number, number]> | undefined {
  const ranges: Array<[number, number]> = [];
  const drop = (start: number, end: number) => {
    const previous = ranges[ranges.length - 1];
    if (previous !== undefined && previous[1] === start) previous[1] = end;
    else if (end > start) ranges.push([start, end]);
  };
  const entries = outline.lists.flatMap((list) => list.entries.map((entry) => ({ entry, named: list.key === key }))).sort((a, b) => a.entry.start - b.entry.start);
  for (const { entry, named } of entries) {
    if (!named) {
      drop(entry.start, entry.end);
      continue;
    }
    const pairs = entryPairs(outline, entry);
    if (pairs === undefined) return undefined;
    for (const [index, pair] of pairs.entries()) if (index > 0 && !fields.includes(pair.key)) drop(pair.start, pair.end);
  }
  return ranges;
}

/** The keys of an entry's mapping with their lines (`[start, end)`, the lines below a key included), or undefined (see {@link fieldRanges}). */
function entryPairs(outline: Outline, entry: OutlineEntry): Array<{ key: string; start: number; end: number }> | undefined {
  const { bytes, lineStarts } = outline;
  const pairs: Array<{ key: string; start: number; end: number; nested: boolean }> = [];
  for (let line = entry.start; line < entry.end; line += 1) {
    const start = lineStarts[line] as number;
    const end = Math.min((lineStarts[line + 1] as number) - 1, bytes.length);
    let position = line === entry.start ? start + entry.column : start;
    while (position < end && bytes[position] === SPACE) position += 1;
    // Blank lines, comments and lines below a key belong to that key.
    if (line > entry.start && (position === end || bytes[position] === HASH || position - start > entry.column)) continue;
    if (position - start !== entry.column) return undefined;
    const current = pairs[pairs.length - 1];
    if (bytes[position] === DASH) {
      // An indentless sequence: the value of a key whose value is on the next lines.
      if (current === undefined || !current.nested) return undefined;
      continue;
    }
    if (!isKeyStart(bytes[position] as number)) return undefined;
    let keyEnd = position + 1;
    while (keyEnd < end && isKeyByte(bytes[keyEnd] as number)) keyEnd += 1;
    if (bytes[keyEnd] !== COLON || (keyEnd + 1 < end && bytes[keyEnd + 1] !== SPACE)) return undefined;
    let after = keyEnd + 1;
    while (after < end && bytes[after] === SPACE) after += 1;
    if (current !== undefined) current.end = line;
    pairs.push({ key: latin1(bytes.subarray(position, keyEnd)), start: line, end: entry.end, nested: after === end || bytes[after] === HASH });
  }
  return pairs;
}
