import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { formatDiagnostics } from "@onething/sdk";
import { describe, expect, test } from "vitest";
import { createIo } from "../test/helpers.js";
import { main } from "./index.js";

const schema = JSON.parse(readFileSync(new URL("../schemas/validate-output.schema.json", import.meta.url), "utf8"));
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

describe("schemas/validate-output.schema.json", () => {
  test.each(["zh", "en"] as const)("describes the json output of a real run (%s)", async (lang) => {
    const io = createIo({ cwd: fileURLToPath(new URL("../test/fixtures/broken/", import.meta.url)) });
    await main(["validate", "--format", "json", "--lang", lang, "--today", "2025-07-01"], io);
    const output = JSON.parse(io.out());
    expect(output.diagnostics.length).toBeGreaterThan(0);
    validate(output);
    expect(validate.errors ?? []).toEqual([]);
  });

  test("accepts related locations and rejects an unknown property", () => {
    const diagnostic = {
      code: "duplicate-id",
      severity: "error" as const,
      message: { zh: "重复", en: "Duplicate" },
      file: "b.yaml",
      related: [{ file: "a.yaml", message: { zh: "首次定义", en: "First defined" } }],
    };
    const output = JSON.parse(formatDiagnostics([diagnostic], { format: "json", lang: "zh" }));
    expect(validate(output)).toBe(true);
    expect(validate({ ...output, extra: 1 })).toBe(false);
    expect(validate({ ...output, diagnostics: [{ ...output.diagnostics[0], line: 0, column: 1, endLine: 1, endColumn: 1 }] })).toBe(false);
  });
});
