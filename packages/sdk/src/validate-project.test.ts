import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { parseSource } from "@onething/dsl/node";
import { loadProject, validateProject } from "./node.js";
import { VALIDATE_CACHE_FILE, VALIDATE_CACHE_FILES, entryName, isPlainJson } from "./validate-cache.js";

// Counts the files validateProject reads through the YAML parser (position recovery parses through another import).
vi.mock("@onething/dsl/node", async (importOriginal) => {
  const original = await importOriginal<typeof import("@onething/dsl/node")>();
  return { ...original, parseSource: vi.fn(original.parseSource) };
});
const parsedPaths = () => vi.mocked(parseSource).mock.calls.map(([options]) => options.path).sort();

const repository = fileURLToPath(new URL("../../../", import.meta.url));
const broken = join(repository, "packages/cli/test/fixtures/broken");
const TODAY = "2025-07-01";

/** file:line:col code, the way a reader compares two reports. */
function places(diagnostics: ReadonlyArray<{ file?: string; code: string; range?: { start: { line: number; column: number } } }>): string[] {
  return diagnostics.map((d) => `${d.file ?? "-"}:${d.range?.start.line ?? "-"}:${d.range?.start.column ?? "-"} ${d.code}`);
}

describe("validateProject", () => {
  let root = "";
  const cacheLocation = ".onething-cache";
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "onething-validate-"));
    cpSync(broken, join(root, "checklists"), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("finds exactly what loadProject finds, on the bundled checklists and on broken fixtures", async () => {
    for (const [where, paths] of [[repository, ["checklists"]], [root, ["checklists"]]] as const) {
      const validated = await validateProject({ root: where, paths: [...paths], today: TODAY });
      const loaded = await loadProject({ root: where, paths: [...paths], today: TODAY });
      expect(validated.diagnostics).toEqual(loaded.diagnostics);
      expect(validated.documents.map((d) => d.path)).toEqual(loaded.documents.map((d) => d.path));
      expect(validated.cached).toBe(false);
    }
  });

  test("a scope keeps the findings about its files only, the others being read as context", async () => {
    const whole = await validateProject({ root, paths: ["checklists"], today: TODAY });
    const scope = ["checklists/unknown-department.yaml", "./checklists/bad-enum.yaml"];
    const inScope = (file: string | undefined) => file === "checklists/unknown-department.yaml" || file === "checklists/bad-enum.yaml";
    expect(whole.diagnostics.filter((d) => inScope(d.file)).length).toBeGreaterThan(1);
    expect(whole.diagnostics.some((d) => !inScope(d.file))).toBe(true);
    const scoped = await validateProject({ root, paths: ["checklists"], today: TODAY, scope });
    expect(scoped.diagnostics).toEqual(whole.diagnostics.filter((d) => inScope(d.file)));
    expect(scoped.documents.map((d) => d.path)).toEqual(whole.documents.map((d) => d.path));
    const cached = await validateProject({ root, paths: ["checklists"], today: TODAY, scope, cacheLocation });
    expect(cached.diagnostics).toEqual(scoped.diagnostics);
    const unscopedFromCache = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    expect(unscopedFromCache.cached).toBe(false);
    expect(unscopedFromCache.diagnostics).toEqual(whole.diagnostics);
  });

  test("a warm run answers from the cache with the cold run's findings, positions included", async () => {
    const cold = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    expect(existsSync(join(root, cacheLocation, VALIDATE_CACHE_FILE))).toBe(true);
    const warm = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    expect(cold.cached).toBe(false);
    expect(warm.cached).toBe(true);
    expect(warm.diagnostics).toEqual(cold.diagnostics);
    expect(places(warm.diagnostics)).toContain("checklists/unknown-department.yaml:14:59 unknown-department");
    expect(warm.documents.map((d) => d.path)).toEqual(cold.documents.map((d) => d.path));
    const file = warm.documents.find((d) => d.path === "checklists/unknown-department.yaml");
    expect(file?.text).toBe(readFileSync(join(root, "checklists/unknown-department.yaml"), "utf8"));
    // One entry per file, and atomic writes leave no temporary file behind.
    expect(readdirSync(join(root, cacheLocation)).sort()).toEqual([VALIDATE_CACHE_FILES, VALIDATE_CACHE_FILE]);
    const yamlFiles = readdirSync(join(root, "checklists")).filter((name) => name.endsWith(".yaml"));
    expect(readdirSync(join(root, cacheLocation, VALIDATE_CACHE_FILES)).sort()).toEqual(yamlFiles.map((name) => entryName(`checklists/${name}`)).sort());
  });

  test("a changed file, another date or other rule settings are validated again", async () => {
    await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    const otherDay = await validateProject({ root, paths: ["checklists"], today: "2025-07-02", cacheLocation });
    expect(otherDay.cached).toBe(false);
    const quieter = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation, rules: { "unknown-department": "off" } });
    expect(quieter.cached).toBe(false);
    expect(places(quieter.diagnostics).some((place) => place.endsWith("unknown-department"))).toBe(false);

    const fixed = join(root, "checklists/unknown-department.yaml");
    writeFileSync(fixed, readFileSync(fixed, "utf8").replace("dept.health-bureau", "dept.mps"));
    const after = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    expect(after.cached).toBe(false);
    expect(places(after.diagnostics).some((place) => place.startsWith("checklists/unknown-department.yaml"))).toBe(false);
    expect(after.diagnostics).toEqual((await loadProject({ root, paths: ["checklists"], today: TODAY })).diagnostics);
  });

  test("a cross-file finding appears in an unchanged file when another file changes", async () => {
    const list = join(root, "checklists/unknown-department.yaml");
    writeFileSync(list, readFileSync(list, "utf8").replace("dept.health-bureau", "dept.mps"));
    await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    const clean = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    expect(clean.cached).toBe(true);
    expect(places(clean.diagnostics).some((place) => place.startsWith("checklists/unknown-department.yaml"))).toBe(false);
    // The registry loses dept.mps: the unchanged checklist now refers to an unknown department.
    const registry = join(root, "checklists/departments.yaml");
    writeFileSync(registry, readFileSync(registry, "utf8").replace(/ {4}- id: dept\.mps\n.*\n.*\n/u, ""));
    vi.mocked(parseSource).mockClear();
    const after = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    // Only the registry went through the parser; the checklist's position was recovered from its text on demand.
    expect(parsedPaths()).toEqual(["checklists/departments.yaml"]);
    expect(after.cached).toBe(false);
    expect(places(after.diagnostics)).toContain("checklists/unknown-department.yaml:14:59 unknown-department");
    expect(after.diagnostics).toEqual((await loadProject({ root, paths: ["checklists"], today: TODAY })).diagnostics);
  });

  test("a corrupted, foreign or truncated cache file is ignored and replaced, never trusted", async () => {
    const cold = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    const file = join(root, cacheLocation, VALIDATE_CACHE_FILE);
    const good = readFileSync(file, "utf8");
    const forged = JSON.parse(good) as { diagnostics: unknown[] };
    forged.diagnostics = [];
    for (const bad of ["{not json", "", good.slice(0, good.length / 2), JSON.stringify({ ...forged, format: "another-tool/1" }), JSON.stringify({ ...forged, diagnostics: [{ code: 1 }] })]) {
      writeFileSync(file, bad);
      const run = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
      expect(run.cached).toBe(false);
      expect(run.diagnostics).toEqual(cold.diagnostics);
      expect(readFileSync(file, "utf8")).toBe(good);
    }
  });

  test("after one file changes, only it is parsed, and the report is the cold run's", async () => {
    vi.mocked(parseSource).mockClear();
    const cold = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    const yamlFiles = readdirSync(join(root, "checklists")).filter((name) => name.endsWith(".yaml"));
    expect(parsedPaths()).toEqual(yamlFiles.map((name) => `checklists/${name}`).sort());

    const changed = join(root, "checklists/wrong-type.yaml");
    writeFileSync(changed, `# a comment moves every line down\n${readFileSync(changed, "utf8")}`);
    vi.mocked(parseSource).mockClear();
    const warm = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    expect(parsedPaths()).toEqual(["checklists/wrong-type.yaml"]);
    expect(warm.cached).toBe(false);
    const loaded = await loadProject({ root, paths: ["checklists"], today: TODAY });
    expect(warm.diagnostics).toEqual(loaded.diagnostics);
    expect(warm.diagnostics).not.toEqual(cold.diagnostics);
    // Another date and other rule settings re-use every entry: per-file findings depend on neither.
    vi.mocked(parseSource).mockClear();
    const otherDay = await validateProject({ root, paths: ["checklists"], today: "2025-07-02", cacheLocation, rules: { "schema-type": "warning" } });
    expect(parsedPaths()).toEqual([]);
    expect(otherDay.diagnostics).toEqual((await validateProject({ root, paths: ["checklists"], today: "2025-07-02", rules: { "schema-type": "warning" } })).diagnostics);
    expect(otherDay.diagnostics.some((d) => d.code === "schema-type" && d.severity === "warning")).toBe(true);
  });

  test("a deleted file drops out with its entry, an added file is the only one parsed", async () => {
    await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    const entries = join(root, cacheLocation, VALIDATE_CACHE_FILES);
    expect(existsSync(join(entries, entryName("checklists/unknown-department.yaml")))).toBe(true);
    unlinkSync(join(root, "checklists/unknown-department.yaml"));
    vi.mocked(parseSource).mockClear();
    const deleted = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    expect(parsedPaths()).toEqual([]);
    expect(deleted.diagnostics).toEqual((await loadProject({ root, paths: ["checklists"], today: TODAY })).diagnostics);
    expect(places(deleted.diagnostics).some((place) => place.startsWith("checklists/unknown-department.yaml"))).toBe(false);
    expect(existsSync(join(entries, entryName("checklists/unknown-department.yaml")))).toBe(false);

    cpSync(join(broken, "unknown-department.yaml"), join(root, "checklists/again.yaml"));
    vi.mocked(parseSource).mockClear();
    const added = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    expect(parsedPaths()).toEqual(["checklists/again.yaml"]);
    expect(added.diagnostics).toEqual((await loadProject({ root, paths: ["checklists"], today: TODAY })).diagnostics);
    expect(places(added.diagnostics)).toContain("checklists/again.yaml:14:59 unknown-department");
  });

  test("a damaged, foreign or outdated entry is ignored: that file is parsed again and its entry replaced", async () => {
    const cold = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    const entry = join(root, cacheLocation, VALIDATE_CACHE_FILES, entryName("checklists/unknown-department.yaml"));
    const good = readFileSync(entry, "utf8");
    const [header = "", body = ""] = good.split("\n");
    const damaged = [
      "",
      "{not json",
      good.slice(0, good.length / 2),
      // Still valid JSON, but not what was stored: the checksum in the header catches it.
      `${header}\n${body.replace("dept.health-bureau", "dept.nhc")}`,
      `${header.replace("onething-validate-file/1", "another-tool/1")}\n${body}`,
      `${header.replace(/"hash":"[0-9a-f]+"/u, `"hash":"${"0".repeat(64)}"`)}\n${body}`,
      `${header.replace(/"build":"[0-9a-f]+"/u, `"build":"${"0".repeat(64)}"`)}\n${body}`,
    ];
    for (const bad of damaged) {
      writeFileSync(entry, bad);
      rmSync(join(root, cacheLocation, VALIDATE_CACHE_FILE));
      vi.mocked(parseSource).mockClear();
      const run = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
      expect(parsedPaths()).toEqual(["checklists/unknown-department.yaml"]);
      expect(run.diagnostics).toEqual(cold.diagnostics);
      expect(readFileSync(entry, "utf8")).toBe(good);
    }
  });

  test("a file whose data JSON cannot carry (-0, .nan, .inf) gets no entry and is parsed on every run", async () => {
    const odd = join(root, "checklists/odd.yaml");
    const text = readFileSync(join(broken, "unknown-department.yaml"), "utf8").replace("id: fixture.unknown-department", "id: fixture.odd");
    writeFileSync(odd, `${text}  extra: [-0, .nan, .inf]\n`);
    const cold = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    expect(existsSync(join(root, cacheLocation, VALIDATE_CACHE_FILES, entryName("checklists/odd.yaml")))).toBe(false);
    rmSync(join(root, cacheLocation, VALIDATE_CACHE_FILE));
    vi.mocked(parseSource).mockClear();
    const warm = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation });
    expect(parsedPaths()).toEqual(["checklists/odd.yaml"]);
    expect(warm.diagnostics).toEqual(cold.diagnostics);
    expect(warm.diagnostics).toEqual((await loadProject({ root, paths: ["checklists"], today: TODAY })).diagnostics);
  });

  test("a cache folder that cannot be written leaves the results standing", async () => {
    writeFileSync(join(root, "blocker"), "a file where the cache folder would go");
    const run = await validateProject({ root, paths: ["checklists"], today: TODAY, cacheLocation: "blocker/cache" });
    expect(run.diagnostics).toEqual((await loadProject({ root, paths: ["checklists"], today: TODAY })).diagnostics);
  });
});

describe("isPlainJson", () => {
  test("accepts what JSON carries exactly and refuses what it would change", () => {
    expect(isPlainJson({ a: [1, "x", null, true, { b: 1e21, c: -1.5 }], "": "\ud800" })).toBe(true);
    const shared = { a: 1 };
    const sparse: unknown[] = [1];
    sparse[2] = 3;
    const refused: unknown[] = [-0, Number.NaN, Number.POSITIVE_INFINITY, undefined, { a: undefined }, [shared, shared], JSON.parse('{"__proto__": 1}'), Object.create(null), sparse, new Date(0), 1n, () => 1];
    expect(refused.map((value) => isPlainJson({ nested: [value] }))).toEqual(refused.map(() => false));
  });
});
