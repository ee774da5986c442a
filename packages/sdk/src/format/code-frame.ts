import type { SourceRange } from "@onething/schemas";
import type { Colors } from "../ansi.js";
import { displayWidth, toDisplayLine } from "../text.js";

/** Lines of context shown above and below the offending line. */
const CONTEXT_LINES = 2;

/** How to draw a code frame. */
export interface CodeFrameOptions {
  /** The full source text of the file. */
  source: string;
  /** The span to mark; only its first line is shown with a caret. */
  range: SourceRange;
  /** Styles for the gutter, the marker and the caret. */
  colors: Colors;
  /** Spaces in front of every frame line. Default: 0. */
  indent?: number;
}

/**
 * Draws the offending line with two lines of context on each side, a line-number gutter and a caret line
 * (`^~~~`) under the span; the caret's offset is measured in display columns, so it lands under wide
 * (Chinese) characters correctly, and tabs are expanded. Returns "" when the range is outside the text.
 */
export function formatCodeFrame(options: CodeFrameOptions): string {
  const { source, range, colors } = options;
  const indent = " ".repeat(options.indent ?? 0);
  const lines = source.split(/\r\n|\r|\n/u);
  if (lines[0]?.startsWith("\uFEFF")) lines[0] = lines[0].slice(1);
  // A final line break ends the last line; it does not start an empty one worth showing.
  if (lines.length > 1 && lines[lines.length - 1] === "" && range.start.line < lines.length) lines.pop();
  const lineIndex = range.start.line - 1;
  const line = lines[lineIndex];
  if (line === undefined) return "";
  const first = Math.max(0, lineIndex - CONTEXT_LINES);
  const last = Math.min(lines.length - 1, lineIndex + CONTEXT_LINES);
  const gutterWidth = String(last + 1).length;
  const out: string[] = [];
  for (let index = first; index <= last; index++) {
    const number = String(index + 1).padStart(gutterWidth);
    const text = toDisplayLine(lines[index] ?? "");
    if (index === lineIndex) {
      out.push(`${indent}${colors.red(">")} ${colors.gray(`${number} |`)} ${text}`.trimEnd());
      const startColumn = Math.max(1, Math.min(range.start.column, line.length + 1));
      const endColumn = range.end.line === range.start.line ? Math.max(startColumn, Math.min(range.end.column, line.length + 1)) : line.length + 1;
      const offset = displayWidth(toDisplayLine(line.slice(0, startColumn - 1)));
      const width = displayWidth(toDisplayLine(line.slice(0, endColumn - 1))) - offset;
      const caret = "^" + "~".repeat(Math.max(0, width - 1));
      out.push(`${indent}  ${colors.gray(`${" ".repeat(gutterWidth)} |`)} ${" ".repeat(offset)}${colors.red(caret)}`);
    } else {
      out.push(`${indent}  ${colors.gray(`${number} |`)} ${text}`.trimEnd());
    }
  }
  return out.join("\n");
}
