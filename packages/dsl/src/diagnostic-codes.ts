import type { Diagnostic, LocalizedMessage, Severity, SourceRange } from "@onething/schemas";

/** What a diagnostic code means and how serious it is, for docs/rules.md. */
export interface DiagnosticCodeInfo {
  /** The severity every diagnostic with this code carries. */
  severity: Severity;
  /** One sentence on what the code reports, in both languages. */
  description: LocalizedMessage;
}

/** Every code `@onething/dsl` can emit, with its severity and a description. */
export const DSL_DIAGNOSTICS = {
  "yaml-syntax": {
    severity: "error",
    description: {
      zh: "YAML 语法错误；消息中带有 yaml 解析器的错误码（如 BAD_INDENT）。",
      en: "A YAML syntax error; the message carries the yaml parser's error code (such as BAD_INDENT).",
    },
  },
  "yaml-warning": {
    severity: "warning",
    description: {
      zh: "YAML 解析器的警告（如未知指令），消息中带有其错误码。",
      en: "A warning of the YAML parser (such as an unknown directive), with its code in the message.",
    },
  },
  "duplicate-key": {
    severity: "error",
    description: {
      zh: "同一映射中出现了重复的键；后一个会悄悄覆盖前一个。",
      en: "A mapping repeats a key; the later one would silently replace the earlier one.",
    },
  },
  "tab-indentation": {
    severity: "error",
    description: { zh: "用制表符（Tab）缩进；YAML 只允许空格缩进。", en: "A tab used for indentation; YAML allows spaces only." },
  },
  "unknown-tag": {
    severity: "error",
    description: {
      zh: "使用了未知或非本地的 YAML 标签（如 !!js/function、!foo）；标签不会被执行，值按普通文本读取。",
      en: "An unknown or non-local YAML tag (such as !!js/function or !foo); it is never executed and the value is read as plain data.",
    },
  },
  "non-string-key": {
    severity: "error",
    description: {
      zh: "映射的键不是字符串（数字、布尔、空值、集合或别名）。",
      en: "A mapping key that is not a string (a number, boolean, null, collection or alias).",
    },
  },
  "proto-key": {
    severity: "error",
    description: {
      zh: "使用了键 __proto__；它不属于任何字段，且可能污染对象原型，因此被拒绝（值仍作为普通自有属性保存）。",
      en: "The key __proto__ names no field and could pollute object prototypes, so it is rejected (it is still kept as a plain own property).",
    },
  },
  "alias-limit": {
    severity: "error",
    description: {
      zh: "别名（*name）用得过多或展开过大（疑似“十亿笑声”攻击）；文件不会被展开。",
      en: "Too many aliases (*name) or too large an expansion (an alias bomb); the file is not expanded.",
    },
  },
  "unresolved-alias": {
    severity: "error",
    description: {
      zh: "别名引用了在它之前没有定义的锚点。",
      en: "An alias refers to an anchor that is not defined before it.",
    },
  },
  "circular-alias": {
    severity: "error",
    description: {
      zh: "别名引用了包含它自身的节点，数据会无限循环。",
      en: "An alias refers to a node that contains it, so the data would be infinitely deep.",
    },
  },
  "file-too-large": {
    severity: "error",
    description: {
      zh: "文件超过大小上限（默认 5 MiB），未被解析。",
      en: "The file is over the size limit (5 MiB by default) and was not parsed.",
    },
  },
  "invalid-utf8": {
    severity: "error",
    description: {
      zh: "文件不是合法的 UTF-8 编码；消息中给出第一个非法字节的位置。",
      en: "The file is not valid UTF-8; the message gives the offset of the first invalid byte.",
    },
  },
  "multiple-documents": {
    severity: "error",
    description: {
      zh: "一个文件中有多个 YAML 文档（---）；每个文件只能有一个文档。",
      en: "A file holds more than one YAML document (---); each file holds exactly one.",
    },
  },
  "empty-document": {
    severity: "error",
    description: { zh: "文件为空，或只有注释。", en: "The file is empty or holds only comments." },
  },
  "root-not-mapping": {
    severity: "error",
    description: {
      zh: "文档顶层不是映射（键: 值）。",
      en: "The top level of the document is not a mapping (key: value).",
    },
  },
  "missing-api-version": {
    severity: "error",
    description: { zh: "缺少 apiVersion 字段。", en: "The apiVersion field is missing." },
  },
  "unsupported-api-version": {
    severity: "error",
    description: {
      zh: "apiVersion 不是本工具支持的 onething/v1。",
      en: "apiVersion is not onething/v1, the version this tool reads.",
    },
  },
  "missing-kind": {
    severity: "error",
    description: { zh: "缺少 kind 字段。", en: "The kind field is missing." },
  },
  "unknown-kind": {
    severity: "error",
    description: {
      zh: "kind 不是已知的文档类型（Taxonomy、DepartmentRegistry、ItemCatalog、Checklist、Progress、Evaluation）。",
      en: "kind is not a known document kind (Taxonomy, DepartmentRegistry, ItemCatalog, Checklist, Progress, Evaluation).",
    },
  },
  "parse-failed": {
    severity: "error",
    description: {
      zh: "解析器意外失败（例如嵌套过深导致栈溢出）；文件未被读取。",
      en: "The parser failed unexpectedly (a stack overflow from extreme nesting, say); the file was not read.",
    },
  },
  "path-not-found": {
    severity: "error",
    description: { zh: "要加载的路径不存在。", en: "A path to load does not exist." },
  },
  "path-outside-root": {
    severity: "error",
    description: {
      zh: "路径（解析符号链接后）位于项目根目录之外，未被读取。",
      en: "A path resolves (after following symbolic links) outside the project root and was not read.",
    },
  },
  "file-unreadable": {
    severity: "error",
    description: {
      zh: "文件无法读取（没有权限，或不是普通文件）。",
      en: "A file could not be read (no permission, or not a regular file).",
    },
  },
  "extends-cycle": {
    severity: "error",
    description: {
      zh: "清单的 extends 形成了循环（如 A 继承 B、B 又继承 A）；闭合循环的那一条继承被忽略。",
      en: "The extends entries of checklists form a cycle (A extends B, B extends A); the entry closing the cycle is ignored.",
    },
  },
  "duplicate-matter": {
    severity: "error",
    description: {
      zh: "清单自己的一件事与继承来的一件事标识相同（或两个上级提供了同一标识、内容不同的一件事）；保留继承的（先列出的）那一个。",
      en: "A list's own matter reuses the id of an inherited one (or two bases provide different matters with one id); the inherited (first-listed) one is kept.",
    },
  },
  "locked-field-weakened": {
    severity: "error",
    description: {
      zh: "补丁弱化了上级锁定的字段（跑动等指标升高、承诺时限延长、删除所含事项、更换牵头部门、去掉锁定）；沿用上级的值。",
      en: "A patch weakens a field a base locked (a metric rises, the promised time grows, a bundled item is dropped, the lead changes, a lock is removed); the base value is kept.",
    },
  },
  "local-floor": {
    severity: "warning",
    description: {
      zh: "上级清单的一件事被 select/exclude 去掉了，本清单既没有实施它，也没有在 notApplicable 中说明原因。",
      en: "A base matter dropped by select / exclude that the list neither implements nor marks not applicable with a reason.",
    },
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

/** A code `@onething/dsl` can emit. */
export type DslDiagnosticCode = keyof typeof DSL_DIAGNOSTICS;

/** Fields of a diagnostic besides its code and severity. */
export type DiagnosticFields = Omit<Diagnostic, "code" | "severity">;

/**
 * Builds a diagnostic whose severity comes from {@link DSL_DIAGNOSTICS}.
 *
 * @example
 * const message = { zh: "无法读取文件", en: "Cannot read the file" };
 * createDiagnostic("file-unreadable", { message, file: "checklists/national/2024-1.yaml" }).severity; // "error"
 */
export function createDiagnostic(code: DslDiagnosticCode, fields: DiagnosticFields): Diagnostic {
  return { code, severity: DSL_DIAGNOSTICS[code].severity, ...fields };
}

/** The range of a file-level diagnostic: the start of the file (line 1, column 1, offset 0). */
export const START_OF_FILE: SourceRange = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};
