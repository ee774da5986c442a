import type { Diagnostic, LocalizedMessage, Severity, SourceDocument } from "@onething/schemas";
import { findNearest } from "./edit-distance.js";
import { KNOWN_FIELDS } from "./generated/known-fields.js";
import { formatMessage, joinPointer, parsePointer, pointerToPath } from "./format.js";
import type { StructuralError } from "./model.js";
import { isDocumentKind, validateStructure } from "./model.js";

/** Every code the structural pass reports, with its severity and what it means. */
export const STRUCTURAL_DIAGNOSTICS: Record<string, { severity: Severity; description: LocalizedMessage }> = {
  "schema-required": {
    severity: "error",
    description: { zh: "缺少必填字段。", en: "A required field is missing." },
  },
  "schema-unknown-field": {
    severity: "error",
    description: { zh: "出现了标准未定义的字段（多为拼写错误）。", en: "A field the standard does not define (often a typo)." },
  },
  "schema-type": {
    severity: "error",
    description: { zh: "值的类型不对（如应为列表却写成了文本）。", en: "A value has the wrong type (a text where a list belongs, say)." },
  },
  "schema-enum": {
    severity: "error",
    description: { zh: "值不在允许的取值之中。", en: "A value is not one of the allowed values." },
  },
  "schema-const": {
    severity: "error",
    description: { zh: "值必须是某个固定值（如 apiVersion）。", en: "A value must be one fixed value (such as apiVersion)." },
  },
  "schema-pattern": {
    severity: "error",
    description: { zh: "文本格式不对（编号、代码、日期、网址等）。", en: "A text has the wrong format (an id, a code, a date, a URL…)." },
  },
  "schema-range": {
    severity: "error",
    description: {
      zh: "数值超出范围，或文本、列表的长度不对。",
      en: "A number is out of range, or a text or a list has the wrong length.",
    },
  },
  "schema-unique": {
    severity: "error",
    description: { zh: "列表中出现重复的项（如同一配合部门列了两次）。", en: "A list repeats an entry (the same partner twice, say)." },
  },
  "schema-other": {
    severity: "error",
    description: { zh: "其他不符合标准的情况。", en: "Any other violation of the standard." },
  },
};

const KEYWORD_CODES: Record<string, string> = {
  required: "schema-required",
  dependentRequired: "schema-required",
  additionalProperties: "schema-unknown-field",
  unevaluatedProperties: "schema-unknown-field",
  type: "schema-type",
  enum: "schema-enum",
  const: "schema-const",
  pattern: "schema-pattern",
  format: "schema-pattern",
  minimum: "schema-range",
  maximum: "schema-range",
  exclusiveMinimum: "schema-range",
  exclusiveMaximum: "schema-range",
  multipleOf: "schema-range",
  minLength: "schema-range",
  maxLength: "schema-range",
  minItems: "schema-range",
  maxItems: "schema-range",
  minProperties: "schema-range",
  uniqueItems: "schema-unique",
  maxProperties: "schema-range",
};

/** Keywords that only summarise other errors (or a branch that was not taken). */
const SUMMARY_KEYWORDS = new Set(["if", "then", "else", "anyOf", "oneOf", "allOf", "not", "$ref"]);

const TYPE_NAMES: Record<string, LocalizedMessage> = {
  string: { zh: "文本", en: "a text" },
  number: { zh: "数字", en: "a number" },
  integer: { zh: "整数", en: "an integer" },
  boolean: { zh: "布尔值 (true/false)", en: "a boolean (true/false)" },
  object: { zh: "映射（键: 值）", en: "a mapping (key: value)" },
  array: { zh: "列表", en: "a list" },
  null: { zh: "空值", en: "null" },
};

/**
 * What each `pattern` of schemas/v1 means, in words and with an example, keyed by the exact pattern
 * (structural.test.ts checks that every pattern of the schemas is listed).
 */
