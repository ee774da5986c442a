import { LineCounter, isMap, isNode, isScalar, parseAllDocuments } from "yaml";
import type { Document, YAMLError } from "yaml";
import { API_VERSION, DOCUMENT_KINDS, isDocumentKind } from "@onething/schemas";
import type {
  Diagnostic,
  DocumentKind,
  LocalizedMessage,
  RelatedLocation,
  SourceDocument,
  SourceRange,
} from "@onething/schemas";
import { START_OF_FILE, createDiagnostic } from "./diagnostic-codes.js";
import { inspectTree } from "./inspect-tree.js";
import type { TreeInspection } from "./inspect-tree.js";
import { findPointer, findSpan, spanOf } from "./locate.js";
import type { NodePart } from "./locate.js";
import { createPositionMapper } from "./positions.js";
import type { PositionMapper } from "./positions.js";
import { decodeUtf8, utf8ByteLength } from "./utf8.js";
import { fastParse } from "./fast-parse.js";
import { yamlErrorMessage } from "./yaml-messages.js";

/** The default size limit of one file: 5 MiB. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** The default limit on aliases: per file, and per anchor's expansion. */
export const DEFAULT_MAX_ALIAS_COUNT = 100;

/** A parsed source file whose envelope is usable: `apiVersion: onething/v1` and a known `kind`. */
export interface ParsedDocument extends SourceDocument {
  /** The standard's version, always `onething/v1`. */
  apiVersion: typeof API_VERSION;
  /** What the document is. */
  kind: DocumentKind;
  /** `metadata.id` when it is a string. */
  id: string | undefined;
  /** The `yaml` Document (comments, ranges), for later in-place edits; after the fast path, parsed on first use. */
  yaml: Document.Parsed;
}

/** Options of {@link parseSource}. */
export interface ParseOptions {
  /** Project-relative path of the file (forward slashes), copied into every diagnostic. */
  path: string;
  /** The file's text, or its raw bytes (decoded as strict UTF-8). */
  text: string | Uint8Array;
  /** The size limit in UTF-8 bytes, checked before parsing; defaults to 5 MiB. */
  maxBytes?: number;
  /** At most this many aliases per file, and per anchor's expansion; defaults to 100. */
  maxAliasCount?: number;
  /** Whether a file that is proven to read the same may be read by the block reader, with `yaml` run only when positions are asked for; defaults to true. */
  fastPath?: boolean;
}

/** What {@link parseSource} returns: the document when its envelope is usable, and every finding. */
export interface ParseResult {
  /** The parsed document; absent when the file could not be read as a onething document. */
  document?: ParsedDocument;
  /** Findings, ordered by position. */
  diagnostics: Diagnostic[];
}

/** How the `yaml` path reads a file: YAML 1.2 core schema, unique keys, no tags resolved, no console output. */
export const YAML_OPTIONS = {
  schema: "core",
  version: "1.2",
  uniqueKeys: true,
  prettyErrors: false,
  resolveKnownTags: false,
  logLevel: "silent",
} as const;

/**
 * Parses one onething YAML file, keeping source ranges. Never throws: bad input comes back as diagnostics.
 *
 * @example
 * const { document, diagnostics } = parseSource({ path: "checklists/a.yaml", text });
 * document?.locate("/metadata/id", "value"); // { start: { line: 4, column: 7, offset: 58 }, end: … }
 */
export function parseSource(options: ParseOptions): ParseResult {
  try {
    return parseSourceUnguarded(options);
  } catch (error) {
    return { diagnostics: [parseFailed(options.path, error)] };
  }
}

