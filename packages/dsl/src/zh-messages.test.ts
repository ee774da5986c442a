import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "@onething/schemas";
import { describe, expect, it } from "vitest";
import { fileTooLarge, formatBytes, parseSource } from "./parse.js";
import { YAML_CODE_TEXTS, yamlErrorMessage } from "./yaml-messages.js";

/** Runs of three or more ASCII words in a text, once code spans and quoted values are taken out. */
function englishRuns(text: string): string[] {
  const bare = text.replace(/`[^`]*`|"[^"]*"|“[^”]*”/g, " ");
  return bare.match(/(?<![\w./-])[A-Za-z]+(?: +[A-Za-z]+){2,}(?![\w./-])/g) ?? [];
}

function zhTexts(diagnostics: Diagnostic[]): Array<{ code: string; zh: string }> {
  return diagnostics.flatMap((diagnostic) =>
    [diagnostic.message, diagnostic.hint, ...(diagnostic.related ?? []).map((place) => place.message)]
      .filter((text) => text !== undefined)
      .map((text) => ({ code: diagnostic.code, zh: text.zh })),
  );
}

// Inputs that make yaml report each of its codes that a file can trigger, and the other parser findings.
const INPUTS: Record<string, string> = {
  flowMap: "a: {b: 1\nc: 2\n",
  jsFunction: "a: !!js/function x\n",
  directive: "%FOO bar\n---\na: 1\n",
  escape: 'a: "\\q"\n',
  anchors: "a: &x &y 1\n",
  tags: "a: !a !b 1\n",
  scalarStart: "a: @b\n",
  compact: "a: b: c\n",
  blockInFlow: "a: [\n  - b\n]\n",
  multilineKey: '"a\nb": 1\n',
  tab: "a:\n\tb: 1\n",
  quote: "a: 'x\n",
  aliasProps: "&a *b\n",
  column: "a: &x\n  b: 1\n c: 2\n",
  token: "]\n",
  nesting: `${"[".repeat(5000)}\n`,
  duplicate: "a: 1\na: 2\n",
  apiVersion: "apiVersion: [1]\nkind: { a: 1 }\n",
  rootList: "- 1\n",
  empty: "# only a comment\n",
  documents: "a: 1\n---\nb: 2\n",
  circular: "a: &x\n  b: *x\n",
  unresolved: "a: *nowhere\n",
  protoKey: "__proto__: 1\n",
  numberKey: "1: 2\n",
};

describe("Chinese messages hold no English sentence", () => {
  it.each(Object.entries(INPUTS))("%s", (_name, text) => {
    const { diagnostics } = parseSource({ path: "a.yaml", text, maxAliasCount: 1 });
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(zhTexts(diagnostics).filter((entry) => englishRuns(entry.zh).length > 0)).toEqual([]);
  });

  it("in every golden error fixture", () => {
    const fixtures = fileURLToPath(new URL("../fixtures/_error_/", import.meta.url));
    for (const name of readdirSync(fixtures)) {
      const bytes = readFileSync(`${fixtures}${name}/input.yaml`);
      const { diagnostics } = parseSource({ path: name, text: new Uint8Array(bytes) });
      expect(zhTexts(diagnostics).filter((entry) => englishRuns(entry.zh).length > 0), name).toEqual([]);
    }
  });

  it.each(Object.keys(YAML_CODE_TEXTS))("for the yaml code %s, with the library's detail in English only", (code) => {
    const detail = "Flow map in block collection must be sufficiently indented";
    for (const warning of [false, true]) {
      const { message, hint } = yamlErrorMessage({ code, detail, warning });
      expect(englishRuns(message.zh)).toEqual([]);
      expect(englishRuns(hint.zh)).toEqual([]);
      expect(message.zh).toContain(`（${code}）`);
      expect(message.en).toContain(detail);
    }
  });

  it("covers the reviewer's examples: a flow map, an unknown tag, resource exhaustion", () => {
    const first = (text: string) =>
      parseSource({ path: "a.yaml", text })
        .diagnostics.filter((d) => d.code === "yaml-syntax" || d.code === "unknown-tag")
        .map((d) => `${d.code} ${d.message.zh}`)[0];
    expect(first(INPUTS.flowMap!)).toMatchInlineSnapshot(`"yaml-syntax YAML 语法错误（BAD_INDENT）：缩进不对：这一行的缩进与所在层级不符，或括号未闭合。"`);
    expect(first(INPUTS.jsFunction!)).toMatchInlineSnapshot(`"unknown-tag 不允许的 YAML 标签 tag:yaml.org,2002:js/function；标签不会被执行，值按普通文本读取。"`);
    expect(first(INPUTS.nesting!)).toMatchInlineSnapshot(`"yaml-syntax YAML 语法错误（RESOURCE_EXHAUSTION）：文件嵌套过深或内容过多，超出了解析器的处理能力。"`);
  });

  it("tells the size of a large file in the words of each language", () => {
    const diagnostic = fileTooLarge({ path: "big.yaml", maxBytes: 5 * 1024 * 1024, size: 30000075 });
    expect(diagnostic.message).toEqual({
      zh: "文件过大（28.6 MiB）：上限为 5 MiB，未解析。",
      en: "The file is too large (28.6 MiB): the limit is 5 MiB; it was not parsed.",
    });
  });

  it.each([
    [67, "67 字节", "67 bytes"],
    [1024, "1 KiB", "1 KiB"],
    [1536, "1.5 KiB", "1.5 KiB"],
    [5 * 1024 * 1024, "5 MiB", "5 MiB"],
    [30000075, "28.6 MiB", "28.6 MiB"],
  ])("formats %i bytes", (bytes, zh, en) => {
    expect(formatBytes(bytes)).toEqual({ zh, en });
  });

  it("names a non-text apiVersion and kind in the reader's language", () => {
    const { diagnostics } = parseSource({ path: "a.yaml", text: INPUTS.apiVersion! });
    expect(diagnostics.map((d) => d.message)).toEqual([
      { zh: "不支持的 apiVersion：应为 onething/v1，实际为 列表。", en: "Unsupported apiVersion: expected onething/v1, found a sequence." },
      { zh: "未知的文档类型 kind：映射。", en: "Unknown document kind: a mapping." },
    ]);
  });
});
