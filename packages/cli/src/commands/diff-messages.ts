import type { Lang } from "@onething/sdk";
import { DIFF_FORMATS } from "@onething/sdk";

const FORMATS = DIFF_FORMATS.join("|");

const ZH = {
  help: `用法：onething diff <旧路径> <新路径> [选项]
      onething diff [<git 引用>] [--staged] [选项] [--] [路径…]
      onething diff <git 引用> <git 引用> [选项] [--] [路径…]

比较两个版本的清单，按标识（而不是位置）匹配文档和事项，报告语义变更：事项、政务服务事项、材料、部门的
新增/删除/改名（formerIds 声明的改名，或按名称相似推断的“可能改名”），牵头部门和配合部门、成效指标
（改革后数值上升记为“变差”）、状态（倒退）、批次、字段和文字的变化；每处变更标明不兼容/需关注/兼容，
并给出建议的版本升级（major/minor/patch）。

第一种用法比较两个文件或文件夹。第二种用法把工作区（或 --staged 时的暂存区）与 git 引用（默认 HEAD）
比较，直接从 git 读取旧版本，不需要检出；路径默认为 checklists（存在时），否则为当前目录。
第三种用法比较两个提交（例如合并请求的 CI 中：onething diff origin/main HEAD），两边都从 git 读取，
路径默认为 checklists（任一提交中有该文件夹时），否则为当前目录；第二个参数不是已有路径、而是指向提交的
引用时，按引用对待。

与 git 相同，可以用 -- 分开引用和路径：onething diff HEAD -- checklists/national。-- 之前是选项和至多两个
git 引用，不写时为 HEAD（与工作区比较，--staged 时与暂存区比较）；之后都是路径，选项请写在 -- 之前。路径
即使与引用同名也不当作引用，也不必存在于工作区（工作区中已删除、引用中还有的路径照样比较）；但在工作区、
比较的引用（--staged 时还有暂存区）中都不存在的路径是参数错误，退出码为 2。

选项：
  -f, --format <格式>        输出格式：${FORMATS}（默认 text；markdown 适合贴到合并请求评论）
      --fail-on <条件>       出现该类变更时退出码为 1：breaking|regression|any|none（默认 none）
      --staged               与暂存区比较（而不是工作区）
      --check-changeset <引用>
                             检查 checklists/ 自该引用以来的变更：须新增声明 @onething/checklists 且升级
                             不小于变更影响的变更集，变更文档的 metadata.version 须相应升高；否则退出码为 1
      --lang zh|en           消息语言（默认中文，或按 ONETHING_LANG / 系统语言环境）
  -o, --output <文件>        把结果写入文件（原子写入）而不是标准输出
  -h, --help                 显示本帮助

退出码：0 没有达到 --fail-on 的变更；1 有；2 无法运行（参数错误、路径或引用不存在、文件无法解析）。
在 GitHub Actions 中使用 --format github 时，markdown 摘要会追加到 $GITHUB_STEP_SUMMARY。
`,
  badFormat: (value: string) => `不支持的输出格式“${value}”，可选：${DIFF_FORMATS.join("、")}。`,
  badFailOn: (value: string) => `--fail-on 只能是 breaking、regression、any 或 none，收到“${value}”。`,
  badRef: (ref: string) => `“${ref}”不是有效的 git 引用。`,
  refMissing: (ref: string) => `git 引用“${ref}”不存在（也不是当前目录下的路径）。`,
  gitMissing: "找不到 git 命令；请安装 git，或直接比较两个路径：onething diff <旧路径> <新路径>。",
  stagedWithTwoPaths: "--staged 只能与 git 引用一起使用。",
  stagedWithTwoRefs: "--staged 比较暂存区与一个引用，不能与两个 git 引用一起使用。",
  tooManyRefs: (refs: readonly string[]) => `-- 之前至多有两个 git 引用，收到 ${refs.length} 个：${refs.join("、")}。路径请写在 -- 之后。`,
  notARef: (ref: string) => `“${ref}”写在 -- 之前，应是指向提交的 git 引用，但它不存在或不指向提交；路径请写在 -- 之后。`,
  noCommits: "仓库还没有任何提交：先提交一次，或直接比较两个路径：onething diff <旧路径> <新路径>。",
  pathNowhere: (path: string, refs: readonly string[], index: boolean) =>
    `无法读取路径“${path}”：工作区中没有，git 引用 ${refs.join("、")} 中也没有${index ? "，暂存区中也没有" : ""}。`,
  optionAfterSeparator: (path: string) => `“${path}”写在 -- 之后，被当作路径；选项请写在 -- 之前。`,
  unparsable: (details: string) => `无法比较：以下文件不能作为 onething 文档读取（运行 onething validate 查看详情）：\n${details}`,
  nothingToCompare: (paths: string) => `没有可比较的文件：在 ${paths} 下没有找到 YAML 文件。`,
  changedWhileReading: (path: string) => `比较期间 ${path} 被修改或删除，请在文件不再变化时重新运行。`,
};

