import { CLASS_LABELS, pick, type Lang } from "../labels.js";
import type { Change, DiffResult } from "../types.js";
import { renderMarkdown } from "./markdown.js";

/** GitHub shows at most this many annotations of each level per step; the summary lists every change. */
export const GITHUB_ANNOTATION_LIMIT = 10;

/** Escapes the message part of a workflow command (`%`, CR, LF). */
export function escapeCommandData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** Escapes a property of a workflow command (additionally `:` and `,`). */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/** The two parts of the github output. */
export interface GithubDiffOutput {
  /** Workflow commands, one a line: additions and changes at the new line, removals at the old one. */
  annotations: string;
  /** The markdown rendering, for `$GITHUB_STEP_SUMMARY`. */
  summary: string;
}

function level(change: Change): "warning" | "notice" {
  return change.class === "breaking" || change.regression === true ? "warning" : "notice";
}

function toCommand(change: Change, lang: Lang): string {
  const place = change.locations.after ?? change.locations.before;
  const properties: string[] = [];
  if (place !== undefined) properties.push(`file=${escapeCommandProperty(place.file)}`, `line=${place.line}`, `col=${place.column}`);
  properties.push(`title=${escapeCommandProperty(`${change.check} (${pick(CLASS_LABELS[change.class], lang)})`)}`);
  return `::${level(change)} ${properties.join(",")}::${escapeCommandData(pick(change.message, lang))}`;
}

/**
 * Renders a diff as GitHub Actions workflow commands (breaking changes and regressions as warnings, the
 * rest as notices, at most ten of each) plus the markdown rendering as the step summary.
 *
 * @example
 * const { annotations, summary } = renderGithub(diffDocuments({ before, after }), { lang: "en" });
 * // annotations: '::notice file=national/2024-1.yaml,line=30,col=7,title=text-changed (non-breaking)::name: …'
 */
export function renderGithub(result: DiffResult, options: { lang: Lang }): GithubDiffOutput {
  const counts = { warning: 0, notice: 0 };
  const lines: string[] = [];
  for (const change of result.changes) {
    const kind = level(change);
    if (counts[kind] >= GITHUB_ANNOTATION_LIMIT) continue;
    counts[kind] += 1;
    lines.push(`${toCommand(change, options.lang)}\n`);
  }
  return { annotations: lines.join(""), summary: renderMarkdown(result, { lang: options.lang }) };
}