export const PATTERN_DESCRIPTIONS: Readonly<Record<string, LocalizedMessage>> = {
  "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$": {
    zh: "版本号：主版本.次版本.修订号，如 1.2.0",
    en: "a version number MAJOR.MINOR.PATCH, such as 1.2.0",
  },
  "^[a-z0-9]+(?:[.-][a-z0-9]+)*$": {
    zh: "标识：小写字母和数字，用点或连字符分隔，如 cn.national.2024-1",
    en: "an id of lowercase letters and digits joined by dots or hyphens, such as cn.national.2024-1",
  },
  "^[a-z0-9]+(?:-[a-z0-9]+)*$": {
    zh: "标识：小写字母和数字，用连字符连接，如 market-entry",
    en: "an id of lowercase letters and digits joined by hyphens, such as market-entry",
  },
  "^\\d{4}-\\d{2}(-\\d{2})?$": {
    zh: "日期 YYYY-MM-DD 或 YYYY-MM，如 2025-07-08 或 2025-07",
    en: "a date YYYY-MM-DD or YYYY-MM, such as 2025-07-08 or 2025-07",
  },
  "^\\d{4}-\\d{2}-\\d{2}$": {
    zh: "日期 YYYY-MM-DD，如 2025-07-08",
    en: "a date YYYY-MM-DD, such as 2025-07-08",
  },
  "^\\d{6}$": {
    zh: "行政区划代码：6 位数字，如 370200",
    en: "a division code of 6 digits, such as 370200",
  },
  "^dept\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*$": {
    zh: "部门标识：以 dept. 开头，后接小写字母、数字或连字符，如 dept.qd.tax",
    en: "a department id: dept. followed by lowercase letters, digits or hyphens, such as dept.qd.tax",
  },
  "^item\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*$": {
    zh: "事项标识：以 item. 开头，后接小写字母、数字或连字符，如 item.social-security-card",
    en: "an item id: item. followed by lowercase letters, digits or hyphens, such as item.social-security-card",
  },
  "^https?://\\S+$": {
    zh: "以 http:// 或 https:// 开头、不含空格的网址，如 https://www.gov.cn/",
    en: "a web address starting with http:// or https:// and without spaces, such as https://www.gov.cn/",
  },
};

/** What a pattern means; never the regex itself. */
function describePattern(pattern: string): LocalizedMessage {
  return PATTERN_DESCRIPTIONS[pattern] ?? { zh: "规定的格式", en: "the required format" };
}

function describeFormat(format: string): LocalizedMessage {
  if (format === "date") return { zh: "日期 YYYY-MM-DD，如 2025-07-08", en: "a date YYYY-MM-DD, such as 2025-07-08" };
  if (format === "uri" || format === "url") return { zh: "网址，如 https://www.gov.cn/", en: "a web address, such as https://www.gov.cn/" };
  return { zh: "规定的格式", en: "the required format" };
}

/** The value at a JSON Pointer of plain data, undefined when absent. */
export function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  for (const token of parsePointer(pointer)) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

/** A found value for a message: "(none)" in the reader's language when absent, else {@link show}. */
function showFound(value: unknown): string | LocalizedMessage {
  return value === undefined ? { zh: "（无）", en: "(none)" } : show(value);
}

function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function typeOf(value: unknown): LocalizedMessage {
  if (value === null) return TYPE_NAMES.null!;
  if (Array.isArray(value)) return TYPE_NAMES.array!;
  if (typeof value === "number") return Number.isInteger(value) ? TYPE_NAMES.integer! : TYPE_NAMES.number!;
  return TYPE_NAMES[typeof value] ?? { zh: typeof value, en: typeof value };
}

function joinLocalized(parts: LocalizedMessage[], separator: LocalizedMessage): LocalizedMessage {
  return { zh: parts.map((part) => part.zh).join(separator.zh), en: parts.map((part) => part.en).join(separator.en) };
}

function rootOr(path: string): LocalizedMessage {
  return path === "(root)" ? { zh: "文档根", en: "the document root" } : { zh: path, en: path };
}

interface Mapped {
  code: string;
  pointer: string;
  part: "key" | "value";
  message: LocalizedMessage;
  hint?: LocalizedMessage;
  dedupe: string;
}

