import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DSL_DIAGNOSTICS } from "./diagnostic-codes.js";
import { DEFAULT_MAX_BYTES, parseSource } from "./parse.js";
import { formatRange, summarize } from "./test-summary.js";

const envelope = "apiVersion: onething/v1\nkind: Checklist\nmetadata:\n  id: cn.example\n";
const encode = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** Hostile or awkward inputs that are generated rather than committed (huge, binary, or line-ending sensitive). */
const generated: Array<{
  name: string;
  text: () => string | Uint8Array;
  maxBytes?: number;
  maxAliasCount?: number;
  expected: Array<{ code: string; range: string; pointer?: string }>;
  document: boolean;
}> = [
  {
    name: "a text one byte over the default 5 MiB limit",
    text: () => "#".repeat(DEFAULT_MAX_BYTES + 1),
    expected: [{ code: "file-too-large", range: "1:1-1:1" }],
    document: false,
  },
  {
    name: "bytes over a custom limit",
    text: () => encode(envelope),
    maxBytes: 16,
    expected: [{ code: "file-too-large", range: "1:1-1:1" }],
    document: false,
  },
  {
    name: "Chinese text under the limit in UTF-16 units but over it in UTF-8 bytes",
    text: () => "清单清单清单",
    maxBytes: 17,
    expected: [{ code: "file-too-large", range: "1:1-1:1" }],
    document: false,
  },
  {
    name: "a lone 0xFF byte after Chinese text on line 5",
    text: () => concat(encode(`${envelope}title: 清单`), new Uint8Array([0xff]), encode("\n")),
    expected: [{ code: "invalid-utf8", range: "5:10-5:10" }],
    document: false,
  },
  {
    name: "a GBK-encoded Chinese word (清单 = C7 E5 B5 A5)",
    text: () => concat(encode("apiVersion: onething/v1\nkind: "), new Uint8Array([0xc7, 0xe5, 0xb5, 0xa5])),
    expected: [{ code: "invalid-utf8", range: "2:7-2:7" }],
    document: false,
  },
  {
    name: "a UTF-8 BOM in bytes",
    text: () => concat(new Uint8Array([0xef, 0xbb, 0xbf]), encode(`${envelope}  id: again\n`)),
    expected: [{ code: "duplicate-key", range: "5:3-5:5", pointer: "/metadata/id" }],
    document: true,
  },
  {
    name: "a BOM in a string",
    text: () => `\uFEFF${envelope}  id: again\n`,
    expected: [{ code: "duplicate-key", range: "5:3-5:5", pointer: "/metadata/id" }],
    document: true,
  },
  {
    name: "CRLF line endings",
    text: () => `${envelope}  id: again\n`.replaceAll("\n", "\r\n"),
    expected: [{ code: "duplicate-key", range: "5:3-5:5", pointer: "/metadata/id" }],
    document: true,
  },
  {
    name: "one alias more than the limit",
    text: () => `${envelope}spec:\n  lead: &lead dept.nhc\n  uses:\n${"    - *lead\n".repeat(4)}`,
    maxAliasCount: 3,
    expected: [{ code: "alias-limit", range: "11:7-11:12", pointer: "/spec/uses/3" }],
    document: false,
  },
  {
    name: "aliases disabled",
    text: () => `${envelope}spec:\n  lead: &lead dept.nhc\n  again: *lead\n`,
    maxAliasCount: 0,
    expected: [{ code: "alias-limit", range: "7:10-7:15", pointer: "/spec/again" }],
    document: false,
  },
  {
    name: "a scalar root",
    text: () => "just a sentence\n",
    expected: [{ code: "root-not-mapping", range: "1:1-1:16" }],
    document: false,
  },
  {
    name: "an explicit empty document",
    text: () => "---\n...\n",
    expected: [{ code: "empty-document", range: "1:1-1:1" }],
    document: false,
  },
  {
    name: "a verbatim non-local tag and an undeclared tag handle",
    text: () => `${envelope}spec:\n  a: !<tag:example.com,2000:app/run> x\n  b: !e!run y\n`,
    expected: [
      { code: "unknown-tag", range: "6:6-6:37", pointer: "/spec/a" },
      { code: "unknown-tag", range: "7:6-7:12", pointer: "/spec/b" },
    ],
    document: true,
  },
  {
    name: "apiVersion of the wrong type and kind given as a list",
    text: () => "apiVersion: 1\nkind: [Checklist]\n",
    expected: [
      { code: "unsupported-api-version", range: "1:13-1:14", pointer: "/apiVersion" },
      { code: "unknown-kind", range: "2:7-2:18", pointer: "/kind" },
    ],
    document: false,
  },
];

