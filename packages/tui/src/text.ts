import stringWidth from "string-width";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The grapheme clusters of a text, so that 𠮷 or an emoji with modifiers is one unit.
 *
 * @example
 * graphemes("𠮷👍🏽a"); // ["𠮷", "👍🏽", "a"]
 */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (entry) => entry.segment);
}

// Widths of single UTF-16 code units that always form a grapheme of their own (see `simpleWidth`), found on
// first use: 0 unknown, 1 + width (0, 1 or 2) for such a code unit, 4 for any other.
const COMPLEX = 4;
const unitWidths = new Uint8Array(0x10000);
// A code unit that may join its neighbours into one grapheme: anything but a visible base character (marks,
// format and control characters, surrogates, variation selectors), Hangul jamo and syllables (which compose),
// and the scripts from Arabic to Mongolian, whose prepended letters and spacing vowels join the next or the
// previous letter.
const JOINS = /[^\p{Grapheme_Base}]|\p{Grapheme_Extend}|\p{M}|[\u0600-\u1FFF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7FF\uFF9E\uFF9F]/u;

/** The columns of a code unit that is a grapheme on its own, whatever surrounds it; `COMPLEX` otherwise. */
function simpleWidth(code: number): number {
  let entry = unitWidths[code] ?? 0;
  if (entry === 0) {
    const character = String.fromCharCode(code);
    entry = JOINS.test(character) ? COMPLEX : 1 + stringWidth(character);
    unitWidths[code] = entry;
  }
  return entry === COMPLEX ? COMPLEX : entry - 1;
}

/**
 * The number of terminal columns a text occupies (East Asian wide characters count as two).
 *
 * @example
 * widthOf("新生儿出生"); // 10
 */
export function widthOf(text: string): number {
  // Text made of code units that are graphemes on their own (ASCII, CJK, box drawing, most punctuation) is
  // the sum of their widths; anything else (marks, emoji sequences, surrogate pairs) goes to string-width.
  let width = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0x20 && code < 0x7f) {
      width += 1;
      continue;
    }
    const cells = simpleWidth(code);
    if (cells === COMPLEX) return stringWidth(text);
    width += cells;
  }
  return width;
}

/**
 * Cuts `text` to at most `width` columns, never splitting a grapheme; when something is cut, the last
 * column shows `…`. Returns the text unchanged when it fits.
 *
 * @example
 * truncateWidth("新生儿出生一件事", 9); // "新生儿出…"
 */
export function truncateWidth(text: string, width: number): string {
  return cut(text, width).text;
}

/** `text` cut to `width` columns (see truncateWidth), with the columns it occupies. */
function cut(text: string, width: number): { text: string; width: number } {
  if (width <= 0) return { text: "", width: 0 };
  // One pass over simple code units: where the text would have to end to leave a column for `…`.
  let used = 0;
  let end = -1;
  let endWidth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const cells = code >= 0x20 && code < 0x7f ? 1 : simpleWidth(code);
    if (cells === COMPLEX) return cutGraphemes(text, width);
    if (end < 0 && used + cells > width - 1) {
      end = index;
      endWidth = used;
    }
    used += cells;
    if (used > width) return { text: `${text.slice(0, end)}…`, width: endWidth + 1 };
  }
  return { text, width: used };
}

function cutGraphemes(text: string, width: number): { text: string; width: number } {
  const whole = stringWidth(text);
  if (whole <= width) return { text, width: whole };
  let out = "";
  let used = 0;
  for (const segment of graphemes(text)) {
    const cells = stringWidth(segment);
    if (used + cells > width - 1) break;
    out += segment;
    used += cells;
  }
  const shown = `${out}…`;
  return { text: shown, width: stringWidth(shown) };
}

/**
 * Truncates and pads `text` on the right to exactly `width` columns.
 *
 * @example
 * fitWidth("新生儿", 8); // "新生儿  " (6 columns of text, 2 spaces)
 */