/** Turns one Ajv error into a diagnostic's code, place and wording; `allowed` lists the fields an object may have. */
function mapError(error: StructuralError, context: { document: SourceDocument; allowed: readonly string[] | undefined }): Mapped {
  const { document, allowed } = context;
  const code = KEYWORD_CODES[error.keyword] ?? "schema-other";
  const pointer = error.instancePath;
  const path = pointerToPath(pointer);
  const found = valueAt(document.value, pointer);
  const params = error.params;
  const data = { path, found: showFound(found) };
  const valueError = (message: LocalizedMessage, hint?: LocalizedMessage): Mapped => ({
    code,
    pointer,
    part: "value",
    message: formatMessage(message, data),
    ...(hint ? { hint } : {}),
    dedupe: `${pointer}|value`,
  });
  switch (error.keyword) {
    case "required":
    case "dependentRequired": {
      const field = String(params.missingProperty ?? params.property ?? "?");
      const where = rootOr(path);
      return {
        code,
        pointer,
        part: "key",
        message: {
          zh: `${where.zh} 缺少必填字段 ${field}`,
          en: `${where.en} is missing the required field "${field}"`,
        },
        hint: { zh: `添加字段 ${field}。`, en: `Add the field "${field}".` },
        dedupe: `${pointer}|required|${field}`,
      };
    }
    case "additionalProperties":
    case "unevaluatedProperties": {
      const field = String(params.additionalProperty ?? params.unevaluatedProperty ?? "?");
      const fieldPointer = joinPointer(pointer, field);
      const parent = rootOr(path);
      const suggestion = allowed ? findNearest(field, allowed) : undefined;
      const known = allowed && allowed.length > 0 && allowed.length <= 12 ? allowed.join(", ") : undefined;
      return {
        code,
        pointer: fieldPointer,
        part: "key",
        message: {
          zh: `${parent.zh} 中的字段 ${field} 不在标准之中${known ? `（允许的字段：${known}）` : ""}`,
          en: `${parent.en} has the field "${field}", which the standard does not define${known ? ` (allowed: ${known})` : ""}`,
        },
        hint: suggestion
          ? { zh: `是否想写 ${suggestion}？`, en: `Did you mean "${suggestion}"?` }
          : { zh: `删除字段 ${field}，或检查拼写。`, en: `Remove "${field}", or check its spelling.` },
        dedupe: `${fieldPointer}|key`,
      };
    }
    case "type": {
      const expected = joinLocalized(
        String(params.type ?? "")
          .split(",")
          .map((type) => TYPE_NAMES[type] ?? { zh: type, en: type }),
        { zh: "或", en: " or " },
      );
      const actual = typeOf(found);
      return valueError({
        zh: `{path} 应为${expected.zh}，实际为${actual.zh} {found}`,
        en: `{path} must be ${expected.en}, found ${actual.en} {found}`,
      });
    }
    case "enum": {
      const values = Array.isArray(params.allowedValues) ? params.allowedValues.map(String) : [];
      const suggestion = typeof found === "string" ? findNearest(found, values) : undefined;
      return valueError(
        {
          zh: `{path} 应为以下之一：${values.join(", ")}；实际为 {found}`,
          en: `{path} must be one of ${values.join(", ")}; found {found}`,
        },
        suggestion ? { zh: `是否想写 ${suggestion}？`, en: `Did you mean "${suggestion}"?` } : undefined,
      );
    }
    case "const": {
      const expected = show(params.allowedValue);
      return valueError(
        { zh: `{path} 必须是 ${expected}，实际为 {found}`, en: `{path} must be ${expected}, found {found}` },
        { zh: `改为 ${expected}。`, en: `Write ${expected}.` },
      );
    }
    case "pattern":
    case "format": {
      const meaning =
        error.keyword === "pattern" ? describePattern(String(params.pattern ?? "")) : describeFormat(String(params.format ?? ""));
      return valueError({
        zh: `{path} 格式不对：应为${meaning.zh}；实际为 {found}`,
        en: `{path} has the wrong format: expected ${meaning.en}; found {found}`,
      });
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      const comparison = String(params.comparison ?? "");
      const limit = String(params.limit ?? "");
      const words: Record<string, LocalizedMessage> = {
        ">=": { zh: "不小于", en: "at least" },
        "<=": { zh: "不大于", en: "at most" },
        ">": { zh: "大于", en: "greater than" },
        "<": { zh: "小于", en: "less than" },
      };
      const word = words[comparison] ?? { zh: comparison, en: comparison };
      return valueError({
        zh: `{path} 应${word.zh} ${limit}；实际为 {found}`,
        en: `{path} must be ${word.en} ${limit}; found {found}`,
      });
    }
    case "minLength":
    case "maxLength": {
      const limit = Number(params.limit);
      if (error.keyword === "minLength" && limit === 1) {
        return valueError({ zh: "{path} 不能为空", en: "{path} must not be empty" });
      }
      const word = error.keyword === "minLength" ? { zh: "至少", en: "at least" } : { zh: "至多", en: "at most" };
      return valueError({
        zh: `{path} 应${word.zh} ${limit} 个字符；实际为 {found}`,
        en: `{path} must have ${word.en} ${limit} characters; found {found}`,
      });
    }
    case "minItems":
    case "maxItems":
    case "minProperties":
    case "maxProperties": {
      const limit = Number(params.limit);
      const count = Array.isArray(found) ? found.length : typeof found === "object" && found ? Object.keys(found).length : 0;
      const word = error.keyword.startsWith("min") ? { zh: "至少", en: "at least" } : { zh: "至多", en: "at most" };
      return valueError({
        zh: `{path} 应有${word.zh} ${limit} 项；实际有 ${count} 项`,
        en: `{path} must have ${word.en} ${limit} entries; found ${count}`,
      });
    }
    case "uniqueItems": {
      const later = Math.max(Number(params.i), Number(params.j));
      const earlier = Math.min(Number(params.i), Number(params.j));
      const entryPointer = Number.isInteger(later) ? joinPointer(pointer, later) : pointer;
      const entry = valueAt(document.value, entryPointer);
      return {
        code,
        pointer: entryPointer,
        part: "value",
        message: {
          zh: `${path} 中第 ${later + 1} 项 ${show(entry)} 与第 ${earlier + 1} 项重复`,
          en: `${path} repeats ${show(entry)} (entries ${earlier + 1} and ${later + 1})`,
        },
        hint: { zh: "删除重复的一项。", en: "Remove the repeated entry." },
        dedupe: `${entryPointer}|value`,
      };
    }
    default:
      return valueError({
        zh: `{path} 不符合标准（${error.keyword}）`,
        en: `{path} does not conform to the standard (${error.keyword}: ${error.message ?? "invalid"})`,
      });
  }
}

