/**
 * The outline of a onething YAML file, for `onething diff`: where the top-level keys and the entries of the
 * lists under `spec` are, by line, so that entries whose bytes are the same in both versions need no parse.
 * A file outside the outline's reach has no outline and is parsed whole.
 *
 * Only the shallow lines are read: those at the top level, the keys directly under `spec`, and the `- ` lines
 * of its lists; every line below an entry's `- ` line belongs to that entry, so most lines are passed over
 * after a few bytes. This is sound because `yaml` reads indentation first: a line indented no deeper than a
 * list's `- ` ends whatever a deeper line began (a quoted or plain scalar, a flow collection, a block scalar),
 * in a document without errors and in the parser's recovery from one alike (the tests pin both). So the value
 * of an entry is a function of its bytes, and leaving out whole entries leaves the rest as it was, except
 * where one node can reach another: an alias, which is why a file with a possible alias has no outline.
 * Nor may a file hold a CR (a line break for YAML, not for this reader) or a BOM; the shallow lines must be
 * plain `key:` lines and `- ` lines at the indentations the structure gives them. An entry that is the same
 * in both versions is not read at all, so a YAML error inside one is not seen by the diff (nor is it a change).
 * The scan works on the UTF-8 bytes (every structural character is ASCII), so unchanged text is never decoded.
 */

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;

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
  /** The lists under `spec` whose entries are all mappings with a key on their `- ` line. */
  lists: OutlineList[];
}

/**
 * A Buffer over the same memory (no copy).
 *
 * @example
 * asBuffer(new Uint8Array([0x61])).toString("latin1"); // "a"
 */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Bytes of ASCII (from `start` to `end`) as a string. */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  return asBuffer(bytes).toString("latin1", start, end);
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

/**
 * The 0-based line of an outline's file that holds a byte offset.
 *
 * @example
 * lineOfOffset(outlineYaml(new TextEncoder().encode("a: 1\nb: 2\n"))!, 5); // 1
 */
export function lineOfOffset(outline: Outline, offset: number): number {
  const { lineStarts } = outline;
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A BOM (U+FEFF) as UTF-8. */
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** `*`, `&` and `!`: an alias, an anchor, a tag. */
const NODE_PROPERTIES = [0x2a, 0x26, 0x21];

/** Bytes after which a `*`, `&` or `!` starts a node (an alias, an anchor, a tag) rather than sitting inside a scalar. */
const NODE_STARTS = new Set([SPACE, NEWLINE, 0x5b, 0x7b, 0x2c, COLON, DASH]);

/**
 * Whether the bytes hold a CR, a BOM, or a `*`, `&` or `!` where an alias, an anchor or a tag could start (at
 * the start of a line or after a space, a bracket, a brace, a comma, a colon or a dash; inside a word, like
 * `5*8`, they cannot). An alias makes one node's value depend on another's, and the parsers give different
 * positions for a node with an anchor or a tag.
 */
function hasForbiddenBytes(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.indexOf(0x0d) >= 0 || buffer.indexOf(BOM) >= 0) return true;
  for (const indicator of NODE_PROPERTIES) {
    for (let at = buffer.indexOf(indicator); at >= 0; at = buffer.indexOf(indicator, at + 1)) {
      if (at === 0 || NODE_STARTS.has(buffer[at - 1] as number)) return true;
    }
  }
  return false;
}

/** Whether `count` bytes from `start` are all spaces. */
function spaces(bytes: Uint8Array, start: number, count: number): boolean {
  for (let index = start; index < start + count; index += 1) if (bytes[index] !== SPACE) return false;
  return true;
}

/** The end of a plain word key at `position` when a colon and a space (or the line's end) follow it; -1 otherwise. */
function keyEndAt(bytes: Uint8Array, position: number, end: number): number {
  if (position >= end || !isKeyStart(bytes[position] as number)) return -1;
  let after = position + 1;
  while (after < end && isKeyByte(bytes[after] as number)) after += 1;
  return bytes[after] === COLON && (after + 1 === end || bytes[after + 1] === SPACE) ? after : -1;
}

