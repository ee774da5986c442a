import type { Lang } from "@onething/sdk";
import { displayWidth, OUTPUT_FORMATS, padEndWidth } from "@onething/sdk";

const FORMATS = OUTPUT_FORMATS.join("|");

/** Each command's usage and one-line description, per language, for the global help. */
const COMMAND_LINES: Record<Lang, readonly (readonly [string, string])[]> = {
  zh: [
    ["validate [路径…]", "校验清单文件（YAML），报告问题"],
    ["overview [路径]", "清单概览：文档、批次、主体与阶段、可信度和问题数（没有终端时 npm start 运行它）"],
    ["diff [引用…] [--] [路径…]", "语义比较两个版本（默认 HEAD 与工作区；或两个提交，或 diff <旧> <新>），给出建议版本升级"],
    ["changeset", "为 checklists/ 的变更写出变更集（升级取变更影响）；diff --check-changeset <引用> 检查它"],
    ["reconcile [路径…]", "对账销号：进度台账逐事项对照清单，报告已落地、推进中、不适用、超期、未对账"],
    ["resolve <清单标识>", "输出解析继承后的有效清单（yaml/json，--with-origin 注明来源）"],
    ["init <区划代码>", "新建继承国家清单的地方清单（带模式行和字段说明注释）"],
    ["stats [路径…]", "“四减”统计（按主体/阶段/批次/部门）与生命周期覆盖图（--coverage）"],
    ["export [路径…]", "导出解析后的清单：json 或 Excel 可直接打开的 csv"],
    ["edit [路径]", "在终端中浏览和编辑清单（树、表单、实时问题、撤销、安全保存）"],
    ["start [路径]", "在终端中打开 edit，否则输出 overview（npm start 运行它）"],
  ],
  en: [
    ["validate [paths…]", "validate checklist files (YAML) and report problems"],
    ["overview [path]", "a short overview: documents, batches, subjects and stages, confidence, problems (npm start without a terminal)"],
    ["diff [refs] [--] [paths…]", "semantic diff of two versions (HEAD vs the working tree, two commits, or diff <old> <new>), with the bump"],
    ["changeset", "write a changeset for the changes of checklists/; diff --check-changeset <ref> checks it"],
    ["reconcile [paths…]", "tick-off: check Progress ledgers against their lists (landed, in progress, overdue, missing…)"],
    ["resolve <id>", "print the effective list after extends (yaml/json, --with-origin for provenance)"],
    ["init <division>", "create a local list extending the national ones (modeline and field comments)"],
    ["stats [paths…]", "the four reductions (by subject / stage / batch / department); --coverage for the lifecycle map"],
    ["export [paths…]", "export a resolved checklist: json, or csv that Excel opens with Chinese intact"],
    ["edit [path]", "browse and edit checklists in the terminal (tree, form, live problems, undo, safe save)"],
    ["start [path]", "edit in a terminal, otherwise the overview (what npm start runs)"],
  ],
};

/** The global help's command list, the descriptions aligned by display width (Chinese is two columns wide). */
function commandTable(lang: Lang): string {
  const rows = COMMAND_LINES[lang];
  const width = Math.max(...rows.map(([usage]) => displayWidth(usage))) + 2;
  return rows.map(([usage, description]) => `  ${padEndWidth(usage, width)}${description}`).join("\n");
}

