// `validate --rules-doc-url <url>` says where the rule reference lives: every SARIF rule links to `<url>#<code>`
// (as helpUri, which GitHub code scanning shows as the rule's help link), and the log stays valid SARIF 2.1.0.
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { main } from "../src/index.js";
import { createIo } from "./helpers.js";
import { validateSarif } from "./sarif-schema.js";

const broken = fileURLToPath(new URL("./fixtures/broken/", import.meta.url));


const DOCS = "https://github.com/example/onething-data/blob/main/docs/rules.md";

interface SarifRule {
  id: string;
  helpUri?: string;
  help?: { text: string };
}

async function run(argv: string[]) {
  const io = createIo({ cwd: broken });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

const SARIF_RUN = ["validate", "--format", "sarif", "--today", "2025-07-01"];

describe("validate --rules-doc-url", () => {
  test("links every SARIF rule to <url>#<code> as its helpUri, in a valid SARIF 2.1.0 log", async () => {
    const { code, stdout, stderr } = await run([...SARIF_RUN, "--rules-doc-url", DOCS]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const driver = log.runs[0].tool.driver;
    const rules = driver.rules as SarifRule[];
    expect(rules.map((rule) => rule.id)).toEqual(["duplicate-key", "schema-enum", "schema-type", "schema-unknown-field", "unknown-department", "yaml-syntax"]);
    for (const rule of rules) {
      expect(rule.helpUri).toBe(`${DOCS}#${rule.id}`);
      expect(rule.help).toBeUndefined();
    }
    expect(driver.informationUri).toBe(DOCS);
    const results = log.runs[0].results as { ruleId: string; ruleIndex: number }[];
    for (const result of results) expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
  });

  test("without it, each rule names docs/rules.md#<code> in its help text and has no helpUri", async () => {
    const { stdout } = await run(SARIF_RUN);
    const rules = JSON.parse(stdout).runs[0].tool.driver.rules as SarifRule[];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.helpUri).toBeUndefined();
      expect(rule.help?.text).toBe(`docs/rules.md#${rule.id}`);
    }
  });

  test("a relative path stays help text, since SARIF requires an absolute helpUri", async () => {
    const { code, stdout } = await run([...SARIF_RUN, "--rules-doc-url", "../handbook/rules.md"]);
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    expect(validateSarif(log)).toBe(true);
    for (const rule of log.runs[0].tool.driver.rules as SarifRule[]) {
      expect(rule.helpUri).toBeUndefined();
      expect(rule.help?.text).toBe(`../handbook/rules.md#${rule.id}`);
    }
  });

  test.each([
    ["empty", ""],
    ["with a fragment of its own", `${DOCS}#top`],
    ["with a space", "https://example.org/my rules.md"],
    ["an unparsable URL", "https://exa mple.org/rules.md"],
    ["with a control character", "docs/rules.md\u0007"],
  ])("refuses a value %s with a Chinese message and exit 2, printing no log", async (_name, value) => {
    const { code, stdout, stderr } = await run([...SARIF_RUN, "--rules-doc-url", value]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--rules-doc-url 需要规则说明的网址或相对路径");
    expect(stderr).not.toMatch(/\n\s+at /u);
  });

  test("refuses a missing value", async () => {
    const { code, stderr } = await run([...SARIF_RUN, "--rules-doc-url"]);
    expect(code).toBe(2);
    expect(stderr).toContain("选项 --rules-doc-url 需要一个值");
  });

  test("is listed in the help, in Chinese and in English", async () => {
    expect((await run(["validate", "--help"])).stdout).toMatch(/--rules-doc-url <网址>\s+规则说明的网址（sarif 链接到 <网址>#<代码>/u);
    expect((await run(["validate", "--help", "--lang", "en"])).stdout).toMatch(/--rules-doc-url <url>\s+where the rule docs live \(sarif links to <url>#<code>/u);
  });
});