/** Whether nothing but spaces and a comment follows `position` on its line (the key's value is on the next lines). */
function nothingAfter(bytes: Uint8Array, position: number, end: number): boolean {
  let at = position;
  while (at < end && bytes[at] === SPACE) at += 1;
  return at === end || (bytes[at] === HASH && bytes[at - 1] === SPACE);
}

/**
 * The outline of a file's UTF-8 bytes, or undefined when the file is out of its reach (see the module's
 * comment; also a top-level key, or a key directly under `spec`, given twice).
 *
 * @example
 * outlineYaml(new TextEncoder().encode("kind: Checklist\nspec:\n  matters:\n    - id: a\n    - id: b\n"))?.lists;
 * // [{ key: "matters", entries: [{ start: 3, end: 4, column: 6 }, { start: 4, end: 5, column: 6 }] }]
 */
export function outlineYaml(bytes: Uint8Array): Outline | undefined {
  if (hasForbiddenBytes(bytes)) return undefined;
  const lineStarts = lineStartsOf(bytes);
  const lines = lineStarts.length - 1;
  const topKeys = new Set<string>();
  const specKeys = new Set<string>();
  const lists: OutlineList[] = [];
  /** Where the scan is: in the value of a top-level key other than `spec`, under `spec`, or in one of its lists. */
  let inSpec = false;
  /** The indentation of the keys under `spec` (-1 until its first line). */
  let specIndent = -1;
  /** The key under `spec` whose value starts on the next line (a list when that line is a `- `). */
  let pending: string | undefined;
  /** The list being read, its `- ` indentation, and whether every entry so far is a mapping with a key on its `- ` line. */
  let list: OutlineList | undefined;
  let dashIndent = -1;
  let mappings = true;
  /** Lines indented at least this deep belong to the node above them and are passed over. */
  let deep = Number.POSITIVE_INFINITY;
  const closeList = (line: number) => {
    if (list === undefined) return;
    const last = list.entries[list.entries.length - 1];
    if (last !== undefined) last.end = line;
    if (mappings && list.key !== "batches") lists.push(list);
    list = undefined;
    dashIndent = -1;
  };
  for (let line = 0; line < lines; line += 1) {
    const start = lineStarts[line] as number;
    const end = Math.min((lineStarts[line + 1] as number) - 1, bytes.length);
    // Most lines: below an entry's `- ` line (or below another shallow line), told by their first bytes alone.
    if (start + deep < end && bytes[start + deep - 1] === SPACE && spaces(bytes, start, deep)) continue;
    let position = start;
    while (position < end && bytes[position] === SPACE) position += 1;
    if (position === end || bytes[position] === HASH) continue;
    const indent = position - start;
    if (indent >= deep) continue;
    // Below an entry's `- ` but above its keys: a YAML error whose recovery the parser alone decides.
    if (list !== undefined && indent > dashIndent) return undefined;
    if (indent === 0) {
      // A top-level key (a `- `, a quoted or complex key, a document marker or a directive is out of reach).
      closeList(line);
      const keyEnd = keyEndAt(bytes, position, end);
      if (keyEnd < 0) return undefined;
      const key = latin1(bytes, position, keyEnd);
      if (topKeys.has(key)) return undefined;
      topKeys.add(key);
      inSpec = key === "spec" && nothingAfter(bytes, keyEnd + 1, end);
      specIndent = -1;
      pending = undefined;
      deep = inSpec ? Number.POSITIVE_INFINITY : 1;
      continue;
    }
    if (!inSpec) return undefined;
    if (specIndent < 0) specIndent = indent;
    if (list !== undefined && indent === dashIndent && bytes[position] === DASH && (position + 1 === end || bytes[position + 1] === SPACE)) {
      // The next entry of the list.
      const previous = list.entries[list.entries.length - 1] as OutlineEntry;
      previous.end = line;
      let key = position + 1;
      while (key < end && bytes[key] === SPACE) key += 1;
      if (keyEndAt(bytes, key, end) < 0) mappings = false;
      list.entries.push({ start: line, end: lines, column: key - start });
      deep = key - start;
      continue;
    }
    if (pending !== undefined && indent >= specIndent && bytes[position] === DASH && (position + 1 === end || bytes[position + 1] === SPACE)) {
      // The first entry: the value of the pending key is a block sequence, whose `- ` lines are at this indentation.
      let key = position + 1;
      while (key < end && bytes[key] === SPACE) key += 1;
      mappings = keyEndAt(bytes, key, end) >= 0;
      list = { key: pending, entries: [{ start: line, end: lines, column: key - start }] };
      dashIndent = indent;
      pending = undefined;
      deep = key - start;
      continue;
    }
    if (pending !== undefined && indent > specIndent) {
      // The pending key's value is something else (a mapping, a scalar): everything below the key is its.
      pending = undefined;
      deep = specIndent + 1;
      continue;
    }
    if (indent !== specIndent) return undefined;
    // A key directly under `spec`.
    closeList(line);
    pending = undefined;
    const keyEnd = keyEndAt(bytes, position, end);
    if (keyEnd < 0) return undefined;
    const key = latin1(bytes, position, keyEnd);
    if (specKeys.has(key)) return undefined;
    specKeys.add(key);
    if (nothingAfter(bytes, keyEnd + 1, end)) {
      pending = key;
      deep = Number.POSITIVE_INFINITY;
    } else {
      deep = specIndent + 1;
    }
  }
  closeList(lines);
  return { bytes, lineStarts, lists };
}

