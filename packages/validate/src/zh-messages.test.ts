import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LocalizedMessage } from "@onething/schemas";
import { describe, expect, it } from "vitest";
import { wrapValue } from "../test/rule-tester.js";
import type { StructuralError } from "./model.js";
import { rules } from "./rules/index.js";
import { PATTERN_DESCRIPTIONS, STRUCTURAL_DIAGNOSTICS, mapStructuralErrors } from "./structural.js";
import { ENGINE_DIAGNOSTICS } from "./validate-documents.js";

/** Runs of three or more ASCII words in a text, once code spans and quoted values are taken out. */
function englishRuns(text: string): string[] {
  const bare = text.replace(/`[^`]*`|"[^"]*"|“[^”]*”/g, " ");
  return bare.match(/(?<![\w./-])[A-Za-z]+(?: +[A-Za-z]+){2,}(?![\w./-])/g) ?? [];
}

const schemaDirectory = fileURLToPath(new URL("../../../schemas/v1/", import.meta.url));

/** Every `pattern` keyword's value in schemas/v1. */
function schemaPatterns(): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "pattern" && typeof value === "string") found.add(value);
        else walk(value);
      }
    }
  };
  for (const name of readdirSync(schemaDirectory).filter((file) => file.endsWith(".schema.json"))) {
    walk(JSON.parse(readFileSync(`${schemaDirectory}${name}`, "utf8")));
  }
  return [...found].sort();
}

const error = (keyword: string, params: Record<string, unknown>, instancePath = "/spec/matters/0/x"): StructuralError =>
  ({ keyword, params, instancePath, schemaPath: "#", message: "must be valid" }) as StructuralError;

/** One synthetic Ajv error of every keyword the structural pass words, and of an unknown one. */
const ERRORS: StructuralError[] = [
  error("required", { missingProperty: "owners" }),
  error("required", { missingProperty: "spec" }, ""),
  error("additionalProperties", { additionalProperty: "chanels" }),
  error("type", { type: "array" }),
  error("type", { type: "string,number" }),
  error("enum", { allowedValues: ["individual", "enterprise"] }),
  error("const", { allowedValue: "onething/v1" }),
  ...schemaPatterns().map((pattern) => error("pattern", { pattern })),
  error("pattern", { pattern: "^[A-Z]{3}$" }),
  error("format", { format: "date" }),
  error("format", { format: "uri" }),
  error("format", { format: "hostname" }),
  ...[">=", "<=", ">", "<"].map((comparison) => error("minimum", { comparison, limit: 0 })),
  error("minLength", { limit: 1 }),
  error("maxLength", { limit: 200 }),
  error("minItems", { limit: 2 }),
  error("maxProperties", { limit: 3 }),
  error("uniqueItems", { i: 0, j: 1 }),
  error("propertyNames", {}),
];

function zhOf(messages: Array<LocalizedMessage | undefined>): string[] {
  return messages.flatMap((message) => (message === undefined ? [] : [message.zh]));
}

describe("Chinese messages hold no English sentence", () => {
  it("every pattern of schemas/v1 has a description with an example", () => {
    const patterns = schemaPatterns();
    expect(patterns.length).toBeGreaterThan(5);
    expect(patterns.filter((pattern) => PATTERN_DESCRIPTIONS[pattern] === undefined)).toEqual([]);
    for (const pattern of patterns) expect(PATTERN_DESCRIPTIONS[pattern]?.zh).toMatch(/如 \S/);
  });

  it.each([
    ["a document with values", { spec: { matters: [{ x: "nhc" }] } }],
    ["a document without them", {}],
  ])("in every structural message, for %s", (_name, value) => {
    const document = wrapValue(value);
    for (const entry of ERRORS) {
      const [diagnostic] = mapStructuralErrors({ document, errors: [entry], allowedFields: () => ["channels", "owners"] });
      const texts = zhOf([diagnostic?.message, diagnostic?.hint]);
      expect(texts.length, entry.keyword).toBeGreaterThan(0);
      expect(texts.flatMap(englishRuns), `${entry.keyword} ${JSON.stringify(entry.params)}`).toEqual([]);
      // A raw regex never reaches a reader.
      expect(texts.join(" ")).not.toMatch(/\^|\$|\\d|\[a-z/);
    }
  });

  it.each(rules.map((rule) => [rule.meta.id, rule] as const))("in every message of the rule %s", (_id, rule) => {
    const templates = [rule.meta.description, rule.meta.hint, ...Object.values(rule.meta.messages)];
    const filled = zhOf(templates).map((text) => text.replace(/\{\w+\}/g, "x.y"));
    expect(filled.flatMap(englishRuns)).toEqual([]);
  });

  it("in every code description", () => {
    const descriptions = [...Object.values(STRUCTURAL_DIAGNOSTICS), ...Object.values(ENGINE_DIAGNOSTICS)].map((info) => info.description);
    expect(zhOf(descriptions).flatMap(englishRuns)).toEqual([]);
  });

  it("the detector finds the English the reviewer saw", () => {
    expect(englishRuns("YAML 语法错误（BAD_INDENT）：Flow map in block collection must be sufficiently indented")).not.toEqual([]);
    expect(englishRuns("一件事 a 已于 2025-12-31 到期，状态仍为 (none)")).toEqual([]);
    expect(englishRuns("部门标识：以 dept. 开头，如 dept.qd.tax")).toEqual([]);
  });
});
