import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { parseSource } from "./parse.js";

const yamlish = fc.string({
  unit: fc.constantFrom(
    "a", "b", "中", "🎉", " ", "  ", "\t", "\n", "\r\n", "\uFEFF", ":", ": ", "-", "- ", "?", "[", "]", "{", "}",
    ",", "#", "&a", "*a", "&b", "*b", "!", "!!", "!!js/function", "!foo", "|", ">", "'", '"', "\\", "%", "---",
    "...", "__proto__", "apiVersion: onething/v1\n", "kind: Checklist\n", "<<", "~", "null", "0x1", "@", "`",
  ),
  maxLength: 60,
});

function checkResult(result: ReturnType<typeof parseSource>): void {
  // The guard in parseSource turns a crash into parse-failed; a property run must never need it.
  expect(result.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain("parse-failed");
  for (const diagnostic of result.diagnostics) {
    expect(typeof diagnostic.code).toBe("string");
    expect(diagnostic.range?.start.line).toBeGreaterThanOrEqual(1);
    expect(diagnostic.range?.start.column).toBeGreaterThanOrEqual(1);
  }
  if (result.document !== undefined) {
    expect(() => JSON.stringify(result.document?.value)).not.toThrow();
    expect(result.document.locate("/spec/a/0")).toBeDefined();
  }
}

describe("parseSource never throws", () => {
  it("on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        checkResult(parseSource({ path: "fuzz.yaml", text }));
      }),
      { numRuns: 300 },
    );
  });

  it("on strings made of YAML punctuation, anchors, aliases and tags", () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        checkResult(parseSource({ path: "fuzz.yaml", text, maxAliasCount: 5 }));
      }),
      { numRuns: 1000 },
    );
  });

  it("on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        checkResult(parseSource({ path: "fuzz.yaml", text: bytes }));
      }),
      { numRuns: 300 },
    );
  });

  it("on JSON-ish values dumped as YAML, and reads them back unchanged", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom("block", "flow"), (spec, style) => {
        const envelope = { apiVersion: "onething/v1", kind: "Checklist", metadata: { id: "cn.fuzz" }, spec };
        const text = stringify(envelope, style === "flow" ? { collectionStyle: "flow" } : {});
        const result = parseSource({ path: "fuzz.yaml", text });
        checkResult(result);
        const codes = result.diagnostics.map((diagnostic) => diagnostic.code);
        expect(codes.filter((code) => code !== "proto-key")).toEqual([]);
        expect(result.document?.value).toEqual(envelope);
      }),
      { numRuns: 300 },
    );
  });
});