/**
 * The bytes of an entry's lines, without the final line break (see {@link entryText} for the text with it).
 *
 * @example
 * new TextDecoder().decode(entryBytes(outline, outline.lists[0].entries[0])); // "    - id: a"
 */
export function entryBytes(outline: Outline, entry: OutlineEntry): Uint8Array {
  return outline.bytes.subarray(outline.lineStarts[entry.start] as number, (outline.lineStarts[entry.end] as number) - 1);
}

/**
 * The text of an entry's lines with the line break after them, when the file has one: what a parser of the
 * entry alone needs to give the positions the file's parser gives (a block scalar at the end of an entry
 * ends after its line break).
 *
 * @example
 * entryText(outline, outline.lists[0].entries[0]); // "    - id: a\n"
 */
export function entryText(outline: Outline, entry: OutlineEntry): string {
  const { bytes, lineStarts } = outline;
  const start = lineStarts[entry.start] as number;
  const end = Math.min(lineStarts[entry.end] as number, bytes.length);
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("utf8");
}

/** The field among `fields` whose name is the bytes from `start` to `end`, or undefined (no string is made). */
function fieldAt(bytes: Uint8Array, start: number, end: number, fields: readonly string[]): string | undefined {
  for (const field of fields) {
    if (field.length !== end - start) continue;
    let index = 0;
    while (index < field.length && field.charCodeAt(index) === bytes[start + index]) index += 1;
    if (index === field.length) return field;
  }
  return undefined;
}