function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

/** The JSON Pointer of the first key of the document's root mapping, so root-level findings point at a key. */
function firstRootKey(document: SourceDocument): string | undefined {
  const value = document.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const first = Object.keys(value)[0];
  return first === undefined ? undefined : joinPointer("", first);
}

/** Options of `mapStructuralErrors`. */
export interface MapStructuralErrorsOptions {
  /** The document the errors are about. */
  document: SourceDocument;
  /** The raw Ajv errors. */
  errors: readonly StructuralError[];
  /** The fields allowed at an error's schema location, for "did you mean" hints; defaults to none. */
  allowedFields?: (error: StructuralError) => readonly string[] | undefined;
}

/**
 * Maps raw Ajv errors of one document to located, deduplicated diagnostics.
 *
 * @example
 * const diagnostics = mapStructuralErrors({ document, errors: validateStructure("Checklist", document.value) });
 */
export function mapStructuralErrors(options: MapStructuralErrorsOptions): Diagnostic[] {
  const { document, errors } = options;
  const specific = errors.filter((error) => !SUMMARY_KEYWORDS.has(error.keyword));
  const kept = errors.filter(
    (error) =>
      !SUMMARY_KEYWORDS.has(error.keyword) ||
      (error.keyword !== "if" &&
        error.keyword !== "then" &&
        error.keyword !== "else" &&
        !specific.some((other) => isWithin(other.instancePath, error.instancePath))),
  );
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of kept) {
    const mapped = mapError(error, { document, allowed: options.allowedFields?.(error) });
    if (seen.has(mapped.dedupe)) continue;
    seen.add(mapped.dedupe);
    const locatePointer = mapped.pointer === "" ? (firstRootKey(document) ?? "") : mapped.pointer;
    const range = document.locate(locatePointer, mapped.part);
    diagnostics.push({
      code: mapped.code,
      severity: STRUCTURAL_DIAGNOSTICS[mapped.code]?.severity ?? "error",
      message: mapped.message,
      ...(mapped.hint ? { hint: mapped.hint } : {}),
      file: document.path,
      pointer: mapped.pointer,
      ...(range ? { range } : {}),
    });
  }
  return diagnostics;
}

/**
 * Checks one document against the JSON Schema of its kind; documents of an unknown kind yield nothing
 * (the parser reports those).
 *
 * @example
 * structuralDiagnostics(document).map((diagnostic) => diagnostic.code); // [] when valid; ["schema-unknown-field"] for a misspelt key
 */
export function structuralDiagnostics(document: SourceDocument): Diagnostic[] {
  const value = document.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const kind = (value as Record<string, unknown>).kind;
  if (!isDocumentKind(kind)) return [];
  const known = KNOWN_FIELDS[kind] ?? {};
  return mapStructuralErrors({
    document,
    errors: validateStructure(kind, value),
    allowedFields: (error) => known[error.instancePath.replace(/\/\d+(?=\/|$)/g, "/*")],
  });
}
