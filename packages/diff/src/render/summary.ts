import { IMPACT_LABELS, type Lang } from "../labels.js";
import type { DiffImpact } from "../types.js";
import type { DiffSummary } from "./group.js";

/** "没有语义变更。" / "No semantic changes." */
export function describeNoChanges(lang: Lang): string {
  return lang === "zh" ? "没有语义变更。" : "No semantic changes.";
}

/**
 * The one-line count of a diff: "共 3 处变更：不兼容 1，需关注 1，兼容 1；其中变差或倒退 1 处。" /
 * "3 changes: 1 breaking, 1 potentially breaking, 1 non-breaking; 1 regression."
 *
 * @example
 * describeSummary(summarizeDiff(diffDocuments({ before, after }).changes), "en");
 * // "1 change: 0 breaking, 0 potentially breaking, 1 non-breaking." after renaming newborn-birth
 */
export function describeSummary(summary: DiffSummary, lang: Lang): string {
  if (summary.changes === 0) return describeNoChanges(lang);
  if (lang === "zh") {
    const regressions = summary.regressions > 0 ? `；其中变差或倒退 ${summary.regressions} 处` : "";
    return `共 ${summary.changes} 处变更：不兼容 ${summary.breaking}，需关注 ${summary.potentiallyBreaking}，兼容 ${summary.nonBreaking}${regressions}。`;
  }
  const regressions = summary.regressions > 0 ? `; ${summary.regressions} ${summary.regressions === 1 ? "regression" : "regressions"}` : "";
  return `${summary.changes} ${summary.changes === 1 ? "change" : "changes"}: ${summary.breaking} breaking, ${summary.potentiallyBreaking} potentially breaking, ${summary.nonBreaking} non-breaking${regressions}.`;
}

/**
 * "建议版本升级：主版本号（major）" / "Suggested version bump: major".
 *
 * @example
 * describeBump("minor", "zh"); // "建议版本升级：次版本号（minor）"
 */
export function describeBump(impact: DiffImpact, lang: Lang): string {
  return lang === "zh" ? `建议版本升级：${IMPACT_LABELS[impact].zh}` : `Suggested version bump: ${IMPACT_LABELS[impact].en}`;
}
