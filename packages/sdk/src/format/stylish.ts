import type { Diagnostic, Severity } from "@onething/schemas";
import { createColors, type Colors } from "../ansi.js";
import { groupByFile, limitDiagnostics, summarize } from "../diagnostics.js";
import { describeClean, describeCounts, describeNoFile, describeOmitted, hintLabel, localize, severityWord } from "../i18n.js";
import { displayWidth, padEndWidth, padStartWidth, toSingleLine } from "../text.js";
import { formatCodeFrame, splitSourceLines } from "./code-frame.js";
import type { FormatOptions } from "./options.js";

function paintSeverity(colors: Colors, severity: Severity): (text: string) => string {
  return severity === "error" ? colors.red : severity === "warning" ? colors.yellow : colors.blue;
}

/**
 * Renders diagnostics for people at a terminal: per file a header, each problem as
 * `  line:col  严重性  message  code` with a code frame and the hint, then a summary line.
 * Diagnostics are printed in the order given (the SDK sorts them by place).
 */
export function formatStylish(diagnostics: readonly Diagnostic[], options: Omit<FormatOptions, "format">): string {
  const { lang } = options;
  const colors = createColors(options.color ?? false);
  if (diagnostics.length === 0) return `${colors.green("✔")} ${describeClean(lang)}\n`;
  const { shown, omitted } = limitDiagnostics(diagnostics, options.maxProblems);
  const blocks: string[] = [];
  for (const [file, group] of groupByFile(shown)) {
    const lines: string[] = [colors.underline(colors.bold(file ?? describeNoFile(lang)))];
    const locations = group.map((d) => (d.range ? `${d.range.start.line}:${d.range.start.column}` : ""));
    // Reduce, not Math.max(...spread): a file with a hundred thousand findings must not overflow the stack.
    const locationWidth = locations.reduce((width, text) => Math.max(width, text.length), 0);
    const severityWidth = group.reduce((width, d) => Math.max(width, displayWidth(severityWord(d.severity, lang))), 0);
    let sourceLines: string[] | undefined;
    const problems = group.map((diagnostic, index) => {
      const paint = paintSeverity(colors, diagnostic.severity);
      const location = padStartWidth(locations[index] ?? "", locationWidth);
      const severity = padEndWidth(severityWord(diagnostic.severity, lang), severityWidth);
      const message = toSingleLine(localize(diagnostic.message, lang));
      const problem = [`  ${colors.gray(location)}  ${paint(severity)}  ${message}  ${colors.gray(diagnostic.code)}`];
      const source = file === undefined ? undefined : options.sources?.get(file);
      if (source !== undefined && diagnostic.range !== undefined) {
        // Split each file once, however many problems it has: a large file with many findings stays linear.
        sourceLines ??= splitSourceLines(source);
        const frame = formatCodeFrame({ source, lines: sourceLines, range: diagnostic.range, colors, indent: 4 });
        if (frame !== "") problem.push(frame);
      }
      if (diagnostic.hint !== undefined) {
        problem.push(`    ${colors.gray(hintLabel(lang))}${toSingleLine(localize(diagnostic.hint, lang))}`);
      }
      return problem.join("\n");
    });
    // Problems with a frame or a hint span several lines; a blank line between them keeps them apart.
    const spaced = problems.some((problem) => problem.includes("\n"));
    lines.push(problems.join(spaced ? "\n\n" : "\n"));
    blocks.push(lines.join("\n"));
  }
  if (omitted > 0) blocks.push(describeOmitted(omitted, lang));
  const counts = summarize(diagnostics);
  const paint = counts.error > 0 ? colors.red : counts.warning > 0 ? colors.yellow : colors.blue;
  blocks.push(colors.bold(paint(`✖ ${describeCounts(counts, lang)}`)));
  return `${blocks.join("\n\n")}\n`;
}
