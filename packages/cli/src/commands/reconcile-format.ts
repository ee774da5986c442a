import {
  describeBasis,
  describeCategory,
  displayWidth,
  localize,
  padEndWidth,
  padStartWidth,
  RECONCILE_CATEGORIES,
  severityWord,
  sortDiagnostics,
  type Diagnostic,
  type Lang,
  type ReconciledMatter,
  type ReconcileReport,
} from "@onething/sdk";
import { reconcileMessages } from "./reconcile-messages.js";

/** The format `onething reconcile` writes. */
export type ReconcileFormat = "text" | "markdown" | "json" | "csv";

/** What a reconcile run produced: one report per ledger, and findings about ledgers that could not be reconciled. */
export interface ReconcileRun {
  /** The date overdue is judged against. */
  today: string;
  /** One report per reconciled ledger. */
  reports: ReconcileReport[];
  /** Findings about the run (ledgers whose checklist is missing). */
  diagnostics: Diagnostic[];
}

function text(value: { zh: string; en?: string } | undefined, lang: Lang): string {
  if (value === undefined) return "";
  return lang === "en" && value.en !== undefined && value.en !== "" ? value.en : value.zh;
}

function ledgerName(report: ReconcileReport, lang: Lang): string {
  const title = text(report.progress.title, lang);
  const id = report.progress.id ?? report.progress.file;
  return title === "" ? id : lang === "zh" ? `${title}（${id}）` : `${title} (${id})`;
}

/** The one-cell description of a row: status details, due date, basis, reason, evidence, former id. */
function detail(matter: ReconciledMatter, lang: Lang): string {
  const m = reconcileMessages(lang);
  const parts: string[] = [];
  const status = matter.status;
  if (matter.category === "overdue" && (status === "in-progress" || status === "planned" || status === "awaiting-plan")) parts.push(lang === "zh" ? describeCategory(status, lang) : describeCategory(status, lang).toLowerCase());
  if (matter.status === "verified") parts.push(m.verified);
  if (matter.category === "not-applicable") parts.push(describeBasis(matter.basis, lang));
  if (matter.since !== undefined) parts.push(m.since(matter.since));
  if (matter.dueDate !== undefined && matter.category !== "landed" && matter.category !== "not-applicable") parts.push(m.due(matter.dueDate, matter.dueFrom));
  if (matter.reason !== undefined) parts.push(text(matter.reason, lang));
  if (matter.evidence > 0) parts.push(m.evidence(matter.evidence));
  if (matter.formerId !== undefined) parts.push(m.formerId(matter.formerId));
  return parts.join(lang === "zh" ? "；" : "; ");
}

function location(diagnostic: { file?: string; range?: { start: { line: number; column: number } } }): string {
  const start = diagnostic.range?.start;
  return `${diagnostic.file ?? ""}${start === undefined ? "" : `:${start.line}:${start.column}`}`;
}

function diagnosticLines(diagnostics: readonly Diagnostic[], lang: Lang): string[] {
  return sortDiagnostics(diagnostics).map((d) => `  ${location(d)}  ${severityWord(d.severity, lang)}  ${localize(d.message, lang)}  ${d.code}`);
}

function renderTextReport(report: ReconcileReport, lang: Lang): string[] {
  const m = reconcileMessages(lang);
  const out = [
    m.title(ledgerName(report, lang)),
    m.checklistLine({ title: text(report.checklist.title, lang), id: report.checklist.id, version: report.checklist.version, ...(report.progress.pinned.version === undefined ? {} : { pinned: report.progress.pinned.version }) }),
    m.datesLine(report.progress.asOf, report.today),
    "",
  ];
  const idWidth = Math.max(0, ...report.matters.map((matter) => displayWidth(matter.id)));
  const nameWidth = Math.max(0, ...report.matters.map((matter) => displayWidth(text(matter.name, lang))));
  for (const category of RECONCILE_CATEGORIES) {
    const rows = report.matters.filter((matter) => matter.category === category);
    if (rows.length === 0) continue;
    out.push(lang === "zh" ? `${describeCategory(category, lang)}（${rows.length}）` : `${describeCategory(category, lang)} (${rows.length})`);
    for (const row of rows) out.push(`  ${padEndWidth(row.id, idWidth)}  ${padEndWidth(text(row.name, lang), nameWidth)}  ${detail(row, lang)}`.trimEnd());
    out.push("");
  }
  if (report.mapped.length > 0) {
    out.push(m.mapped);
    for (const mapping of report.mapped) out.push(`  ${mapping.from} → ${mapping.to}  ${location({ file: report.progress.file, ...(mapping.range === undefined ? {} : { range: mapping.range }) })}`);
    out.push("");
  }
  if (report.unknown.length > 0) {
    out.push(m.unknown);
    for (const entry of report.unknown) out.push(`  ${entry.matter}  ${entry.status}  ${location({ file: report.progress.file, ...(entry.range === undefined ? {} : { range: entry.range }) })}`);
    out.push("");
  }
  out.push(m.summary);
  const counts = RECONCILE_CATEGORIES.map((category) => [describeCategory(category, lang), String(report.summary.counts[category])]);
  const labelWidth = Math.max(...counts.map(([label]) => displayWidth(label ?? "")));
  const countWidth = Math.max(...counts.map(([, count]) => (count ?? "").length));
  for (const [label, count] of counts) out.push(`  ${padEndWidth(label ?? "", labelWidth)}  ${padStartWidth(count ?? "", countWidth)}`);
  out.push(`  ${localize(report.summary.sentence, lang)}`, "");
  if (report.diagnostics.length > 0) out.push(m.findings, ...diagnosticLines(report.diagnostics, lang), "");
  return out;
}

