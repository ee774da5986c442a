import {
  displayWidth,
  padEndWidth,
  padStartWidth,
  type CoverageReport,
  type CsvCell,
  type MetricReduction,
  type ReductionGroup,
  type ReductionGrouping,
  type ReductionReport,
  type ResolvedChecklist,
} from "@onething/sdk";
import type { Namer } from "./stats-names.js";

/** One list's reductions, as `stats` reports them. */
export interface ReductionsEntry {
  /** The resolved list. */
  list: ResolvedChecklist;
  /** Its reductions. */
  report: ReductionReport;
}

/** One list's coverage map, as `stats --coverage` reports it. */
export interface CoverageEntry {
  /** The resolved list. */
  list: ResolvedChecklist;
  /** Its coverage map. */
  report: CoverageReport;
}

const BAR_LANDED = "█";
const BAR_OTHER = "░";
const BAR_MAX = 40;
const PUBLISHED_SHOWN = 3;

/** A number as people write it: at most two decimals, no trailing zeros. */
function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A change in percent from a reduction: 100 → "−100%", −50 → "+50%", 0 → "0%". */
export function formatChange(reduction: number): string {
  if (reduction === 0) return "0%";
  return `${reduction > 0 ? "−" : "+"}${formatNumber(Math.abs(reduction))}%`;
}

function hasData(group: ReductionGroup): boolean {
  return group.metrics.some((metric) => metric.matters > 0 || metric.published.length > 0);
}

/** "5 → 0（−100%）", "0 → 0", or "—" when no matter has both values. */
function describePair(metric: MetricReduction, namer: Namer): string {
  if (metric.matters === 0) return "—";
  const pair = `${formatNumber(metric.before)} → ${formatNumber(metric.after)}`;
  if (metric.reduction === undefined) return pair;
  return namer.lang === "zh" ? `${pair}（${formatChange(metric.reduction)}）` : `${pair} (${formatChange(metric.reduction)})`;
}

/** "−81%（新生儿出生）；…" for the first few published-only percentages. */
function describePublished(metric: MetricReduction, namer: Namer, limit: number): string {
  if (metric.published.length === 0) return "—";
  const zh = namer.lang === "zh";
  const shown = metric.published.slice(0, limit).map((entry) => (zh ? `${formatChange(entry.percent)}（${namer.text(entry.name)}）` : `${formatChange(entry.percent)} (${namer.text(entry.name)})`));
  const more = metric.published.length - shown.length;
  if (more > 0) shown.push(zh ? `等 ${metric.published.length} 个事项` : `${more} more`);
  return shown.join(zh ? "；" : "; ");
}

/** Lays out rows in columns aligned by display width; `right` names the right-aligned columns. */
function table(rows: readonly string[][], options: { indent: string; right?: readonly number[] }): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    (options.indent + row.map((cell, index) => (options.right?.includes(index) === true ? padStartWidth(cell, widths[index] ?? 0) : padEndWidth(cell, widths[index] ?? 0))).join("  ")).trimEnd(),
  );
}

function groupingLine(by: ReductionGrouping, zh: boolean): string {
  const names: Record<ReductionGrouping, [string, string]> = {
    none: ["", ""],
    subject: ["按主体分组", "grouped by subject"],
    stage: ["按生命周期阶段分组", "grouped by lifecycle stage"],
    batch: ["按批次分组（属于多个批次的事项计入每个批次）", "grouped by batch (a matter of several batches counts in each)"],
    department: ["按牵头部门分组（每个事项只计入其牵头部门）", "grouped by lead department (each matter counts under its lead only)"],
  };
  return names[by][zh ? 0 : 1];
}

function mattersLine(report: ReductionReport, zh: boolean): string {
  const base = zh ? `${report.matters} 个事项` : `${report.matters} matter${report.matters === 1 ? "" : "s"}`;
  if (report.notApplicable === 0) return base;
  return zh ? `${base}（另有 ${report.notApplicable} 个不适用，不计入）` : `${base} (${report.notApplicable} not applicable, left out)`;
}

function groupTable(group: ReductionGroup, namer: Namer): string[] {
  const zh = namer.lang === "zh";
  const header = zh ? ["指标", "改革前 → 改革后（变化）", "计入事项", "公布值（仅有百分比）"] : ["metric", "before → after (change)", "matters", "published only"];
  const rows = group.metrics.map((metric) => [namer.metric(metric.metric), describePair(metric, namer), `${metric.matters}/${group.matters}`, describePublished(metric, namer, PUBLISHED_SHOWN)]);
  return table([header, ...rows], { indent: "  ", right: [2] });
}

