import type { Diagnostic, Severity } from "@onething/schemas";
import { compareByRank, summarize } from "../diagnostics.js";
import { describeClean, describeCounts, describeNoFile, describeOmitted, localize, severityWord, type Lang } from "../i18n.js";
import { escapeTableCell } from "./markdown.js";
import type { FormatOptions } from "./options.js";

/** GitHub shows at most this many annotations of each level per step; the rest go to the summary. */
export const GITHUB_ANNOTATION_LIMIT = 10;

const COMMANDS: Record<Severity, "error" | "warning" | "notice"> = { error: "error", warning: "warning", info: "notice" };

/**
 * Escapes the message part of a workflow command (`%`, CR, LF), as GitHub's toolkit does.
 *
 * @example
 * escapeCommandData("50% 完成\n"); // "50%25 完成%0A"
 */
export function escapeCommandData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/**
 * Escapes a property value of a workflow command (additionally `:` and `,`), as GitHub's toolkit does.
 *
 * @example
 * escapeCommandProperty("checklists/a,b:c.yaml"); // "checklists/a%2Cb%3Ac.yaml"
 */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

function toCommand(diagnostic: Diagnostic, lang: Lang): string {
  const properties: string[] = [];
  if (diagnostic.file !== undefined) {
    properties.push(`file=${escapeCommandProperty(diagnostic.file)}`);
    if (diagnostic.range !== undefined) {
      const { start, end } = diagnostic.range;
      properties.push(`line=${start.line}`, `col=${start.column}`, `endLine=${end.line}`, `endColumn=${end.column}`);
    }
  }
  properties.push(`title=${escapeCommandProperty(diagnostic.code)}`);
  const hint = diagnostic.hint === undefined ? "" : `\n${localize(diagnostic.hint, lang)}`;
  return `::${COMMANDS[diagnostic.severity]} ${properties.join(",")}::${escapeCommandData(localize(diagnostic.message, lang) + hint)}`;
}

/** The two parts of the github output. */
export interface GithubOutput {
  /** Workflow commands, one a line: at most ten per severity, the most serious first. */
  annotations: string;
  /** A markdown summary for `$GITHUB_STEP_SUMMARY`: the counts and every finding not annotated. */
  summary: string;
}

/**
 * Renders diagnostics as GitHub Actions workflow commands (`::error file=…,line=…::message`), ranked
 * (errors first, then by file and line) and capped at ten per severity, plus a markdown summary that lists
 * the findings left out.
 *
 * @example
 * const { annotations, summary } = formatGithubParts(project.diagnostics, { lang: "zh" });
 * process.stdout.write(annotations); // "::warning file=checklists/local/shandong/qingdao-progress.yaml,line=45,…"
 */
export function formatGithubParts(diagnostics: readonly Diagnostic[], options: Omit<FormatOptions, "format">): GithubOutput {
  const { lang } = options;
  const ranked = [...diagnostics].sort(compareByRank);
  const perSeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const annotated: Diagnostic[] = [];
  const rest: Diagnostic[] = [];
  for (const diagnostic of ranked) {
    if (perSeverity[diagnostic.severity] < GITHUB_ANNOTATION_LIMIT) {
      perSeverity[diagnostic.severity] += 1;
      annotated.push(diagnostic);
    } else {
      rest.push(diagnostic);
    }
  }
  const annotations = annotated.map((diagnostic) => `${toCommand(diagnostic, lang)}\n`).join("");
  const counts = summarize(diagnostics);
  const lines = [`### onething validate`, "", diagnostics.length === 0 ? `✔ ${describeClean(lang)}` : `✖ ${describeCounts(counts, lang)}`];
  if (rest.length > 0) {
    const { shown, omitted } = options.maxProblems === undefined ? { shown: rest, omitted: 0 } : { shown: rest.slice(0, options.maxProblems), omitted: Math.max(0, rest.length - options.maxProblems) };
    lines.push(
      "",
      lang === "zh"
        ? `以下 ${rest.length} 个问题超出 GitHub 每种级别 ${GITHUB_ANNOTATION_LIMIT} 条标注的上限：`
        : `${rest.length} more ${rest.length === 1 ? "problem exceeds" : "problems exceed"} GitHub's limit of ${GITHUB_ANNOTATION_LIMIT} annotations per level:`,
      "",
      lang === "zh" ? "| 位置 | 严重性 | 代码 | 说明 |" : "| Location | Severity | Code | Message |",
      "| --- | --- | --- | --- |",
    );
    for (const diagnostic of shown) {
      const place = diagnostic.file === undefined ? describeNoFile(lang) : diagnostic.range === undefined ? diagnostic.file : `${diagnostic.file}:${diagnostic.range.start.line}:${diagnostic.range.start.column}`;
      lines.push(`| ${escapeTableCell(place)} | ${severityWord(diagnostic.severity, lang)} | \`${escapeTableCell(diagnostic.code)}\` | ${escapeTableCell(localize(diagnostic.message, lang))} |`);
    }
    if (omitted > 0) lines.push("", describeOmitted(omitted, lang));
  }
  return { annotations, summary: `${lines.join("\n")}\n` };
}

/** The github output as one text: the annotations, then the markdown summary. */
export function formatGithub(diagnostics: readonly Diagnostic[], options: Omit<FormatOptions, "format">): string {
  const { annotations, summary } = formatGithubParts(diagnostics, options);
  return annotations === "" ? summary : `${annotations}\n${summary}`;
}
