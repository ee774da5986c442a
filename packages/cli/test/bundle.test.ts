import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

// The BUILT command is bundled (packages/cli/tsup.config.ts) so that a short run reads a few files instead of about
// 150 modules; `npm test` builds first.
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const repository = fileURLToPath(new URL("../../../", import.meta.url));

/** The modules of the built command, without source maps and declarations. */
function builtModules(): string[] {
  return readdirSync(dist).filter((file) => file.endsWith(".js"));
}

describe("the bundled command (packages/cli/dist)", () => {
  test("is built", () => {
    expect(existsSync(bin), `${bin} is missing: run npm run build`).toBe(true);
  });

  test("imports only Node's built-in modules, and the editor package when `onething edit` asks for it", () => {
    const outside = new Set<string>();
    for (const file of builtModules()) {
      const text = readFileSync(`${dist}${file}`, "utf8");
      for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/gu)) {
        const specifier = match[1] ?? match[2] ?? "";
        if (!specifier.startsWith("./")) outside.add(specifier);
      }
    }
    const packages = [...outside].filter((specifier) => !builtinModules.includes(specifier.replace(/^node:/u, "")));
    expect(packages).toEqual(["@onething/tui"]);
  });

  test("is ASCII only, so that V8 holds each module as a one-byte string instead of decoding it on every start", () => {
    const wide = builtModules().filter((file) => /[^\0-\x7f]/u.test(readFileSync(`${dist}${file}`, "utf8")));
    expect(wide).toEqual([]);
  });

  test("starts its worker threads from its own worker module", () => {
    // NODE_DEBUG=worker makes Node print each worker it creates, with the module's URL.
    const result = spawnSync(process.execPath, [bin, "validate", "checklists", "--today", "2025-07-01", "--format", "json"], {
      cwd: repository,
      encoding: "utf8",
      env: { PATH: process.env["PATH"] ?? "", ONETHING_WORKERS: "2", NODE_DEBUG: "worker" },
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/create new worker[\s\S]*packages\/cli\/dist\/validate-worker\.js/u);
    expect(JSON.parse(result.stdout)).toHaveProperty("diagnostics");
  });
});