/** The reductions as aligned text tables, one section per list (Chinese characters count two columns). */
export function renderReductionsText(entries: readonly ReductionsEntry[], namer: Namer): string {
  const zh = namer.lang === "zh";
  const out: string[] = [];
  for (const { list, report } of entries) {
    if (out.length > 0) out.push("");
    out.push(`${zh ? "“四减”统计" : "Four reductions"} · ${namer.text(list.title)}`);
    const grouping = groupingLine(report.by, zh);
    out.push(grouping === "" ? mattersLine(report, zh) : `${mattersLine(report, zh)}${zh ? "，" : ", "}${grouping}`);
    if (!hasData(report.overall)) {
      out.push(
        zh
          ? `没有一个事项记录了“四减”指标（改革前后数值或公布的百分比），无法计算压减比例。`
          : "No matter records any of the four reductions (before / after values or a published percentage), so no reduction can be computed.",
      );
      continue;
    }
    out.push("", zh ? `合计（${report.overall.matters} 个事项）` : `Overall (${report.overall.matters} matters)`, ...groupTable(report.overall, namer));
    for (const group of report.groups) {
      out.push("", zh ? `${namer.group(group, report.by)}（${group.matters} 个事项）` : `${namer.group(group, report.by)} (${group.matters} matter${group.matters === 1 ? "" : "s"})`);
      out.push(...(hasData(group) ? groupTable(group, namer) : [zh ? "  没有“四减”数据" : "  no reduction data"]));
    }
  }
  return `${out.join("\n")}\n`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\|*_`[\]<>]/gu, (character) => `\\${character}`);
}

/** The reductions as markdown: a heading and one table per list. */
export function renderReductionsMarkdown(entries: readonly ReductionsEntry[], namer: Namer): string {
  const zh = namer.lang === "zh";
  const out: string[] = [];
  for (const { list, report } of entries) {
    if (out.length > 0) out.push("");
    out.push(`## ${zh ? "“四减”统计" : "Four reductions"} · ${escapeMarkdown(namer.text(list.title))}`, "");
    const grouping = groupingLine(report.by, zh);
    out.push(grouping === "" ? mattersLine(report, zh) : `${mattersLine(report, zh)}${zh ? "，" : ", "}${grouping}`, "");
    if (!hasData(report.overall)) {
      out.push(zh ? "没有一个事项记录了“四减”指标（改革前后数值或公布的百分比），无法计算压减比例。" : "No matter records any of the four reductions (before / after values or a published percentage), so no reduction can be computed.");
      continue;
    }
    out.push(zh ? "| 分组 | 指标 | 改革前 → 改革后（变化） | 计入事项 | 公布值（仅有百分比） |" : "| group | metric | before → after (change) | matters | published only |", "|---|---|---|--:|---|");
    for (const group of [report.overall, ...report.groups]) {
      const name = escapeMarkdown(namer.group(group, report.by));
      if (!hasData(group)) {
        out.push(`| ${name} | ${zh ? "没有“四减”数据" : "no reduction data"} | — | 0/${group.matters} | — |`);
        continue;
      }
      for (const metric of group.metrics) {
        out.push(`| ${name} | ${namer.metric(metric.metric)} | ${describePair(metric, namer)} | ${metric.matters}/${group.matters} | ${escapeMarkdown(describePublished(metric, namer, metric.published.length))} |`);
      }
    }
  }
  return `${out.join("\n")}\n`;
}

/** The reductions as CSV rows (header first): one row per list, group and metric. */
export function reductionsCsvRows(entries: readonly ReductionsEntry[], namer: Namer): CsvCell[][] {
  const zh = namer.lang === "zh";
  const rows: CsvCell[][] = [
    zh
      ? ["清单", "分组方式", "分组", "分组名称", "事项数", "指标", "计入事项数", "改革前合计", "改革后合计", "压减比例（%）", "公布值（仅有百分比的事项）"]
      : ["checklist", "grouping", "group", "group name", "matters", "metric", "contributing matters", "before (sum)", "after (sum)", "reduction (%)", "published only"],
  ];
  for (const { list, report } of entries) {
    for (const group of [report.overall, ...report.groups]) {
      for (const metric of group.metrics) {
        rows.push([
          list.id,
          report.by,
          group.key,
          namer.group(group, report.by),
          group.matters,
          namer.metric(metric.metric),
          metric.matters,
          metric.matters > 0 ? metric.before : undefined,
          metric.matters > 0 ? metric.after : undefined,
          metric.reduction,
          namer.join(metric.published.map((entry) => `${namer.text(entry.name)} ${entry.percent}%`)),
        ]);
      }
    }
  }
  return rows;
}

