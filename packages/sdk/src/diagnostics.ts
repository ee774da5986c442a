import type { Diagnostic, Severity } from "@onething/schemas";
import type { SeverityCounts } from "./i18n.js";

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The rank of a severity, 0 for the most serious. */
export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders diagnostics by place: findings about the whole run first, then by file, line, column, severity
 * and code. Stable, so equal diagnostics keep their order.
 *
 * @example
 * const byPlace = [...project.diagnostics].sort(compareByLocation);
 * byPlace[0]?.file; // "checklists/local/shandong/qingdao-progress.yaml"
 */
export function compareByLocation(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) {
    if (a.file === undefined) return -1;
    if (b.file === undefined) return 1;
    return compareText(a.file, b.file);
  }
  const lineA = a.range?.start.line ?? 0;
  const lineB = b.range?.start.line ?? 0;
  if (lineA !== lineB) return lineA - lineB;
  const columnA = a.range?.start.column ?? 0;
  const columnB = b.range?.start.column ?? 0;
  if (columnA !== columnB) return columnA - columnB;
  const rank = severityRank(a.severity) - severityRank(b.severity);
  return rank !== 0 ? rank : compareText(a.code, b.code);
}

/**
 * Orders diagnostics by importance: errors first, then warnings, then info, each by place.
 *
 * @example
 * const mostSerious = [...project.diagnostics].sort(compareByRank)[0];
 * mostSerious?.severity; // "error" when there is one, else "warning", …
 */
export function compareByRank(a: Diagnostic, b: Diagnostic): number {
  const rank = severityRank(a.severity) - severityRank(b.severity);
  return rank !== 0 ? rank : compareByLocation(a, b);
}

/**
 * Returns a copy of the diagnostics sorted by place (see `compareByLocation`).
 *
 * @example
 * for (const diagnostic of sortDiagnostics(project.diagnostics)) console.log(diagnostic.file, diagnostic.code);
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareByLocation);
}

/** What `summarize` returns: counts by severity and the number of distinct files with findings. */
export interface DiagnosticSummary extends SeverityCounts {
  /** Number of distinct files that have at least one finding. */
  files: number;
}

/**
 * Counts diagnostics by severity and the distinct files they concern.
 *
 * @example
 * summarize(project.diagnostics); // { error: 0, warning: 5, info: 3, files: 5 }
 */
export function summarize(diagnostics: readonly Diagnostic[]): DiagnosticSummary {
  const counts: DiagnosticSummary = { error: 0, warning: 0, info: 0, files: 0 };
  const files = new Set<string>();
  for (const diagnostic of diagnostics) {
    counts[diagnostic.severity] += 1;
    if (diagnostic.file !== undefined) files.add(diagnostic.file);
  }
  counts.files = files.size;
  return counts;
}

/**
 * Keeps the `max` most important diagnostics (see `compareByRank`) in their original order and reports
 * how many were left out; everything is kept when `max` is undefined.
 */
export function limitDiagnostics(
  diagnostics: readonly Diagnostic[],
  max: number | undefined,
): { shown: Diagnostic[]; omitted: number } {
  if (max === undefined || diagnostics.length <= max) return { shown: [...diagnostics], omitted: 0 };
  const kept = new Set([...diagnostics].sort(compareByRank).slice(0, Math.max(0, max)));
  return { shown: diagnostics.filter((diagnostic) => kept.has(diagnostic)), omitted: diagnostics.length - kept.size };
}

/** Groups diagnostics by file in first-seen order; the key `undefined` holds run-level findings. */
export function groupByFile(diagnostics: readonly Diagnostic[]): Map<string | undefined, Diagnostic[]> {
  const groups = new Map<string | undefined, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const group = groups.get(diagnostic.file);
    if (group === undefined) groups.set(diagnostic.file, [diagnostic]);
    else group.push(diagnostic);
  }
  return groups;
}
