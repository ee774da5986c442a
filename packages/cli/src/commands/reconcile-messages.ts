import type { Lang } from "@onething/sdk";

/** The formats `onething reconcile` writes. */
export const RECONCILE_FORMATS = ["text", "markdown", "json", "csv"] as const;

const ZH = {
  help: `用法：onething reconcile [路径…] [选项]

对账销号：把进度台账（kind: Progress）与它锁定的清单（解析继承后的有效清单）逐事项核对，报告每件事的状态：
已落地、推进中、计划中、超期（到期日已过仍未落地）、待上级方案、不适用、未对账（台账中没有条目），
并给出城市汇报口径的小结（共多少个事项、推进多少个、已落地多少个、不适用多少个、待上级方案多少个）。
台账中使用曾用标识（formerIds）的条目会对应到现用标识并注明；不认识的条目单独列出。

路径：从哪里加载文档（默认：存在 checklists/ 时加载它，否则当前目录）；路径下的每个进度台账都会对账。

选项：
      --progress <标识>        只对账这个台账（metadata.id）
      --today <YYYY-MM-DD>     判断“超期”使用的日期（默认今天），便于结果可复现
  -f, --format <格式>          输出格式：text|markdown|json|csv（默认 text；csv 带 UTF-8 BOM、CRLF 换行，可直接用 Excel 打开）
  -o, --output <文件>          把结果写入文件（原子写入）而不是标准输出
      --lang zh|en             语言（默认中文）
  -h, --help                   显示本帮助

退出码：0 已对账；1 有台账无法对账（所指清单不存在）；2 无法运行（参数错误、找不到台账）。
`,
  title: (name: string) => `对账销号：${name}`,
  checklistLine: (options: { title: string; id: string; version: string; pinned?: string }) =>
    `清单：${options.title}（${options.id}@${options.version}${options.pinned !== undefined && options.pinned !== options.version ? `，台账锁定 ${options.pinned}` : ""}）`,
  datesLine: (asOf: string | undefined, today: string) => `${asOf === undefined ? "" : `台账截止 ${asOf} · `}判断日期 ${today}`,
  summary: "小结",
  mapped: "按曾用标识对应的条目",
  unknown: "清单中没有的条目（未计入）",
  findings: "问题",
  due: (date: string, from: "entry" | "matter" | undefined) => `期限 ${date}${from === "matter" ? "（清单）" : ""}`,
  since: (date: string) => `自 ${date}`,
  verified: "已验证成效",
  formerId: (id: string) => `台账写作 ${id}`,
  evidence: (count: number) => `佐证 ${count} 项`,
  headers: { matter: "事项", name: "名称", status: "状态", detail: "说明", category: "分类", count: "数量" },
  noProgress: (paths: string) => `没有找到进度台账（kind: Progress）：在 ${paths} 下。`,
  progressNotFound: (id: string, available: string) => `没有标识为“${id}”的进度台账。${available === "" ? "" : `可用：${available}。`}`,
  badFormat: (value: string) => `不支持的输出格式“${value}”，可选：text、markdown、json、csv。`,
  validationNote: (count: number) => `注意：校验发现 ${count} 个错误，对账结果可能不完整；运行 onething validate 查看详情。`,
};

type Messages = typeof ZH;

const EN: Messages = {
  help: `Usage: onething reconcile [paths…] [options]

Tick-off (对账销号): checks each Progress ledger against the checklist it pins (the effective list, after
extends), matter by matter, and reports where each stands: landed, in progress, planned, overdue (due date
passed, not landed), awaiting a higher-level plan, not applicable, missing (no ledger entry); then the summary
a city reports (how many matters, how many pushed, landed, not applicable, awaiting a plan). Entries that use
a former id (formerIds) are mapped to the current id and shown; entries naming no matter are listed apart.

Paths: where to load documents from (default: checklists/ when it exists, else the current directory); every
Progress ledger found there is reconciled.

Options:
      --progress <id>          reconcile only this ledger (metadata.id)
      --today <YYYY-MM-DD>     the date overdue is judged against (default today), for reproducible results
  -f, --format <format>        text|markdown|json|csv (default text; csv has a UTF-8 BOM and CRLF line ends, for Excel)
  -o, --output <file>          write the result to a file (atomically) instead of stdout
      --lang zh|en             language (default Chinese)
  -h, --help                   show this help

Exit codes: 0 reconciled; 1 a ledger could not be reconciled (its checklist is missing); 2 could not run (bad
arguments, no ledger found).
`,
  title: (name) => `Tick-off: ${name}`,
  checklistLine: (options) =>
    `Checklist: ${options.title} (${options.id}@${options.version}${options.pinned !== undefined && options.pinned !== options.version ? `, the ledger pins ${options.pinned}` : ""})`,
  datesLine: (asOf, today) => `${asOf === undefined ? "" : `Ledger as of ${asOf} · `}judged on ${today}`,
  summary: "Summary",
  mapped: "Entries mapped through former ids",
  unknown: "Entries naming no matter of the list (left out)",
  findings: "Findings",
  due: (date, from) => `due ${date}${from === "matter" ? " (list)" : ""}`,
  since: (date) => `since ${date}`,
  verified: "effect verified",
  formerId: (id) => `ledger says ${id}`,
  evidence: (count) => `${count} evidence`,
  headers: { matter: "Matter", name: "Name", status: "Status", detail: "Detail", category: "Category", count: "Count" },
  noProgress: (paths) => `No Progress ledger (kind: Progress) found under ${paths}.`,
  progressNotFound: (id, available) => `No Progress ledger with the id "${id}".${available === "" ? "" : ` Available: ${available}.`}`,
  badFormat: (value) => `Unsupported output format "${value}"; choose text, markdown, json or csv.`,
  validationNote: (count) => `Note: validation found ${count} ${count === 1 ? "error" : "errors"}, so the tick-off may be incomplete; run onething validate for details.`,
};

/** The texts of `onething reconcile` in one language. */
export function reconcileMessages(lang: Lang): Messages {
  return lang === "zh" ? ZH : EN;
}