function bar(landed: number, other: number, scale: number): string {
  const width = (count: number) => (count === 0 ? 0 : Math.max(1, Math.round(count * scale)));
  return BAR_LANDED.repeat(width(landed)) + BAR_OTHER.repeat(width(other));
}

function stageNote(stage: CoverageReport["subjects"][number]["stages"][number], zh: boolean): string {
  const notes: string[] = [];
  if (stage.empty) notes.push(zh ? "空" : "empty");
  if (stage.landed > 0) notes.push(zh ? `已落地 ${stage.landed}` : `${stage.landed} landed`);
  if (stage.notApplicable > 0) notes.push(zh ? `不适用 ${stage.notApplicable}` : `${stage.notApplicable} not applicable`);
  return notes.join(zh ? "，" : ", ");
}

function stageLabel(subject: string, stage: CoverageReport["subjects"][number]["stages"][number], namer: Namer): string {
  const name = namer.stage(subject, stage.stage);
  return stage.inTaxonomy ? name : namer.lang === "zh" ? `${name}（不在分类表中）` : `${name} (not in the taxonomy)`;
}

function emptyStagesLine(report: CoverageReport, namer: Namer): string {
  const zh = namer.lang === "zh";
  const parts = report.subjects.filter((subject) => subject.emptyStages.length > 0).map((subject) => `${namer.subject(subject.subject)} · ${subject.emptyStages.map((stage) => namer.stage(subject.subject, stage)).join(zh ? "、" : ", ")}`);
  const count = report.subjects.reduce((sum, subject) => sum + subject.emptyStages.length, 0);
  if (count === 0) return zh ? "空阶段：无，每个阶段都有事项。" : "Empty stages: none; every stage has a matter.";
  return zh ? `空阶段（${count} 个）：${parts.join("；")}` : `Empty stages (${count}): ${parts.join("; ")}`;
}

function lackingLines(report: CoverageReport, namer: Namer, markdown: boolean): string[] {
  const zh = namer.lang === "zh";
  if (report.lacking === undefined) return [];
  const compared = report.comparedWith.length;
  if (report.lacking.length === 0) {
    return [zh ? `对照 ${compared} 份国家清单：没有缺少的国家事项（都已继承或标注不适用）。` : `Against ${compared} national list${compared === 1 ? "" : "s"}: no national matter is missing (each is inherited or marked not applicable).`];
  }
  const heading = zh
    ? `缺少的国家事项（${report.lacking.length} 个，对照 ${compared} 份国家清单；既未继承，也未标注不适用）`
    : `National matters missing (${report.lacking.length}, against ${compared} national list${compared === 1 ? "" : "s"}; neither inherited nor marked not applicable)`;
  if (markdown) {
    return [`### ${heading}`, "", ...report.lacking.map((matter) => `- ${escapeMarkdown(namer.text(matter.name))} (\`${matter.id}\`) · ${escapeMarkdown(namer.text(matter.checklistTitle))}`)];
  }
  return [heading, ...table(report.lacking.map((matter) => [namer.text(matter.name), matter.id, namer.text(matter.checklistTitle)]), { indent: "  " })];
}

function coverageCounts(report: CoverageReport, zh: boolean): string {
  const base = zh ? `${report.matters} 个事项` : `${report.matters} matter${report.matters === 1 ? "" : "s"}`;
  if (report.notApplicable === 0) return base;
  return zh ? `${base}（另有 ${report.notApplicable} 个不适用）` : `${base} (and ${report.notApplicable} not applicable)`;
}

