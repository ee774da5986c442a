import type { Diagnostic, LocalizedMessage, RelatedLocation, Severity, SourceDocument } from "@onething/schemas";
import { formatMessage } from "./format.js";
import { buildIndex, type ProjectIndex } from "./project-index.js";
import { rules } from "./rules/index.js";
import { structuralDiagnostics } from "./structural.js";
import type { Rule, RuleReport, StructuralHint, ValidateOptions } from "./types.js";

/** Codes the rule engine itself reports (not a rule, not the schema), with their severity and meaning. */
export const ENGINE_DIAGNOSTICS: Record<string, { severity: Severity; description: LocalizedMessage }> = {
  "rule-crashed": {
    severity: "error",
    description: {
      zh: "某条规则内部出错（程序缺陷，请报告）；其余规则照常运行。",
      en: "A rule failed internally (a bug, please report it); the other rules still ran.",
    },
  },
};

/** Today's UTC date as `YYYY-MM-DD`. */
function currentDate(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Indexes the structurally valid documents of a project by id, for the semantic rules.
 *
 * @example
 * const index = indexProject(documents);
 * index.checklistsById.get("cn.national.2024-1")?.matters.has("newborn-birth"); // true
 */
export function indexProject(documents: readonly SourceDocument[]): ProjectIndex {
  return buildIndex(documents.map((document) => ({ document, valid: structuralDiagnostics(document).length === 0 })));
}

function toDiagnostic(rule: Rule, report: RuleReport): Diagnostic {
  const { meta } = rule;
  const template = meta.messages[report.messageId] ?? { zh: report.messageId, en: report.messageId };
  const hintTemplate = report.hintId === undefined ? meta.hint : meta.messages[report.hintId];
  const range = report.document.locate(report.pointer, report.part);
  const related: RelatedLocation[] = (report.related ?? []).map((place) => {
    const placeRange = place.document.locate(place.pointer, place.part);
    const placeTemplate = meta.messages[place.messageId] ?? { zh: place.messageId, en: place.messageId };
    return {
      file: place.document.path,
      pointer: place.pointer,
      ...(placeRange ? { range: placeRange } : {}),
      message: formatMessage(placeTemplate, place.data ?? report.data),
    };
  });
  return {
    code: meta.id,
    severity: meta.severity,
    message: formatMessage(template, report.data),
    ...(hintTemplate ? { hint: formatMessage(hintTemplate, report.data) } : {}),
    file: report.document.path,
    pointer: report.pointer,
    ...(range ? { range } : {}),
    ...(related.length > 0 ? { related } : {}),
  };
}

/**
 * Orders diagnostics by file, line, column and code.
 *
 * @example
 * const sorted = [...diagnostics].sort(compareDiagnostics);
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fileA = a.file ?? "";
  const fileB = b.file ?? "";
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  const lineDelta = (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0);
  if (lineDelta !== 0) return lineDelta;
  const columnDelta = (a.range?.start.column ?? 0) - (b.range?.start.column ?? 0);
  if (columnDelta !== 0) return columnDelta;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** The finding that a rule threw: a bug, reported instead of crashing the run. */
function ruleCrashed(rule: Rule, error: unknown): Diagnostic {
  return {
    code: "rule-crashed",
    severity: "error",
    message: {
      zh: `规则 ${rule.meta.id} 内部出错：${String(error)}`,
      en: `The rule ${rule.meta.id} failed: ${String(error)}`,
    },
  };
}

/** Runs one rule over the index; a rule that throws is a bug, reported as a diagnostic instead of crashing the run. */
function runRule(options: { rule: Rule; index: ProjectIndex; today: string; into: Diagnostic[]; scope: ((file: string) => boolean) | undefined }): void {
  const { rule, index, today, into, scope } = options;
  try {
    rule.check({
      index,
      today,
      report: (report) => {
        if (scope === undefined || scope(report.document.path)) into.push(toDiagnostic(rule, report));
      },
    });
  } catch (error) {
    into.push(ruleCrashed(rule, error));
  }
}

/**
 * Pushes a document's structural findings, each with the hint of the first rule that explains it (the hint replaces
 * the schema's own); a rule that throws leaves the finding as it is, is reported once as `rule-crashed` and is not
 * asked again (it joins `crashed`).
 */
function pushStructural(options: { found: readonly Diagnostic[]; document: SourceDocument; index: ProjectIndex; hinting: readonly Rule[]; crashed: Set<Rule>; into: Diagnostic[] }): void {
  const { document, index, hinting, crashed, into } = options;
  for (const diagnostic of options.found) {
    let hinted = diagnostic;
    for (const rule of hinting) {
      if (crashed.has(rule)) continue;
      let hint: StructuralHint | undefined;
      try {
        hint = rule.hintStructural?.({ diagnostic, document, index });
      } catch (error) {
        crashed.add(rule);
        into.push(ruleCrashed(rule, error));
      }
      const template = hint === undefined ? undefined : rule.meta.messages[hint.messageId];
      if (template === undefined) continue;
      hinted = { ...diagnostic, hint: formatMessage(template, hint?.data) };
      break;
    }
    into.push(hinted);
  }
}

/**
 * Validates a project: each document against its JSON Schema, then the semantic rules over the
 * documents that passed (a rule may also give a schema finding a better hint, such as the stage id for
 * `stage: 开办`). Returns located diagnostics sorted by file, line, column and code; never throws.
 * @example
 * const diagnostics = validateDocuments(documents, { today: "2026-01-01" });
 */
export function validateDocuments(documents: readonly SourceDocument[], options: ValidateOptions = {}): Diagnostic[] {
  return validateAndIndex(documents, options).diagnostics;
}

/** Options of {@link validateAndIndex}. */
export interface ValidateAndIndexOptions extends ValidateOptions {
  /**
   * Each document's structural findings when they were already computed (by `structuralDiagnostics`, in a worker
   * thread, say); documents missing from the map are checked here. Default: every document is checked here.
   */
  structural?: ReadonlyMap<SourceDocument, readonly Diagnostic[]>;
  /**
   * Which files' findings are wanted: a finding about another file is dropped before its position is looked up
   * (which may parse that file again), though every document still counts for the rules. Findings about no file
   * are always kept. Default: every file's.
   */
  scope?: (file: string) => boolean;
}

/** What {@link validateAndIndex} returns: the findings and the index the rules ran over. */
export interface ValidatedProject {
  /** Located diagnostics sorted by file, line, column and code. */
  diagnostics: Diagnostic[];
  /** The structurally valid documents indexed by id (what `indexProject` returns for the same documents). */
  index: ProjectIndex;
}

/**
 * What `validateDocuments` does, also returning the project index it built, so that a caller who needs both
 * validates every document against its schema once.
 *
 * @example
 * const { diagnostics, index } = validateAndIndex(documents, { today: "2026-01-01" });
 * index.checklistsById.has("cn.national.2024-1"); // true when that list is structurally valid
 */
export function validateAndIndex(documents: readonly SourceDocument[], options: ValidateAndIndexOptions = {}): ValidatedProject {
  const today = options.today ?? currentDate();
  const diagnostics: Diagnostic[] = [];
  const { scope } = options;
  const entries = documents.map((document) => {
    const structural = options.structural?.get(document) ?? structuralDiagnostics(document);
    return { document, valid: structural.length === 0, structural };
  });
  const index = buildIndex(entries);
  const overrides = options.rules ?? {};
  const hinting = rules.filter((rule) => rule.hintStructural !== undefined && overrides[rule.meta.id] !== "off");
  const crashed = new Set<Rule>();
  for (const { document, structural } of entries) {
    if (structural.length === 0 || (scope !== undefined && !scope(document.path))) continue;
    pushStructural({ found: structural, document, index, hinting, crashed, into: diagnostics });
  }
  for (const rule of rules) {
    if (overrides[rule.meta.id] === "off") continue;
    runRule({ rule, index, today, into: diagnostics, scope });
  }
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const override = overrides[diagnostic.code];
    if (override === "off") continue;
    result.push(override ? { ...diagnostic, severity: override } : diagnostic);
  }
  return { diagnostics: result.sort(compareDiagnostics), index };
}