function parseSourceUnguarded(options: ParseOptions): ParseResult {
  const { path } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxAliasCount = options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT;

  const size = typeof options.text === "string" ? utf8ByteLength(options.text, maxBytes) : options.text.byteLength;
  if (size > maxBytes) return { diagnostics: [fileTooLarge({ path, maxBytes })] };

  let text: string;
  if (typeof options.text === "string") text = options.text;
  else {
    const decoded = decodeUtf8(options.text);
    if (!decoded.ok) return { diagnostics: [invalidUtf8({ path, byteOffset: decoded.byteOffset, prefix: decoded.prefix })] };
    text = decoded.text;
  }

  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = shift === 0 ? text : text.slice(shift);
  if (options.fastPath !== false) {
    const document = fastDocument({ path, text, body, shift });
    if (document !== undefined) return { document, diagnostics: [] };
  }
  const { documents, lineStarts } = parseYaml(body);
  const positions = createPositionMapper({ text: body, shift, lineStarts });
  const report = new Reporter(path, positions);

  const yamlDocument = documents[0];
  if (yamlDocument === undefined) {
    report.add({ code: "empty-document", text: emptyDocumentMessage, span: { start: 0, end: 0 } });
    return report.result();
  }
  const second = documents[1];
  if (second !== undefined) {
    const start = second.range[0];
    const end = body.startsWith("---", start) ? start + 3 : start;
    report.add({ code: "multiple-documents", text: multipleDocumentsMessage(documents.length), span: { start, end } });
  }
  for (const error of [...yamlDocument.errors, ...yamlDocument.warnings]) report.addYamlError(error, yamlDocument);

  const root = yamlDocument.contents;
  if (!isNode(root) || (isScalar(root) && root.value === null && root.range[0] === root.range[1])) {
    report.add({ code: "empty-document", text: emptyDocumentMessage, span: { start: 0, end: 0 } });
    return report.result();
  }

  const inspection = inspectTree(yamlDocument, body);
  report.addTreeFindings(inspection);
  const value = toPlainValue({ document: yamlDocument, inspection, maxAliasCount, report });
  if (value === undefined) return report.result();

  if (!isMap(root)) {
    report.add({ code: "root-not-mapping", text: rootNotMappingMessage(describeNode(root)), span: spanOf(root) });
    return report.result();
  }

  const locate = locator(yamlDocument, positions);
  // A missing envelope field belongs at the top of the mapping, where the first key is.
  const firstKey = root.items[0]?.key;
  const firstKeyRange = isNode(firstKey) ? positions.range(spanOf(firstKey).start, spanOf(firstKey).end) : locate("");
  const envelope = checkEnvelope(value as Record<string, unknown>);
  for (const problem of envelope.problems) {
    report.diagnostics.push(
      createDiagnostic(problem.code, {
        message: problem.message,
        hint: problem.hint,
        file: path,
        pointer: problem.pointer,
        range: problem.pointer === "" ? firstKeyRange : locate(problem.pointer, "value"),
      }),
    );
  }
  if (envelope.kind === undefined) return report.result();

  const id = metadataId(value as Record<string, unknown>);
  const document: ParsedDocument = {
    path,
    text,
    value,
    locate,
    apiVersion: API_VERSION,
    kind: envelope.kind,
    id,
    yaml: yamlDocument,
  };
  return { document, diagnostics: report.result().diagnostics };
}

/**
 * The document read by the block reader, when {@link fastParse} proves it reads as `yaml` would and the envelope is usable
 * (so the `yaml` path would report nothing); its `yaml` Document and positions are computed on first use.
 */
function fastDocument(options: { path: string; text: string; body: string; shift: number }): ParsedDocument | undefined {
  const { path, text, body, shift } = options;
  const parsed = fastParse(body);
  if (parsed === undefined) return undefined;
  const { value } = parsed;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const envelope = checkEnvelope(value as Record<string, unknown>);
  if (envelope.kind === undefined || envelope.problems.length > 0) return undefined;
  let positions: { yaml: Document.Parsed; locate: ParsedDocument["locate"] } | undefined;
  const load = () => (positions ??= yamlPositions(body, shift));
  return {
    path,
    text,
    value,
    locate: (pointer, part) => load().locate(pointer, part),
    apiVersion: API_VERSION,
    kind: envelope.kind,
    id: metadataId(value as Record<string, unknown>),
    get yaml() {
      return load().yaml;
    },
  };
}