/** The coverage map as text: per subject a bar per stage (█ landed, ░ other), empty stages, missing national matters. */
export function renderCoverageText(entries: readonly CoverageEntry[], namer: Namer): string {
  const zh = namer.lang === "zh";
  const out: string[] = [];
  for (const { list, report } of entries) {
    if (out.length > 0) out.push("");
    out.push(`${zh ? "生命周期覆盖" : "Lifecycle coverage"} · ${namer.text(list.title)}`);
    out.push(`${coverageCounts(report, zh)}${zh ? "；" : "; "}${BAR_LANDED} ${zh ? "已落地" : "landed"}  ${BAR_OTHER} ${zh ? "其他（未落地或未记录状态）" : "other (not landed, or no status)"}`);
    const largest = Math.max(0, ...report.subjects.flatMap((subject) => subject.stages.map((stage) => stage.matters)));
    const scale = largest > BAR_MAX ? BAR_MAX / largest : 1;
    const rows: string[][] = [];
    const headings = new Map<number, string>();
    for (const subject of report.subjects) {
      headings.set(rows.length, zh ? `${namer.subject(subject.subject)}（${subject.matters} 个事项）` : `${namer.subject(subject.subject)} (${subject.matters} matter${subject.matters === 1 ? "" : "s"})`);
      for (const stage of subject.stages) rows.push([stageLabel(subject.subject, stage, namer), bar(stage.landed, stage.other, scale), String(stage.matters), stageNote(stage, zh)]);
    }
    const lines = table(rows, { indent: "  ", right: [2] });
    lines.forEach((line, index) => {
      const heading = headings.get(index);
      if (heading !== undefined) out.push("", heading);
      out.push(line);
    });
    out.push("", emptyStagesLine(report, namer));
    const lacking = lackingLines(report, namer, false);
    if (lacking.length > 0) out.push("", ...lacking);
  }
  return `${out.join("\n")}\n`;
}

/** The coverage map as markdown: a table per list, the empty stages and the missing national matters. */
export function renderCoverageMarkdown(entries: readonly CoverageEntry[], namer: Namer): string {
  const zh = namer.lang === "zh";
  const out: string[] = [];
  for (const { list, report } of entries) {
    if (out.length > 0) out.push("");
    out.push(`## ${zh ? "生命周期覆盖" : "Lifecycle coverage"} · ${escapeMarkdown(namer.text(list.title))}`, "", coverageCounts(report, zh), "");
    out.push(zh ? "| 主体 | 阶段 | 事项数 | 已落地 | 其他 | 不适用 |" : "| subject | stage | matters | landed | other | not applicable |", "|---|---|--:|--:|--:|--:|");
    for (const subject of report.subjects) {
      for (const stage of subject.stages) {
        const label = escapeMarkdown(stageLabel(subject.subject, stage, namer));
        out.push(`| ${escapeMarkdown(namer.subject(subject.subject))} | ${stage.empty ? (zh ? `${label}（空）` : `${label} (empty)`) : label} | ${stage.matters} | ${stage.landed} | ${stage.other} | ${stage.notApplicable} |`);
      }
    }
    out.push("", emptyStagesLine(report, namer));
    const lacking = lackingLines(report, namer, true);
    if (lacking.length > 0) out.push("", ...lacking);
  }
  return `${out.join("\n")}\n`;
}

/** The coverage map as CSV rows (header first): one row per stage, then one per missing national matter. */
export function coverageCsvRows(entries: readonly CoverageEntry[], namer: Namer): CsvCell[][] {
  const zh = namer.lang === "zh";
  const rows: CsvCell[][] = [
    zh
      ? ["清单", "类别", "主体", "主体名称", "阶段", "阶段名称", "事项数", "已落地", "其他", "不适用", "是否为空", "事项标识", "事项名称", "所属国家清单"]
      : ["checklist", "row", "subject", "subject name", "stage", "stage name", "matters", "landed", "other", "not applicable", "empty", "matter", "matter name", "national list"],
  ];
  for (const { list, report } of entries) {
    for (const subject of report.subjects) {
      for (const stage of subject.stages) {
        rows.push([
          list.id,
          zh ? "阶段" : "stage",
          subject.subject,
          namer.subject(subject.subject),
          stage.stage,
          stageLabel(subject.subject, stage, namer),
          stage.matters,
          stage.landed,
          stage.other,
          stage.notApplicable,
          stage.empty ? (zh ? "是" : "yes") : zh ? "否" : "no",
        ]);
      }
    }
    for (const matter of report.lacking ?? []) {
      rows.push([list.id, zh ? "缺少的国家事项" : "missing national matter", matter.subject, namer.subject(matter.subject), matter.stage, namer.stage(matter.subject, matter.stage), undefined, undefined, undefined, undefined, undefined, matter.id, namer.text(matter.name), matter.checklist]);
    }
  }
  return rows;
}
