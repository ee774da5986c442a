import { textWidth as stringWidth } from "./text-width.js";

/** How many columns a tab advances to: the next multiple of this width. */
export const TAB_WIDTH = 4;

let segmenter: Intl.Segmenter | undefined;

/** The graphemes of `text`; the segmenter is made on first use, since the first one costs a short command about 20 ms. */
function graphemes(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return segmenter.segment(text);
}

// C0 and C1 control characters other than tab: shown as "?" so a source line can never send terminal
// escape sequences or move the cursor.
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/u;

/**
 * Makes one line of source text safe and predictable to print: tabs expanded to the next tab stop
 * (measured in display columns, so wide characters count twice) and control characters replaced by "?".
 *
 * @example
 * toDisplayLine("\t新生儿\u0007出生"); // "    新生儿?出生"
 */
export function toDisplayLine(line: string): string {
  let out = "";
  let width = 0;
  for (const { segment } of graphemes(line)) {
    if (segment === "\t") {
      const spaces = TAB_WIDTH - (width % TAB_WIDTH);
      out += " ".repeat(spaces);
      width += spaces;
    } else if (CONTROL.test(segment)) {
      out += "?";
      width += 1;
    } else {
      out += segment;
      width += stringWidth(segment);
    }
  }
  return out;
}

/**
 * The number of terminal columns a text occupies (East Asian wide characters count as two).
 *
 * @example
 * displayWidth("新生儿出生"); // 10
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/**
 * Pads `text` with spaces on the right to `width` display columns.
 *
 * @example
 * padEndWidth("新生儿", 8); // "新生儿  " (6 columns of text, 2 spaces)
 */
export function padEndWidth(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - stringWidth(text)));
}

/**
 * Pads `text` with spaces on the left to `width` display columns.
 *
 * @example
 * padStartWidth("12", 5); // "   12"
 */
export function padStartWidth(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - stringWidth(text))) + text;
}

/** Replaces control characters (including newlines) in a one-line message by spaces. */
export function toSingleLine(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F]+/gu, " ");
}

/** A window of one source line as printed, with where a marked span lands in it. */
export interface ClippedLine {
  /** The printable text: tabs expanded, control characters as "?", "…" where the line was cut. */
  text: string;
  /** Display columns from the start of `text` to the start of the marked span. */
  offset: number;
  /** Display columns the marked span covers inside the window (0 for an empty span). */
  width: number;
  /** The UTF-16 index in the line where the shown part begins, to clip neighbouring lines alike. */
  from: number;
}

/** How to cut a window out of one source line. */
export interface ClipLineOptions {
  /** The raw source line (no line break). */
  line: string;
  /** UTF-16 index where the marked span starts (clamped to the line). */
  start: number;
  /** UTF-16 index where the marked span ends. Default: `start`. */
  end?: number;
  /** The most display columns to show, not counting the "…" markers. Default: 160. */
  width?: number;
  /**
   * The most display columns to keep in front of the span; when the rest of the line is shorter than the
   * window, the unused room goes to the front as well. Default: a third of `width`. Pass 0 to show the line
   * from `start` on (for context lines clipped like the marked one).
   */
  before?: number;
}

/** The display columns a source line window spans by default. */
export const DEFAULT_CLIP_WIDTH = 160;

const ELLIPSIS = "…";

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function sumWidths(pieces: readonly Piece[]): number {
  return pieces.reduce((sum, piece) => sum + piece.width, 0);
}

interface Piece {
  index: number;
  segment: string;
  width: number;
}

// Tab, printable ASCII, CJK symbols, kana and ideographs (without the combining marks among them) and
// the fullwidth forms: text in which each UTF-16 unit is a grapheme by itself.
const SIMPLE_TEXT = /^[\t\u0020-\u007E\u3000-\u3029\u3030-\u3098\u309B-\u9FFF\uFF01-\uFF60\uFFE0-\uFFE6]*$/u;

// string-width is exact but slow per call; a grapheme's width never changes, so remember it.
const widths = new Map<string, number>();

