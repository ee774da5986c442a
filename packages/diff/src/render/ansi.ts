/** A function that wraps a text in one ANSI style, or returns it unchanged when colour is off. */
export type Style = (text: string) => string;

/** The few terminal styles the text renderer uses. */
export interface Colors {
  /** Red, for breaking changes. */
  red: Style;
  /** Yellow, for potentially breaking changes and regressions. */
  yellow: Style;
  /** Green, for non-breaking changes. */
  green: Style;
  /** Grey, for check ids and locations. */
  gray: Style;
  /** Bold, for headings. */
  bold: Style;
}

function style(open: number, close: number): Style {
  const openSeq = `\u001B[${open}m`;
  const closeSeq = `\u001B[${close}m`;
  return (text) => (text === "" ? "" : openSeq + text.replaceAll(closeSeq, closeSeq + openSeq) + closeSeq);
}

const identity: Style = (text) => text;

/** ANSI styles when `enabled`, else functions that return their text unchanged. */
export function createColors(enabled: boolean): Colors {
  if (!enabled) return { red: identity, yellow: identity, green: identity, gray: identity, bold: identity };
  return { red: style(31, 39), yellow: style(33, 39), green: style(32, 39), gray: style(90, 39), bold: style(1, 22) };
}

/** Replaces control characters (escape sequences, line breaks) in a text from the data by spaces. */
export function toSafeLine(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F]+/gu, " ");
}
