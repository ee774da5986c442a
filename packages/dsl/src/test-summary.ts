import type { Diagnostic, SourceRange } from "@onething/schemas";
import type { ParseResult } from "./parse.js";

/** What a user notices about a parse, as golden fixtures store it: codes, line:col spans, pointers. */
export interface ParseSummary {
  /** The kind and id of the document, or null when none was returned. */
  document: { kind: string; id: string | null } | null;
  /** One entry per diagnostic, in order. */
  diagnostics: Array<{ code: string; range: string | null; pointer?: string }>;
}

/** Formats a range as `line:col-line:col`. */
export function formatRange(range: SourceRange | undefined): string | null {
  if (range === undefined) return null;
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

/** Reduces a parse result to what golden fixtures compare. */
export function summarize(result: ParseResult): ParseSummary {
  return {
    document: result.document === undefined ? null : { kind: result.document.kind, id: result.document.id ?? null },
    diagnostics: result.diagnostics.map((diagnostic: Diagnostic) => ({
      code: diagnostic.code,
      range: formatRange(diagnostic.range),
      ...(diagnostic.pointer === undefined ? {} : { pointer: diagnostic.pointer }),
    })),
  };
}
