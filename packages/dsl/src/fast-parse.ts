import { readBlockYaml } from "./block-reader.js";

/** Texts longer than this many UTF-16 code units always take the `yaml` path: 4 Mi. */
export const FAST_PATH_MAX_LENGTH = 4 * 1024 * 1024;

/** Leading blank and comment lines, and a bare `---` line after them (a comment after it only past a space). */
const LEADING_PATTERN = /^(?:[ ]*(?:#[^\n]*)?\n)*(?:---(?:[ ]+(?:#[^\n]*)?)?(?:\n|$))?/;

/**
 * The code units {@link fastPathApplies} must look at: line feeds, control characters, surrogates, the BOM, YAML 1.1
 * line breaks, and the ASCII punctuation that may start a declined construct or matter to a flow collection. Every
 * other code unit (letters, digits, CJK, `-`, `.`, `%` and `:` away from a line start, …) is accepted as it is, so
 * the regular expression engine skips them natively. `-`, `.` and `%` matter only at a line start, which is checked
 * at the line feed before it.
 */
const ATTENTION = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff!"#&'*<?[\]{}]/g;

/**
 * Whether the block reader may read this text (BOM already removed): none of the constructs the reader relies on
 * never meeting, or where the `yaml` path's hostile-input checks matter: CR, tab, YAML 1.1 line breaks,
 * a BOM past the start and other control characters, lone surrogates; anchors, aliases and tags at a token start;
 * merge keys; complex keys; directives; document markers (a leading bare `---` is skipped); collections as keys;
 * a comment glued to a quoted scalar or a collection; and no flow collection spanning lines. One pass that visits
 * only the code units of {@link ATTENTION} (what the regular expression `FALLBACK_PATTERN` of the tests states,
 * exactly).
 *
 * @example
 * fastPathApplies("a: [1, 2]\n"); // true
 * fastPathApplies("a: [1,\n  2]\n"); // false
 */
export function fastPathApplies(text: string): boolean {
  return applicableFrom(text) >= 0;
}

/**
 * Where the content of a text {@link fastPathApplies} accepts starts (after its leading blank and comment lines and
 * a bare `---` line), or -1 when it declines the text.
 */
function applicableFrom(text: string): number {
  if (text.length > FAST_PATH_MAX_LENGTH) return -1;
  const lead = LEADING_PATTERN.exec(text)?.[0].length ?? 0;
  const length = text.length;
  if (lead < length && !lineStartApplies(text, lead)) return -1;
  // The line being scanned, and whether no flow collection can span lines from it (continuation lines are where
  // lenient readers differ from `yaml`): its brackets nest properly and close on the line, quotes
  // appear only as quoted scalars inside a flow collection that close on the line, and no comment starts. A flow
  // collection spanning lines fails this on the line where it starts, because outside quoted scalars only a block
  // key or scalar before it can hold other brackets. Kept for every line, consulted only for a line that holds a
  // flow indicator (`referenceFlowSingleLine` of the tests).
  let lineStart = lead;
  let lineHasFlow = false;
  let lineBad = false;
  let depth = 0;
  // The closing quote of a quoted scalar inside a flow collection: the flow check skips up to it.
  let quotedUntil = -1;
  const attention = ATTENTION;
  attention.lastIndex = lead;
  while (attention.test(text)) {
    const index = attention.lastIndex - 1;
    const char = text.charCodeAt(index);
    if (char === 0x0a) {
      if (lineHasFlow && (lineBad || depth !== 0)) return -1;
      if (index + 1 < length && !lineStartApplies(text, index + 1)) return -1;
      lineStart = index + 1;
      lineHasFlow = false;
      lineBad = false;
      depth = 0;
      continue;
    }
    if (char < 0x20 || char >= 0x7f) {
      // A surrogate pair is one code point; a lone surrogate, a control character, a BOM or a YAML 1.1 line break
      // is declined.
      if (char < 0xd800 || char >= 0xdc00) return -1;
      const next = text.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return -1;
      attention.lastIndex = index + 2;
      continue;
    }
    const previous = index === lead ? -1 : text.charCodeAt(index - 1);
    switch (char) {
      case 0x26: // &
      case 0x2a: // *
      case 0x21: // !
        if (previous === -1 || isSpace(previous) || isFlowPunctuation(previous)) return -1;
        continue;
      case 0x3c: // <
        if (text.charCodeAt(index + 1) === 0x3c) return -1;
        continue;
      case 0x3f: {
        // ? after the line start, a space, `[`, `{` or `,`, and before a space or the end.
        const before = previous === -1 || isSpace(previous) || previous === 0x5b || previous === 0x7b || previous === 0x2c;
        if (before && (index + 1 === length || isSpace(text.charCodeAt(index + 1)))) return -1;
        continue;
      }
      case 0x5b: // [
      case 0x7b: // {
        lineHasFlow = true;
        if (index > quotedUntil) depth += 1;
        continue;
      case 0x5d: // ]
      case 0x7d: {
        // } — a collection as a key (`] :`) or with a comment glued to it.
        let next = index + 1;
        while (text.charCodeAt(next) === 0x20) next += 1;
        if (text.charCodeAt(next) === 0x3a || text.charCodeAt(index + 1) === 0x23) return -1;
        lineHasFlow = true;
        if (index > quotedUntil) {
          depth -= 1;
          if (depth < 0) lineBad = true;
        }
        continue;
      }
      case 0x22: // "
      case 0x27: // '
        if (text.charCodeAt(index + 1) === 0x23) return -1;
        if (index <= quotedUntil || lineBad) continue;
        if (depth === 0) lineBad = true;
        else if (flowTokenStart(text, lineStart, index)) {
          // A quoted scalar inside a flow collection: the flow check skips it, and declines one that does not
          // close on this line.
          quotedUntil = quoteEnd(text, index);
          if (quotedUntil < 0) lineBad = true;
        }
        continue;
      default: // #
        if (index > quotedUntil && (depth === 0 || previous === 0x20)) lineBad = true;
    }
  }
  return !lineHasFlow || !(lineBad || depth !== 0) ? lead : -1;
}

/** Whether the line starting at `index` starts with none of `%`, `---` or `...` before a space or the end. */
function lineStartApplies(text: string, index: number): boolean {
  const char = text.charCodeAt(index);
  if (char === 0x25) return false;
  if (char !== 0x2d && char !== 0x2e) return true;
  if (text.charCodeAt(index + 1) !== char || text.charCodeAt(index + 2) !== char) return true;
  return !(index + 3 === text.length || isSpace(text.charCodeAt(index + 3)));
}

/** JavaScript's `\s`: white space and line terminators. */
function isSpace(char: number): boolean {
  if (char <= 0x20) return char === 0x20 || (char >= 0x09 && char <= 0x0d);
  if (char < 0xa0) return false;
  return (
    char === 0xa0 ||
    char === 0x1680 ||
    (char >= 0x2000 && char <= 0x200a) ||
    char === 0x2028 ||
    char === 0x2029 ||
    char === 0x202f ||
    char === 0x205f ||
    char === 0x3000 ||
    char === 0xfeff
  );
}

/** `[`, `]`, `{`, `}`, `,` or `:`. */
function isFlowPunctuation(char: number): boolean {
  return char === 0x5b || char === 0x5d || char === 0x7b || char === 0x7d || char === 0x2c || char === 0x3a;
}

/** Whether the last code unit before `index` on its line other than spaces is `[`, `{`, `,` or `:`. */
function flowTokenStart(text: string, lineStart: number, index: number): boolean {
  let before = index - 1;
  while (before >= lineStart && text.charCodeAt(before) === 0x20) before -= 1;
  if (before < lineStart) return false;
  const char = text.charCodeAt(before);
  return char === 0x5b || char === 0x7b || char === 0x2c || char === 0x3a;
}

/** The index of the quote closing the quoted scalar that starts at `start`, or -1 when it does not close on its line. */
function quoteEnd(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  const length = text.length;
  for (let index = start + 1; index < length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === 0x0a) return -1;
    if (quote === 0x22 && char === 0x5c) {
      index += 1;
      if (index === length || text.charCodeAt(index) === 0x0a) return -1;
    } else if (char === quote) {
      if (quote === 0x27 && text.charCodeAt(index + 1) === 0x27) index += 1;
      else return index;
    }
  }
  return -1;
}

/**
 * Reads a YAML text (BOM already removed) without `yaml` when that is proven to give the same value as `yaml` with
 * the YAML 1.2 core schema: when {@link fastPathApplies} accepts the text and it is in the subset of the block
 * reader (block-reader.ts). Returns undefined whenever the `yaml` path must decide instead.
 *
 * @example
 * fastParse("apiVersion: onething/v1\nkind: Checklist\n"); // { value: { apiVersion: "onething/v1", kind: "Checklist" } }
 * fastParse("a: &x 1\nb: *x\n"); // undefined
 */
export function fastParse(text: string): { value: unknown } | undefined {
  const from = applicableFrom(text);
  return from < 0 ? undefined : readBlockYaml(text, from);
}
