import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AjvDraft04 from "ajv-draft-04";
import { describe, expect, test } from "vitest";
import { sortDiagnostics } from "../diagnostics.js";
import { makeDiagnostic, sampleProject } from "../test-helpers.js";
import { formatSarif } from "./sarif.js";

// The OASIS schema sits beside the repository: <repo>/../shared/data/sarif/.
const schemaPath = fileURLToPath(new URL("../../../../../shared/data/sarif/sarif-schema-2.1.0.json", import.meta.url));
const Ajv = AjvDraft04.default;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat("uri", /^[a-z][a-z0-9+.-]*:[^\s]*$/iu);
ajv.addFormat("uri-reference", /^[^\s]*$/u);
ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u);
const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

describe("formatSarif", () => {
  const { diagnostics } = sampleProject();
  const sorted = sortDiagnostics(diagnostics);
  const related = makeDiagnostic({ code: "duplicate-id", severity: "error", zh: "重复的编号", en: "Duplicate id", file: "b.yaml", pointer: "/metadata/id" });
  related.related = [{ file: "a.yaml", pointer: "/metadata/id", message: { zh: "首次定义", en: "First defined here" } }];
  const run = makeDiagnostic({ code: "no-documents", severity: "error", zh: "没有可校验的文件", en: "Nothing to validate" });

  test.each([
    { name: "findings", input: [...sorted, related, run], options: { lang: "zh" as const, cwd: "/work/项目", toolVersion: "0.1.0" } },
    { name: "an absolute docs link", input: sorted, options: { lang: "en" as const, rulesDocUrl: "https://example.org/docs/rules.md" } },
    { name: "a clean run", input: [], options: { lang: "zh" as const } },
  ])("is valid SARIF 2.1.0 ($name)", ({ input, options }) => {
    const log = JSON.parse(formatSarif(input, options));
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test("maps findings to results with rule, level, message, relative location and fingerprint", () => {
    const log = JSON.parse(formatSarif(sorted, { lang: "en", ruleDescriptions: new Map([["unknown-field", { zh: "未知字段", en: "Fields must be known" }]]) }));
    const [theRun] = log.runs;
    expect(log.version).toBe("2.1.0");
    // Our columns count UTF-16 code units; SARIF's default would be Unicode code points.
    expect(theRun.columnKind).toBe("utf16CodeUnits");
    expect(theRun.tool.driver.name).toBe("onething");
    expect(theRun.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(["missing-en-name", "unknown-department", "unknown-field", "unknown-stage", "yaml-syntax"]);
    expect(theRun.tool.driver.rules[2].shortDescription.text).toBe("Fields must be known");
    expect(theRun.tool.driver.rules[2].help.text).toBe("docs/rules.md#unknown-field");
    expect(theRun.results.map((result: { level: string }) => result.level)).toEqual(["note", "error", "error", "error", "warning"]);
    const field = theRun.results[2];
    expect(field.ruleId).toBe("unknown-field");
    expect(theRun.tool.driver.rules[field.ruleIndex].id).toBe("unknown-field");
    expect(field.message.text).toBe("Unknown field colour");
    expect(field.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "checklists/national/2024-1.yaml", uriBaseId: "%SRCROOT%" },
      region: { startLine: 9, startColumn: 29, endLine: 9, endColumn: 35 },
    });
    const fingerprints = theRun.results.map((result: { partialFingerprints: Record<string, string> }) => result.partialFingerprints["onethingFinding/v1"]);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  test("keeps a fingerprint when lines above the finding move", () => {
    const [first] = sorted;
    if (first?.range === undefined) throw new Error("fixture has a range");
    const moved = { ...first, range: { start: { ...first.range.start, line: 40 }, end: { ...first.range.end, line: 40 } } };
    const print = (d: typeof first) => JSON.parse(formatSarif([d], { lang: "zh" })).runs[0].results[0].partialFingerprints;
    expect(print(moved)).toEqual(print(first));
  });

  test("records the project root and the tool version when given", () => {
    const log = JSON.parse(formatSarif(sorted, { lang: "zh", cwd: "/srv/repo", toolVersion: "1.2.3" }));
    expect(log.runs[0].originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: "file:///srv/repo/" } });
    expect(log.runs[0].tool.driver.semanticVersion).toBe("1.2.3");
  });
});
