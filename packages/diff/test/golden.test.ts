import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { diffDocuments, renderDiff, type DiffFormat, type Lang } from "../src/index.js";
import { parseAll } from "./helpers.js";

// One harness for the golden diffs of fixtures/<case>/{before,after}: every format must match
// fixtures/<case>/expected/. Rewrite them with UPDATE_GOLDEN=1 after an intended change, then review.
const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));
const update = process.env["UPDATE_GOLDEN"] === "1";

function readTree(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else files[`checklists/${relative(folder, path).split("\\").join("/")}`] = readFileSync(path, "utf8");
    }
  };
  visit(folder);
  return files;
}

const context = readTree(join(fixtures, "_context"));
const cases = readdirSync(fixtures).filter((name) => !name.startsWith("_") && statSync(join(fixtures, name)).isDirectory());

const OUTPUTS: Array<{ file: string; format: DiffFormat; lang: Lang }> = [
  { file: "text.txt", format: "text", lang: "zh" },
  { file: "text.en.txt", format: "text", lang: "en" },
  { file: "markdown.md", format: "markdown", lang: "zh" },
  { file: "json.json", format: "json", lang: "zh" },
  { file: "github.txt", format: "github", lang: "zh" },
];

/** The check ids each real edit must produce, so a golden rewritten by mistake still fails here. */
const EXPECTED_CHECKS: Record<string, string[]> = {
  "matter-added-to-batch": ["matter-added"],
  "lead-department-changed": ["owner-changed", "owner-changed"],
  "trips-regressed": ["metric-changed", "metric-changed"],
  "matter-renamed": ["matter-renamed", "text-changed"],
  "material-dropped": ["material-removed"],
};

describe.each(cases)("golden diff %s", (name) => {
  const before = parseAll({ ...context, ...readTree(join(fixtures, name, "before")) });
  const after = parseAll({ ...context, ...readTree(join(fixtures, name, "after")) });
  const result = diffDocuments({ before, after });

  test("finds the edit's changes", () => {
    expect(result.changes.map((change) => change.check)).toEqual(EXPECTED_CHECKS[name]);
  });

  test.each(OUTPUTS)("$format ($lang) matches expected/$file", ({ file, format, lang }) => {
    const actual = renderDiff(result, { format, lang });
    const path = join(fixtures, name, "expected", file);
    if (update) {
      mkdirSync(join(fixtures, name, "expected"), { recursive: true });
      writeFileSync(path, actual);
    }
    expect(existsSync(path)).toBe(true);
    expect(actual).toBe(readFileSync(path, "utf8"));
  });
});
