import type { Diagnostic } from "@onething/schemas";
import { groupByFile, limitDiagnostics, summarize } from "../diagnostics.js";
import { describeClean, describeCounts, describeNoFile, describeOmitted, hintLabel, localize, severityWord } from "../i18n.js";
import type { FormatOptions } from "./options.js";

/** Makes a text safe inside a markdown table cell: pipes and backslashes escaped, line breaks as `<br>`. */
export function escapeTableCell(text: string): string {
  return text
    .replaceAll("\\", "\\\\")
    .replaceAll("|", "\\|")
    .replaceAll("<", "&lt;")
    .replace(/\r\n|\r|\n/gu, "<br>");
}

/**
 * Renders diagnostics as markdown for a pull-request comment or a job summary: a table per file
 * (位置 | 严重性 | 代码 | 说明), then the summary line.
 */
export function formatMarkdown(diagnostics: readonly Diagnostic[], options: Omit<FormatOptions, "format">): string {
  const { lang } = options;
  if (diagnostics.length === 0) return `✔ ${describeClean(lang)}\n`;
  const { shown, omitted } = limitDiagnostics(diagnostics, options.maxProblems);
  const header = lang === "zh" ? "| 位置 | 严重性 | 代码 | 说明 |" : "| Location | Severity | Code | Message |";
  const blocks: string[] = [];
  for (const [file, group] of groupByFile(shown)) {
    const rows = group.map((diagnostic) => {
      const place = diagnostic.range === undefined ? "" : `${diagnostic.range.start.line}:${diagnostic.range.start.column}`;
      const hint = diagnostic.hint === undefined ? "" : `<br>${escapeTableCell(hintLabel(lang) + localize(diagnostic.hint, lang))}`;
      const text = escapeTableCell(localize(diagnostic.message, lang)) + hint;
      return `| ${place} | ${severityWord(diagnostic.severity, lang)} | \`${escapeTableCell(diagnostic.code)}\` | ${text} |`;
    });
    const title = file === undefined ? describeNoFile(lang) : `\`${file.replaceAll("`", "")}\``;
    blocks.push([`### ${title}`, "", header, "| --- | --- | --- | --- |", ...rows].join("\n"));
  }
  if (omitted > 0) blocks.push(describeOmitted(omitted, lang));
  blocks.push(`**✖ ${describeCounts(summarize(diagnostics), lang)}**`);
  return `${blocks.join("\n\n")}\n`;
}