const ZH = {
  globalHelp: (version: string) => `onething ${version} —— “高效办成一件事”重点事项清单工具

用法：onething <命令> [选项]

命令：
${commandTable("zh")}

全局选项：
  -h, --help          显示帮助（也可用于每个命令：onething validate --help）
  -v, --version       显示版本号
      --lang zh|en    界面语言（默认取 ONETHING_LANG 或系统语言环境，否则中文）

退出码：0 没有问题；1 发现达到 --fail-severity 的问题；2 无法运行（参数错误、路径无法读取、没有可校验的文件）。
`,
  validateHelp: `用法：onething validate [路径…] [选项]

校验路径下的所有 YAML 文件（默认：存在 checklists/ 时校验它，否则校验当前目录）。项目根目录为当前目录。

选项：
  -f, --format <格式>          输出格式：${FORMATS}（默认 stylish）
      --lang zh|en             消息语言（默认中文，或按 ONETHING_LANG / 系统语言环境）
      --today <YYYY-MM-DD>     判断“超期”时使用的日期（默认今天），便于结果可复现
      --max-problems <N>       最多显示 N 个问题（stylish、markdown、github 摘要）
      --fail-severity <级别>   达到该级别的问题使退出码为 1：error|warning|info（默认 error）
  -q, --quiet                  只报告错误
  -o, --output <文件>          把结果写入文件（原子写入）而不是标准输出
      --cache                  缓存结果：只重新解析改动过的文件，什么都没变时直接给出上次的结果
      --cache-location <目录>  缓存目录（配合 --cache；默认项目根目录下的 .onething-cache/）
      --rules-doc-url <网址>   规则说明的网址（sarif 链接到 <网址>#<代码>；默认 docs/rules.md）
  -h, --help                   显示本帮助

颜色：仅当标准输出是终端且未设置 NO_COLOR 时使用；设置 FORCE_COLOR 可强制开启。
缓存按每个文件内容的哈希判断：只有改动过的文件会重新解析，跨文件的规则每次都对全部文件重新运行，结果不会过时。
在 GitHub Actions 中使用 --format github 时，摘要会追加到 $GITHUB_STEP_SUMMARY。
sarif 规则的帮助链接（helpUri）须是完整网址，例如：
  --rules-doc-url https://github.com/<所有者>/<仓库>/blob/main/docs/rules.md
不给出时，docs/rules.md#<代码> 只作为帮助文字写入。
`,
  startHelp: `用法：onething start [路径] [选项]

npm start 运行的命令：在终端中打开编辑器（同 onething edit）；没有终端时（CI、管道、CI=true）输出清单概览
（同 onething overview），有错误时退出码为 1。路径默认 checklists。

选项：
      --lang zh|en             语言（默认中文）
      --today <YYYY-MM-DD>     判断“超期”时使用的日期（默认今天）
  -h, --help                   显示本帮助

编辑器的按键见 onething edit --help；概览的内容见 onething overview --help。
`,
  overviewHelp: `用法：onething overview [路径] [选项]

校验路径（默认 checklists）并打印简短的中文概览：各类文档数量、国家重点事项按批次（已录入/公布数量）、
按主体和生命周期阶段、按可信度的分布，以及问题数量（不给路径且没有 checklists/ 时概览当前目录）。
不会等待输入；有错误时退出码为 1，否则为 0。

选项：
      --lang zh|en             语言（默认中文）
      --today <YYYY-MM-DD>     判断“超期”时使用的日期（默认今天）
  -h, --help                   显示本帮助
`,
  unknownCommand: (name: string, commands: readonly string[]) => `未知命令“${name}”。可用命令：${commands.join("、")}。运行 onething --help 查看用法。`,
  missingCommand: "缺少命令。运行 onething --help 查看用法。",
  unknownGlobalOption: (option: string) => `未知选项 ${option}。运行 onething --help 查看用法。`,
  unknownOption: (option: string, command: string) => `未知选项 ${option}。运行 onething ${command} --help 查看用法。`,
  missingValue: (option: string) => `选项 ${option} 需要一个值。`,
  unexpectedValue: (option: string) => `选项 ${option} 不接受值。`,
  badArguments: (detail: string, command: string) => `参数错误：${detail}。运行 onething ${command} --help 查看用法。`,
  badFormat: (value: string) => `不支持的输出格式“${value}”，可选：${OUTPUT_FORMATS.join("、")}。`,
  badLang: (value: string) => `不支持的语言“${value}”，可选：zh、en。`,
  badToday: (value: string) => `--today 需要一个有效日期，格式为 YYYY-MM-DD，收到“${value}”。`,
  badMaxProblems: (value: string) => `--max-problems 必须是非负整数，收到“${value}”。`,
  badFailSeverity: (value: string) => `--fail-severity 只能是 error、warning 或 info，收到“${value}”。`,
  badRulesDocUrl: (value: string) => `--rules-doc-url 需要规则说明的网址或相对路径（不能为空，不含空白、控制字符或 #），收到“${value}”。`,
  tooManyPaths: "overview 只接受一个路径。",
  emptyPath: "路径不能为空字符串。",
  quietHidden: (count: number) => `另有 ${count} 个警告/提示已被 --quiet 隐藏。`,
  pathMissing: (path: string) => `无法读取路径“${path}”：不存在。`,
  pathUnreadable: (path: string, reason: string) => `无法读取路径“${path}”：${reason}。`,
  pathOutsideRoot: (path: string) => `路径“${path}”在项目根目录（当前目录）之外。`,
  nothingToValidate: (paths: string) => `没有可校验的文件：在 ${paths} 下没有找到 YAML 文件。`,
  outputFailed: (path: string, reason: string) => `无法写入输出文件“${path}”：${reason}。`,
  summaryFailed: (reason: string) => `无法写入 $GITHUB_STEP_SUMMARY：${reason}；摘要改为打印在下面。`,
  internalError: (message: string) => `内部错误：${message}\n这是 onething 的缺陷，请报告（please report）并附上上面的命令。`,
};

type Messages = typeof ZH;

