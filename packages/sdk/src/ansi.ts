/** A function that wraps a text in one ANSI style, or returns it unchanged when colour is off. */
export type Style = (text: string) => string;

/** The few terminal styles the formatters use. */
export interface Colors {
  /** Red foreground, for errors. */
  red: Style;
  /** Yellow foreground, for warnings. */
  yellow: Style;
  /** Blue foreground, for info. */
  blue: Style;
  /** Green foreground, for a clean result. */
  green: Style;
  /** Grey foreground, for codes, gutters and context lines. */
  gray: Style;
  /** Bold text, for file headers and the summary. */
  bold: Style;
  /** Underlined text, for file headers. */
  underline: Style;
}

function style(open: number, close: number): Style {
  // Re-open the style after a nested close so `red("a" + bold("b") + "c")` stays red after "b".
  const openSeq = `\u001B[${open}m`;
  const closeSeq = `\u001B[${close}m`;
  return (text) => (text === "" ? "" : openSeq + text.replaceAll(closeSeq, closeSeq + openSeq) + closeSeq);
}

const identity: Style = (text) => text;

/** Returns ANSI styles when `enabled` is true, else functions that return their text unchanged. */
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
