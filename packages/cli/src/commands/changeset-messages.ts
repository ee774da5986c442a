import type { Lang } from "@onething/sdk";

const ZH = {
  help: `用法：onething changeset [--base <git 引用>] [--output-dir <文件夹>] [--name <名称>] [选项]

比较 checklists/ 在基准（git 引用）与工作区的两个版本（与 onething diff <基准> checklists 相同），写出一个
changesets 格式的变更集：front matter 声明 "@onething/checklists" 的升级（取变更的语义化版本影响：
major/minor/patch），正文是变更的 markdown 摘要。没有语义变更时不写文件。

选项：
      --base <引用>          比较的基准（默认：与 main 分支的合并基点，没有 main 时为 HEAD）
      --output-dir <文件夹>  变更集所在文件夹（默认 .changeset）
      --name <名称>          文件名（小写字母、数字和连字符，不含 .md；默认由升级和变更内容生成）
      --lang zh|en           消息和摘要的语言（默认中文，或按 ONETHING_LANG / 系统语言环境）
  -h, --help                 显示本帮助

文件以原子方式写入，已存在时拒绝覆盖。退出码：0 已写出或无需写出；2 无法运行（参数错误、引用不存在、
文件已存在、文件无法解析）。配套检查：onething diff --check-changeset <基准>。
`,
  nothingChanged: (base: string) => `checklists/ 与 ${base} 相比没有语义变更，无需变更集；未写入文件。`,
  written: (path: string, bump: string) => `已写出变更集 ${path}（@onething/checklists 升级 ${bump}）。别忘了同时升高变更文档的 metadata.version。`,
  exists: (path: string) => `${path} 已存在，拒绝覆盖；请用 --name 指定另一个名称。`,
  writeFailed: (path: string, detail: string) => `无法写入 ${path}：${detail}`,
  badName: (value: string) => `--name 只能包含小写字母、数字和连字符（以字母或数字开头），收到“${value}”。`,
  noPositionals: (value: string) => `onething changeset 不接受路径参数（它总是比较 checklists/），收到“${value}”；基准用 --base 指定。`,
  checkConflicts: "--check-changeset 不能与路径、--staged、--format、--fail-on 或 --output 一起使用。",
  checkPassed: (summary: string) => `✓ ${summary}`,
  checkFailed: (summary: string) => `✗ ${summary}`,
  checkHint: "修复：运行 onething changeset 写出变更集，并按要求升高各文档的 metadata.version。",
};

type ChangesetMessages = typeof ZH;

const EN: ChangesetMessages = {
  help: `Usage: onething changeset [--base <git-ref>] [--output-dir <folder>] [--name <name>] [options]

Compares checklists/ at the base (a git ref) with the working tree (as onething diff <base> checklists does)
and writes a changeset in the changesets format: its front matter declares the bump of
"@onething/checklists" (the changes' semantic-version impact: major/minor/patch) and its body is the
markdown summary of the changes. Writes nothing when there is no semantic change.

Options:
      --base <ref>           the base to compare with (default: the merge base with main, else HEAD)
      --output-dir <folder>  the changesets folder (default .changeset)
      --name <name>          the file name (lowercase letters, digits, hyphens; no .md; default derived from
                             the bump and the changes)
      --lang zh|en           language of messages and of the summary (default Chinese, or ONETHING_LANG / the locale)
  -h, --help                 show this help

The file is written atomically and never overwritten. Exit codes: 0 written or nothing to write; 2 could
not run (bad arguments, a missing ref, the file exists, a file that does not parse). Its check:
onething diff --check-changeset <base>.
`,
  nothingChanged: (base) => `checklists/ has no semantic changes since ${base}; no changeset is needed and no file was written.`,
  written: (path, bump) => `Wrote the changeset ${path} (a ${bump} bump of @onething/checklists). Raise the metadata.version of the changed documents too.`,
  exists: (path) => `${path} already exists and is not overwritten; choose another name with --name.`,
  writeFailed: (path, detail) => `Cannot write ${path}: ${detail}`,
  badName: (value) => `--name may hold only lowercase letters, digits and hyphens (starting with a letter or digit), got "${value}".`,
  noPositionals: (value) => `onething changeset takes no paths (it always compares checklists/), got "${value}"; give the base with --base.`,
  checkConflicts: "--check-changeset cannot be combined with paths, --staged, --format, --fail-on or --output.",
  checkPassed: (summary) => `✓ ${summary}`,
  checkFailed: (summary) => `✗ ${summary}`,
  checkHint: "To fix: run onething changeset to write a changeset, and raise each document's metadata.version as required.",
};

/** The texts of `onething changeset` and `onething diff --check-changeset` in one language. */
export function changesetMessages(lang: Lang): ChangesetMessages {
  return lang === "zh" ? ZH : EN;
}
