import type { Diagnostic, LocalizedMessage, Severity, SourceDocument } from "@onething/schemas";
import { isDocumentKind } from "@onething/schemas";
import { DSL_DIAGNOSTICS, resolveChecklists } from "@onething/dsl";
import type { ParsedDocument, ResolvedChecklist } from "@onething/dsl";
import { ENGINE_DIAGNOSTICS, STRUCTURAL_DIAGNOSTICS, rules, validateAndIndex } from "@onething/validate";
import type { ProjectIndex } from "@onething/validate";
import { sortDiagnostics } from "./diagnostics.js";

/** Options of `checkDocuments`. */
export interface CheckOptions {
  /** The date overdue checks compare against, `YYYY-MM-DD`. Default: today's UTC date. */
  today?: string;
  /** Per-code severity overrides (`"off"` drops the code). Default: none. */
  rules?: Record<string, Severity | "off">;
}

/**
 * Validates parsed documents (structure and semantic rules), resolves every checklist over its bases
 * (extends cycles, duplicate matters, weakened locks, the local floor) and returns the findings sorted by place.
 *
 * @example
 * const diagnostics = checkDocuments(documents, { today: "2025-07-01" });
 */
export function checkDocuments(documents: readonly SourceDocument[], options: CheckOptions = {}): Diagnostic[] {
  // Only the findings are returned, so the lists are resolved without provenance (the findings are the same).
  return checkAndResolve(documents, { ...options, origins: false }).diagnostics;
}

/**
 * What `checkDocuments` does, also returning the effective lists it resolved and the index it validated over, so
 * that loading a project resolves every checklist and validates every document once (internal to the SDK). With
 * `origins: false` the lists are resolved without provenance, for callers that want only the findings;
 * `structural` holds structural findings already computed (by a worker thread); `scope` keeps only the findings
 * about the files it accepts (and findings about no file), dropping the others before they are located.
 */
export function checkAndResolve(
  documents: readonly SourceDocument[],
  options: CheckOptions & { origins?: boolean; structural?: ReadonlyMap<SourceDocument, readonly Diagnostic[]>; scope?: (file: string) => boolean } = {},
): { diagnostics: Diagnostic[]; checklists: Map<string, ResolvedChecklist>; index: ProjectIndex } {
  const overrides = options.rules ?? {};
  const resolved = resolveChecklists({
    documents: documents.filter(hasKnownKind),
    ...(options.origins === false ? { origins: false } : {}),
    ...(options.scope === undefined ? {} : { scope: options.scope }),
  });
  const resolution = resolved.diagnostics.flatMap((diagnostic) => {
    const override = overrides[diagnostic.code];
    if (override === "off") return [];
    return [override === undefined ? diagnostic : { ...diagnostic, severity: override }];
  });
  const validated = validateAndIndex(documents, options);
  return { diagnostics: sortDiagnostics([...validated.diagnostics, ...resolution]), checklists: resolved.checklists, index: validated.index };
}

function hasKnownKind(document: SourceDocument): document is ParsedDocument {
  return isDocumentKind((document as Partial<ParsedDocument>).kind);
}

/**
 * The one-sentence description of every diagnostic code (parsing, structure, semantic rules and the rule engine's
 * own codes such as `rule-crashed`), by code.
 *
 * @example
 * describeDiagnosticCodes().get("unknown-department")?.en;
 * // "Every referenced department (lead, partners, steps, an item's department, a parent) is defined in a department registry."
 */
export function describeDiagnosticCodes(): Map<string, LocalizedMessage> {
  const descriptions = new Map<string, LocalizedMessage>();
  for (const [code, info] of Object.entries(DSL_DIAGNOSTICS)) descriptions.set(code, info.description);
  for (const [code, info] of Object.entries(STRUCTURAL_DIAGNOSTICS)) descriptions.set(code, info.description);
  for (const rule of rules) descriptions.set(rule.meta.id, rule.meta.description);
  for (const [code, info] of Object.entries(ENGINE_DIAGNOSTICS)) descriptions.set(code, info.description);
  return descriptions;
}