function graphemeWidth(segment: string): number {
  if (segment.length === 1) {
    const code = segment.charCodeAt(0);
    if (code >= 0x20 && code <= 0x7e) return 1;
  }
  let width = widths.get(segment);
  if (width === undefined) {
    width = stringWidth(segment);
    if (widths.size >= 10_000) widths.clear();
    widths.set(segment, width);
  }
  return width;
}

function piece(index: number, segment: string): Piece {
  return { index, segment, width: segment === "\t" ? TAB_WIDTH : CONTROL.test(segment) ? 1 : graphemeWidth(segment) };
}

/**
 * Cuts a window of about `width` display columns around a span out of a source line and makes it printable
 * (see `toDisplayLine`), marking each cut side with "…". Only a bounded stretch of the line around `start`
 * is ever segmented, so a line of megabytes costs no more than a short one; the span's offset and width are
 * measured in the same text that is returned, so a caret drawn with them lands under the span.
 */
export function clipDisplayLine(options: ClipLineOptions): ClippedLine {
  const { line } = options;
  const width = options.width ?? DEFAULT_CLIP_WIDTH;
  const before = options.before ?? Math.floor(width / 3);
  const start = Math.max(0, Math.min(options.start, line.length));
  const end = Math.max(start, Math.min(options.end ?? start, line.length));
  // Every grapheme is at least one UTF-16 unit wide in the text, so this stretch holds the whole window
  // unless graphemes are long clusters (then less is shown, never more).
  const reach = width * 4;
  let low = Math.max(0, start - reach);
  let high = Math.min(line.length, start + reach);
  if (low > 0 && isLowSurrogate(line.charCodeAt(low))) low += 1;
  if (high < line.length && isLowSurrogate(line.charCodeAt(high))) high -= 1;
  const pieces: Piece[] = [];
  const stretch = line.slice(low, high);
  if (SIMPLE_TEXT.test(stretch)) {
    // Every UTF-16 unit is a grapheme of its own here, so the (slow) segmenter can be skipped.
    for (let index = 0; index < stretch.length; index++) pieces.push(piece(low + index, stretch[index] ?? ""));
  } else {
    for (const { segment, index } of graphemes(stretch)) pieces.push(piece(low + index, segment));
  }
  let first = pieces.findIndex((piece) => piece.index >= start);
  if (first === -1) first = pieces.length;
  const available = sumWidths(pieces.slice(0, first));
  const front = options.before === 0 ? 0 : Math.min(before, available);
  // Take the span and what follows while it fits; room the tail leaves unused goes to the front.
  let room = width - front;
  let last = first;
  while (last < pieces.length && (pieces[last]?.width ?? Infinity) <= room) room -= pieces[last++]?.width ?? 0;
  const tailCut = last < pieces.length || high < line.length;
  let frontRoom = tailCut || options.before === 0 ? front : front + room;
  let head = first;
  while (head > 0 && (pieces[head - 1]?.width ?? Infinity) <= frontRoom) frontRoom -= pieces[--head]?.width ?? 0;
  const headCut = head > 0 || low > 0;
  let text = headCut ? ELLIPSIS : "";
  let column = headCut ? 1 : 0;
  let offset: number | undefined;
  let spanEnd: number | undefined;
  for (let index = head; index < last; index++) {
    const piece = pieces[index];
    if (piece === undefined) break;
    if (offset === undefined && piece.index >= start) offset = column;
    if (spanEnd === undefined && piece.index >= end) spanEnd = column;
    if (piece.segment === "\t") {
      const spaces = TAB_WIDTH - (column % TAB_WIDTH);
      text += " ".repeat(spaces);
      column += spaces;
    } else if (CONTROL.test(piece.segment)) {
      text += "?";
      column += 1;
    } else {
      text += piece.segment;
      column += piece.width;
    }
  }
  offset ??= column;
  spanEnd ??= column;
  if (tailCut) text += ELLIPSIS;
  return { text, offset, width: spanEnd - offset, from: pieces[head]?.index ?? start };
}