/** Renders the run as a plain-text report per ledger, grouped by category and aligned by display width. */
export function renderReconcileText(run: ReconcileRun, lang: Lang): string {
  const out: string[] = [];
  for (const report of run.reports) out.push(...renderTextReport(report, lang));
  if (run.diagnostics.length > 0) out.push(reconcileMessages(lang).findings, ...diagnosticLines(run.diagnostics, lang), "");
  while (out.at(-1) === "") out.pop();
  return `${out.join("\n")}\n`;
}

function cell(value: string): string {
  return value.replace(/\\/gu, "\\\\").replace(/\|/gu, "\\|").replace(/[\r\n]+/gu, " ");
}

/** Renders the run as Markdown: per ledger a heading, the summary sentence, a count table and a table per category. */
export function renderReconcileMarkdown(run: ReconcileRun, lang: Lang): string {
  const m = reconcileMessages(lang);
  const out: string[] = [];
  for (const report of run.reports) {
    out.push(`## ${cell(m.title(ledgerName(report, lang)))}`, "");
    out.push(cell(m.checklistLine({ title: text(report.checklist.title, lang), id: report.checklist.id, version: report.checklist.version, ...(report.progress.pinned.version === undefined ? {} : { pinned: report.progress.pinned.version }) })) + "  ");
    out.push(cell(m.datesLine(report.progress.asOf, report.today)), "");
    out.push(`**${cell(localize(report.summary.sentence, lang))}**`, "");
    out.push(`| ${m.headers.category} | ${m.headers.count} |`, "|---|---:|");
    for (const category of RECONCILE_CATEGORIES) out.push(`| ${describeCategory(category, lang)} | ${report.summary.counts[category]} |`);
    out.push("");
    for (const category of RECONCILE_CATEGORIES) {
      const rows = report.matters.filter((matter) => matter.category === category);
      if (rows.length === 0) continue;
      out.push(lang === "zh" ? `### ${describeCategory(category, lang)}（${rows.length}）` : `### ${describeCategory(category, lang)} (${rows.length})`, "");
      out.push(`| ${m.headers.matter} | ${m.headers.name} | ${m.headers.detail} |`, "|---|---|---|");
      for (const row of rows) out.push(`| \`${row.id}\` | ${cell(text(row.name, lang))} | ${cell(detail(row, lang))} |`);
      out.push("");
    }
    if (report.mapped.length > 0) {
      out.push(`### ${m.mapped}`, "");
      for (const mapping of report.mapped) out.push(`- \`${mapping.from}\` → \`${mapping.to}\` (${location({ file: report.progress.file, ...(mapping.range === undefined ? {} : { range: mapping.range }) })})`);
      out.push("");
    }
    if (report.unknown.length > 0) {
      out.push(`### ${m.unknown}`, "");
      for (const entry of report.unknown) out.push(`- \`${entry.matter}\` ${entry.status} (${location({ file: report.progress.file, ...(entry.range === undefined ? {} : { range: entry.range }) })})`);
      out.push("");
    }
    if (report.diagnostics.length > 0) {
      out.push(`### ${m.findings}`, "");
      for (const d of sortDiagnostics(report.diagnostics)) out.push(`- \`${location(d)}\` ${severityWord(d.severity, lang)} ${cell(localize(d.message, lang))} (\`${d.code}\`)`);
      out.push("");
    }
  }
  if (run.diagnostics.length > 0) {
    out.push(`## ${m.findings}`, "");
    for (const d of sortDiagnostics(run.diagnostics)) out.push(`- \`${location(d)}\` ${severityWord(d.severity, lang)} ${cell(localize(d.message, lang))} (\`${d.code}\`)`);
    out.push("");
  }
  while (out.at(-1) === "") out.pop();
  return `${out.join("\n")}\n`;
}

/** Renders the run as JSON (`version: 1`): the reports as the SDK returns them and the run's findings. */
export function renderReconcileJson(run: ReconcileRun): string {
  return `${JSON.stringify({ version: 1, today: run.today, reports: run.reports, diagnostics: run.diagnostics }, null, 2)}\n`;
}

const CSV_COLUMNS = [
  "progress", "checklist", "checklist_version", "matter", "name_zh", "name_en", "subject", "stage", "defined_in", "level",
  "category", "category_label", "status", "due_date", "due_from", "since", "former_id", "basis", "reason", "evidence", "note",
] as const;

/** Quotes a CSV field per RFC 4180, and defuses text a spreadsheet would run as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Renders every row of every report as CSV for spreadsheets: UTF-8 BOM, CRLF line ends, one row per matter. */
export function renderReconcileCsv(run: ReconcileRun, lang: Lang): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const report of run.reports) {
    for (const row of report.matters) {
      const values: Record<(typeof CSV_COLUMNS)[number], string> = {
        progress: report.progress.id ?? report.progress.file,
        checklist: report.checklist.id,
        checklist_version: report.checklist.version,
        matter: row.id,
        name_zh: row.name.zh,
        name_en: row.name.en ?? "",
        subject: row.subject,
        stage: row.stage,
        defined_in: row.definedIn,
        level: row.level ?? "",
        category: row.category,
        category_label: describeCategory(row.category, lang),
        status: row.status ?? "",
        due_date: row.dueDate ?? "",
        due_from: row.dueFrom ?? "",
        since: row.since ?? "",
        former_id: row.formerId ?? "",
        basis: row.basis ?? "",
        reason: text(row.reason, lang),
        evidence: String(row.evidence),
        note: row.note ?? "",
      };
      lines.push(CSV_COLUMNS.map((column) => csvField(values[column])).join(","));
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
