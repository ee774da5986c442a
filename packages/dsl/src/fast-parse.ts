import { FAILSAFE_SCHEMA, Type, load } from "js-yaml";

/** Texts longer than this many UTF-16 code units always take the `yaml` path: 4 Mi. */
export const FAST_PATH_MAX_LENGTH = 4 * 1024 * 1024;

/** Keys longer than this many characters take the `yaml` path, which limits implicit keys to 1024 characters of source. */
const MAX_KEY_LENGTH = 160;

// yaml 2's YAML 1.2 core schema resolves plain scalars with these patterns, in this order (yaml/dist/schema/core).
const NULL_PATTERN = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_PATTERN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT_PATTERN = /^0o[0-7]+$/;
const INT_PATTERN = /^[-+]?[0-9]+$/;
const INT_HEX_PATTERN = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN_PATTERN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP_PATTERN = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_PATTERN = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * js-yaml's failsafe schema plus implicit scalars resolved exactly as `yaml` resolves them with `schema: "core"`
 * (js-yaml's own CORE_SCHEMA also reads `1_000`, `0b1`, `+0x1F` and `+.inf` differently).
 */
const YAML_CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type("tag:yaml.org,2002:null", {
      kind: "scalar",
      resolve: (data: string | null) => data === null || NULL_PATTERN.test(data),
      construct: () => null,
    }),
    new Type("tag:yaml.org,2002:bool", {
      kind: "scalar",
      resolve: (data: string | null) => data !== null && BOOL_PATTERN.test(data),
      construct: (data: string) => data[0] === "t" || data[0] === "T",
    }),
    new Type("tag:yaml.org,2002:int", {
      kind: "scalar",
      resolve: (data: string | null) =>
        data !== null && (INT_OCT_PATTERN.test(data) || INT_PATTERN.test(data) || INT_HEX_PATTERN.test(data)),
      construct: (data: string) =>
        INT_OCT_PATTERN.test(data)
          ? parseInt(data.substring(2), 8)
          : INT_PATTERN.test(data)
            ? parseInt(data, 10)
            : parseInt(data.substring(2), 16),
    }),
    new Type("tag:yaml.org,2002:float", {
      kind: "scalar",
      resolve: (data: string | null) =>
        data !== null && (FLOAT_NAN_PATTERN.test(data) || FLOAT_EXP_PATTERN.test(data) || FLOAT_PATTERN.test(data)),
      construct: (data: string) =>
        FLOAT_NAN_PATTERN.test(data)
          ? data.slice(-3).toLowerCase() === "nan"
            ? NaN
            : data[0] === "-"
              ? Number.NEGATIVE_INFINITY
              : Number.POSITIVE_INFINITY
          : parseFloat(data),
    }),
  ],
});

