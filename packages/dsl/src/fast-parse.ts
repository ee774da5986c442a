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

/**
 * Constructs where js-yaml and `yaml` might read a text differently, or where the `yaml` path's hostile-input
 * checks matter: CR, tab, YAML 1.1 line breaks, a BOM past the start and other control characters; anchors,
 * aliases and tags at a token start; merge keys; complex keys; directives; document markers (a leading bare
 * `---` is cut off before the scan); collections as keys; a comment glued to a quoted scalar or a collection.
 */
const FALLBACK_PATTERN =
  /[\r\t\u0085\u2028\u2029\ufeff\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f]|\p{Cs}|(?:^|[\s[\]{},:])[&*!]|<<|(?:^|[\s[{,])\?(?:\s|$)|^%|^(?:---|\.\.\.)(?:\s|$)|[\]}] *:|["'\]}]#/mu;

/** Leading blank and comment lines, and a bare `---` line after them. */
const LEADING_PATTERN = /^(?:[ ]*(?:#[^\n]*)?\n)*(?:---[ ]*(?:#[^\n]*)?(?:\n|$))?/;

/**
 * Whether js-yaml may read this text (BOM already removed): none of the constructs of {@link FALLBACK_PATTERN}.
 *
 * @example
 * fastPathApplies("a: [1, 2]\n"); // true
 * fastPathApplies("a: [1,\n  2]\n"); // false
 */
export function fastPathApplies(text: string): boolean {
  if (text.length > FAST_PATH_MAX_LENGTH) return false;
  const lead = LEADING_PATTERN.exec(text)?.[0].length ?? 0;
  const rest = lead === 0 ? text : text.slice(lead);
  return !FALLBACK_PATTERN.test(rest) && flowCollectionsAreSingleLine(rest);
}

/** The index of the quote closing the quoted scalar that starts at `start`, or -1 when it does not close on the line. */
function quoteEnd(line: string, start: number): number {
  const quote = line[start];
  for (let index = start + 1; index < line.length; index += 1) {
    const char = line[index];
    if (quote === '"' && char === "\\") index += 1;
    else if (char === quote) {
      if (quote === "'" && line[index + 1] === "'") index += 1;
      else return index;
    }
  }
  return -1;
}

/** Lines holding a flow indicator: `[`, `]`, `{` or `}`. */
const FLOW_LINE_PATTERN = /^.*[[\]{}].*$/gm;

/**
 * Whether no flow collection can span lines (js-yaml accepts continuation lines that `yaml` rejects as not
 * indented enough): on every line with a flow indicator, brackets nest properly and close on that line, quotes
 * appear only as quoted scalars inside a flow collection that close on the line, and no comment starts. A flow
 * collection spanning lines fails this on the line where it starts, because outside quoted scalars only a block
 * key or scalar before it can hold other brackets.
 */
function flowCollectionsAreSingleLine(text: string): boolean {
  FLOW_LINE_PATTERN.lastIndex = 0;
  for (let match = FLOW_LINE_PATTERN.exec(text); match !== null; match = FLOW_LINE_PATTERN.exec(text)) {
    const line = match[0];
    let depth = 0;
    let tokenStart = false;
    for (let index = 0; index < line.length; index += 1) {
      const char = line[index];
      if (char === "[" || char === "{") depth += 1;
      else if (char === "]" || char === "}") {
        depth -= 1;
        if (depth < 0) return false;
      } else if (depth > 0 && tokenStart && (char === '"' || char === "'")) {
        // A quoted scalar inside a flow collection: skip it, and decline one that does not close on this line.
        index = quoteEnd(line, index);
        if (index < 0) return false;
      } else if (char === "#" ? depth === 0 || line[index - 1] === " " : depth === 0 && (char === '"' || char === "'")) {
        return false;
      }
      if (char !== " ") tokenStart = char === "[" || char === "{" || char === "," || char === ":";
    }
    if (depth !== 0) return false;
  }
  return true;
}

/**
 * Reads a YAML text (BOM already removed) with js-yaml when that is proven to give the same value as `yaml` with
 * the YAML 1.2 core schema; returns undefined whenever the `yaml` path must decide instead: a construct of
 * {@link FALLBACK_PATTERN}, any js-yaml error (duplicate keys included), or a key that `yaml`'s checks would
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
