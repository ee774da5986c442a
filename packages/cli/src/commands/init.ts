import { mkdir, stat } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import type { Lang, ParsedDocument } from "@onething/sdk";
import { writeNewFileAtomic } from "@onething/sdk/node";
import { EXIT_OK, EXIT_UNUSABLE, type CliIo } from "../io.js";
import { messages } from "../messages.js";
import { parseCommandArguments, readLangOption, UsageError } from "../options.js";
import { initMessages } from "./init-messages.js";
import { loadReportProject } from "./report-project.js";

type OptionSpec = Parameters<typeof parseCommandArguments>[0]["spec"];

/** The options `onething init` accepts. */
export const INIT_OPTIONS: OptionSpec = {
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
  name: { type: "string" },
  level: { type: "string" },
  id: { type: "string" },
  extends: { type: "string", multiple: true },
  output: { type: "string", short: "o" },
};

/** The jurisdiction levels a local list can have. */
export type LocalLevel = "provincial" | "municipal" | "county";

// GB/T 2260 province-level prefixes (the first two digits of a division code).
const PROVINCE_PREFIXES = new Set([
  "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
]);

/** Whether a division code is a 6-digit GB/T 2260 code of a province, city or county (not the nation). */
export function isLocalDivision(code: string): boolean {
  return /^\d{6}$/u.test(code) && PROVINCE_PREFIXES.has(code.slice(0, 2));
}

/** The level a division code implies: XX0000 provincial, XXXX00 municipal, else county. */
export function inferLevel(code: string): LocalLevel {
  if (code.endsWith("0000")) return "provincial";
  if (code.endsWith("00")) return "municipal";
  return "county";
}

