// Docs that run (style.md: "Each package README opens with a runnable usage block"): the first ```ts (or
// ```js) block of every packages/*/README.md is written, as is, to an .mjs file under
// node_modules/.cache/onething-readme/ and run with plain Node from the repository root, so `checklists/`
// resolves and `@onething/*` resolve, through node_modules, to the BUILT packages a consumer installs. The
// examples are JavaScript-compatible TypeScript (no annotations) and assert their results with node:assert.
// Assumes the packages are built (`npm test` builds them first).
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const execFileAsync = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const cache = join(root, "node_modules", ".cache", "onething-readme");

const packages = readdirSync(join(root, "packages"))
  .filter((dir) => existsSync(join(root, "packages", dir, "package.json")))
  .sort();

/** The first ```ts / ```js block of a README, or undefined. */
function firstCodeBlock(markdown: string): string | undefined {
  return /^```(?:ts|js)\n([\s\S]*?)^```$/mu.exec(markdown)?.[1];
}

describe("package READMEs", () => {
  it.each(packages)("%s's README has a usage block near its top", (dir) => {
    const path = join(root, "packages", dir, "README.md");
    expect(existsSync(path), `packages/${dir}/README.md is missing`).toBe(true);
    const markdown = readFileSync(path, "utf8");
    const fence = markdown.search(/^```(?:ts|js|sh)$/mu);
    expect(fence, "no usage block").toBeGreaterThan(-1);
    // "Opens with": the first block comes before any second-level section.
    const section = markdown.search(/^## /mu);
    expect(section === -1 || fence < section).toBe(true);
    expect(firstCodeBlock(markdown), "no ```ts block to run").toBeDefined();
  });

  it.each(packages.filter((dir) => existsSync(join(root, "packages", dir, "README.md"))))(
    "%s's first ts block runs against the built packages and exits 0",
    async (dir) => {
      const code = firstCodeBlock(readFileSync(join(root, "packages", dir, "README.md"), "utf8"));
      expect(code).toBeDefined();
      mkdirSync(cache, { recursive: true });
      const file = join(cache, `${dir}.mjs`);
      writeFileSync(file, code ?? "");
      const run = await execFileAsync(process.execPath, [file], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } }).then(
        (result) => ({ code: 0, ...result }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, stdout: error.stdout ?? "", stderr: error.stderr ?? "" }),
      );
      expect(run.code, `packages/${dir}/README.md example failed:\n${run.stderr}`).toBe(0);
      expect(run.stdout.trim()).not.toBe("");
    },
    60_000,
  );
});
