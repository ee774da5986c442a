/** A function that wraps a text in one ANSI style, or returns it unchanged when colour is off. */
export type Style = (text: string) => string;

/** The few terminal styles the renderers and formatters use (here and in @onething/sdk). */
export interface Colors {
  /** Red, for errors and breaking changes. */
  red: Style;
  /** Yellow, for warnings, potentially breaking changes and regressions. */
  yellow: Style;
  /** Blue, for info. */
  blue: Style;
  /** Green, for a clean result and non-breaking changes. */
  green: Style;
  /** Grey, for codes, check ids, gutters and locations. */
  gray: Style;
  /** Bold, for headings and summaries. */
  bold: Style;
  /** Underlined, for file headers. */
  underline: Style;
}

function style(open: number, close: number): Style {
  // Re-open the style after a nested close so `red("a" + bold("b") + "c")` stays red after "b".
  const openSeq = `\u001B[${open}m`;
  const closeSeq = `\u001B[${close}m`;
  return (text) => (text === "" ? "" : openSeq + text.replaceAll(closeSeq, closeSeq + openSeq) + closeSeq);
}

const identity: Style = (text) => text;

/**
 * ANSI styles when `enabled`, else functions that return their text unchanged.
 *
 * @example
 * const colors = createColors(process.stdout.isTTY === true);
 * console.log(colors.red("错误"), colors.gray("unknown-department"));
 */
export function createColors(enabled: boolean): Colors {
  if (!enabled) {
    return { red: identity, yellow: identity, blue: identity, green: identity, gray: identity, bold: identity, underline: identity };
  }
  return {
    red: style(31, 39),
    yellow: style(33, 39),
    blue: style(34, 39),
    green: style(32, 39),
    gray: style(90, 39),
    bold: style(1, 22),
    underline: style(4, 24),
  };
}

/** Replaces control characters (escape sequences, line breaks) in a text from the data by spaces. */
export function toSafeLine(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F]+/gu, " ");
}
