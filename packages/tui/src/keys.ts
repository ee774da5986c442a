import type { LocalizedMessage } from "@onething/schemas";

/** A key press, normalized from what the terminal sent. */
export interface KeyPress {
  /** Printable text typed (may be several characters when pasted or typed through an input method). */
  input: string;
  /** A named key, when one was pressed. */
  name?: "up" | "down" | "left" | "right" | "pageup" | "pagedown" | "home" | "end" | "return" | "escape" | "tab" | "backtab" | "backspace" | "delete";
  /** Ctrl was held (with `input` the letter). */
  ctrl: boolean;
  /** How many times the key was pressed in one chunk (runs of Backspace); default 1. */
  count?: number;
  /** Shift was held with ↑ or ↓. */
  shift?: boolean;
}

/** The subset of Ink's `Key` the editor reads. */
export interface InkKey {
  /** ↑. */ upArrow: boolean;
  /** ↓. */ downArrow: boolean;
  /** ←. */ leftArrow: boolean;
  /** →. */ rightArrow: boolean;
  /** Page Up. */ pageUp: boolean;
  /** Page Down. */ pageDown: boolean;
  /** Home. */ home?: boolean;
  /** End. */ end?: boolean;
  /** Enter. */ return: boolean;
  /** Esc. */ escape: boolean;
  /** Ctrl held. */ ctrl: boolean;
  /** Shift held. */ shift: boolean;
  /** Tab. */ tab: boolean;
  /** Backspace (\b). */ backspace: boolean;
  /** Delete or Backspace (\x7f). */ delete: boolean;
}

/**
 * Turns what Ink reports for one chunk of input into a key press. Ink reports Backspace (`\x7f`) as
 * `delete`, and a run of them in one chunk as plain input with no flag; both become `backspace` (Ctrl+D
 * deletes forward).
 *
 * @example
 * toKeyPress("\x7f\x7f", inkKey); // { input: "", name: "backspace", ctrl: false, count: 2 }
 */
export function toKeyPress(input: string, key: InkKey): KeyPress {
  if (/^[\u007F\b]+$/.test(input)) return { input: "", name: "backspace", ctrl: false, count: input.length };
  const named = (name: NonNullable<KeyPress["name"]>): KeyPress => ({ input: "", name, ctrl: key.ctrl });
  if (key.upArrow) return key.shift ? { ...named("up"), shift: true } : named("up");
  if (key.downArrow) return key.shift ? { ...named("down"), shift: true } : named("down");
  if (key.leftArrow) return named("left");
  if (key.rightArrow) return named("right");
  if (key.pageUp) return named("pageup");
  if (key.pageDown) return named("pagedown");
  if (key.home === true) return named("home");
  if (key.end === true) return named("end");
  if (key.return) return named("return");
  if (key.escape) return named("escape");
  if (key.tab) return named(key.shift ? "backtab" : "tab");
  if (key.backspace || key.delete) return named("backspace");
  return { input, ctrl: key.ctrl };
}

/** Where the keyboard is: the mode, or in `browse` mode the focused pane. */
export type Context = "tree" | "detail" | "problems" | "search" | "edit" | "pick" | "help" | "confirm-quit" | "confirm-save" | "conflict" | "recovery" | "diff" | "list" | "prompt" | "confirm-delete" | "confirm-type";

/** Contexts where printable keys are text to insert. */
export const TEXT_CONTEXTS: readonly Context[] = ["search", "edit", "pick", "help", "prompt", "confirm-type"];

/** One entry of the key table, which drives dispatch, the footer and the help screen alike. */
export interface Binding {
  /** The command the reducer runs. */
  command: string;
  /** Key specs: a character (`"k"`), a named key (`"up"`), or Ctrl plus a letter (`"C-r"`). */
  keys: readonly string[];
  /** Where the binding works. */
  contexts: readonly Context[];
  /** What it does, as the footer and help show it. */
  label: LocalizedMessage;
  /** Shown in the one-line footer (otherwise only in help). */
  footer: boolean;
}

const BROWSE: readonly Context[] = ["tree", "detail", "problems"];
const LISTS: readonly Context[] = ["tree", "detail", "problems", "pick", "list"];
const TYPING: readonly Context[] = ["search", "edit", "pick", "help", "prompt", "confirm-type"];
const ALL: readonly Context[] = ["tree", "detail", "problems", "search", "edit", "pick", "help", "confirm-quit", "confirm-save", "conflict", "recovery", "diff", "list", "prompt", "confirm-delete", "confirm-type"];