describe("generated hostile inputs", () => {
  it.each(generated)("$name", ({ text, maxBytes, maxAliasCount, expected, document }) => {
    const result = parseSource({
      path: "generated.yaml",
      text: text(),
      ...(maxBytes === undefined ? {} : { maxBytes }),
      ...(maxAliasCount === undefined ? {} : { maxAliasCount }),
    });
    expect(summarize(result).diagnostics).toEqual(expected);
    expect(result.document !== undefined).toBe(document);
    for (const diagnostic of result.diagnostics) expect(diagnostic.file).toBe("generated.yaml");
  });
});

describe("offsets refer to the original text", () => {
  it("keeps a BOM in the text and counts it in offsets but not in columns", () => {
    const text = `\uFEFF${envelope}`;
    const { document } = parseSource({ path: "bom.yaml", text });
    const range = document?.locate("/kind", "value");
    expect(formatRange(range)).toBe("2:7-2:16");
    expect(document?.text).toBe(text);
    expect(text.slice(range?.start.offset, range?.end.offset)).toBe("Checklist");
  });

  it("decodes a BOM from bytes into the text the same way", () => {
    const { document } = parseSource({ path: "bom.yaml", text: concat(new Uint8Array([0xef, 0xbb, 0xbf]), encode(envelope)) });
    const range = document?.locate("/metadata/id", "value");
    expect(document?.text.charCodeAt(0)).toBe(0xfeff);
    expect(document?.text.slice(range?.start.offset, range?.end.offset)).toBe("cn.example");
  });

  it("reports the byte offset of invalid UTF-8 in the message", () => {
    const bytes = concat(encode("a: 清"), new Uint8Array([0xe6, 0x41]));
    const [diagnostic] = parseSource({ path: "x.yaml", text: bytes }).diagnostics;
    expect(diagnostic?.message.en).toContain("byte 6");
    expect(diagnostic?.range?.start).toEqual({ line: 1, column: 5, offset: 4 });
  });

  it("checks the size before parsing, so a huge hostile file returns at once", () => {
    const hostile = `a: ${"[".repeat(DEFAULT_MAX_BYTES)}`;
    const started = performance.now();
    const result = parseSource({ path: "huge.yaml", text: hostile });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["file-too-large"]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("__proto__ keys", () => {
  it("keeps __proto__ as an own data property, never as a prototype, and reports it", () => {
    const text = `${envelope}__proto__:\n  polluted: root\nspec:\n  __proto__: { polluted: nested }\n  list:\n    - __proto__: { polluted: item }\n`;
    const result = parseSource({ path: "proto.yaml", text });
    const value = result.document?.value as Record<string, Record<string, unknown>>;
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(value["spec"])).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(value)).toContain("__proto__");
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toEqual({ polluted: "root" });
    expect(Object.getOwnPropertyDescriptor(value["spec"], "__proto__")?.value).toEqual({ polluted: "nested" });
    expect(value["polluted"]).toBeUndefined();
    expect(value["spec"]?.["polluted"]).toBeUndefined();
    expect(summarize(result).diagnostics).toEqual([
      { code: "proto-key", range: "5:1-5:10", pointer: "/__proto__" },
      { code: "proto-key", range: "8:3-8:12", pointer: "/spec/__proto__" },
      { code: "proto-key", range: "10:7-10:16", pointer: "/spec/list/0/__proto__" },
    ]);
  });
});

describe("tags never execute", () => {
  it("reads !!js/function and !!binary as plain strings", () => {
    const text = `${envelope}spec:\n  f: !!js/function "function () { globalThis.hacked = true }"\n  b: !!binary aGk=\n`;
    const result = parseSource({ path: "tags.yaml", text });
    const spec = (result.document?.value as { spec: Record<string, unknown> }).spec;
    expect(spec).toEqual({ f: "function () { globalThis.hacked = true }", b: "aGk=" });
    expect((globalThis as Record<string, unknown>)["hacked"]).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["unknown-tag", "unknown-tag"]);
  });
});

describe("the document", () => {
  it("exposes the envelope, the plain value and the yaml Document with its comments", () => {
    const text = `# 注释\n${envelope}spec: { scope: total }\n`;
    const { document, diagnostics } = parseSource({ path: "a.yaml", text });
    expect(diagnostics).toEqual([]);
    expect(document).toMatchObject({ path: "a.yaml", apiVersion: "onething/v1", kind: "Checklist", id: "cn.example" });
    expect(document?.value).toEqual({
      apiVersion: "onething/v1",
      kind: "Checklist",
      metadata: { id: "cn.example" },
      spec: { scope: "total" },
    });
    expect(String(document?.yaml)).toBe(text);
  });

  it("reads dates as strings (YAML 1.2 core schema)", () => {
    const { document } = parseSource({ path: "a.yaml", text: `${envelope}  date: 2024-01-16\n  n: 0x10\n` });
    expect((document?.value as { metadata: unknown }).metadata).toEqual({ id: "cn.example", date: "2024-01-16", n: 16 });
  });

  it("leaves id undefined when metadata.id is not a string", () => {
    const { document } = parseSource({ path: "a.yaml", text: "apiVersion: onething/v1\nkind: Progress\nmetadata: { id: 12 }\n" });
    expect(document?.kind).toBe("Progress");
    expect(document?.id).toBeUndefined();
  });
});

describe("wording", () => {
  it("names the yaml error code and the valid kinds", () => {
    const syntax = parseSource({ path: "a.yaml", text: "a: [1, 2\nb: 3\n" }).diagnostics.find((d) => d.code === "yaml-syntax");
    expect(syntax?.message).toMatchInlineSnapshot(`
      {
        "en": "YAML syntax error (BAD_INDENT): the indentation does not fit the level this line belongs to, or a bracket is left open. Parser detail: Flow sequence in block collection must be sufficiently indented and end with a ]",
        "zh": "YAML 语法错误（BAD_INDENT）：缩进不对：这一行的缩进与所在层级不符，或括号未闭合。",
      }
    `);
    const kind = parseSource({ path: "a.yaml", text: "apiVersion: onething/v1\nkind: Matter\n" }).diagnostics[0];
    expect(kind?.hint).toMatchInlineSnapshot(`
      {
        "en": "kind must be one of (case-sensitive): Taxonomy, DepartmentRegistry, ItemCatalog, Checklist, Progress, Evaluation",
        "zh": "kind 应为以下之一（区分大小写）：Taxonomy, DepartmentRegistry, ItemCatalog, Checklist, Progress, Evaluation",
      }
    `);
  });
});

describe("DSL_DIAGNOSTICS", () => {
  const loaderCodes = ["path-not-found", "path-outside-root", "file-unreadable"]; // exercised in node.test.ts
  const internalCodes = ["parse-failed"]; // exercised in parse-failed.test.ts
  const resolveFixtures = fileURLToPath(new URL("../fixtures/resolve/", import.meta.url));
  // Resolution codes are exercised by the golden fixtures of resolve/resolve.test.ts.
  const resolutionCodes = readdirSync(resolveFixtures).flatMap((name) =>
    (JSON.parse(readFileSync(`${resolveFixtures}${name}/expected.json`, "utf8")) as { diagnostics: Array<{ code: string }> }).diagnostics.map(
      (item) => item.code,
    ),
  );

  it("lists every code the fixtures and generated cases produce, and each is produced somewhere", () => {
    const fixtures = fileURLToPath(new URL("../fixtures/_error_/", import.meta.url));
    const seen = new Set<string>(generated.flatMap((entry) => entry.expected.map((item) => item.code)));
    for (const name of readdirSync(fixtures)) {
      const expected = JSON.parse(readFileSync(`${fixtures}${name}/expected.json`, "utf8")) as {
        diagnostics: Array<{ code: string }>;
      };
      for (const item of expected.diagnostics) seen.add(item.code);
    }
    const listed = Object.keys(DSL_DIAGNOSTICS);
    for (const code of seen) expect(listed).toContain(code);
    expect([...seen, ...loaderCodes, ...internalCodes, ...resolutionCodes].sort()).toEqual(expect.arrayContaining(listed));
  });

  it("uses kebab-case codes with both languages", () => {
    for (const [code, info] of Object.entries(DSL_DIAGNOSTICS)) {
      expect(code).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(info.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(info.description.en.length).toBeGreaterThan(10);
    }
  });
});