/** The `yaml` Document of a text the fast path read, and a locator over it. */
function yamlPositions(body: string, shift: number): { yaml: Document.Parsed; locate: ParsedDocument["locate"] } {
  const { documents, lineStarts } = parseYaml(body);
  const yamlDocument = documents[0];
  if (yamlDocument === undefined) throw new Error("yaml found no document in a text the block reader read as a mapping");
  return { yaml: yamlDocument, locate: locator(yamlDocument, createPositionMapper({ text: body, shift, lineStarts })) };
}

/** Finds the range of a JSON Pointer's key or value in a parsed document. */
function locator(document: Document.Parsed, positions: PositionMapper): ParsedDocument["locate"] {
  return (pointer: string, part?: NodePart): SourceRange | undefined => {
    const span = findSpan({ document, pointer, part });
    return span === undefined ? undefined : positions.range(span.start, span.end);
  };
}

/** `metadata.id` when it is a string. */
function metadataId(value: Record<string, unknown>): string | undefined {
  const metadata = value["metadata"];
  return typeof metadata === "object" && metadata !== null && typeof (metadata as Record<string, unknown>)["id"] === "string"
    ? ((metadata as Record<string, unknown>)["id"] as string)
    : undefined;
}

/** Text → YAML documents; kept apart from position mapping so that a faster parser can replace it. */
function parseYaml(text: string): { documents: Document.Parsed[]; lineStarts: number[] } {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter });
  return { documents: Array.isArray(parsed) ? parsed : [], lineStarts: lineCounter.lineStarts };
}

interface PlainValueOptions {
  document: Document.Parsed;
  inspection: TreeInspection;
  maxAliasCount: number;
  report: Reporter;
}

/** The document as plain data, or undefined (with a diagnostic) when aliases make it unsafe to expand. */
function toPlainValue(options: PlainValueOptions): unknown {
  const { document, inspection, maxAliasCount, report } = options;
  const { aliases } = inspection;
  const circular = aliases.find((entry) => entry.circular);
  if (circular !== undefined) {
    report.add({ code: "circular-alias", text: circularAliasMessage(circular.alias.source), span: spanOf(circular.alias), pointer: circular.pointer });
    return undefined;
  }
  // Resolving aliases costs yaml a scan of the whole document each, so their number is capped up front.
  const overLimit = maxAliasCount >= 0 ? aliases[maxAliasCount] : undefined;
  if (overLimit !== undefined) {
    report.add({ code: "alias-limit", text: aliasCountMessage(aliases.length, maxAliasCount), span: spanOf(overLimit.alias), pointer: overLimit.pointer });
    return undefined;
  }
  try {
    return document.toJS({ maxAliasCount }) ?? null;
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const unresolved = aliases.find((entry) => entry.source === undefined);
    if (unresolved !== undefined && /unresolved alias/i.test(error.message)) {
      report.add({
        code: "unresolved-alias",
        text: unresolvedAliasMessage(unresolved.alias.source),
        span: spanOf(unresolved.alias),
        pointer: unresolved.pointer,
      });
      return undefined;
    }
    const first = aliases[0];
    report.add({
      code: "alias-limit",
      text: aliasExpansionMessage(maxAliasCount),
      span: first === undefined ? { start: 0, end: 0 } : spanOf(first.alias),
      ...(first === undefined ? {} : { pointer: first.pointer }),
    });
    return undefined;
  }
}

interface EnvelopeProblem {
  code: "missing-api-version" | "unsupported-api-version" | "missing-kind" | "unknown-kind";
  pointer: string;
  message: LocalizedMessage;
  hint: LocalizedMessage;
}