const b = (command: string, keys: string[], contexts: readonly Context[], zh: string, en: string, footer = true): Binding => ({ command, keys, contexts, label: { zh, en }, footer });

/** The key table. The first binding that matches a key in the current context wins. */
export const BINDINGS: readonly Binding[] = [
  b("recovery-restore", ["r"], ["recovery"], "恢复未保存的修改", "restore the unsaved edits"),
  b("recovery-discard", ["d"], ["recovery"], "丢弃", "discard them"),
  b("confirm-yes", ["y"], ["confirm-quit", "confirm-save", "confirm-delete"], "是", "yes"),
  b("confirm-no", ["n", "escape"], ["confirm-quit", "confirm-save", "confirm-delete"], "否", "no"),
  b("type-confirm", ["return"], ["confirm-type"], "确定", "confirm"),
  b("type-cancel", ["escape"], ["confirm-type"], "取消", "cancel"),
  b("prompt-accept", ["return"], ["prompt"], "确定", "ok"),
  b("prompt-cancel", ["escape"], ["prompt"], "取消", "cancel"),
  b("conflict-reload", ["r"], ["conflict"], "重新载入磁盘上的文件（放弃我的修改）", "reload from disk (drop my edits)"),
  b("conflict-keep", ["k"], ["conflict"], "保留我的修改并覆盖", "keep mine and overwrite"),
  b("conflict-cancel", ["escape"], ["conflict"], "取消", "cancel"),
  b("edit-commit", ["return"], ["edit"], "确定", "apply"),
  b("edit-cancel", ["escape"], ["edit"], "取消", "cancel"),
  b("search-accept", ["return"], ["search"], "确定", "accept"),
  b("search-cancel", ["escape"], ["search"], "取消", "cancel"),
  b("pick-choose", ["return"], ["pick"], "选择", "choose"),
  b("pick-cancel", ["escape"], ["pick"], "取消", "cancel"),
  b("help-close", ["escape"], ["help"], "关闭帮助", "close help"),
  b("diff-jump", ["return"], ["diff"], "跳到修改处", "go to the change"),
  b("diff-up", ["up", "k"], ["diff"], "上移", "up", false),
  b("diff-down", ["down", "j"], ["diff"], "下移", "down", false),
  b("diff-page-up", ["pageup"], ["diff"], "上一页", "page up", false),
  b("diff-page-down", ["pagedown"], ["diff"], "下一页", "page down", false),
  b("diff-close", ["escape", "D"], ["diff"], "关闭差异", "close the diff"),
  b("list-edit", ["return", "e"], ["list"], "修改条目", "edit the entry"),
  b("list-back", ["escape", "left", "h"], ["list"], "返回", "back"),
  // Before move-up / move-down: Shift+↑ also matches a plain "up".
  b("reorder-up", ["K", "S-up"], ["tree", "list"], "上移条目", "move up"),
  b("reorder-down", ["J", "S-down"], ["tree", "list"], "下移条目", "move down", false),
  b("move-up", ["up", "k"], LISTS, "上移", "up", false),
  b("move-down", ["down", "j"], LISTS, "下移", "down", false),
  b("page-up", ["pageup"], LISTS, "上一页", "page up", false),
  b("page-down", ["pagedown"], LISTS, "下一页", "page down", false),
  b("cursor-left", ["left"], TYPING, "光标左移", "cursor left", false),
  b("cursor-right", ["right"], TYPING, "光标右移", "cursor right", false),
  b("cursor-home", ["home", "C-a"], TYPING, "光标到行首", "cursor to start", false),
  b("cursor-end", ["end", "C-e"], TYPING, "光标到行尾", "cursor to end", false),
  b("delete-left", ["backspace"], TYPING, "删除前一个字", "delete back", false),
  b("delete-right", ["delete", "C-d"], TYPING, "删除后一个字", "delete forward", false),
  b("open", ["return", "right", "l"], ["tree"], "展开/打开", "open"),
  b("collapse", ["left", "h"], ["tree"], "收起", "collapse", false),
  b("edit-field", ["return", "e"], ["detail"], "修改", "edit"),
  b("clear-field", ["x"], ["detail"], "清除字段", "clear the field", false),
  b("add", ["a"], ["tree", "list"], "添加", "add"),
  b("delete-node", ["d"], ["tree", "list"], "删除", "delete"),
  b("jump", ["return"], ["problems"], "跳到字段", "go to field"),
  b("back", ["escape"], ["detail", "problems"], "返回", "back"),
  b("focus-next", ["tab"], BROWSE, "切换窗格", "next pane"),
  b("focus-prev", ["backtab"], BROWSE, "上一个窗格", "previous pane", false),
  b("search", ["/"], BROWSE, "搜索", "search"),
  b("next-match", ["n"], BROWSE, "下一个匹配", "next match", false),
  b("prev-match", ["N"], BROWSE, "上一个匹配", "previous match", false),
  b("save", ["s", "C-s"], BROWSE, "保存", "save"),
  b("undo", ["u"], [...BROWSE, "list"], "撤销", "undo"),
  b("redo", ["C-r"], [...BROWSE, "list"], "重做", "redo"),
  b("diff", ["D"], BROWSE, "查看差异", "diff vs last commit"),
  b("discard-all", ["X"], BROWSE, "放弃全部修改", "discard all edits", false),
  b("help", ["?"], BROWSE, "帮助", "help"),
  b("quit", ["q"], BROWSE, "退出", "quit"),
  b("interrupt", ["C-c"], ALL, "退出（有未保存的修改时按两次）", "quit (twice with unsaved edits)", false),
];

