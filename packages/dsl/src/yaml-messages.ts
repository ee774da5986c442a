import type { ErrorCode } from "yaml";
import type { LocalizedMessage } from "@onething/schemas";

/** A plain-words explanation of one yaml error code, and how to fix it. */
export interface YamlCodeText {
  /** What went wrong, in words a policy officer understands. */
  explanation: LocalizedMessage;
  /** How to fix it. */
  hint: LocalizedMessage;
}

const CHECK_NEARBY: LocalizedMessage = {
  zh: "检查此处附近的缩进、冒号、引号和括号是否配对；含有“: ”或“ #”的文本请加引号。",
  en: "Check the indentation, colons, quotes and brackets near here; quote text that contains \": \" or \" #\".",
};

/** Every error and warning code of yaml 2.9, explained in both languages (typed so that a new code fails to compile). */
export const YAML_CODE_TEXTS: Record<ErrorCode, YamlCodeText> = {
  ALIAS_PROPS: {
    explanation: { zh: "别名（*名称）前面不能再加锚点或标签", en: "an alias (*name) cannot carry an anchor or a tag" },
    hint: { zh: "删除别名前的 & 或 ! 部分，或把别名换成具体的值。", en: "Remove the & or ! part before the alias, or write the actual value." },
  },
  BAD_ALIAS: {
    explanation: { zh: "别名（*名称）写法不对，或写在了不能出现别名的位置", en: "an alias (*name) is malformed or stands where no alias may stand" },
    hint: { zh: "把别名换成具体的值；若文本本身以 * 开头，请给它加引号。", en: "Replace the alias with the actual value; if the text itself starts with *, quote it." },
  },
  BAD_DIRECTIVE: {
    explanation: { zh: "以 % 开头的指令行无法识别", en: "a directive line starting with % is not understood" },
    hint: { zh: "删除这一行以 % 开头的指令；本标准不需要指令。", en: "Remove this line starting with %; the standard needs no directives." },
  },
  BAD_DQ_ESCAPE: {
    explanation: { zh: "双引号文本中的反斜杠转义无效", en: "a backslash escape inside double quotes is invalid" },
    hint: { zh: "双引号字符串中的反斜杠要写成 \\\\，或改用单引号。", en: "Write a backslash as \\\\ inside double quotes, or use single quotes." },
  },
  BAD_INDENT: {
    explanation: { zh: "缩进不对：这一行的缩进与所在层级不符，或括号未闭合", en: "the indentation does not fit the level this line belongs to, or a bracket is left open" },
    hint: { zh: "同一层的键要对齐，子项比父项多缩进两个空格；检查 [ ] 和 { } 是否配对。", en: "Align keys of one level, indent children two spaces more than their parent, and close every [ and {." },
  },
  BAD_PROP_ORDER: {
    explanation: { zh: "锚点（&）或标签（!）的位置不对", en: "an anchor (&) or a tag (!) is in the wrong place" },
    hint: { zh: "删除 & 和 ! 部分；清单数据不需要锚点和标签。", en: "Remove the & and ! parts; checklist data needs no anchors or tags." },
  },
  BAD_SCALAR_START: {
    explanation: { zh: "这段文本以 YAML 的保留符号开头（如 @、`、| 或 >）", en: "the text starts with a character YAML reserves (such as @, `, | or >)" },
    hint: { zh: "给这段文本加上引号。", en: "Put the text in quotes." },
  },
  BLOCK_AS_IMPLICIT_KEY: {
    explanation: { zh: "一行里出现了不止一个“键: 值”", en: "one line holds more than one key: value" },
    hint: { zh: "一行只能有一个“键: 值”；若值本身含有“: ”，请给值加引号。", en: "One line holds one key: value; if the value contains \": \", quote it." },
  },
  BLOCK_IN_FLOW: {
    explanation: { zh: "方括号或花括号里不能换行写成缩进的列表或映射", en: "a bracketed list or mapping cannot hold an indented list or mapping" },
    hint: { zh: "括号内的项用逗号分隔写在一行，或整体改成缩进写法。", en: "Separate the entries inside brackets with commas, or write the whole value indented." },
  },
  DUPLICATE_KEY: {
    explanation: { zh: "同一层出现了重复的键", en: "a key appears twice at the same level" },
    hint: { zh: "删除或合并其中一个。", en: "Remove or merge one of them." },
  },
  IMPOSSIBLE: {
    explanation: { zh: "解析器遇到了无法处理的内容", en: "the parser met content it cannot handle" },
    hint: CHECK_NEARBY,
  },
  KEY_OVER_1024_CHARS: {
    explanation: { zh: "键太长（超过 1024 个字符），多半是冒号写错了位置", en: "a key is over 1024 characters long, most likely because of a misplaced colon" },
    hint: { zh: "检查冒号的位置；较长的文本应写在冒号之后作为值。", en: "Check where the colon is; long text belongs after the colon, as the value." },
  },
  MISSING_CHAR: {
    explanation: { zh: "缺少一个必需的字符（如闭合的引号、] 或 }）", en: "a required character is missing (a closing quote, ] or }, say)" },
    hint: { zh: "补上缺少的字符（如闭合的引号、] 或 }）。", en: "Add the missing character (a closing quote, ] or }, say)." },
  },
  MULTILINE_IMPLICIT_KEY: {
    explanation: { zh: "键跨越了多行", en: "a key runs over more than one line" },
    hint: { zh: "键必须写在一行内；检查上一行的值是否缺少引号或冒号。", en: "A key must fit on one line; check the previous line for a missing quote or colon." },
  },
  MULTIPLE_ANCHORS: {
    explanation: { zh: "同一个值上有多个锚点（&）", en: "one value carries more than one anchor (&)" },
    hint: { zh: "只保留一个锚点，或全部删除。", en: "Keep one anchor, or remove them all." },
  },
  MULTIPLE_DOCS: {
    explanation: { zh: "一个文件里有多个 YAML 文档", en: "the file holds more than one YAML document" },
    hint: { zh: "删除 --- 分隔线，或把后面的文档移到单独的文件中。", en: "Remove the --- separator, or move the later documents into files of their own." },
  },
  MULTIPLE_TAGS: {
    explanation: { zh: "同一个值上有多个标签（!）", en: "one value carries more than one tag (!)" },
    hint: { zh: "删除以 ! 开头的标签。", en: "Remove the tags starting with !." },
  },
  NON_STRING_KEY: {
    explanation: { zh: "键不是文本", en: "a key is not a text" },
    hint: { zh: "给键加引号，或改用字段名。", en: "Quote the key, or use a field name." },
  },
  RESOURCE_EXHAUSTION: {
    explanation: { zh: "文件嵌套过深或内容过多，超出了解析器的处理能力", en: "the file is nested too deeply or is too large for the parser" },
    hint: { zh: "减少嵌套层数，或把文件拆成几个较小的文件。", en: "Nest less deeply, or split the file into smaller ones." },
  },
  TAB_AS_INDENT: {
    explanation: { zh: "用制表符（Tab）缩进了；YAML 只允许用空格缩进", en: "a tab is used for indentation; YAML allows spaces only" },
    hint: { zh: "把行首的 Tab 换成空格（每层两个空格）。", en: "Replace the leading tab with spaces (two per level)." },
  },
  TAG_RESOLVE_FAILED: {
    explanation: { zh: "不认识这个标签（!）", en: "a tag (!) is not recognised" },
    hint: { zh: "删除以 ! 开头的标签；若值本身以 ! 开头，请给它加引号。", en: "Remove the tag starting with !; if the value itself starts with !, quote it." },
  },
  UNEXPECTED_TOKEN: {
    explanation: { zh: "这里出现了不该出现的符号", en: "a character appears where it does not belong" },
    hint: CHECK_NEARBY,
  },
  BAD_COLLECTION_TYPE: {
    explanation: { zh: "值的写法与它的标签要求的类型不符", en: "the value's shape does not fit the type its tag asks for" },
    hint: { zh: "删除以 ! 开头的标签。", en: "Remove the tag starting with !." },
  },
};

/** Options of {@link yamlErrorMessage}. */
export interface YamlErrorMessageOptions {
  /** The yaml error code, such as `BAD_INDENT`. */
  code: string;
  /** The yaml library's own English message (first line), shown in English only. */
  detail: string;
  /** Whether yaml reported a warning rather than an error. */
  warning: boolean;
}

/** The message and hint of a yaml error or warning: plain words in both languages, the library's detail in English only. */
export function yamlErrorMessage(options: YamlErrorMessageOptions): { message: LocalizedMessage; hint: LocalizedMessage } {
  const { code, detail, warning } = options;
  const what = warning ? { zh: "YAML 警告", en: "YAML warning" } : { zh: "YAML 语法错误", en: "YAML syntax error" };
  const text = (YAML_CODE_TEXTS as Record<string, YamlCodeText | undefined>)[code];
  const explanation = text?.explanation ?? { zh: "无法读取此处的内容", en: "the content here cannot be read" };
  return {
    message: {
      zh: `${what.zh}（${code}）：${explanation.zh}。`,
      en: `${what.en} (${code}): ${explanation.en}. Parser detail: ${detail}`,
    },
    hint: text?.hint ?? CHECK_NEARBY,
  };
}
