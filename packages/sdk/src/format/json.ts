import type { Diagnostic, Severity } from "@onething/schemas";
import { summarize, type DiagnosticSummary } from "../diagnostics.js";
import { localize, type Lang } from "../i18n.js";
import type { FormatOptions } from "./options.js";

/** A place in the json output; lines and columns are 1-based, the end is exclusive. */
export interface JsonLocation {
  /** Project-relative path of the file (forward slashes). */
  file?: string;
  /** JSON Pointer into the document. */
  pointer?: string;
  /** 1-based first line. */
  line?: number;
  /** 1-based first column (UTF-16 code units). */
  column?: number;
  /** 1-based line of the end. */
  endLine?: number;
  /** 1-based column just after the end. */
  endColumn?: number;
}

/** One diagnostic in the json output. */
export interface JsonDiagnostic extends JsonLocation {
  /** The rule id. */
  code: string;
  /** How serious the finding is. */
  severity: Severity;
  /** The message in the chosen language. */
  message: string;
  /** The fix hint in the chosen language, when there is one. */
  hint?: string;
  /** Places that explain the finding. */
  related?: Array<JsonLocation & { message: string }>;
}

/** The document `--format json` prints; its JSON Schema is `@onething/cli/validate-output.schema.json`. */
export interface JsonOutput {
  /** The version of this output shape. */
  version: 1;
  /** The language of the messages. */
  lang: Lang;
  /** Counts by severity and files with findings. */
  summary: DiagnosticSummary;
  /** Every finding, in the order given. */
  diagnostics: JsonDiagnostic[];
}

function toLocation(place: Pick<Diagnostic, "file" | "pointer" | "range">): JsonLocation {
  const location: JsonLocation = {};
  if (place.file !== undefined) location.file = place.file;
  if (place.pointer !== undefined) location.pointer = place.pointer;
  if (place.range !== undefined) {
    location.line = place.range.start.line;
    location.column = place.range.start.column;
    location.endLine = place.range.end.line;
    location.endColumn = place.range.end.column;
  }
  return location;
}

/**
 * Builds the json output object (`formatJson` serialises it).
 *
 * @example
 * const output = toJsonOutput(project.diagnostics, { lang: "en" });
 * output.summary; // { error: 0, warning: 5, info: 3, files: 5 }
 */
export function toJsonOutput(diagnostics: readonly Diagnostic[], options: Pick<FormatOptions, "lang">): JsonOutput {
  const { lang } = options;
  return {
    version: 1,
    lang,
    summary: summarize(diagnostics),
    diagnostics: diagnostics.map((diagnostic) => {
      const out: JsonDiagnostic = {
        code: diagnostic.code,
        severity: diagnostic.severity,
        message: localize(diagnostic.message, lang),
        ...toLocation(diagnostic),
      };
      if (diagnostic.hint !== undefined) out.hint = localize(diagnostic.hint, lang);
      if (diagnostic.related !== undefined && diagnostic.related.length > 0) {
        out.related = diagnostic.related.map((related) => ({ ...toLocation(related), message: localize(related.message, lang) }));
      }
      return out;
    }),
  };
}

/** Renders diagnostics as one JSON document `{ version: 1, lang, summary, diagnostics }`, 2-space indented. */
export function formatJson(diagnostics: readonly Diagnostic[], options: Pick<FormatOptions, "lang">): string {
  return `${JSON.stringify(toJsonOutput(diagnostics, options), null, 2)}\n`;
}