/** What the generated list says: its id, names, jurisdiction, the lists it extends and where it is written. */
export interface InitTemplateOptions {
  /** The list's document id. */
  id: string;
  /** The GB/T 2260 division code. */
  division: string;
  /** The jurisdiction level. */
  level: LocalLevel;
  /** The jurisdiction's Chinese name, when known. */
  name?: string;
  /** Ids of the lists to extend, in order. */
  bases: string[];
  /** The schema reference for the modeline, relative to the file. */
  schema: string;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/** The text of a new local checklist with the modeline and Chinese comments explaining each field. */
export function renderInitTemplate(options: InitTemplateOptions): string {
  const text = initMessages("zh");
  const title = options.name === undefined ? text.defaultTitle(options.division) : text.titleOf(options.name);
  const jurisdictionName = options.name === undefined ? "" : `, name: { zh: ${quote(options.name)} }`;
  const extendsLines = options.bases.length === 0 ? ["  extends: []"] : ["  extends:", ...options.bases.map((id) => `    - { checklist: ${id} }`)];
  const example = options.bases[0] ?? "cn.national.2024-1";
  return [
    `# yaml-language-server: $schema=${options.schema}`,
    `# ${text.header(options.name ?? options.division)}`,
    "# 这份清单继承上级清单（extends），说明本地不适用的事项（notApplicable），按标识修改继承来的事项（patches），",
    "# 并列出本地特色事项（matters）。改完后运行 onething validate 检查，运行 onething resolve " + options.id + " 查看合并后的有效清单。",
    "apiVersion: onething/v1",
    "kind: Checklist",
    "metadata:",
    "  # 文档标识：小写字母和数字，用点或连字符分隔；发布后永久不变，全库唯一。",
    `  id: ${options.id}`,
    "  # 标题：中文必填，英文可选（en）。",
    `  title: { zh: ${quote(title)} }`,
    "  # 版本号（语义化版本）：每次修改数据都要提升；进度台账按“清单标识@版本”锁定要对账的清单。",
    "  version: 0.1.0",
    "  # 管辖区域：层级（provincial 省级 / municipal 市级 / county 县级）和 GB/T 2260 行政区划代码。",
    `  jurisdiction: { level: ${options.level}, division: ${quote(options.division)}${jurisdictionName} }`,
    "  # 来源：印发本清单的文件（文号）或网页，写明标题、链接和日期；没有来源时不要编造。",
    "  # sources:",
    "  #   - { title: 印发文件的文号, url: https://example.gov.cn/…, date: 2025-01-01 }",
    "spec:",
    "  # 清单范围：地方清单为 local。",
    "  scope: local",
    "  # 继承的上级清单（按清单标识）：默认继承项目中的全部国家年度清单，上级事项按顺序进入本清单。",
    "  # 只继承部分事项用 select，不继承某些事项用 exclude（都按事项标识，不按序号），例如：",
    `  #   - { checklist: ${example}, exclude: [事项标识] }`,
    ...extendsLines,
    "  # 本地不适用的上级事项：写明事项标识、原因（reason）和依据（basis）。依据可选：",
    "  # national-level 国家层面办理、provincial-level 省级层面办理、not-present 本地无此情形、other 其他。",
    "  # 不适用的事项仍留在有效清单中，对账销号时计为“不适用”。例如：",
    "  #   - matter: 事项标识",
    "  #     reason: { zh: 该事项由省级部门统一办理 }",
    "  #     basis: provincial-level",
    "  notApplicable: []",
    "  # 按事项标识修改继承来的事项：set 中的字段替换上级的值；metrics（四减指标）、oneStop（五个一）、",
    "  # smart（智能服务）按子字段合并。上级锁定（locked）的字段不能弱化：跑动次数、时限等不能增加，",
    "  # 牵头部门不能更换，集成的事项不能删减。例如：",
    "  #   - matter: 事项标识",
    "  #     set:",
    "  #       owners: { leader: 分管市领导, lead: dept.牵头部门, partners: [dept.责任部门] }",
    "  #       metrics: { trips: { before: 5, after: 0 } }",
    "  patches: []",
    "  # 本地特色事项（特色一件事）。每件事写明：",
    "  #   id          事项标识（小写字母、数字和连字符），发布后不再改；改名时把旧标识记入 formerIds",
    "  #   name        名称 { zh: 某某一件事, en: … }，中文必填",
    "  #   subject     服务主体：enterprise 经营主体 / individual 个人 / project 工程建设项目",
    "  #   stage       生命周期阶段：分类表（taxonomy）中该主体的阶段标识，如 market-entry、birth",
    "  #   owners      责任部门“1+1+N”：leader 1 位牵头领导，lead 1 个牵头部门，partners N 个责任部门",
    "  #               （部门用部门名录中的标识，以 dept. 开头；牵头部门不能同时列为配合部门）",
    "  #   items       集成的政务服务事项：事项目录中的标识（item. 开头），至少两项，可注明 role: conditional",
    "  #   confidence  可信度：verified 已核实（须列出来源）/ partial 部分核实 / unverified 待核实 / illustrative 示例",
    "  #   sources     来源：文件或网页的标题、链接",
    "  # 例如：",
    "  #   - id: 事项标识",
    "  #     name: { zh: 某某一件事 }",
    "  #     subject: enterprise",
    "  #     stage: market-entry",
    "  #     owners: { leader: 分管市领导, lead: dept.牵头部门, partners: [dept.责任部门一, dept.责任部门二] }",
    "  #     items: [{ ref: item.事项一 }, { ref: item.事项二, role: conditional }]",
    "  #     confidence: unverified",
    "  matters: []",
    "",
  ].join("\n");
}

/** National annual lists among the documents, in batch order. */
function nationalAnnualLists(documents: readonly ParsedDocument[]): string[] {
  const lists: Array<{ id: string; year: number; seq: number }> = [];
  for (const document of documents) {
    if (document.kind !== "Checklist" || document.id === undefined) continue;
    const value = document.value as { metadata?: { jurisdiction?: { level?: unknown } }; spec?: { scope?: unknown; batch?: { year?: unknown; seq?: unknown } } };
    const batch = value.spec?.batch;
    if (value.metadata?.jurisdiction?.level !== "national" || value.spec?.scope !== "annual") continue;
    lists.push({ id: document.id, year: typeof batch?.year === "number" ? batch.year : 0, seq: typeof batch?.seq === "number" ? batch.seq : 0 });
  }
  return lists.sort((a, b) => a.year - b.year || a.seq - b.seq || (a.id < b.id ? -1 : 1)).map((list) => list.id);
}

/** Runs `onething init <division-code>` and returns the exit code. */
export async function runInit(options: { argv: string[]; io: CliIo; lang: Lang }): Promise<number> {
  const { io } = options;
  const args = parseCommandArguments({ argv: options.argv, spec: INIT_OPTIONS, command: "init", lang: options.lang });
  const lang = readLangOption({ value: args.values["lang"], fallback: options.lang });
  const m = initMessages(lang);
  if (args.values["help"] === true) {
    io.stdout.write(m.help);
    return EXIT_OK;
  }
  const [division, ...extra] = args.positionals;
  if (division === undefined) throw new UsageError(m.missingDivision);
  if (extra.length > 0) throw new UsageError(messages(lang).badArguments(extra.join(" "), "init"));
  if (!isLocalDivision(division)) throw new UsageError(m.badDivision(division));
  const levelValue = args.values["level"];
  let level = inferLevel(division);
  if (typeof levelValue === "string") {
    if (levelValue !== "provincial" && levelValue !== "municipal" && levelValue !== "county") throw new UsageError(m.badLevel(levelValue));
    if (levelValue === "provincial" && !division.endsWith("0000")) throw new UsageError(m.levelMismatch(division, levelValue));
    level = levelValue;
  }
  const id = typeof args.values["id"] === "string" ? args.values["id"] : `cn.local.${division}`;
  if (!/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/u.test(id)) throw new UsageError(m.badId(id));
  const name = typeof args.values["name"] === "string" && args.values["name"].trim() !== "" ? args.values["name"].trim() : undefined;
  const output = typeof args.values["output"] === "string" ? args.values["output"] : `checklists/local/${division}.yaml`;
  const target = resolve(io.cwd, output);
  const relation = relative(io.cwd, target);
  if (relation === "" || relation.startsWith("..") || isAbsolute(relation)) throw new UsageError(m.outputOutsideRoot(output));
  if (await stat(target).then(() => true, () => false)) {
    io.stderr.write(`${m.exists(output)}\n`);
    return EXIT_UNUSABLE;
  }

  const project = await loadReportProject({ io, paths: [], lang });
  const requested = (args.values["extends"] as unknown as string[] | undefined) ?? [];
  const checklists = project.documents.filter((document) => document.kind === "Checklist" && document.id !== undefined).map((document) => document.id as string);
  for (const base of requested) {
    if (!checklists.includes(base)) throw new UsageError(m.unknownBase(base, checklists.join(", ")));
  }
  const bases = requested.length > 0 ? [...new Set(requested)] : nationalAnnualLists(project.documents);
  if (bases.length === 0) io.stderr.write(`${m.noNational}\n`);

  const schema = relative(dirname(target), resolve(io.cwd, "schemas/v1/checklist.schema.json")).split(sep).join("/");
  const text = renderInitTemplate({ id, division, level, ...(name === undefined ? {} : { name }), bases, schema });
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeNewFileAtomic(target, text);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "EEXIST") {
      io.stderr.write(`${m.exists(output)}\n`);
      return EXIT_UNUSABLE;
    }
    io.stderr.write(`${messages(lang).outputFailed(output, typeof code === "string" ? code : String(error))}\n`);
    return EXIT_UNUSABLE;
  }
  io.stdout.write(`${m.written(relation.split(sep).join("/"), bases.length)}\n`);
  return EXIT_OK;
}