function checkEnvelope(value: Record<string, unknown>): { kind?: DocumentKind; problems: EnvelopeProblem[] } {
  const problems: EnvelopeProblem[] = [];
  const has = (key: string) => Object.prototype.hasOwnProperty.call(value, key);
  const apiVersion = value["apiVersion"];
  if (!has("apiVersion")) {
    problems.push({
      code: "missing-api-version",
      pointer: "",
      message: { zh: "缺少 apiVersion 字段。", en: "The apiVersion field is missing." },
      hint: { zh: `在文件开头加上一行：apiVersion: ${API_VERSION}`, en: `Add a first line: apiVersion: ${API_VERSION}` },
    });
  } else if (apiVersion !== API_VERSION) {
    problems.push({
      code: "unsupported-api-version",
      pointer: "/apiVersion",
      message: {
        zh: `不支持的 apiVersion：应为 ${API_VERSION}，实际为 ${show(apiVersion).zh}。`,
        en: `Unsupported apiVersion: expected ${API_VERSION}, found ${show(apiVersion).en}.`,
      },
      hint: { zh: `改为 apiVersion: ${API_VERSION}`, en: `Change it to apiVersion: ${API_VERSION}` },
    });
  }
  const kinds = DOCUMENT_KINDS.join(", ");
  const kind = value["kind"];
  if (!has("kind")) {
    problems.push({
      code: "missing-kind",
      pointer: "",
      message: { zh: "缺少 kind 字段。", en: "The kind field is missing." },
      hint: { zh: `加上 kind 字段，取值之一：${kinds}`, en: `Add a kind field, one of: ${kinds}` },
    });
  } else if (!isDocumentKind(kind)) {
    problems.push({
      code: "unknown-kind",
      pointer: "/kind",
      message: { zh: `未知的文档类型 kind：${show(kind).zh}。`, en: `Unknown document kind: ${show(kind).en}.` },
      hint: { zh: `kind 应为以下之一（区分大小写）：${kinds}`, en: `kind must be one of (case-sensitive): ${kinds}` },
    });
  }
  const usable = problems.length === 0 && isDocumentKind(kind);
  return usable ? { kind, problems } : { problems };
}

function show(value: unknown): LocalizedMessage {
  if (Array.isArray(value)) return { zh: "列表", en: "a sequence" };
  if (typeof value === "object" && value !== null) return { zh: "映射", en: "a mapping" };
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return { zh: text, en: text };
}

function describeNode(node: unknown): LocalizedMessage {
  if (isScalar(node)) return node.value === null ? { zh: "空值", en: "null" } : { zh: "标量", en: "a scalar" };
  if (isNode(node) && "items" in node) return { zh: "列表", en: "a sequence" };
  return { zh: "别名", en: "an alias" };
}

/** What {@link Reporter.add} records. */
interface ReportOptions {
  /** The diagnostic code. */
  code: Parameters<typeof createDiagnostic>[0];
  /** The message and the optional hint. */
  text: { message: LocalizedMessage; hint?: LocalizedMessage };
  /** Offsets in the parsed text. */
  span: { start: number; end: number };
  /** JSON Pointer of the node; none when absent. */
  pointer?: string;
  /** Other places; none when absent. */
  related?: RelatedLocation[];
}