const EN: Messages = {
  globalHelp: (version: string) => `onething ${version} — tools for "get one thing done efficiently" key-matter checklists

Usage: onething <command> [options]

Commands:
${commandTable("en")}

Global options:
  -h, --help          show help (also per command: onething validate --help)
  -v, --version       show the version
      --lang zh|en    language of messages (default: ONETHING_LANG or the locale, else Chinese)

Exit codes: 0 no problems; 1 problems at or above --fail-severity; 2 could not run (bad arguments,
unreadable path, nothing to validate).
`,
  validateHelp: `Usage: onething validate [paths…] [options]

Validates every YAML file under the paths (default: checklists/ when it exists, else the current directory).
The project root is the current directory.

Options:
  -f, --format <format>        output format: ${FORMATS} (default stylish)
      --lang zh|en             language of messages (default Chinese, or ONETHING_LANG / the locale)
      --today <YYYY-MM-DD>     the date overdue checks use (default today), for reproducible results
      --max-problems <N>       show at most N problems (stylish, markdown, the github summary)
      --fail-severity <level>  problems at or above it exit with 1: error|warning|info (default error)
  -q, --quiet                  report errors only
  -o, --output <file>          write the result to a file (atomically) instead of stdout
      --cache                  cache results: parse only changed files; nothing changed gives the last results
      --cache-location <dir>   the cache folder (with --cache; default .onething-cache/ in the project root)
      --rules-doc-url <url>    where the rule docs live (sarif links to <url>#<code>; default docs/rules.md)
  -h, --help                   show this help

Colour: only when stdout is a terminal and NO_COLOR is unset; FORCE_COLOR forces it.
The cache compares a hash of every file's content: only changed files are parsed again, and the
cross-file rules run on every file each time, so findings are never stale.
With --format github in GitHub Actions the summary is appended to $GITHUB_STEP_SUMMARY.
A sarif rule's help link (helpUri) must be a full URL, for example:
  --rules-doc-url https://github.com/<owner>/<repo>/blob/main/docs/rules.md
Without it, docs/rules.md#<code> is given as help text only.
`,
  startHelp: `Usage: onething start [path] [options]

What npm start runs: on a terminal it opens the editor (as onething edit); without one (CI, a pipe, CI=true)
it prints the overview (as onething overview) and exits with 1 when there are errors. The path defaults to
checklists.

Options:
      --lang zh|en             language (default Chinese)
      --today <YYYY-MM-DD>     the date overdue checks use (default today)
  -h, --help                   show this help

The editor's keys: onething edit --help; what the overview shows: onething overview --help.
`,
  overviewHelp: `Usage: onething overview [path] [options]

Validates the path (default checklists/, else the current directory) and prints a short overview:
documents by kind, national matters by batch (present / declared), by subject and lifecycle stage, by
confidence, and the problem counts. Never waits for input; exits with 1 when there are errors, else 0.

Options:
      --lang zh|en             language (default Chinese)
      --today <YYYY-MM-DD>     the date overdue checks use (default today)
  -h, --help                   show this help
`,
  unknownCommand: (name, commands) => `Unknown command "${name}". Commands: ${commands.join(", ")}. Run onething --help for usage.`,
  missingCommand: "Missing command. Run onething --help for usage.",
  unknownGlobalOption: (option) => `Unknown option ${option}. Run onething --help for usage.`,
  unknownOption: (option, command) => `Unknown option ${option}. Run onething ${command} --help for usage.`,
  missingValue: (option) => `Option ${option} needs a value.`,
  unexpectedValue: (option) => `Option ${option} does not take a value.`,
  badArguments: (detail, command) => `Bad arguments: ${detail}. Run onething ${command} --help for usage.`,
  badFormat: (value) => `Unsupported output format "${value}"; choose one of ${OUTPUT_FORMATS.join(", ")}.`,
  badLang: (value) => `Unsupported language "${value}"; choose zh or en.`,
  badToday: (value) => `--today needs a valid date as YYYY-MM-DD, got "${value}".`,
  badMaxProblems: (value) => `--max-problems must be a non-negative integer, got "${value}".`,
  badFailSeverity: (value) => `--fail-severity must be error, warning or info, got "${value}".`,
  badRulesDocUrl: (value) => `--rules-doc-url needs the URL or relative path of the rule docs (not empty, without whitespace, control characters or #), got "${value}".`,
  tooManyPaths: "overview takes a single path.",
  emptyPath: "A path cannot be the empty string.",
  quietHidden: (count) => `${count} more ${count === 1 ? "warning/info finding is" : "warning/info findings are"} hidden by --quiet.`,
  pathMissing: (path) => `Cannot read "${path}": it does not exist.`,
  pathUnreadable: (path, reason) => `Cannot read "${path}": ${reason}.`,
  pathOutsideRoot: (path) => `"${path}" is outside the project root (the current directory).`,
  nothingToValidate: (paths) => `Nothing to validate: no YAML files under ${paths}.`,
  outputFailed: (path, reason) => `Cannot write the output file "${path}": ${reason}.`,
  summaryFailed: (reason) => `Cannot write $GITHUB_STEP_SUMMARY: ${reason}; the summary is printed below instead.`,
  internalError: (message) => `Internal error (内部错误): ${message}\nThis is a bug in onething; please report it with the command above.`,
};

/** The CLI's texts in one language. */
export function messages(lang: Lang): Messages {
  return lang === "zh" ? ZH : EN;
}
