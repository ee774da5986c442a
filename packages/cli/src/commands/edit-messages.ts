import type { Lang } from "@onething/sdk";

const ZH = {
  help: `用法：onething edit [路径] [选项]

在终端里浏览和编辑清单：主体 › 阶段 › 事项 › 办理事项、材料、环节、来源的树（本地清单的调整和不适用事项也在其中），详情表单，实时问题面板，与 git HEAD 的差异视图。
路径默认为 checklists/；可以是其中的一个文件或文件夹（引用的分类、部门和事项目录会一并载入）。

按键（? 打开可筛选的完整帮助）：
  ↑↓ / j k   移动          Enter / →   展开、打开详情     ←   收起
  Tab        切换窗格（树、详情、问题）                    Esc 返回
  e / Enter  修改字段（枚举和引用从可筛选的列表中选择；列表字段打开条目编辑）   x 清除字段
  a          新增（事项、办理事项、材料、环节、来源、列表条目；本地清单中新增对国家事项的调整）
  d          删除（需确认；删除含事项的阶段要输入“删除”）
  K / J      上移、下移（也可用 Shift+↑↓）
  D          查看与 git HEAD 的差异：先列出改动，再显示 YAML 行；Enter 跳到字段
  /          搜索中英文名称和标识，n / N 下一个、上一个匹配
  u          撤销          Ctrl+R      重做          X   放弃全部修改（要输入“放弃”）
  s          保存（有错误时不能保存；有警告时需确认；磁盘上的文件被改过时可选择重新载入，或输入“覆盖”保留我的修改）
  q          退出（有未保存的修改时询问）；Ctrl+C 按两次退出，修改保留在恢复文件中

保存只改动被编辑的值，注释、键的顺序和其余各行保持不变；写入是原子的（临时文件加改名）。
每次修改都写入 .onething-recovery/，意外退出后再次打开时可恢复。

选项：
      --lang zh|en             界面语言（默认中文）
      --today <YYYY-MM-DD>     判断“超期”时使用的日期（默认今天）
  -h, --help                   显示本帮助

需要终端：标准输入和标准输出都必须是终端，否则说明原因并以退出码 2 结束。
退出码：0 正常退出；2 无法运行（不是终端、路径不存在、没有可编辑的清单）。
`,
  tooManyPaths: "edit 只接受一个路径（一个文件或文件夹）。",
};

type Messages = typeof ZH;

const EN: Messages = {
  help: `Usage: onething edit [path] [options]

Browse and edit checklists in the terminal: a tree of subject › stage › matter › items, materials, steps
and sources (with a local list's patches and not-applicable entries), the form, a live problems panel,
and a diff view against git HEAD. The path defaults to checklists/; it may be a file or folder
inside it (the taxonomy, departments and item catalogue it refers to are loaded too).

Keys (? opens the full help, filtered as you type):
  ↑↓ / j k   move          Enter / →   expand, open the form     ←   collapse
  Tab        next pane (tree, form, problems)                        Esc back
  e / Enter  edit a field (choices from a filterable list; lists open their entries)   x clear
  a          add (a matter, item, material, step, source or list entry; in a local list, a patch)
  d          delete (asks first; deleting a stage with matters asks you to type a word)
  K / J      move up, move down (also Shift+↑↓)
  D          the diff against git HEAD: the changes in words, then the YAML lines; Enter jumps there
  /          search Chinese and English names and ids; n / N next and previous match
  u          undo          Ctrl+R      redo          X   discard all edits (type a word to confirm)
  s          save (blocked by errors; warnings ask first; a file changed on disk offers reload, or keep mine by typing a word)
  q          quit (asks when there are unsaved edits); Ctrl+C twice quits, keeping the recovery file

Saving changes only the edited values: comments, key order and every other line stay as they were; the
write is atomic (a temporary file, then a rename). Every edit is written to .onething-recovery/ and is
offered again after a crash.

Options:
      --lang zh|en             language of the interface (default Chinese)
      --today <YYYY-MM-DD>     the date overdue checks use (default today)
  -h, --help                   show this help

Needs a terminal: standard input and output must both be terminals; otherwise it explains and exits 2.
Exit codes: 0 closed normally; 2 could not run (no terminal, path missing, no checklist to edit).
`,
  tooManyPaths: "edit takes a single path (a file or a folder).",
};

/** The messages of `onething edit` in a language. */
export function editMessages(lang: Lang): Messages {
  return lang === "zh" ? ZH : EN;
}
