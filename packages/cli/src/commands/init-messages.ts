import type { Lang } from "@onething/sdk";

const ZH = {
  help: `用法：onething init <行政区划代码> [选项]

新建一份地方清单（YAML）：继承国家年度清单，附带 yaml-language-server 模式行（编辑器据此提示和校验），
并用中文注释逐项说明各字段（extends、notApplicable、patches、matters、责任部门“1+1+N”、可信度）。
层级按 GB/T 2260 代码推断：XX0000 为省级，XXXX00 为市级，其余为县级。

选项：
      --name <中文名称>        区域名称，如 青岛市（用于标题和 jurisdiction.name）
      --level <层级>           provincial|municipal|county（默认按代码推断）
      --id <标识>              清单的文档标识（默认 cn.local.<代码>）
      --extends <清单标识>     继承的清单，可重复（默认：项目中找到的全部国家年度清单）
  -o, --output <文件>          写到哪里（默认 checklists/local/<代码>.yaml）；已存在的文件不会被覆盖
      --lang zh|en             语言（默认中文）
  -h, --help                   显示本帮助

退出码：0 已写入；2 无法运行（代码无效、文件已存在、继承的清单不存在）。
`,
  written: (path: string, bases: number) => `已写入 ${path}（继承 ${bases} 份清单）。下一步：补充 notApplicable、patches 和本地特色事项，然后运行 onething validate。`,
  noNational: "注意：项目中没有找到国家年度清单，extends 为空；可用 --extends 指定要继承的清单。",
  missingDivision: "缺少行政区划代码。用法：onething init <行政区划代码>；运行 onething init --help 查看说明。",
  badDivision: (value: string) => `行政区划代码“${value}”无效：需要 6 位数字（GB/T 2260），前两位是省级代码，且不能是全国 100000。`,
  badLevel: (value: string) => `--level 只能是 provincial、municipal 或 county，收到“${value}”。`,
  levelMismatch: (code: string, level: string) => `行政区划代码 ${code} 与层级 ${level} 不符：省级代码以 0000 结尾。`,
  badId: (value: string) => `--id“${value}”无效：只能用小写字母和数字，以点或连字符分隔。`,
  unknownBase: (id: string, available: string) => `没有标识为“${id}”的清单，不能继承。${available === "" ? "" : `可用：${available}。`}`,
  exists: (path: string) => `文件“${path}”已存在，不会覆盖。请用 --output 指定另一个文件，或先移走它。`,
  outputOutsideRoot: (path: string) => `输出文件“${path}”在项目根目录（当前目录）之外。`,
  header: (name: string) => `${name}“高效办成一件事”重点事项清单（地方清单），由 onething init 生成。`,
  defaultTitle: (code: string) => `行政区划 ${code} 重点事项清单`,
  titleOf: (name: string) => `${name}重点事项清单`,
};

type Messages = typeof ZH;

const EN: Messages = {
  help: `Usage: onething init <division-code> [options]

Creates a local checklist (YAML) that extends the national annual lists, with the yaml-language-server modeline
(so editors complete and check it) and Chinese comments explaining each field (extends, notApplicable,
patches, matters, the 1+1+N owners, confidence). The level is inferred from the GB/T 2260 code: XX0000
provincial, XXXX00 municipal, anything else county.

Options:
      --name <zh name>         the jurisdiction's Chinese name, e.g. 青岛市 (for the title and jurisdiction.name)
      --level <level>          provincial|municipal|county (default: inferred from the code)
      --id <id>                the checklist's document id (default cn.local.<code>)
      --extends <checklist>    a list to extend, repeatable (default: every national annual list found)
  -o, --output <file>          where to write (default checklists/local/<code>.yaml); an existing file is never overwritten
      --lang zh|en             language (default Chinese)
  -h, --help                   show this help

Exit codes: 0 written; 2 could not run (bad code, the file exists, a list to extend does not exist).
`,
  written: (path, bases) => `Wrote ${path} (extending ${bases} lists). Next: fill in notApplicable, patches and the local matters, then run onething validate.`,
  noNational: "Note: no national annual list was found, so extends is empty; name lists to extend with --extends.",
  missingDivision: "Missing the division code. Usage: onething init <division-code>; run onething init --help for details.",
  badDivision: (value) => `Invalid division code "${value}": it takes 6 digits (GB/T 2260) starting with a province prefix, and not 100000 (the whole country).`,
  badLevel: (value) => `--level must be provincial, municipal or county, got "${value}".`,
  levelMismatch: (code, level) => `The division code ${code} does not fit the level ${level}: provincial codes end in 0000.`,
  badId: (value) => `Invalid --id "${value}": use lowercase letters and digits separated by dots or hyphens.`,
  unknownBase: (id, available) => `No checklist with the id "${id}" to extend.${available === "" ? "" : ` Available: ${available}.`}`,
  exists: (path) => `The file "${path}" exists and is not overwritten. Choose another file with --output, or move it away first.`,
  outputOutsideRoot: (path) => `The output file "${path}" is outside the project root (the current directory).`,
  header: ZH.header,
  defaultTitle: ZH.defaultTitle,
  titleOf: ZH.titleOf,
};

/** The texts of `onething init` in one language (the generated file itself is always in Chinese). */
export function initMessages(lang: Lang): Messages {
  return lang === "zh" ? ZH : EN;
}