/** Leading blank and comment lines, and a bare `---` line after them. */
const LEADING_PATTERN = /^(?:[ ]*(?:#[^\n]*)?\n)*(?:---[ ]*(?:#[^\n]*)?(?:\n|$))?/;

/**
 * Whether js-yaml may read this text (BOM already removed): none of the constructs where js-yaml and `yaml` might
 * read a text differently, or where the `yaml` path's hostile-input checks matter: CR, tab, YAML 1.1 line breaks,
 * a BOM past the start and other control characters, lone surrogates; anchors, aliases and tags at a token start;
 * merge keys; complex keys; directives; document markers (a leading bare `---` is skipped); collections as keys;
 * a comment glued to a quoted scalar or a collection; and no flow collection spanning lines. One pass over the
 * text's code units (what the regular expression `FALLBACK_PATTERN` of the tests states, exactly).
 *
 * @example
 * fastPathApplies("a: [1, 2]\n"); // true
 * fastPathApplies("a: [1,\n  2]\n"); // false
 */
export function fastPathApplies(text: string): boolean {
  if (text.length > FAST_PATH_MAX_LENGTH) return false;
  const lead = LEADING_PATTERN.exec(text)?.[0].length ?? 0;
  const length = text.length;
  let lineStart = lead;
  let lineHasFlow = false;
  // The previous code unit, -1 at the start of the scanned text (which `^` matches, as after a line feed).
  let previous = -1;
  for (let index = lead; index < length; index += 1) {
    const char = text.charCodeAt(index);
    if (char < 0x80 ? PLAIN_ASCII[char] === 1 : char >= 0xa0 && char < 0xd800 && (char < 0x2028 || char > 0x2029)) {
      // The common case: a letter, digit, space or CJK character that starts no declined construct.
      previous = char;
      continue;
    }
    if (char < 0x20) {
      if (char !== 0x0a) return false;
      if (lineHasFlow && !flowLineIsSingle(text, lineStart, index)) return false;
      lineStart = index + 1;
      lineHasFlow = false;
    } else if (char >= 0x7f) {
      if (char <= 0x9f || char === 0x2028 || char === 0x2029 || char === 0xfeff) return false;
      if (char >= 0xd800 && char <= 0xdfff) {
        // A surrogate pair is one code point; a lone surrogate is declined.
        const next = text.charCodeAt(index + 1);
        if (char >= 0xdc00 || !(next >= 0xdc00 && next <= 0xdfff)) return false;
        index += 1;
        previous = next;
        continue;
      }
    } else if (!asciiApplies(text, index, char, previous)) {
      return false;
    } else if (char === 0x5b || char === 0x5d || char === 0x7b || char === 0x7d) {
      lineHasFlow = true;
    }
    previous = char;
  }
  return !lineHasFlow || flowLineIsSingle(text, lineStart, length);
}

/** 1 for each printable ASCII code unit that {@link asciiApplies} always accepts and that is not a flow indicator. */
const PLAIN_ASCII = (() => {
  const plain = new Uint8Array(0x80);
  for (let char = 0x20; char < 0x7f; char += 1) plain[char] = 1;
  for (const special of "&*!<?%-.[]{}\"'") plain[special.charCodeAt(0)] = 0;
  return plain;
})();

/** Whether the printable ASCII code unit `char` at `index` starts none of the declined constructs. */
function asciiApplies(text: string, index: number, char: number, previous: number): boolean {
  const lineStart = previous === -1 || previous === 0x0a;
  switch (char) {
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
      return !(lineStart || isSpace(previous) || isFlowPunctuation(previous));
    case 0x3c: // <
      return text.charCodeAt(index + 1) !== 0x3c;
    case 0x3f: {
      // ? after the line start, a space, `[`, `{` or `,`, and before a space or the end.
      const before = lineStart || isSpace(previous) || previous === 0x5b || previous === 0x7b || previous === 0x2c;
      return !(before && (index + 1 === text.length || isSpace(text.charCodeAt(index + 1))));
    }
    case 0x25: // %
      return !lineStart;
    case 0x2d: // -
    case 0x2e: {
      // `---` or `...` at a line start, before a space or the end.
      if (!lineStart || text.charCodeAt(index + 1) !== char || text.charCodeAt(index + 2) !== char) return true;
      return !(index + 3 === text.length || isSpace(text.charCodeAt(index + 3)));
    }
    case 0x5d: // ]
    case 0x7d: {
      // } — a collection as a key (`] :`) or with a comment glued to it.
      let next = index + 1;
      while (text.charCodeAt(next) === 0x20) next += 1;
      const after = text.charCodeAt(next);
      return after !== 0x3a && text.charCodeAt(index + 1) !== 0x23;
    }
    case 0x22: // "
    case 0x27: // '
      return text.charCodeAt(index + 1) !== 0x23;
    default:
      return true;
  }
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

/** The index of the quote closing the quoted scalar that starts at `start`, or -1 when it does not close before `end`. */
function quoteEnd(text: string, start: number, end: number): number {
  const quote = text.charCodeAt(start);
  for (let index = start + 1; index < end; index += 1) {
    const char = text.charCodeAt(index);
    if (quote === 0x22 && char === 0x5c) index += 1;
    else if (char === quote) {
      if (quote === 0x27 && index + 1 < end && text.charCodeAt(index + 1) === 0x27) index += 1;
      else return index;
    }
  }
  return -1;
}

/**
 * Whether no flow collection can span lines from the line `text[start, end)`, which holds a flow indicator
 * (js-yaml accepts continuation lines that `yaml` rejects as not indented enough): its brackets nest properly and
 * close on the line, quotes appear only as quoted scalars inside a flow collection that close on the line, and no
 * comment starts. A flow collection spanning lines fails this on the line where it starts, because outside quoted
 * scalars only a block key or scalar before it can hold other brackets.
 */
function flowLineIsSingle(text: string, start: number, end: number): boolean {
  let depth = 0;
  let tokenStart = false;
  for (let index = start; index < end; index += 1) {
    const char = text.charCodeAt(index);
    if (char === 0x5b || char === 0x7b) depth += 1;
    else if (char === 0x5d || char === 0x7d) {
      depth -= 1;
      if (depth < 0) return false;
    } else if (depth > 0 && tokenStart && (char === 0x22 || char === 0x27)) {
      // A quoted scalar inside a flow collection: skip it, and decline one that does not close on this line.
      index = quoteEnd(text, index, end);
      if (index < 0) return false;
    } else if (char === 0x23 ? depth === 0 || text.charCodeAt(index - 1) === 0x20 : depth === 0 && (char === 0x22 || char === 0x27)) {
      return false;
    }
    if (char !== 0x20) tokenStart = char === 0x5b || char === 0x7b || char === 0x2c || char === 0x3a;
  }
  return depth === 0;
}

/**
 * Reads a YAML text (BOM already removed) with js-yaml when that is proven to give the same value as `yaml` with
 * the YAML 1.2 core schema; returns undefined whenever the `yaml` path must decide instead: a construct of
 * {@link fastPathApplies}, any js-yaml error (duplicate keys included), or a key that `yaml`'s checks would
 * report or that might not have been a string (`__proto__`, `constructor`, `1`, `true`, `null`, `Infinity`, …).
 *
 * @example
 * fastParse("apiVersion: onething/v1\nkind: Checklist\n"); // { value: { apiVersion: "onething/v1", kind: "Checklist" } }
 * fastParse("a: &x 1\nb: *x\n"); // undefined
 */
export function fastParse(text: string): { value: unknown } | undefined {
  if (!fastPathApplies(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: YAML_CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  return value !== undefined && keysAreSafe(value) ? { value } : undefined;
}

/** Whether every mapping key in the value is one that surely came from a string key `yaml` accepts. */
function keysAreSafe(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== "object" || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === "object" && item !== null) stack.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (!keyIsSafe(key)) return false;
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === "object" && child !== null) stack.push(child);
    }
  }
  return true;
}

/** Keys already found safe: a project repeats the same few field names (`id`, `name`, `zh`, …) millions of times. */
const SAFE_KEYS = new Set<string>();
const SAFE_KEYS_LIMIT = 10_000;

function keyIsSafe(key: string): boolean {
  if (SAFE_KEYS.has(key)) return true;
  const safe = checkKey(key);
  if (safe && SAFE_KEYS.size < SAFE_KEYS_LIMIT) SAFE_KEYS.add(key);
  return safe;
}

function checkKey(key: string): boolean {
  if (key.length > MAX_KEY_LENGTH || key === "__proto__" || key === "constructor") return false;
  if (key === "Infinity" || key === "-Infinity" || key === "NaN") return false;
  const first = key.charCodeAt(0);
  // Every non-string scalar, once stringified, starts with one of ~ n N t T f F + - . or a digit.
  const risky = key.length === 0 || (first >= 0x30 && first <= 0x39) || "~nNtTfF+-.".includes(key[0] ?? "");
  if (!risky) return true;
  return !(
    NULL_PATTERN.test(key) ||
    BOOL_PATTERN.test(key) ||
    INT_OCT_PATTERN.test(key) ||
    INT_PATTERN.test(key) ||
    INT_HEX_PATTERN.test(key) ||
    FLOAT_NAN_PATTERN.test(key) ||
    FLOAT_EXP_PATTERN.test(key) ||
    FLOAT_PATTERN.test(key)
  );
}
