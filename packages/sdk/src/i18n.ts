import type { LocalizedMessage, Severity } from "@onething/schemas";

/** The languages every user-facing text is written in. */
export type Lang = "zh" | "en";

const SEVERITY_WORDS: Record<Lang, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

/**
 * The word for a severity in the given language: 错误 / 警告 / 提示 or error / warning / info.
 *
 * @example
 * severityWord("warning", "zh"); // "警告"
 */
export function severityWord(severity: Severity, lang: Lang): string {
  return SEVERITY_WORDS[lang][severity];
}

/**
 * Picks the text of a localized message in `lang`, falling back to the other language when empty.
 *
 * @example
 * localize({ zh: "新生儿出生", en: "Newborn birth" }, "en"); // "Newborn birth"
 * localize({ zh: "新生儿出生", en: "" }, "en"); // "新生儿出生"
 */
export function localize(message: LocalizedMessage, lang: Lang): string {
  const text = message[lang];
  return text === "" ? (lang === "zh" ? message.en : message.zh) : text;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Counts of findings by severity, as `summarize` returns them. */
export interface SeverityCounts {
  /** Number of errors. */
  error: number;
  /** Number of warnings. */
  warning: number;
  /** Number of info findings. */
  info: number;
}

/**
 * The one-line count of problems: "3 个问题（2 个错误，1 个警告）" or "3 problems (2 errors, 1 warning)";
 * info findings are mentioned only when there are some.
 *
 * @example
 * describeCounts({ error: 2, warning: 1, info: 0 }, "zh"); // "3 个问题（2 个错误，1 个警告）"
 * describeCounts({ error: 2, warning: 1, info: 0 }, "en"); // "3 problems (2 errors, 1 warning)"
 */
export function describeCounts(counts: SeverityCounts, lang: Lang): string {
  const total = counts.error + counts.warning + counts.info;
  if (lang === "zh") {
    const parts = [`${counts.error} 个错误`, `${counts.warning} 个警告`];
    if (counts.info > 0) parts.push(`${counts.info} 个提示`);
    return `${total} 个问题（${parts.join("，")}）`;
  }
  const parts = [plural(counts.error, "error", "errors"), plural(counts.warning, "warning", "warnings")];
  if (counts.info > 0) parts.push(`${counts.info} info`);
  return `${plural(total, "problem", "problems")} (${parts.join(", ")})`;
}

/** "没有发现问题" / "No problems found". */
export function describeClean(lang: Lang): string {
  return lang === "zh" ? "没有发现问题" : "No problems found";
}

/** The line printed when `maxProblems` hides some findings: "…还有 M 个问题未显示" / "… and M more problems". */
export function describeOmitted(omitted: number, lang: Lang): string {
  return lang === "zh" ? `…还有 ${omitted} 个问题未显示` : `… and ${plural(omitted, "more problem", "more problems")}`;
}

/** The label for findings that concern the whole run rather than one file. */
export function describeNoFile(lang: Lang): string {
  return lang === "zh" ? "（整个项目）" : "(whole project)";
}

/** The label in front of a fix hint. */
export function hintLabel(lang: Lang): string {
  return lang === "zh" ? "建议：" : "hint: ";
}
