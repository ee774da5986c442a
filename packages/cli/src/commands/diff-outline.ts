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
  lineStarts: number[];
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

/** The line starts of `bytes`, with the length plus one appended. */
function lineStartsOf(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let index = bytes.indexOf(NEWLINE); index >= 0; index = bytes.indexOf(NEWLINE, index + 1)) starts.push(index + 1);
  starts.push(bytes.length + 1);
  return starts;
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
function scanLines(bytes: Uint8Array, lineStarts: readonly number[]): LineShape[] | undefined {
  const shapes: LineShape[] = [];
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
      const kind = valueKind(bytes, position, end);
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

/** What the value at `start` is: a block scalar header, or a scalar or flow collection complete on its line; undefined outside the subset. */
function valueKind(bytes: Uint8Array, start: number, end: number): "block" | "line" | undefined {
  const first = bytes[start] as number;
  if (first === 0x7c || first === 0x3e) return blockHeader(bytes, start + 1, end) ? "block" : undefined;
  if (first === 0x5b || first === 0x7b) return restIsComment(bytes, flowEnd(bytes, start, end), end) ? "line" : undefined;
  if (first === QUOTE || first === APOSTROPHE) return restIsComment(bytes, quoteEnd(bytes, start, end), end) ? "line" : undefined;
  if (INDICATORS.has(first) || (first === DASH && (start + 1 === end || bytes[start + 1] === SPACE))) return undefined;
  for (let index = start + 1; index < end; index += 1) {
    const byte = bytes[index];
    if (byte === HASH && bytes[index - 1] === SPACE) return "line";
    // `: ` (or a final colon) would make the line a mapping of its own.
    if (byte === COLON && (index + 1 === end || bytes[index + 1] === SPACE)) return undefined;
  }
  return "line";
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

/** The index of the bracket closing the flow collection at `start`, or -1 (also for an anchor, alias, tag or `?` at a node start). */
function flowEnd(bytes: Uint8Array, start: number, end: number): number {
  let depth = 0;
  let nodeStart = true;
  for (let index = start; index < end; index += 1) {
    const byte = bytes[index] as number;
    if (byte === 0x5b || byte === 0x7b) {
      // Deeply nested collections stay with the parser, whose recursion limit decides about them.
      depth += 1;
      if (depth > MAX_FLOW_DEPTH) return -1;
    } else if (byte === 0x5d || byte === 0x7d) {
      depth -= 1;
      if (depth === 0) return index;
    } else if (nodeStart && (byte === QUOTE || byte === APOSTROPHE)) {
      index = quoteEnd(bytes, index, end);
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
function quoteEnd(bytes: Uint8Array, start: number, end: number): number {
  const quote = bytes[start];
  for (let index = start + 1; index < end; index += 1) {
    const byte = bytes[index];
    if (quote === QUOTE && byte === BACKSLASH) index += 1;
    else if (byte === quote) {
      if (quote === APOSTROPHE && bytes[index + 1] === APOSTROPHE) index += 1;
      else return index;
    }
  }
  return -1;
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
  const { bytes, lineStarts } = outline;
  const ranges = [...left].sort((a, b) => a.start - b.start);
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
  for (const entry of ranges) {
    keep(entry.start);
    fromLine = entry.end;
  }
  keep(lineStarts.length - 1);
  return { text: Buffer.concat(parts).toString("utf8"), runs };
}
