import type { SourceRange } from "@onething/schemas";
import type { Colors } from "../ansi.js";
import { clipDisplayLine, DEFAULT_CLIP_WIDTH } from "../text.js";

/** Lines of context shown above and below the offending line. */
const CONTEXT_LINES = 2;

/** How to draw a code frame. */
export interface CodeFrameOptions {
  /** The full source text of the file. */
  source: string;
  /**
   * The source already split by `splitSourceLines`, so that many frames over one file split it once.
   * Default: `source` is split for this frame.
   */
  lines?: readonly string[];
  /** The span to mark; only its first line is shown with a caret. */
  range: SourceRange;
  /** Styles for the gutter, the marker and the caret. */
  colors: Colors;
  /** Spaces in front of every frame line. Default: 0. */
  indent?: number;
  /** The most display columns of source shown per line; longer lines are cut around the caret with "…". Default: 160. */
  width?: number;
}

/**
 * Splits a source text into lines the way code frames number them: any line break ends a line and a
 * leading byte-order mark is dropped.
 */
export function splitSourceLines(source: string): string[] {
  const lines = source.split(/\r\n|\r|\n/u);
  if (lines[0]?.startsWith("\uFEFF")) lines[0] = lines[0].slice(1);
  return lines;
}

/**
 * Draws the offending line with two lines of context on each side, a line-number gutter and a caret line
 * (`^~~~`) under the span; the caret's offset is measured in display columns, so it lands under wide
 * (Chinese) characters correctly, and tabs are expanded. Lines longer than `width` columns are cut to a
 * window around the caret, marked "…". Returns "" when the range is outside the text.
 *
 * @example
 * const range = document.locate("/spec/matters/0/id", "value");
 * if (range) console.log(formatCodeFrame({ source: document.text, range, colors: createColors(false) }));
 * // > 29 |     - id: newborn-birth
 * //      |           ^~~~~~~~~~~~~
 */
export function formatCodeFrame(options: CodeFrameOptions): string {
  const { range, colors } = options;
  const indent = " ".repeat(options.indent ?? 0);
  const width = options.width ?? DEFAULT_CLIP_WIDTH;
  const lines = options.lines ?? splitSourceLines(options.source);
  const lineIndex = range.start.line - 1;
  const line = lines[lineIndex];
  if (line === undefined) return "";
  // A final line break ends the last line; it does not start an empty one worth showing (unless marked).
  const count = lines.length > 1 && lines[lines.length - 1] === "" && range.start.line < lines.length ? lines.length - 1 : lines.length;
  const first = Math.max(0, lineIndex - CONTEXT_LINES);
  const last = Math.min(count - 1, lineIndex + CONTEXT_LINES);
  const gutterWidth = String(last + 1).length;
  const startColumn = Math.max(1, Math.min(range.start.column, line.length + 1));
  const endColumn = range.end.line === range.start.line ? Math.max(startColumn, Math.min(range.end.column, line.length + 1)) : line.length + 1;
  const marked = clipDisplayLine({ line, start: startColumn - 1, end: endColumn - 1, width });
  const out: string[] = [];
  for (let index = first; index <= last; index++) {
    const number = String(index + 1).padStart(gutterWidth);
    if (index === lineIndex) {
      out.push(`${indent}${colors.red(">")} ${colors.gray(`${number} |`)} ${marked.text}`.trimEnd());
      const caret = "^" + "~".repeat(Math.max(0, marked.width - 1));
      out.push(`${indent}  ${colors.gray(`${" ".repeat(gutterWidth)} |`)} ${" ".repeat(marked.offset)}${colors.red(caret)}`);
    } else {
      const text = clipDisplayLine({ line: lines[index] ?? "", start: marked.from, width, before: 0 }).text;
      out.push(`${indent}  ${colors.gray(`${number} |`)} ${text}`.trimEnd());
    }
  }
  return out.join("\n");
}
