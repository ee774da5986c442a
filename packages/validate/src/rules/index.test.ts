import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { DSL_DIAGNOSTICS } from "@onething/dsl";
import { STRUCTURAL_DIAGNOSTICS } from "../structural.js";
import { ENGINE_DIAGNOSTICS } from "../validate-documents.js";
import { rules } from "./index.js";

const rulesDirectory = fileURLToPath(new URL(".", import.meta.url));
const docs = readFileSync(fileURLToPath(new URL("../../../../docs/rules.md", import.meta.url)), "utf8");
const ruleFiles = readdirSync(rulesDirectory).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts") && name !== "index.ts");
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the rule registry", () => {
  test("registers every rule file once, under its file name", () => {
    expect(rules.map((rule) => `${rule.meta.id}.ts`).sort()).toEqual(ruleFiles.sort());
    expect(new Set(rules.map((rule) => rule.meta.id)).size).toBe(rules.length);
  });

  test.each(ruleFiles)("%s has a test", (file) => {
    expect(readdirSync(rulesDirectory)).toContain(file.replace(/\.ts$/, ".test.ts"));
  });

  test.each(rules.map((rule) => [rule.meta.id, rule] as const))("%s: messages use the same placeholders in zh and en", (_id, rule) => {
    for (const message of [...Object.values(rule.meta.messages), ...(rule.meta.hint ? [rule.meta.hint] : [])]) {
      expect(placeholders(message.zh)).toEqual(placeholders(message.en));
    }
  });

  test("no rule id collides with a structural or a parser code", () => {
    const others = new Set([...Object.keys(STRUCTURAL_DIAGNOSTICS), ...Object.keys(DSL_DIAGNOSTICS)]);
    expect(rules.map((rule) => rule.meta.id).filter((id) => others.has(id))).toEqual([]);
  });
});

describe("docs/rules.md", () => {
  test.each(rules.map((rule) => rule.meta.id))("has a section for the rule %s", (id) => {
    expect(docs).toContain(`\n### \`${id}\``);
  });

  test.each([...Object.keys(STRUCTURAL_DIAGNOSTICS), ...Object.keys(DSL_DIAGNOSTICS), ...Object.keys(ENGINE_DIAGNOSTICS)])("lists the code %s in a table", (code) => {
    expect(docs).toContain(`| \`${code}\` |`);
  });

  test.each(rules.map((rule) => [rule.meta.id, rule.meta.severity] as const))("states the severity of %s in the table", (id, severity) => {
    expect(docs).toContain(`| \`${id}\` | ${severity} |`);
  });
});