/** Whether a byte is whitespace that `String.prototype.trim` removes (tab, vertical tab, form feed, space; a file holds no CR). */
function isTrimmed(byte: number): boolean {
  return byte === SPACE || byte === 0x09 || byte === 0x0b || byte === 0x0c;
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
  const { column } = entry;
  // Whether the last key at the column was one of the fields: a line below it that is not blank may continue
  // its value (a plain scalar goes on over deeper lines), so the word read from its line is not the value.
  let fieldAbove = false;
  // Whether the last key at the column had no value on its line and nothing but an indentless sequence (`- `
  // lines at the column) has come below it yet: only then may a `- ` line at the column follow.
  let valueBelow = false;
  // Whether that sequence has begun (deeper lines then belong to its items).
  let sequence = false;
  for (let line = entry.start; line < entry.end; line += 1) {
    const start = lineStarts[line] as number;
    // A space at the keys' column: the line is indented deeper or shallower than the keys, so it holds none.
    if (line !== entry.start && bytes[start + column] === SPACE) {
      const lineEnd = Math.min((lineStarts[line + 1] as number) - 1, bytes.length);
      let first = start;
      while (first < lineEnd && bytes[first] === SPACE) first += 1;
      const content = first < lineEnd && bytes[first] !== HASH;
      if (fieldAbove && first < lineEnd) return undefined;
      // A deeper node under the key: its value is that node, so a `- ` line at the column would be an error.
      if (content && !sequence) valueBelow = false;
      continue;
    }
    const end = Math.min((lineStarts[line + 1] as number) - 1, bytes.length);
    let position = start;
    while (position < end && bytes[position] === SPACE) position += 1;
    if (line === entry.start) position = start + column;
    if (position - start !== entry.column || position === end || bytes[position] === HASH) continue;
    // An indentless sequence: the value of the key above, whose value is on the next lines.
    if (bytes[position] === DASH && bytes[position + 1] === SPACE && valueBelow) {
      sequence = true;
      continue;
    }
    if (!isKeyStart(bytes[position] as number)) return undefined;
    let keyEnd = position + 1;
    while (keyEnd < end && isKeyByte(bytes[keyEnd] as number)) keyEnd += 1;
    if (bytes[keyEnd] !== COLON) return undefined;
    fieldAbove = false;
    valueBelow = nothingAfter(bytes, keyEnd + 1, end);
    sequence = false;
    // Most keys are none of the fields: told by their bytes, without a string.
    const name = fieldAt(bytes, position, keyEnd, fields);
    if (name === undefined) continue;
    if (Object.prototype.hasOwnProperty.call(keys, name)) return undefined;
    let valueEnd = end;
    for (let index = keyEnd + 1; index < end; index += 1) {
      if (bytes[index] === HASH && bytes[index - 1] === SPACE) {
        valueEnd = index;
        break;
      }
    }
    let valueStart = keyEnd + 1;
    while (valueStart < valueEnd && isTrimmed(bytes[valueStart] as number)) valueStart += 1;
    while (valueEnd > valueStart && isTrimmed(bytes[valueEnd - 1] as number)) valueEnd -= 1;
    const word = latin1(bytes, valueStart, valueEnd);
    if (!PLAIN_WORD_PATTERN.test(word) || NOT_STRINGS.has(word)) return undefined;
    keys[name] = word;
    fieldAbove = true;
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
export function maskedText(outline: Outline, left: { has(entry: OutlineEntry): boolean }): MaskedText {
  return maskedLines(outline, entryRanges(outline.lists, left));
}

/**
 * The line ranges (`[first, end)`, in order, adjacent ones joined) of the entries of an outline's lists that
 * `left` has: the lists and their entries are in the order of the file's lines, so no sort is needed.
 *
 * @example
 * maskedLines(outline, entryRanges(outline.lists, new Set(outline.lists[0].entries))).text; // the file without the first list's entries
 */
export function entryRanges(lists: readonly OutlineList[], left: { has(entry: OutlineEntry): boolean }): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const list of lists) {
    for (const entry of list.entries) {
      if (!left.has(entry)) continue;
      const previous = ranges[ranges.length - 1];
      if (previous !== undefined && previous[1] === entry.start) previous[1] = entry.end;
      else ranges.push([entry.start, entry.end]);
    }
  }
  return ranges;
}

/** Memory the parts of a masked text are copied into before they are decoded, reused by every call (see {@link maskedLines}). */
let scratch = new Uint8Array(0);

/**
 * The file's text without the given line ranges (`[first, end)`, 0-based, in order, not overlapping); `runs`
 * maps its lines back to the file's. The kept parts are copied into memory reused from call to call and
 * decoded once from there (a new buffer per text would be memory touched for the first time, which is slow).
 *
 * @example
 * maskedLines(outline, [[3, 4]]).text; // the file without its fourth line
 */
export function maskedLines(outline: Outline, ranges: ReadonlyArray<readonly [number, number]>): MaskedText {
  const { bytes, lineStarts } = outline;
  const runs: Array<[number, number]> = [];
  const parts: number[] = [];
  let fromLine = 0;
  let textLine = 0;
  let length = 0;
  const keep = (until: number) => {
    if (until <= fromLine) return;
    runs.push([textLine, fromLine]);
    const start = lineStarts[fromLine] as number;
    const end = Math.min(lineStarts[until] as number, bytes.length);
    parts.push(start, end);
    length += end - start;
    textLine += until - fromLine;
  };
  for (const [start, end] of ranges) {
    keep(start);
    fromLine = end;
  }
  keep(lineStarts.length - 1);
  if (parts.length <= 2) return { text: asBuffer(bytes).toString("utf8", parts[0] ?? 0, parts[1] ?? 0), runs };
  if (scratch.length < length) scratch = new Uint8Array(Math.max(length, scratch.length * 2));
  let at = 0;
  for (let index = 0; index < parts.length; index += 2) {
    const start = parts[index] as number;
    const end = parts[index + 1] as number;
    scratch.set(bytes.subarray(start, end), at);
    at += end - start;
  }
  return { text: asBuffer(scratch).toString("utf8", 0, length), runs };
}