type DiffMessages = typeof ZH;

const EN: DiffMessages = {
  help: `Usage: onething diff <before> <after> [options]
       onething diff [<git-ref>] [--staged] [options] [--] [paths…]
       onething diff <git-ref> <git-ref> [options] [--] [paths…]

Compares two versions of the checklists, matching documents and matters by id (never by position), and
reports semantic changes: matters, service items, materials and departments added, removed or renamed
(declared through formerIds, or a possible rename inferred from similar names); lead and partner
departments; metrics (a rising after value is a regression); status (moving backwards); batches; fields
and texts. Each change is breaking, potentially breaking or non-breaking, and the run suggests a version
bump (major / minor / patch).

The first form compares two files or folders. The second compares the working tree (or the index with
--staged) with a git ref (default HEAD), reading the old version from git without a checkout; the paths
default to checklists (when it exists), else the current directory. The third compares two commits (in a
pull request's CI, say: onething diff origin/main HEAD), both read from git, the paths defaulting to
checklists (when either commit has that folder), else the current directory; a second argument that is not
an existing path but a ref naming a commit is taken as a ref.

As in git, -- separates refs from paths: onething diff HEAD -- checklists/national. Before -- come options
and at most two git refs (none means HEAD, against the working tree or, with --staged, the index); after it
only paths, so put options before --. A path is never taken as a ref, even when it names a commit, and need
not exist in the working tree (a path deleted there but present at the ref is still compared); but a path
that is neither in the working tree nor at a compared ref (nor in the index with --staged) is a usage error
(exit 2).

Options:
  -f, --format <format>      output format: ${FORMATS} (default text; markdown for a pull-request comment)
      --fail-on <condition>  exit with 1 when there is such a change: breaking|regression|any|none (default none)
      --staged               compare the index instead of the working tree
      --check-changeset <ref>
                             check the changes of checklists/ since the ref: a changeset added since then must
                             declare @onething/checklists with a bump at least their impact, and each changed
                             document must raise its metadata.version accordingly; exit 1 when not
      --lang zh|en           language of messages (default Chinese, or ONETHING_LANG / the locale)
  -o, --output <file>        write the result to a file (atomically) instead of stdout
  -h, --help                 show this help

Exit codes: 0 no change matching --fail-on; 1 some; 2 could not run (bad arguments, a missing path or ref,
a file that does not parse). With --format github in GitHub Actions the markdown summary is appended to
$GITHUB_STEP_SUMMARY.
`,
  badFormat: (value) => `Unsupported output format "${value}"; choose one of ${DIFF_FORMATS.join(", ")}.`,
  badFailOn: (value) => `--fail-on must be breaking, regression, any or none, got "${value}".`,
  badRef: (ref) => `"${ref}" is not a valid git ref.`,
  refMissing: (ref) => `The git ref "${ref}" does not exist (and is not a path under the current directory).`,
  gitMissing: "git was not found; install it, or compare two paths: onething diff <before> <after>.",
  stagedWithTwoPaths: "--staged needs a git ref, not two paths.",
  stagedWithTwoRefs: "--staged compares the index with one ref; it cannot be used with two git refs.",
  tooManyRefs: (refs) => `At most two git refs may come before --, got ${refs.length}: ${refs.join(", ")}. Put paths after --.`,
  notARef: (ref) => `"${ref}" comes before --, so it must be a git ref naming a commit, but it does not exist or names no commit; put paths after --.`,
  noCommits: "The repository has no commit yet: commit once, or compare two paths: onething diff <before> <after>.",
  pathNowhere: (path, refs, index) => `Cannot read "${path}": it is neither in the working tree nor at ${refs.join(" or ")}${index ? " or in the index" : ""}.`,
  optionAfterSeparator: (path) => `"${path}" comes after --, so it was taken as a path; put options before --.`,
  unparsable: (details) => `Cannot compare: these files cannot be read as onething documents (run onething validate for details):\n${details}`,
  nothingToCompare: (paths) => `Nothing to compare: no YAML files under ${paths}.`,
  changedWhileReading: (path) => `${path} was changed or removed while it was being compared; run again once the files stop changing.`,
};

/** The texts of `onething diff` in one language. */
export function diffMessages(lang: Lang): DiffMessages {
  return lang === "zh" ? ZH : EN;
}
