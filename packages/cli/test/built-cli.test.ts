import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

// Runs the BUILT command in plain Node, as users and CI do; `npm test` builds first.
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const broken = fileURLToPath(new URL("./fixtures/broken/", import.meta.url));
const launcher = fileURLToPath(new URL("../../../node_modules/.bin/onething", import.meta.url));

function onething(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the built cli (packages/cli/dist/bin.js)", () => {
  test("is built (npm test builds before it tests)", () => {
    expect(existsSync(bin), `${bin} is missing: run npm run build`).toBe(true);
  });

  test("is linked as `onething` at the repository root by npm ci, so npx onething works", () => {
    const result = spawnSync(launcher, ["--version"], { encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" } });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
  });

  test("exits 1 on the broken fixtures, with the report on stdout", () => {
    const result = onething(["validate", "--today", "2025-07-01"], broken);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("✖ 6 个问题（6 个错误，0 个警告）");
  });

  test("exits 0 on a clean file", () => {
    const result = onething(["validate", "taxonomy.yaml", "departments.yaml", "items.yaml", "--today", "2025-07-01"], broken);
    expect(result).toMatchObject({ code: 0, stdout: "✔ 没有发现问题\n" });
  });

  test("exits 2 on bad arguments and on nothing to validate, without a stack trace", () => {
    const bad = onething(["validate", "--nope"], broken);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("未知选项 --nope");
    const empty = onething(["validate"], mkdtempSync(`${tmpdir()}/onething-built-`));
    expect(empty.code).toBe(2);
    expect(empty.stderr).not.toMatch(/\n\s+at /u);
  });
});
