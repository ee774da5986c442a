import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

// Worker threads load the BUILT worker module, so these run the built command; `npm test` builds first.
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const repository = fileURLToPath(new URL("../../../", import.meta.url));
const broken = fileURLToPath(new URL("./fixtures/broken/", import.meta.url));

function onething(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("onething validate with worker threads and --cache (built)", () => {
  test("is built", () => {
    expect(existsSync(bin), `${bin} is missing: run npm run build`).toBe(true);
  });

  test.each([
    ["the bundled checklists", repository, ["checklists"]],
    ["the broken fixtures", broken, ["."]],
  ])("workers give byte-identical reports on %s, in every format", (_name, cwd, paths) => {
    for (const format of ["json", "stylish", "junit"]) {
      const args = ["validate", ...paths, "--today", "2025-07-01", "--format", format];
      const inThread = onething(args, cwd, { ONETHING_WORKERS: "0" });
      const parallel = onething(args, cwd, { ONETHING_WORKERS: "2" });
      expect(parallel.stderr).toBe("");
      expect(parallel).toEqual(inThread);
    }
    const json = onething(["validate", ...paths, "--today", "2025-07-01", "--format", "json"], cwd, { ONETHING_WORKERS: "2" });
    expect(JSON.parse(json.stdout)).toHaveProperty("diagnostics");
  });

  test("--cache answers a re-run with the same report, and --cache-location moves the cache", () => {
    const root = mkdtempSync(join(tmpdir(), "onething-cache-"));
    try {
      cpSync(broken, root, { recursive: true });
      const args = ["validate", ".", "--today", "2025-07-01", "--format", "json"];
      const plain = onething(args, root);
      const cold = onething([...args, "--cache"], root);
      expect(existsSync(join(root, ".onething-cache", "validate-v2.json"))).toBe(true);
      const warm = onething([...args, "--cache"], root);
      expect(cold).toEqual(plain);
      expect(warm).toEqual(plain);
      const elsewhere = onething([...args, "--cache", "--cache-location", "build/cache"], root);
      expect(elsewhere).toEqual(plain);
      expect(existsSync(join(root, "build", "cache", "validate-v2.json"))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test("--cache after changes, with and without workers, reports byte for byte what an uncached run reports", () => {
    const root = mkdtempSync(join(tmpdir(), "onething-cache-"));
    try {
      cpSync(join(repository, "checklists"), join(root, "checklists"), { recursive: true });
      cpSync(broken, join(root, "checklists", "broken"), { recursive: true });
      const entries = join(root, ".onething-cache", "validate-v2");
      const run = (format: string, options: { workers?: string; cache?: boolean }) =>
        onething(
          ["validate", "checklists", "--today", "2025-07-01", "--format", format, ...(options.cache === true ? ["--cache"] : [])],
          root,
          options.workers === undefined ? {} : { ONETHING_WORKERS: options.workers },
        );
      const compare = () => {
        for (const [index, format] of ["json", "stylish", "junit"].entries()) {
          // Without the whole-project file every run takes the per-file path: the first parses what changed (in two
          // workers), the later ones take every file from its entry.
          rmSync(join(root, ".onething-cache", "validate-v2.json"), { force: true });
          expect(run(format, { cache: true, workers: index === 0 ? "2" : "0" })).toEqual(run(format, {}));
        }
      };
      compare();
      const count = readdirSync(entries).length;
      // A comment shifts every line of one file, another file gains a line at its end.
      appendFileSync(join(root, "checklists", "broken", "unknown-field.yaml"), "# edited\n");
      const shifted = join(root, "checklists", "broken", "wrong-type.yaml");
      writeFileSync(shifted, `# moved down\n${readFileSync(shifted, "utf8")}`);
      compare();
      unlinkSync(join(root, "checklists", "broken", "bad-enum.yaml"));
      compare();
      expect(readdirSync(entries).length).toBe(count - 1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 180_000);

  test("shards give what one thread gives, whether they can stand for the project or not", () => {
    // A generated national-scale project in miniature (national lists, 31 provinces, a few cities), with findings
    // planted in leaves (lists no one extends): per-file findings the shards report themselves, then a reference
    // to a department no registry defines, which makes the shards hand their documents back for a whole check.
    const root = mkdtempSync(join(tmpdir(), "onething-shards-"));
    try {
      spawnSync(process.execPath, [join(repository, "bench/generate.mjs"), "--variant", "a", "--scale", "0.03", "--out", root], { stdio: "ignore" });
      const project = join(root, "a");
      const cities = join(project, "checklists", "cities");
      const leaves = readdirSync(cities, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".yaml")).map((name) => join(cities, name));
      expect(leaves.length).toBeGreaterThan(1);
      const plant = (file: string, from: RegExp, to: string) => writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
      plant(leaves[0] as string, /after: \d+/, "after: 999");
      plant(leaves[1] as string, /date: "(\d{4})-\d\d"/, 'date: "$1-13"');
      plant(join(project, "checklists", "provinces", "sd.yaml"), /after: \d+/, "after: 999");
      const args = ["validate", "checklists", "--today", "2026-06-30", "--format", "json"];
      const inThread = onething(args, project, { ONETHING_WORKERS: "0" });
      const codes = (JSON.parse(inThread.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.map((diagnostic) => diagnostic.code);
      expect(codes).toContain("invalid-date");
      expect(codes).not.toContain("unknown-department");
      expect(onething(args, project, { ONETHING_WORKERS: "2" })).toEqual(inThread);
      expect(onething(args, project, { ONETHING_WORKERS: "3" })).toEqual(inThread);
      // One list asked for: the rest of checklists/ is context, and only that list's findings are reported.
      const one = ["validate", relative(project, leaves[1] as string), "--today", "2026-06-30", "--format", "json"];
      const oneInThread = onething(one, project, { ONETHING_WORKERS: "0" });
      const oneCodes = (JSON.parse(oneInThread.stdout) as { diagnostics: Array<{ code: string; file: string }> }).diagnostics;
      expect(oneCodes.map((diagnostic) => diagnostic.code)).toEqual(["invalid-date"]);
      expect(onething(one, project, { ONETHING_WORKERS: "2" })).toEqual(oneInThread);

      plant(leaves[0] as string, /lead: dept\.[a-z0-9.]+/, "lead: dept.nowhere");
      const whole = onething(args, project, { ONETHING_WORKERS: "0" });
      expect(whole.stdout).toContain("unknown-department");
      expect(onething(args, project, { ONETHING_WORKERS: "2" })).toEqual(whole);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 180_000);

  test("the help documents --cache in both languages", () => {
    expect(onething(["validate", "--help"], repository).stdout).toMatch(/--cache\s+缓存结果/u);
    expect(onething(["validate", "--help", "--lang", "en"], repository).stdout).toMatch(/--cache-location <dir>/u);
  });
});