/** Collects diagnostics of one file, turning parse offsets into ranges only when a diagnostic is built. */
class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly path: string,
    private readonly positions: PositionMapper,
  ) {}

  add(options: ReportOptions): void {
    const { code, text, span, pointer, related } = options;
    this.diagnostics.push(
      createDiagnostic(code, {
        message: text.message,
        ...(text.hint === undefined ? {} : { hint: text.hint }),
        file: this.path,
        ...(pointer === undefined ? {} : { pointer }),
        range: this.positions.range(span.start, span.end),
        ...(related === undefined ? {} : { related }),
      }),
    );
  }

  addYamlError(error: YAMLError, document: Document.Parsed): void {
    const [start, end] = error.pos;
    const pointer = findPointer(document, start);
    const detail = error.message.split("\n")[0] ?? error.message;
    if (error.code === "DUPLICATE_KEY") {
      // The tree walk reports duplicates with both places; yaml's own finding is the same key again.
      this.pendingDuplicates.push({ start, end, pointer, detail });
      return;
    }
    if (error.code === "TAG_RESOLVE_FAILED") {
      this.add({ code: "unknown-tag", text: unknownTagMessage(detail), span: { start, end }, pointer });
      return;
    }
    if (error.code === "TAB_AS_INDENT") {
      this.add({ code: "tab-indentation", text: tabMessage, span: { start, end }, pointer });
      return;
    }
    const warning = error.name === "YAMLWarning";
    this.add({
      code: warning ? "yaml-warning" : "yaml-syntax",
      text: yamlErrorMessage({ code: error.code, detail, warning }),
      span: { start, end },
      pointer,
    });
  }

  addTreeFindings(inspection: TreeInspection): void {
    const reported = new Set<number>();
    for (const finding of inspection.keys) {
      const span = spanOf(finding.key);
      if (finding.kind === "duplicate-key") {
        reported.add(span.start);
        const firstSpan = finding.first === undefined ? undefined : spanOf(finding.first);
        const related =
          firstSpan === undefined
            ? undefined
            : [
                {
                  file: this.path,
                  pointer: finding.pointer,
                  range: this.positions.range(firstSpan.start, firstSpan.end),
                  message: { zh: "第一次出现的位置", en: "first occurrence" },
                },
              ];
        this.add({ code: "duplicate-key", text: duplicateKeyMessage(finding.pointer), span, pointer: finding.pointer, ...(related ? { related } : {}) });
      } else if (finding.kind === "non-string-key") {
        this.add({ code: "non-string-key", text: nonStringKeyMessage, span, pointer: finding.pointer });
      } else {
        this.add({ code: "proto-key", text: protoKeyMessage, span, pointer: finding.pointer });
      }
    }
    for (const pending of this.pendingDuplicates) {
      if (reported.has(pending.start)) continue;
      this.add({ code: "duplicate-key", text: yamlDuplicateMessage(pending.detail), span: pending, pointer: pending.pointer });
    }
    this.pendingDuplicates = [];
  }

  result(): ParseResult {
    for (const pending of this.pendingDuplicates) {
      this.add({ code: "duplicate-key", text: yamlDuplicateMessage(pending.detail), span: pending, pointer: pending.pointer });
    }
    this.pendingDuplicates = [];
    const diagnostics = this.diagnostics
      .map((diagnostic, index) => ({ diagnostic, index }))
      .sort(
        (a, b) =>
          (a.diagnostic.range?.start.offset ?? 0) - (b.diagnostic.range?.start.offset ?? 0) || a.index - b.index,
      )
      .map(({ diagnostic }) => diagnostic);
    return { diagnostics };
  }

  private pendingDuplicates: Array<{ start: number; end: number; pointer: string; detail: string }> = [];
}

/**
 * The diagnostic for a file over the size limit; the loader uses it too, before reading the file.
 *
 * @example
 * fileTooLarge({ path: "checklists/national/total.yaml", maxBytes: DEFAULT_MAX_BYTES, size: 6_291_456 }).code; // "file-too-large"
 */
export function fileTooLarge(options: { path: string; maxBytes: number; size?: number }): Diagnostic {
  const { path, maxBytes, size } = options;
  const limit = formatBytes(maxBytes);
  const found = size === undefined ? undefined : formatBytes(size);
  return createDiagnostic("file-too-large", {
    message: {
      zh: `文件过大${found === undefined ? "" : `（${found.zh}）`}：上限为 ${limit.zh}，未解析。`,
      en: `The file is too large${found === undefined ? "" : ` (${found.en})`}: the limit is ${limit.en}; it was not parsed.`,
    },
    hint: {
      zh: "把文件拆成几个较小的文件（例如按批次或按地区）。",
      en: "Split the file into smaller ones (by batch or by region, say).",
    },
    file: path,
    range: START_OF_FILE,
  });
}

