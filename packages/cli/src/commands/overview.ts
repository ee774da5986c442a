import { describeBatch, describeCounts, displayWidth, overviewDocuments, padEndWidth, padStartWidth, summarize, type DiagnosticSummary, type Lang, type ProjectOverview } from "@onething/sdk";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliIo } from "../io.js";
import { messages } from "../messages.js";
import { OVERVIEW_OPTIONS, parseCommandArguments, readLangOption, readToday } from "../options.js";
import { checkProject, defaultPaths } from "../project.js";

const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  Taxonomy: { zh: "分类体系", en: "Taxonomy" },
  DepartmentRegistry: { zh: "部门名录", en: "Department registry" },
  ItemCatalog: { zh: "事项目录", en: "Item catalogue" },
  Checklist: { zh: "清单", en: "Checklist" },
  Progress: { zh: "进度台账", en: "Progress ledger" },
  Evaluation: { zh: "评价", en: "Evaluation" },
};

const SUBJECT_NAMES: Record<string, { zh: string; en: string }> = {
  enterprise: { zh: "经营主体", en: "Business entities" },
  individual: { zh: "个人", en: "Individuals" },
  project: { zh: "工程建设项目", en: "Construction projects" },
};

const CONFIDENCE_NAMES: Record<string, { zh: string; en: string }> = {
  verified: { zh: "已核实", en: "verified" },
  partial: { zh: "部分核实", en: "partial" },
  unverified: { zh: "待核实", en: "unverified" },
  illustrative: { zh: "示例", en: "illustrative" },
  // overviewDocuments counts matters without a confidence under "?".
  "?": { zh: "未标注", en: "not stated" },
};

function pick(options: { names: Record<string, { zh: string; en: string }>; key: string; lang: Lang }): string {
  return options.names[options.key]?.[options.lang] ?? options.key;
}

/** Lays out rows of cells in columns aligned by display width; numbers (all but the first cell) right-aligned. */
function table(rows: string[][], indent: string): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, displayWidth(cell))));
  return rows.map((row) => indent + row.map((cell, index) => (index === 0 ? padEndWidth(cell, widths[0] ?? 0) : padStartWidth(cell, widths[index] ?? 0))).join("  ").trimEnd());
}

/** Renders the overview as a short report of aligned sections. */
export function renderOverview(options: { overview: ProjectOverview; counts: DiagnosticSummary; lang: Lang; path: string }): string {
  const { overview, counts, lang, path } = options;
  const zh = lang === "zh";
  const out: string[] = [zh ? `onething 清单概览（${path}）` : `onething overview (${path})`, ""];
  const documents = overview.kinds.reduce((sum, entry) => sum + entry.count, 0);
  out.push(zh ? `文档（共 ${documents} 份）` : `Documents (${documents})`);
  out.push(...table(overview.kinds.map((entry) => [pick({ names: KIND_NAMES, key: entry.kind, lang }), String(entry.count)]), "  "), "");

  out.push(zh ? `国家重点事项（共 ${overview.nationalMatters} 个）` : `National key matters (${overview.nationalMatters})`);
  if (overview.batches.length > 0) {
    const header = zh ? ["批次", "已录入", "公布数量"] : ["Batch", "present", "declared"];
    const rows = overview.batches.map((batch) => [describeBatch(batch, lang), String(batch.known), batch.declared === undefined ? "—" : String(batch.declared)]);
    out.push(...table([header, ...rows], "  "));
  }
  out.push("");

  if (overview.subjects.length > 0) {
    out.push(zh ? "按主体和生命周期阶段" : "By subject and lifecycle stage");
    const rows: string[][] = [];
    for (const subject of overview.subjects) {
      const name = subject.name === undefined ? pick({ names: SUBJECT_NAMES, key: subject.subject, lang }) : lang === "en" && subject.name.en !== undefined ? subject.name.en : subject.name.zh;
      rows.push([name, String(subject.count)]);
      for (const stage of subject.stages) {
        const stageName = stage.name === undefined ? stage.stage : lang === "en" && stage.name.en !== undefined ? stage.name.en : stage.name.zh;
        rows.push([`  ${stageName}`, String(stage.count)]);
      }
    }
    out.push(...table(rows, "  "), "");
  }

  if (overview.confidence.length > 0) {
    out.push(zh ? "按可信度" : "By confidence");
    out.push(...table(overview.confidence.map((entry) => [pick({ names: CONFIDENCE_NAMES, key: entry.confidence, lang }), String(entry.count)]), "  "), "");
  }

  if (overview.localChecklists > 0) out.push(zh ? `地方清单：${overview.localChecklists} 份` : `Local checklists: ${overview.localChecklists}`, "");

  const total = counts.error + counts.warning + counts.info;
  out.push(
    total === 0
      ? zh ? "校验：✔ 没有发现问题" : "Validation: ✔ no problems found"
      : zh ? `校验：✖ ${describeCounts(counts, lang)}，运行 onething validate 查看详情` : `Validation: ✖ ${describeCounts(counts, lang)}; run onething validate for details`,
  );
  return `${out.join("\n")}\n`;
}

/** Runs `onething overview [path]` and returns the exit code: 1 when the data has errors, else 0. */
export async function runOverview(options: { argv: string[]; io: CliIo; lang: Lang }): Promise<number> {
  const { io } = options;
  const args = parseCommandArguments({ argv: options.argv, spec: OVERVIEW_OPTIONS, command: "overview", lang: options.lang });
  const lang = readLangOption({ value: args.values["lang"], fallback: options.lang });
  if (args.values["help"] === true) {
    io.stdout.write(messages(lang).overviewHelp);
    return EXIT_OK;
  }
  const today = readToday(args.values["today"], lang);
  if (args.positionals.length > 1) {
    io.stderr.write(`${messages(lang).tooManyPaths}\n`);
    return EXIT_UNUSABLE;
  }
  const path = args.positionals[0] ?? (await defaultPaths(io.cwd))[0] ?? ".";
  const project = await checkProject({ io, paths: [path], lang, ...(today === undefined ? {} : { today }) });
  const counts = summarize(project.diagnostics);
  io.stdout.write(renderOverview({ overview: overviewDocuments(project.documents), counts, lang, path }));
  return counts.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}