/**
 * Where each of the `lines` lines of a masked text starts, in UTF-16 units, with one more after the last (the
 * text's length plus one, as in {@link Outline.lineStarts}): for {@link maskedSlice} and {@link maskedFurther}.
 * The count is the file's lines less those left out (its last line, empty after a final line break, counts
 * when kept: the text alone cannot tell).
 *
 * @example
 * maskedLineStarts({ text: "a\nb", runs: [[0, 0]] }, 2); // Int32Array [0, 2, 4]
 */
export function maskedLineStarts(masked: MaskedText, lines: number): Int32Array {
  const { text } = masked;
  const starts = new Int32Array(lines + 1);
  let line = 1;
  for (let at = text.indexOf("\n"); at >= 0 && line < lines; at = text.indexOf("\n", at + 1)) {
    starts[line] = at + 1;
    line += 1;
  }
  starts[lines] = text.length + 1;
  return starts;
}

/** The line of a masked text that holds a kept line of the file (`fileLine`), found in `runs`. */
function textLineOf(masked: MaskedText, fileLine: number): number {
  const { runs } = masked;
  let low = 0;
  let high = runs.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((runs[middle] as [number, number])[1] <= fileLine) low = middle;
    else high = middle - 1;
  }
  const run = runs[low] as [number, number];
  return run[0] + fileLine - run[1];
}

/**
 * The text of the file's lines `start` to `end` (exclusive), all kept in the masked text, cut from it (a slice
 * shares the masked text's memory): what {@link entryText} gives of an entry kept in it, line break included.
 *
 * @example
 * maskedSlice(masked, maskedLineStarts(masked, lines), entry.start, entry.end); // entryText(outline, entry)
 */
export function maskedSlice(masked: MaskedText, starts: Int32Array, start: number, end: number): string {
  const line = textLineOf(masked, start);
  return masked.text.slice(starts[line], starts[line + end - start]);
}

/**
 * A masked text without more of the file's lines (`ranges`, `[first, end)`, in order, not overlapping, each
 * within lines the masked text kept), cut from its text: what {@link maskedLines} gives with both sets of
 * ranges, without the file's bytes.
 *
 * @example
 * maskedFurther(masked, maskedLineStarts(masked, lines), [[3, 4]]).text; // the masked text without the file's fourth line
 */
export function maskedFurther(masked: MaskedText, starts: Int32Array, ranges: ReadonlyArray<readonly [number, number]>): MaskedText {
  const pieces: string[] = [];
  const runs: Array<[number, number]> = [];
  let textLine = 0;
  const total = starts.length - 1;
  // The kept lines of the masked text, run by run, each less the ranges that fall in it.
  let next = 0;
  for (let index = 0; index < masked.runs.length; index += 1) {
    const [runText, runFile] = masked.runs[index] as [number, number];
    const runEnd = runFile + ((masked.runs[index + 1]?.[0] ?? total) - runText);
    let fromLine = runFile;
    const keep = (until: number) => {
      if (until <= fromLine) return;
      const previous = runs[runs.length - 1];
      if (previous === undefined || previous[1] + (textLine - previous[0]) !== fromLine) runs.push([textLine, fromLine]);
      const first = runText + fromLine - runFile;
      pieces.push(masked.text.slice(starts[first], starts[first + until - fromLine]));
      textLine += until - fromLine;
    };
    while (next < ranges.length && (ranges[next] as readonly [number, number])[0] < runEnd) {
      const [start, end] = ranges[next] as readonly [number, number];
      keep(start);
      fromLine = end;
      next += 1;
    }
    keep(runEnd);
  }
  return { text: pieces.join(""), runs };
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
    pairs.push({ key: latin1(bytes, position, keyEnd), start: line, end: entry.end, nested: after === end || bytes[after] === HASH });
  }
  return pairs;
}