/** A size in both languages: MiB or KiB to one decimal from 1 KiB up, else bytes (字节). */
export function formatBytes(bytes: number): LocalizedMessage {
  const units: Array<[number, string]> = [
    [1024 * 1024, "MiB"],
    [1024, "KiB"],
  ];
  for (const [size, unit] of units) {
    if (bytes < size) continue;
    const text = `${(bytes / size).toFixed(1).replace(/\.0$/, "")} ${unit}`;
    return { zh: text, en: text };
  }
  return { zh: `${bytes} 字节`, en: `${bytes} bytes` };
}

function invalidUtf8(options: { path: string; byteOffset: number; prefix: string }): Diagnostic {
  const { path, byteOffset, prefix } = options;
  const shift = prefix.charCodeAt(0) === 0xfeff ? 1 : 0;
  const positions = createPositionMapper({ text: prefix.slice(shift), shift });
  const at = positions.position(prefix.length - shift);
  return createDiagnostic("invalid-utf8", {
    message: {
      zh: `文件不是合法的 UTF-8：第 ${byteOffset} 字节（从 0 起）处的字节序列无效。`,
      en: `The file is not valid UTF-8: invalid byte sequence at byte ${byteOffset} (0-based).`,
    },
    hint: {
      zh: "用 UTF-8 编码重新保存文件（不要用 GBK/GB18030）。",
      en: "Save the file again as UTF-8 (not GBK/GB18030).",
    },
    file: path,
    range: { start: at, end: at },
  });
}

function parseFailed(path: string, error: unknown): Diagnostic {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const why =
    error instanceof RangeError
      ? "文件嵌套过深或内容过多，超出了解析器的处理能力"
      : `解析器内部出错（${error instanceof Error ? error.name : "未知错误"}）`;
  return createDiagnostic("parse-failed", {
    message: { zh: `解析器意外失败：${why}。`, en: `The parser failed unexpectedly: ${detail}` },
    hint: {
      zh: "检查文件是否有极深的嵌套或异常内容；若文件正常，请报告此问题。",
      en: "Look for extreme nesting or unusual content; if the file looks fine, please report this.",
    },
    file: path,
    range: START_OF_FILE,
  });
}

const emptyDocumentMessage = {
  message: { zh: "文件为空（或只有注释）。", en: "The file is empty (or holds only comments)." },
  hint: {
    zh: `至少写出信封：apiVersion: ${API_VERSION}、kind、metadata 和 spec。`,
    en: `Write at least the envelope: apiVersion: ${API_VERSION}, kind, metadata and spec.`,
  },
};

function multipleDocumentsMessage(count: number) {
  return {
    message: {
      zh: `一个文件只能有一个 YAML 文档，这里有 ${count} 个；只读取了第一个。`,
      en: `A file may hold one YAML document; this one holds ${count}, and only the first was read.`,
    },
    hint: {
      zh: "删除 --- 分隔线，或把后面的文档移到单独的文件中。",
      en: "Remove the --- separator, or move the later documents into files of their own.",
    },
  };
}

function rootNotMappingMessage(found: LocalizedMessage) {
  return {
    message: {
      zh: `文档顶层应为映射（键: 值），实际为${found.zh}。`,
      en: `The top level of the document must be a mapping (key: value); found ${found.en}.`,
    },
    hint: {
      zh: `顶层写成 apiVersion: ${API_VERSION}、kind: …、metadata: …、spec: … 这样的键值对。`,
      en: `Write the top level as keys: apiVersion: ${API_VERSION}, kind: …, metadata: …, spec: ….`,
    },
  };
}

const tabMessage = {
  message: { zh: "用制表符（Tab）缩进了；YAML 只允许用空格缩进。", en: "A tab is used for indentation; YAML allows spaces only." },
  hint: {
    zh: "把行首的 Tab 换成空格（每层两个空格）；可在编辑器中开启“用空格代替 Tab”。",
    en: "Replace the leading tab with spaces (two per level); most editors can insert spaces for tabs.",
  },
};

