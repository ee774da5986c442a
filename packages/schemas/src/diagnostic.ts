/** How serious a finding is: `error` fails validation, `warning` and `info` do not by default. */
export type Severity = "error" | "warning" | "info";

/** The severities from the most to the least serious. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** A place in a source text; `line` and `column` are 1-based, `column` counts UTF-16 code units. */
export interface Position {
  /** 1-based line number. */
  line: number;
  /** 1-based column. */
  column: number;
  /** 0-based offset into the source text. */
  offset: number;
}

/** A span of a source text, `end` exclusive. */
export interface SourceRange {
  /** First character of the span. */
  start: Position;
  /** The position just after the span. */
  end: Position;
}

/** A text in the two languages every user-facing message carries. */
export interface LocalizedMessage {
  /** Chinese, the default language. */
  zh: string;
  /** English, shown with `--lang en`. */
  en: string;
}

/** A second place that explains a diagnostic (the first definition of a duplicate id, say). */
export interface RelatedLocation {
  /** Project-relative path of the file, with forward slashes. */
  file: string;
  /** JSON Pointer into the document, when the place is a node. */
  pointer?: string;
  /** The span in the file, when known. */
  range?: SourceRange;
  /** What this place is. */
  message: LocalizedMessage;
}

/**
 * One finding about the input: a YAML error, a schema violation or a broken semantic rule. Bad input
 * is always reported as diagnostics, never thrown.
 */
export interface Diagnostic {
  /** Stable identifier of the check (a rule id such as `unknown-department`); documented in docs/rules.md. */
  code: string;
  /** How serious the finding is. */
  severity: Severity;
  /** What failed, what was expected and what was found, in both languages. */
  message: LocalizedMessage;
  /** How to fix it, when there is something useful to say. */
  hint?: LocalizedMessage;
  /** Project-relative path of the file (forward slashes); absent for findings about the whole run. */
  file?: string;
  /** JSON Pointer (RFC 6901) to the offending node within the document. */
  pointer?: string;
  /** The span of the offending key or value; filled in from `pointer` when the diagnostic is located. */
  range?: SourceRange;
  /** Other places that explain the finding. */
  related?: RelatedLocation[];
}

/**
 * A parsed source document as the validators see it: its plain data and a way to find where a node
 * came from. Produced by `@onething/dsl`, consumed by `@onething/validate`.
 */
export interface SourceDocument {
  /** Project-relative path (forward slashes). */
  path: string;
  /** The full source text. */
  text: string;
  /** The document as plain data (objects, arrays, strings, numbers, booleans, null). */
  value: unknown;
  /**
   * The span of the node at `pointer`: its key when `part` is `"key"` (the default for object members),
   * else its value. Falls back to the nearest existing ancestor; undefined only for an empty document.
   */
  locate(pointer: string, part?: "key" | "value"): SourceRange | undefined;
}
