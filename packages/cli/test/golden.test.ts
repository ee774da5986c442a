import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { main } from "../src/index.js";
import { createIo } from "./helpers.js";
import { validateSarif } from "./sarif-schema.js";

// Golden end-to-end runs over fixtures/broken/ (one broken file per kind of mistake). Rewrite the
// expected outputs with UPDATE_GOLDEN=1 after an intended change, then review the diff.
const fixture = fileURLToPath(new URL("./fixtures/broken/", import.meta.url));
const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
const update = process.env["UPDATE_GOLDEN"] === "1";


/** Replaces what differs between machines and releases: the fixture's absolute URI and the tool version. */
function normalize(text: string): string {
  const base = pathToFileURL(fixture).href.replace(/\/?$/u, "/");
  return text.replaceAll(base, "file:///FIXTURE/").replace(/"semanticVersion": "[^"]*"/u, '"semanticVersion": "VERSION"');
}

describe("golden output for fixtures/broken", () => {
  test.each([
    { format: "stylish", lang: "zh", file: "stylish.txt" },
    { format: "stylish", lang: "en", file: "stylish.en.txt" },
    { format: "json", lang: "zh", file: "json.json" },
    { format: "sarif", lang: "zh", file: "sarif.sarif" },
    { format: "github", lang: "zh", file: "github.txt" },
    { format: "junit", lang: "zh", file: "junit.xml" },
    { format: "markdown", lang: "zh", file: "markdown.md" },
  ])("$format ($lang) matches golden/$file", async ({ format, lang, file }) => {
    const io = createIo({ cwd: fixture });
    const code = await main(["validate", "--format", format, "--lang", lang, "--today", "2025-07-01"], io);
    expect(io.err()).toBe("");
    expect(code).toBe(1);
    const actual = normalize(io.out());
    if (update) writeFileSync(golden(file), actual);
    expect(actual).toBe(readFileSync(golden(file), "utf8"));
  });

  test("the sarif golden is valid SARIF 2.1.0 and counts columns in UTF-16 code units", () => {
    const log = JSON.parse(readFileSync(golden("sarif.sarif"), "utf8"));
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.runs[0].columnKind).toBe("utf16CodeUnits");
  });

  test("reports every kind of mistake at the offending key", async () => {
    const io = createIo({ cwd: fixture });
    await main(["validate", "--format", "json", "--lang", "en", "--today", "2025-07-01"], io);
    const found = JSON.parse(io.out()).diagnostics.map((d: { file: string; line: number; column: number; code: string }) => `${d.file}:${d.line}:${d.column} ${d.code}`);
    expect(found).toEqual([
      "bad-enum.yaml:12:16 schema-enum",
      "duplicate-key.yaml:14:7 duplicate-key",
      "syntax-error.yaml:7:1 yaml-syntax",
      "unknown-department.yaml:14:59 unknown-department",
      "unknown-field.yaml:11:48 schema-unknown-field",
      "wrong-type.yaml:14:43 schema-type",
    ]);
  });
});
