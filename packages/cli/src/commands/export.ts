import { REDUCTION_METRICS, toCsv, toResolvedData, type CsvCell, type Lang, type LocalizedText, type ResolvedChecklist } from "@onething/sdk";
import { EXIT_OK, type CliIo } from "../io.js";
import { writeResult } from "../output.js";
import { parseCommandArguments, readLangOption, UsageError } from "../options.js";
import { loadStatsProject } from "./stats-load.js";
import { statsMessages } from "./stats-messages.js";
import { Namer, pickName, pickText } from "./stats-names.js";
import { readChecklistIds } from "./stats.js";

/** The options `onething export` accepts. */
export const EXPORT_OPTIONS: Parameters<typeof parseCommandArguments>[0]["spec"] = {
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
  checklist: { type: "string", multiple: true },
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
};

const UNITS: Record<string, LocalizedText> = {
  workday: { zh: "个工作日", en: "workdays" },
  day: { zh: "个自然日", en: "days" },
  hour: { zh: "小时", en: "hours" },
};

const CHANNELS: Record<string, LocalizedText> = {
  "online-zone": { zh: "线上专区", en: "online zone" },
  window: { zh: "综合窗口", en: "window" },
  mobile: { zh: "移动端", en: "mobile" },
};

const CONFIDENCE: Record<string, LocalizedText> = {
  verified: { zh: "已核实", en: "verified" },
  partial: { zh: "部分核实", en: "partial" },
  unverified: { zh: "待核实", en: "unverified" },
  illustrative: { zh: "示例", en: "illustrative" },
};

/** The effective matters of a list as CSV rows (header first), one row per matter, names in `lang`. */
export function exportCsvRows(options: { list: ResolvedChecklist; namer: Namer; items: ReadonlyMap<string, LocalizedText> }): CsvCell[][] {
  const { list, namer, items } = options;
  const lang = namer.lang;
  const zh = lang === "zh";
  const metricHeaders = REDUCTION_METRICS.flatMap((metric) => {
    const name = namer.metric(metric);
    return zh ? [`${name}（改革前）`, `${name}（改革后）`, `${name}（公布压减%）`] : [`${name} before`, `${name} after`, `${name} published reduction %`];
  });
  const header = zh
    ? ["编号", "名称", "英文名称", "主体", "阶段", "批次", "牵头部门", "配合部门", "集成事项", "状态", "不适用原因", "完成期限", "承诺时限", ...metricHeaders, "办理渠道", "可信度", "定义所在清单", "来源"]
    : ["id", "name (Chinese)", "name (English)", "subject", "stage", "batches", "lead department", "partner departments", "bundled items", "status", "not-applicable reason", "due date", "promised time", ...metricHeaders, "channels", "confidence", "defined in", "sources"];
  const rows: CsvCell[][] = [header];
  for (const matter of list.matters) {
    const value = matter.value;
    const itemNames = (value.items ?? []).map((item) => {
      const name = items.get(item.ref);
      const text = name === undefined ? item.ref : pickText(name, lang);
      return item.role === "conditional" ? (zh ? `${text}（视情形）` : `${text} (conditional)`) : text;
    });
    const promised = value.promisedTime;
    rows.push([
      matter.id,
      value.name.zh,
      value.name.en,
      namer.subject(value.subject),
      namer.stage(value.subject, value.stage),
      namer.join((value.batches ?? []).map((batch) => namer.batch(batch))),
      value.owners === undefined ? undefined : namer.department(value.owners.lead),
      namer.join((value.owners?.partners ?? []).map((id) => namer.department(id))),
      namer.join(itemNames),
      matter.notApplicable !== undefined ? namer.status("not-applicable") : value.status === undefined ? undefined : namer.status(value.status),
      matter.notApplicable === undefined ? undefined : pickText(matter.notApplicable.reason, lang),
      value.dueDate,
      promised === undefined ? undefined : `${promised.value} ${pickName(UNITS, promised.unit, lang)}`,
      ...REDUCTION_METRICS.flatMap((metric) => {
        const entry = value.metrics?.[metric];
        return [entry?.before, entry?.after, entry?.publishedReduction];
      }),
      namer.join((value.channels ?? []).map((channel) => pickName(CHANNELS, channel, lang))),
      pickName(CONFIDENCE, value.confidence, lang),
      matter.definedIn.checklist,
      namer.join((value.sources ?? []).map((source) => source.title)),
    ]);
  }
  return rows;
}

/** Runs `onething export [paths…]` and returns the exit code. */
export async function runExport(options: { argv: string[]; io: CliIo; lang: Lang }): Promise<number> {
  const { io } = options;
  const args = parseCommandArguments({ argv: options.argv, spec: EXPORT_OPTIONS, command: "export", lang: options.lang });
  const lang = readLangOption({ value: args.values["lang"], fallback: options.lang });
  const text = statsMessages(lang);
  if (args.values["help"] === true) {
    io.stdout.write(text.exportHelp);
    return EXIT_OK;
  }
  const format = args.values["format"] ?? "json";
  if (format !== "json" && format !== "csv") throw new UsageError(text.badExportFormat(String(format)));
  const ids = readChecklistIds(args.values["checklist"]);
  if (ids.length > 1) throw new UsageError(text.exportOneChecklist);
  const output = typeof args.values["output"] === "string" ? args.values["output"] : undefined;
  const project = await loadStatsProject({ io, paths: args.positionals, ids, lang });
  const [list, ...others] = project.selected;
  if (list === undefined || others.length > 0) throw new UsageError(text.exportNeedsOne(project.selected.map((entry) => entry.id).join(", ")));
  if (project.errors > 0) io.stderr.write(`${text.dataErrors(project.errors)}\n`);
  const namer = new Namer({ lang, ...(project.taxonomy === undefined ? {} : { taxonomy: project.taxonomy }), departments: project.departments });
  const result = format === "csv" ? toCsv(exportCsvRows({ list, namer, items: project.items })) : `${JSON.stringify(toResolvedData(list, { withOrigin: true }), null, 2)}\n`;
  return writeResult({ io, output, text: result, lang });
}
