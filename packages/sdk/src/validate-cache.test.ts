import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { Diagnostic } from "@onething/schemas";
import { parseSource } from "@onething/dsl/node";
import { loadProject, validateProject } from "./node.js";
import { VALIDATE_CACHE_FILE, VALIDATE_CACHE_FILES, entryName, readFileEntry, writeFileEntry } from "./validate-cache.js";

// The parser's findings as a producer that copies optional fields over would write them: `hint: d.hint`, `related:
// d.related`, so a finding without related places carries `related: undefined`. The findings are the same.
vi.mock("@onething/dsl/node", async (importOriginal) => {
  const original = await importOriginal<typeof import("@onething/dsl/node")>();
  return {
    ...original,
    parseSource: vi.fn((options: Parameters<typeof original.parseSource>[0]) => {
      const result = original.parseSource(options);
      return { ...result, diagnostics: result.diagnostics.map((d) => ({ ...d, hint: d.hint, related: d.related })) };
    }),
  };
});
const parsedPaths = () => vi.mocked(parseSource).mock.calls.map(([options]) => options.path).sort();

const repository = fileURLToPath(new URL("../../../", import.meta.url));
const TODAY = "2025-07-01";
const KEY = { path: "checklists/a.yaml", hash: "a".repeat(64), build: "b".repeat(64) };
const RANGE = { start: { line: 3, column: 5, offset: 40 }, end: { line: 3, column: 9, offset: 44 } };

/** A finding with the optional members written out as undefined, the way `{ hint: maybeHint }` writes them. */
function finding(code: string, fields: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: "error", message: { zh: "有误", en: "Wrong" }, file: KEY.path, range: RANGE, hint: undefined, related: undefined, ...fields };
}

describe("per-file entries", () => {
  let folder = "";
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), "onething-entries-"));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test("a finding whose hint is undefined is stored, and read back without the member", async () => {
    const structural = finding("schema-type", { pointer: "/spec/scope", related: [{ file: KEY.path, range: undefined, message: { zh: "此处", en: "Here" } }] });
    const stored = await writeFileEntry(folder, KEY, {
      diagnostics: [finding("duplicate-key")],
      document: { kind: "Checklist", id: "cn.a", value: { spec: { scope: "local" } }, structural: [structural] },
    });
    expect(stored).toBe(true);
    const entry = await readFileEntry(folder, KEY);
    expect(entry?.diagnostics).toStrictEqual([{ code: "duplicate-key", severity: "error", message: { zh: "有误", en: "Wrong" }, file: KEY.path, range: RANGE }]);
    expect(entry?.document?.structural[0]).toStrictEqual({
      code: "schema-type",
      severity: "error",
      message: { zh: "有误", en: "Wrong" },
      file: KEY.path,
      range: RANGE,
      pointer: "/spec/scope",
      related: [{ file: KEY.path, message: { zh: "此处", en: "Here" } }],
    });
    expect(entry?.document?.value).toStrictEqual({ spec: { scope: "local" } });
  });

  test("findings that share one hint object are stored, each with its own copy", async () => {
    const hint = { zh: "检查附近的缩进。", en: "Check the indentation nearby." };
    expect(await writeFileEntry(folder, KEY, { diagnostics: [finding("yaml-syntax", { hint }), finding("yaml-syntax", { hint, range: undefined })] })).toBe(true);
    expect((await readFileEntry(folder, KEY))?.diagnostics.map((d) => d.hint)).toStrictEqual([hint, hint]);
  });

  test("what JSON would change is still refused: data with an undefined member, a finding at a position that is not a number", async () => {
    const document = { kind: "Checklist" as const, id: "cn.a", value: { spec: { patches: [{ matter: "m", set: { status: undefined } }] } }, structural: [] };
    expect(await writeFileEntry(folder, KEY, { diagnostics: [], document })).toBe(false);
    const nowhere = { start: { line: 1, column: 1, offset: Number.NaN }, end: { line: 1, column: 1, offset: 0 } };
    expect(await writeFileEntry(folder, KEY, { diagnostics: [finding("yaml-syntax", { range: nowhere })] })).toBe(false);
    expect(existsSync(join(folder, entryName(KEY.path)))).toBe(false);
  });
});

describe("validate --cache with findings whose optional members are undefined", () => {
  let root = "";
  const cacheLocation = ".onething-cache";
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "onething-validate-"));
    cpSync(join(repository, "packages/cli/test/fixtures/broken"), join(root, "checklists"), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("every file gets its entry: a warm run parses nothing and finds what the cold run found", async () => {
    const cold = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    // The files with parse findings are the ones the undefined members reach.
    const withParseFindings = ["checklists/duplicate-key.yaml", "checklists/syntax-error.yaml"];
    expect(withParseFindings.every((path) => cold.diagnostics.some((d) => d.file === path))).toBe(true);
    for (const path of withParseFindings) expect(existsSync(join(root, cacheLocation, VALIDATE_CACHE_FILES, entryName(path)))).toBe(true);
    rmSync(join(root, cacheLocation, VALIDATE_CACHE_FILE));
    vi.mocked(parseSource).mockClear();
    const warm = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    expect(parsedPaths()).toEqual([]);
    expect(warm.diagnostics).toEqual(cold.diagnostics);
    expect(warm.diagnostics).toEqual((await loadProject({ root, paths: ["checklists"], today: TODAY })).diagnostics);
  });
});
