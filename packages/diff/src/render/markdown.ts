import { pick, type Lang } from "../labels.js";
import type { Change, DiffResult } from "../types.js";
import { groupChanges, primaryLocation, summarizeDiff } from "./group.js";
import { describeBump, describeNoChanges, describeSummary } from "./summary.js";

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** The language of messages and headings. */
  lang: Lang;
  /** The heading of the comment. Default: 清单变更 / Checklist changes. */
  title?: string;
  /** Start with the `### title` heading; false leaves it out (a changeset's body). Default: true. */
  heading?: boolean;
}

const MARKS = { breaking: "🔴", "potentially-breaking": "🟡", "non-breaking": "🟢" } as const;

/**
 * Escapes text from the data for markdown: emphasis, code, links, html and table characters.
 *
 * @example
 * escapeMarkdown("营业执照 | *正本*"); // "营业执照 \\| \\*正本\\*"
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_<>[\]|#]/gu, (char) => (char === "<" ? "&lt;" : char === ">" ? "&gt;" : `\\${char}`)).replace(/\s*[\r\n]+\s*/gu, " ");
}

function code(text: string): string {
  return `\`${text.replaceAll("`", "")}\``;
}

function changeItem(change: Change, lang: Lang): string {
  const place = primaryLocation(change);
  const where = place === undefined ? "" : ` · ${code(`${place.file}:${place.line}`)}`;
  const message = escapeMarkdown(pick(change.message, lang));
  return `- ${MARKS[change.class]} ${change.regression === true ? `**${message}**` : message}${where}`;
}

/**
 * Renders a diff as markdown for a pull-request comment: a summary line with the suggested version bump and
 * a legend, then per document the changes outside any matter and, grouped subject › stage, each matter's
 * changes (🔴 breaking, 🟡 needs attention, 🟢 compatible; a regression in bold).
 *
 * @example
 * const comment = renderMarkdown(diffDocuments({ before, after }), { lang: "zh" });
 * // "### 清单变更\n\n**建议版本升级：修订号（patch）**。共 1 处变更：…"
 */
export function renderMarkdown(result: DiffResult, options: MarkdownOptions): string {
  const { lang } = options;
  const title = options.title ?? (lang === "zh" ? "清单变更" : "Checklist changes");
  const summary = summarizeDiff(result.changes);
  const blocks: string[] = options.heading === false ? [] : [`### ${escapeMarkdown(title)}`];
  if (summary.changes === 0) {
    blocks.push(describeNoChanges(lang));
    return `${blocks.join("\n\n")}\n`;
  }
  blocks.push(`**${describeBump(result.impact, lang)}**${lang === "zh" ? "。" : ". "}${describeSummary(summary, lang)}`);
  blocks.push(lang === "zh" ? "🔴 不兼容（使用方需要调整） · 🟡 需关注 · 🟢 兼容 · **粗体**：指标变差或状态倒退" : "🔴 breaking (consumers must adapt) · 🟡 potentially breaking · 🟢 non-breaking · **bold**: a metric got worse or a status moved backwards");
  for (const group of groupChanges(result)) {
    const { document } = group;
    const name = document.title === undefined ? code(document.id) : `${escapeMarkdown(pick(document.title, lang))}（${code(document.id)}）`;
    blocks.push(`#### ${lang === "zh" ? name : name.replace("（", " (").replace(/\uFF09$/u, ")")}`);
    if (group.general.length > 0) blocks.push(group.general.map((change) => changeItem(change, lang)).join("\n"));
    for (const subject of group.subjects) {
      for (const stage of subject.stages) {
        const heading = [subject.name, stage.name].filter((n) => n !== undefined).map((n) => escapeMarkdown(pick(n, lang)));
        for (const matter of stage.matters) {
          const matterName = matter.name === undefined ? code(matter.id) : `${escapeMarkdown(pick(matter.name, lang))} ${code(matter.id)}`;
          const path = [...heading, `**${matterName}**`].join(" › ");
          blocks.push(`${path}\n\n${matter.changes.map((change) => changeItem(change, lang)).join("\n")}`);
        }
      }
    }
  }
  return `${blocks.join("\n\n")}\n`;
}
