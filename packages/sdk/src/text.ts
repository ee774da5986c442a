import stringWidth from "string-width";

/** How many columns a tab advances to: the next multiple of this width. */
export const TAB_WIDTH = 4;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

// C0 and C1 control characters other than tab: shown as "?" so a source line can never send terminal
// escape sequences or move the cursor.
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/u;

/**
 * Makes one line of source text safe and predictable to print: tabs expanded to the next tab stop
 * (measured in display columns, so wide characters count twice) and control characters replaced by "?".
 */
export function toDisplayLine(line: string): string {
  let out = "";
  let width = 0;
  for (const { segment } of segmenter.segment(line)) {
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

/** The number of terminal columns a text occupies (East Asian wide characters count as two). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Pads `text` with spaces on the right to `width` display columns. */
export function padEndWidth(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - stringWidth(text)));
}

/** Pads `text` with spaces on the left to `width` display columns. */
export function padStartWidth(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - stringWidth(text))) + text;
}

/** Replaces control characters (including newlines) in a one-line message by spaces. */
export function toSingleLine(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F]+/gu, " ");
}
