import type { Lang } from "@onething/sdk";

const ZH = {
  statsHelp: `用法：onething stats [路径…] [选项]

统计“四减”（减环节、减时间、减材料、减跑动）和表单字段：各指标改革前 → 改革后的合计与压减比例，
可按主体、生命周期阶段、批次或牵头部门分组；加 --coverage 改为输出生命周期覆盖图。

统计哪些清单：
  给出 --checklist 时，统计这些清单（每份单独统计，地方清单按其继承的上级清单解析）。
  否则统计路径（默认 checklists/）中的全部国家年度批次清单和总体清单，合并为一个视图：
  按批次先后、总体清单最后的顺序依次取事项，同一事项（同一标识）只计一次；
  路径中没有国家清单时，路径中的每份清单各自统计。

计算方法：每个指标只合计同时有改革前（before）和改革后（after）数值的事项，压减比例 =
（改革前合计 − 改革后合计）÷ 改革前合计；只有公布百分比（publishedReduction）的事项单独列为“公布值”，
不混入计算结果；标注为不适用的事项不计入。按部门分组时，每个事项只计入其牵头部门。

选项：
      --checklist <标识>       要统计的清单（metadata.id），可重复
      --by <分组>              分组方式：none|subject|stage|batch|department（默认 none，只给合计）
      --coverage               输出生命周期覆盖图：各主体、各阶段的事项数（已落地/其他）、空阶段，
                               以及地方清单缺少的国家事项（既未继承，也未标注不适用）
  -f, --format <格式>          输出格式：text|markdown|json|csv（默认 text）；csv 带 UTF-8 BOM，Excel 可直接打开
      --lang zh|en             语言（默认中文）
  -o, --output <文件>          把结果写入文件（原子写入）而不是标准输出
  -h, --help                   显示本帮助

退出码：0 已输出统计；2 无法运行（参数错误、路径无法读取、找不到清单）。
`,
  exportHelp: `用法：onething export [路径…] [选项]

导出一份清单解析后的有效事项（含继承、修改和不适用标注），供表格软件或其他系统使用。

导出哪份清单：给出 --checklist 时导出该清单；否则与 onething stats 相同，导出路径（默认 checklists/）中
全部国家年度批次清单和总体清单的合并视图（同一事项只出现一次）；路径中没有国家清单且只有一份清单时导出它。

选项：
      --checklist <标识>       要导出的清单（metadata.id）
  -f, --format <格式>          json（默认）：解析后的清单，与 onething resolve --with-origin 的 JSON 相同，
                               注明每个字段来自哪里（文件:行）；
                               csv：每个事项一行，带 UTF-8 BOM 和 CRLF 换行，Excel 打开中文不乱码，
                               列表项用“、”连接
      --lang zh|en             CSV 表头和取值的语言（默认中文）
  -o, --output <文件>          把结果写入文件（原子写入）而不是标准输出
  -h, --help                   显示本帮助

退出码：0 已导出；2 无法运行（参数错误、路径无法读取、找不到清单）。
`,
  badBy: (value: string) => `不支持的分组方式“${value}”，可选：none、subject、stage、batch、department。`,
  badStatsFormat: (value: string) => `不支持的输出格式“${value}”，可选：text、markdown、json、csv。`,
  badExportFormat: (value: string) => `不支持的导出格式“${value}”，可选：json、csv。`,
  unknownChecklist: (id: string, known: string) => `找不到清单“${id}”。可用的清单：${known === "" ? "（无）" : known}。`,
  noChecklists: (paths: string) => `在 ${paths} 下没有找到清单（kind: Checklist）。`,
  exportNeedsOne: (ids: string) => `路径中有多份清单（${ids}），请用 --checklist 指定要导出的一份。`,
  exportOneChecklist: "export 一次只导出一份清单，--checklist 只能给一次。",
  noTaxonomy: "生命周期覆盖图需要分类表（kind: Taxonomy），但加载的文件中没有。",
  dataErrors: (count: number) => `注意：数据中有 ${count} 个错误，结果可能不完整；运行 onething validate 查看详情。`,
  mergedTitle: (count: number) => `国家重点事项（${count} 份国家清单合并）`,
};