export function fitWidth(text: string, width: number): string {
  const fitted = cut(text, width);
  return fitted.width >= width ? fitted.text : fitted.text + " ".repeat(width - fitted.width);
}

/** A one-line text being edited: the text and the cursor as a UTF-16 offset that is always on a grapheme boundary. */
export interface TextBuffer {
  /** The text. */
  text: string;
  /** The cursor, a UTF-16 offset at a grapheme boundary (0 … text.length). */
  cursor: number;
}

/**
 * A buffer holding `text` with the cursor at its end.
 *
 * @example
 * bufferOf("新生儿"); // { text: "新生儿", cursor: 3 }
 */
export function bufferOf(text: string): TextBuffer {
  return { text, cursor: text.length };
}

function boundaries(text: string): number[] {
  const result = [0];
  let offset = 0;
  for (const segment of graphemes(text)) {
    offset += segment.length;
    result.push(offset);
  }
  return result;
}

// Control characters (C0, DEL, C1) never enter a field: a pasted newline or escape would corrupt the YAML.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/gu;

/**
 * Inserts `input` at the cursor, after removing control characters.
 *
 * @example
 * insertText(bufferOf("新生儿"), "出生\n"); // { text: "新生儿出生", cursor: 5 }: the newline is dropped
 */
export function insertText(buffer: TextBuffer, input: string): TextBuffer {
  const clean = input.replace(CONTROL, "");
  if (clean === "") return buffer;
  return { text: buffer.text.slice(0, buffer.cursor) + clean + buffer.text.slice(buffer.cursor), cursor: buffer.cursor + clean.length };
}

/**
 * Deletes `count` graphemes before the cursor (Backspace).
 *
 * @example
 * deleteLeft(bufferOf("新生儿")); // { text: "新生", cursor: 2 }
 */
export function deleteLeft(buffer: TextBuffer, count = 1): TextBuffer {
  const marks = boundaries(buffer.text);
  const index = marks.indexOf(buffer.cursor);
  const start = marks[Math.max(0, index - count)] ?? 0;
  return { text: buffer.text.slice(0, start) + buffer.text.slice(buffer.cursor), cursor: start };
}

/**
 * Deletes the grapheme after the cursor (Delete).
 *
 * @example
 * deleteRight(moveCursor(bufferOf("新生儿"), -1)); // { text: "新生", cursor: 2 }
 */
export function deleteRight(buffer: TextBuffer): TextBuffer {
  const marks = boundaries(buffer.text);
  const index = marks.indexOf(buffer.cursor);
  const end = marks[Math.min(marks.length - 1, index + 1)] ?? buffer.text.length;
  return { text: buffer.text.slice(0, buffer.cursor) + buffer.text.slice(end), cursor: buffer.cursor };
}

/**
 * Moves the cursor by `delta` graphemes (negative: left), stopping at either end.
 *
 * @example
 * moveCursor(bufferOf("新生儿"), -2); // { text: "新生儿", cursor: 1 }
 */
export function moveCursor(buffer: TextBuffer, delta: number): TextBuffer {
  const marks = boundaries(buffer.text);
  const index = marks.indexOf(buffer.cursor);
  const next = marks[Math.max(0, Math.min(marks.length - 1, index + delta))] ?? 0;
  return { text: buffer.text, cursor: next };
}

/** Moves the cursor to the start (`"start"`) or the end (`"end"`) of the text. */
export function moveCursorTo(buffer: TextBuffer, where: "start" | "end"): TextBuffer {
  return { text: buffer.text, cursor: where === "start" ? 0 : buffer.text.length };
}

/**
 * Whether a string is well-formed UTF-16 (no lone surrogate), so it can be saved as UTF-8.
 *
 * @example
 * isWellFormed("新生儿"); // true
 * isWellFormed("\uD800"); // false: a lone surrogate
 */
export function isWellFormed(text: string): boolean {
  // In a `u` regular expression a surrogate pair is one code point, so only a lone surrogate is in Cs.
  return !/\p{Cs}/u.test(text);
}
