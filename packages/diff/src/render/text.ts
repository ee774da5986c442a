import { CLASS_LABELS, pick, type Lang } from "../labels.js";
import type { Change, DiffResult } from "../types.js";
import { createColors, toSafeLine, type Colors } from "./ansi.js";
import { groupChanges, primaryLocation, summarizeDiff } from "./group.js";
import { describeBump, describeSummary } from "./summary.js";

/** Options of {@link renderText}. */
export interface TextOptions {
  /** The language of messages and headings. */
  lang: Lang;
  /** Whether to use ANSI colours. Default: false. */
  color?: boolean;
}

const SYMBOLS = { breaking: "✖", "potentially-breaking": "!", "non-breaking": "+" } as const;

function changeLine(change: Change, options: { lang: Lang; colors: Colors; indent: string }): string {
  const { lang, colors, indent } = options;
  const paint = change.class === "breaking" ? colors.red : change.class === "potentially-breaking" ? colors.yellow : colors.green;
  const place = primaryLocation(change);
  const where = place === undefined ? "" : `  ${place.file}:${place.line}`;
  const message = toSafeLine(pick(change.message, lang));
  const text = change.regression === true ? colors.yellow(message) : message;
  return `${indent}${paint(SYMBOLS[change.class])} ${text}  ${colors.gray(`[${pick(CLASS_LABELS[change.class], lang)} · ${change.check}]${where}`)}`;
}

/**
 * Renders a diff for a terminal: per document, the changes outside any matter, then subject › stage ›
 * matter with one line per change (✖ breaking, ! potentially breaking, + non-breaking), then the counts and
 * the suggested version bump.
 *
 * @example
 * console.log(renderText(diffDocuments({ before, after }), { lang: "en", color: process.stdout.isTTY }));
 * // 2024 batch 1 key matters (cn.national.2024-1) …  + name: "Newborn birth" → "Birth of a newborn" …
 */
export function renderText(result: DiffResult, options: TextOptions): string {
  const { lang } = options;
  const colors = createColors(options.color === true);
  const lines: string[] = [];
  for (const group of groupChanges(result)) {
    const { document } = group;
    const title = document.title === undefined ? document.id : `${toSafeLine(pick(document.title, lang))} (${document.id})`;
    const path = document.after ?? document.before ?? "";
    lines.push(`${colors.bold(title)}  ${colors.gray(path)}`);
    for (const change of group.general) lines.push(changeLine(change, { lang, colors, indent: "  " }));
    for (const subject of group.subjects) {
      for (const stage of subject.stages) {
        const heading = [subject.name, stage.name].filter((name) => name !== undefined).map((name) => toSafeLine(pick(name, lang)));
        if (heading.length > 0) lines.push(`  ${colors.bold(heading.join(" › "))}`);
        for (const matter of stage.matters) {
          const name = matter.name === undefined ? matter.id : `${toSafeLine(pick(matter.name, lang))} (${matter.id})`;
          lines.push(`    ${name}`);
          for (const change of matter.changes) lines.push(changeLine(change, { lang, colors, indent: "      " }));
        }
      }
    }
    lines.push("");
  }
  const summary = summarizeDiff(result.changes);
  lines.push(colors.bold(describeSummary(summary, lang)));
  if (summary.changes > 0) lines.push(describeBump(result.impact, lang) + (lang === "zh" ? "。" : "."));
  return `${lines.join("\n")}\n`;
}