type StatsMessages = typeof ZH;

const EN: StatsMessages = {
  statsHelp: `Usage: onething stats [paths…] [options]

Reports the four reductions (fewer steps, less time, fewer materials, fewer trips) and form fields: per
metric the summed values before → after and the percentage reduction, optionally grouped by subject,
lifecycle stage, batch or lead department; with --coverage it prints the lifecycle coverage map instead.

Which checklists:
  With --checklist, those lists (each reported on its own; a local list is resolved over its bases).
  Otherwise every national annual list and total list under the paths (default checklists/), merged into
  one view: matters taken batch by batch, the total list last, each matter (by id) counted once; when the
  paths hold no national list, every checklist under them, each on its own.

How: each metric sums only the matters that have both a before and an after value; the reduction is
(sum before − sum after) ÷ sum before. Matters that only carry a published percentage (publishedReduction)
are listed apart as "published", never mixed into the computed figure; matters marked not applicable are
left out. Grouping by department counts each matter under its lead department only.

Options:
      --checklist <id>         a checklist to report on (metadata.id); repeatable
      --by <grouping>          none|subject|stage|batch|department (default none: the totals only)
      --coverage               print the lifecycle coverage map: matters per subject and stage (landed /
                               other), empty stages, and the national matters a local list lacks (neither
                               inherited nor marked not applicable)
  -f, --format <format>        text|markdown|json|csv (default text); csv carries a UTF-8 BOM for Excel
      --lang zh|en             language (default Chinese)
  -o, --output <file>          write the result to a file (atomically) instead of stdout
  -h, --help                   show this help

Exit codes: 0 the report was written; 2 could not run (bad arguments, unreadable path, no such checklist).
`,
  exportHelp: `Usage: onething export [paths…] [options]

Exports the effective matters of one resolved checklist (inheritance, patches and not-applicable marks
applied) for spreadsheets and other systems.

Which checklist: the one named by --checklist; otherwise, as for onething stats, the merged view of every
national annual and total list under the paths (default checklists/), each matter once; when the paths
hold no national list but exactly one checklist, that one.

Options:
      --checklist <id>         the checklist to export (metadata.id)
  -f, --format <format>        json (default): the resolved checklist, the same JSON as onething resolve
                               --with-origin, saying where each field came from (file:line);
                               csv: one row per matter, with a UTF-8 BOM and CRLF line ends so Excel
                               shows Chinese intact; list values joined with "; " (with "、" in Chinese)
      --lang zh|en             language of the CSV headers and values (default Chinese)
  -o, --output <file>          write the result to a file (atomically) instead of stdout
  -h, --help                   show this help

Exit codes: 0 exported; 2 could not run (bad arguments, unreadable path, no such checklist).
`,
  badBy: (value) => `Unsupported grouping "${value}"; choose one of none, subject, stage, batch, department.`,
  badStatsFormat: (value) => `Unsupported output format "${value}"; choose one of text, markdown, json, csv.`,
  badExportFormat: (value) => `Unsupported export format "${value}"; choose json or csv.`,
  unknownChecklist: (id, known) => `No checklist "${id}". Checklists: ${known === "" ? "(none)" : known}.`,
  noChecklists: (paths) => `No checklist (kind: Checklist) under ${paths}.`,
  exportNeedsOne: (ids) => `The paths hold several checklists (${ids}); name the one to export with --checklist.`,
  exportOneChecklist: "export writes one checklist at a time; give --checklist once.",
  noTaxonomy: "The lifecycle coverage map needs a taxonomy (kind: Taxonomy), but none was loaded.",
  dataErrors: (count) => `Note: the data has ${count} error${count === 1 ? "" : "s"}; the result may be incomplete. Run onething validate for details.`,
  mergedTitle: (count) => `National key matters (${count} national list${count === 1 ? "" : "s"} merged)`,
};

/** The texts of `onething stats` and `onething export` in one language. */
export function statsMessages(lang: Lang): StatsMessages {
  return lang === "zh" ? ZH : EN;
}