function unknownTagMessage(detail: string) {
  // yaml words it "Unresolved tag: <tag>"; the tag itself is an identifier, fine in either language.
  const tag = /tag:\s*(\S+)\s*$/.exec(detail)?.[1];
  return {
    message: {
      zh: `不允许的 YAML 标签${tag === undefined ? "" : ` ${tag}`}；标签不会被执行，值按普通文本读取。`,
      en: `YAML tag not allowed (${detail}); it is never executed and the value is read as plain data.`,
    },
    hint: {
      zh: "删除以 ! 开头的标签；若值本身以 ! 开头，请给它加引号。",
      en: "Remove the tag starting with !; if the value itself starts with !, quote it.",
    },
  };
}

function duplicateKeyMessage(pointer: string) {
  const name = pointer.slice(pointer.lastIndexOf("/") + 1).replaceAll("~1", "/").replaceAll("~0", "~");
  return {
    message: {
      zh: `键 ${JSON.stringify(name)} 重复出现；后一个会覆盖前一个的值。`,
      en: `The key ${JSON.stringify(name)} appears twice; the later value would replace the earlier one.`,
    },
    hint: { zh: "删除或合并其中一个。", en: "Remove or merge one of them." },
  };
}

function yamlDuplicateMessage(detail: string) {
  return {
    message: { zh: "键重复（DUPLICATE_KEY）：同一层出现了重复的键。", en: `Duplicate key (DUPLICATE_KEY): ${detail}` },
    hint: { zh: "删除或合并其中一个。", en: "Remove or merge one of them." },
  };
}

const nonStringKeyMessage = {
  message: {
    zh: "键必须是字符串；这里的键是数字、布尔值、空值、列表、映射或别名。",
    en: "Keys must be strings; this key is a number, boolean, null, sequence, mapping or alias.",
  },
  hint: {
    zh: "给键加引号（例如 \"2024\": …），或改用字段名。",
    en: "Quote the key (\"2024\": …, say), or use a field name.",
  },
};

const protoKeyMessage = {
  message: {
    zh: "不允许使用键 __proto__：它不是任何字段，且可能污染对象原型。",
    en: "The key __proto__ is not allowed: it names no field and could pollute object prototypes.",
  },
  hint: { zh: "删除这个键。", en: "Remove this key." },
};

function circularAliasMessage(name: string) {
  return {
    message: {
      zh: `别名 *${name} 引用了包含它自身的节点 &${name}，数据会无限循环。`,
      en: `The alias *${name} refers to the node &${name} that contains it, so the data would be infinitely deep.`,
    },
    hint: { zh: "把别名换成具体的值。", en: "Replace the alias with the actual value." },
  };
}

function aliasCountMessage(count: number, limit: number) {
  return {
    message: {
      zh: `别名过多：共 ${count} 个，上限为 ${limit}；文件未被展开。`,
      en: `Too many aliases: ${count}, the limit is ${limit}; the file was not expanded.`,
    },
    hint: {
      zh: "把别名（*name）换成具体的值；清单数据一般不需要锚点和别名。",
      en: "Replace the aliases (*name) with actual values; checklist data rarely needs anchors and aliases.",
    },
  };
}

function aliasExpansionMessage(limit: number) {
  return {
    message: {
      zh: `别名展开过大（上限 ${limit}），疑似“十亿笑声”攻击；文件未被展开。`,
      en: `Aliases expand too far (limit ${limit}), like an alias bomb; the file was not expanded.`,
    },
    hint: {
      zh: "不要让别名层层引用别名；把它们换成具体的值。",
      en: "Do not nest aliases inside anchored collections; replace them with actual values.",
    },
  };
}

function unresolvedAliasMessage(name: string) {
  return {
    message: {
      zh: `别名 *${name} 引用的锚点 &${name} 在它之前没有定义。`,
      en: `The alias *${name} refers to the anchor &${name}, which is not defined before it.`,
    },
    hint: {
      zh: `在别名之前用 &${name} 定义锚点，或把别名换成具体的值。`,
      en: `Define the anchor &${name} before the alias, or replace the alias with the actual value.`,
    },
  };
}