/** Whether a key press matches a key spec. */
export function matchesSpec(key: KeyPress, spec: string): boolean {
  if (spec.startsWith("C-")) return key.ctrl && key.input.toLowerCase() === spec.slice(2);
  if (spec.startsWith("S-")) return key.shift === true && key.name === spec.slice(2);
  if (key.name !== undefined) return key.name === spec;
  return !key.ctrl && key.input === spec;
}

/**
 * The binding a key press triggers in a context, if any; printable keys are text in typing contexts.
 *
 * @example
 * findBinding("tree", { input: "s", ctrl: true })?.command; // "save"
 */
export function findBinding(context: Context, key: KeyPress): Binding | undefined {
  const typing = TEXT_CONTEXTS.includes(context);
  return BINDINGS.find(
    (binding) => binding.contexts.includes(context) && binding.keys.some((spec) => (!typing || spec.length > 1) && matchesSpec(key, spec)),
  );
}

const KEY_LABELS: Record<string, string> = {
  up: "↑",
  down: "↓",
  left: "←",
  right: "→",
  pageup: "PgUp",
  pagedown: "PgDn",
  home: "Home",
  end: "End",
  return: "Enter",
  escape: "Esc",
  tab: "Tab",
  backtab: "Shift+Tab",
  backspace: "Backspace",
  delete: "Delete",
};

/**
 * How a key spec is written on screen: `Enter`, `Ctrl+R`, `k`.
 *
 * @example
 * keyLabel("C-s"); // "Ctrl+S"
 * keyLabel("return"); // "Enter"
 */
export function keyLabel(spec: string): string {
  if (spec.startsWith("C-")) return `Ctrl+${spec.slice(2).toUpperCase()}`;
  if (spec.startsWith("S-")) return `Shift+${KEY_LABELS[spec.slice(2)] ?? spec.slice(2)}`;
  return KEY_LABELS[spec] ?? spec;
}

/** What each context is called in the help and the README's key table. */
export const CONTEXT_LABELS: Readonly<Record<Context, LocalizedMessage>> = {
  tree: { zh: "树", en: "tree" },
  detail: { zh: "详情表单", en: "form" },
  problems: { zh: "问题面板", en: "problems" },
  search: { zh: "搜索", en: "search" },
  edit: { zh: "输入字段", en: "typing a field" },
  pick: { zh: "选择列表", en: "choice list" },
  help: { zh: "帮助", en: "help" },
  "confirm-quit": { zh: "退出确认", en: "quit question" },
  "confirm-save": { zh: "保存确认", en: "save question" },
  conflict: { zh: "文件冲突", en: "conflict" },
  recovery: { zh: "恢复提示", en: "recovery offer" },
  diff: { zh: "差异视图", en: "diff view" },
  list: { zh: "列表字段", en: "list field" },
  prompt: { zh: "提示输入", en: "prompt" },
  "confirm-delete": { zh: "删除确认", en: "delete question" },
  "confirm-type": { zh: "输入确认词", en: "typed confirmation" },
};
