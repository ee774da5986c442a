// Plain scalars and mapping keys exactly as `yaml` 2 resolves them with `schema: "core"` (YAML 1.2 core schema,
// yaml/dist/schema/core), for the block reader.

/** Keys longer than this many characters take the `yaml` path, which limits implicit keys to 1024 characters of source. */
const MAX_KEY_LENGTH = 160;

// null /^(?:~|[Nn]ull|NULL)?$/ and bool /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/ are compared as strings below; then these.
/** yaml's core octal int. */
const INT_OCT_PATTERN = /^0o[0-7]+$/;
/** yaml's core decimal int. */
const INT_PATTERN = /^[-+]?[0-9]+$/;
/** yaml's core hexadecimal int. */
const INT_HEX_PATTERN = /^0x[0-9a-fA-F]+$/;
/** yaml's core infinities and NaN. */
const FLOAT_NAN_PATTERN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** yaml's core float with an exponent. */
const FLOAT_EXP_PATTERN = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
/** yaml's core float without one. */
const FLOAT_PATTERN = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * yaml's core null: empty, `~`, `null`, `Null` or `NULL`.
 *
 * @example
 * isCoreNull("Null"); // true
 */
function isCoreNull(data: string): boolean {
  return data.length === 0 || data === "~" || data === "null" || data === "Null" || data === "NULL";
}

/**
 * yaml's core bool: `true`, `True`, `TRUE`, `false`, `False` or `FALSE`.
 *
 * @example
 * isCoreBool("tRUE"); // false
 */
function isCoreBool(data: string): boolean {
  return data === "true" || data === "True" || data === "TRUE" || data === "false" || data === "False" || data === "FALSE";
}

/**
 * Whether `data` starts with a digit or with `+`, `-` or `.`, as every int and float of the core schema does: most
 * plain scalars (ids, Chinese text) fail this on the first code unit, so no regular expression runs for them.
 */
function mayBeNumber(data: string): boolean {
  const first = data.charCodeAt(0);
  return (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e;
}

/**
 * yaml's core int (octal `0o17`, decimal, hexadecimal `0x1F`).
 *
 * @example
 * isCoreInt("1_000"); // false
 */
function isCoreInt(data: string): boolean {
  return mayBeNumber(data) && (INT_OCT_PATTERN.test(data) || INT_PATTERN.test(data) || INT_HEX_PATTERN.test(data));
}

/**
 * yaml's core float (`.inf`, `.nan`, `1e3`, `1.5`).
 *
 * @example
 * isCoreFloat("1."); // true
 */
function isCoreFloat(data: string): boolean {
  return mayBeNumber(data) && (FLOAT_NAN_PATTERN.test(data) || FLOAT_EXP_PATTERN.test(data) || FLOAT_PATTERN.test(data));
}

/**
 * The number of a scalar {@link isCoreInt} accepts.
 *
 * @example
 * coreInt("0o17"); // 15
 */
function coreInt(data: string): number {
  return INT_OCT_PATTERN.test(data)
    ? parseInt(data.substring(2), 8)
    : INT_PATTERN.test(data)
      ? parseInt(data, 10)
      : parseInt(data.substring(2), 16);
}

/**
 * The number of a scalar {@link isCoreFloat} accepts.
 *
 * @example
 * coreFloat("-.Inf"); // -Infinity
 */
function coreFloat(data: string): number {
  return FLOAT_NAN_PATTERN.test(data)
    ? data.slice(-3).toLowerCase() === "nan"
      ? NaN
      : data[0] === "-"
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY
    : parseFloat(data);
}

/**
 * The value of a non-empty plain scalar: null, a boolean, a number or the string itself, as yaml's core schema
 * resolves it.
 *
 * @example
 * corePlain("0x1F"); // 31
 * corePlain("2024-01-16"); // "2024-01-16"
 */
export function corePlain(data: string): unknown {
  const first = data.charCodeAt(0);
  if ((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e) {
    if (isCoreInt(data)) return coreInt(data);
    if (isCoreFloat(data)) return coreFloat(data);
    return data;
  }
  if (first === 0x6e || first === 0x4e || first === 0x7e) return isCoreNull(data) ? null : data;
  if (first === 0x74 || first === 0x54 || first === 0x66 || first === 0x46) return isCoreBool(data) ? data[0] === "t" || data[0] === "T" : data;
  return data;
}

/**
 * Whether a mapping key surely came from a string key `yaml` accepts and is safe as an own property: not longer
 * than 160 characters, not `__proto__` or `constructor`, and nothing that reads as, or is the string form of, a
 * null, boolean or number (`1`, `true`, `null`, `Infinity`, …). The fast readers decline every other key.
 *
 * @example
 * keyIsSafe("metrics"); // true
 * keyIsSafe("1"); // false
 */
export function keyIsSafe(key: string): boolean {
  if (key.length > MAX_KEY_LENGTH || key === "__proto__" || key === "constructor") return false;
  if (key === "Infinity" || key === "-Infinity" || key === "NaN") return false;
  return !(isCoreNull(key) || isCoreBool(key) || isCoreInt(key) || isCoreFloat(key));
}
