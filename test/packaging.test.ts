// The packages as a consumer sees them (design.md §7, style.md "Check the packed package"): every package
// is packed with `npm pack`, the tarballs are installed into a fresh project outside the repository, and
// that project imports every entry in plain Node, runs the `onething` bin and type-checks a strict consumer.
// Assumes the packages are built (`npm test` builds them first); fails with a clear message when not.
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const execFileAsync = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const fixtures = join(root, "test", "fixtures", "packaging");
const checklists = join(root, "checklists");
const tscBin = join(root, "node_modules", "typescript", "bin", "tsc");

/**
 * Export conditions only this monorepo sets (tsconfig.base.json `customConditions`) so that tsc reads the
 * siblings' sources; their targets are unpublished sources, so they are left out of the "inside the
 * tarball" check. Every other condition a consumer may use must resolve to a shipped file.
 */
const MONOREPO_CONDITIONS = new Set(["@onething/source"]);

interface Manifest {
  name: string;
  version: string;
  type?: string;
  sideEffects?: boolean;
  license?: string;
  engines?: { node?: string };
  files?: string[];
  main?: string;
  module?: string;
  exports?: Record<string, unknown>;
  bin?: Record<string, string>;
}

interface PackResult {
  name: string;
  filename: string;
  files: Array<{ path: string }>;
}

interface ExportTarget {
  subpath: string;
  conditions: string[];
  target: string;
}

const packageDirs = readdirSync(join(root, "packages"))
  .filter((dir) => existsSync(join(root, "packages", dir, "package.json")))
  .sort();
const manifests = new Map<string, Manifest>(
  packageDirs.map((dir) => [dir, JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) as Manifest]),
);

function manifestOf(dir: string): Manifest {
  const manifest = manifests.get(dir);
  if (manifest === undefined) throw new Error(`no package.json in packages/${dir}`);
  return manifest;
}

/** Every leaf of an exports map, with the chain of conditions that leads to it. */
function exportTargets(exports: Record<string, unknown> | undefined): ExportTarget[] {
  const targets: ExportTarget[] = [];
  const walk = (subpath: string, conditions: string[], value: unknown): void => {
    if (typeof value === "string") targets.push({ subpath, conditions, target: value });
    else if (value !== null && typeof value === "object") {
      for (const [condition, inner] of Object.entries(value)) walk(subpath, [...conditions, condition], inner);
    }
  };
  for (const [subpath, value] of Object.entries(exports ?? {})) walk(subpath, [], value);
  return targets;
}

/** The targets a consumer can reach: every export leaf outside the monorepo-only conditions, and the bins. */
function publicTargets(manifest: Manifest): ExportTarget[] {
  const exported = exportTargets(manifest.exports).filter((t) => !t.conditions.some((c) => MONOREPO_CONDITIONS.has(c)));
  const bins = Object.entries(manifest.bin ?? {}).map(([name, target]) => ({ subpath: `bin:${name}`, conditions: [], target }));
  return [...exported, ...bins];
}

/** Whether `target` ("./dist/v1/*" or "./dist/index.js") names at least one of `files` (tarball paths). */
function targetIsShipped(target: string, files: readonly string[]): boolean {
  const path = target.replace(/^\.\//, "");
  const star = path.indexOf("*");
  if (star === -1) return files.includes(path);
  const prefix = path.slice(0, star);
  const suffix = path.slice(star + 1);
  return files.some((file) => file.length > prefix.length + suffix.length && file.startsWith(prefix) && file.endsWith(suffix));
}

/** The environment for child npm runs, without the settings `npm test -w …` would pass down to them. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(workspaces?|include_workspace_root|global|location|prefix|dry_run)$/i.test(key)) delete env[key];
  }
  return env;
}

async function run(command: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  try {
    return await execFileAsync(command, args, { cwd, env: childEnv(), maxBuffer: 64 * 1024 * 1024, encoding: "utf8" });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${failure.message}\n${failure.stdout ?? ""}\n${failure.stderr ?? ""}`);
  }
}

let work = "";
const packs = new Map<string, PackResult>();

beforeAll(async () => {
  const missing = packageDirs.flatMap((dir) =>
    publicTargets(manifestOf(dir))
      .map((t) => t.target.split("*")[0] ?? t.target)
      .filter((path) => !existsSync(join(root, "packages", dir, path)))
      .map((path) => `packages/${dir}/${path.replace(/^\.\//, "")}`),
  );
  if (missing.length > 0) {
    throw new Error(
      `Files the package manifests point at are missing (for dist/: run \`npm run build\` first; \`npm test\` does it in pretest):\n${missing.join("\n")}`,
    );
  }

  work = mkdtempSync(join(tmpdir(), "onething-packaging-"));
  const tarballs = join(work, "tarballs");
  mkdirSync(tarballs);
  const packed = await run("npm", ["pack", "--workspaces", "--json", "--ignore-scripts", "--pack-destination", tarballs], root);
  for (const result of JSON.parse(packed.stdout) as PackResult[]) packs.set(result.name, result);

  const dependencies = Object.fromEntries(
    packageDirs.map((dir) => {
      const { name } = manifestOf(dir);
      const result = packs.get(name);
      if (result === undefined) throw new Error(`npm pack produced no tarball for ${name}`);
      return [name, `file:tarballs/${result.filename}`];
    }),
  );
  writeFileSync(
    join(work, "package.json"),
    `${JSON.stringify({ name: "onething-consumer", private: true, type: "module", dependencies }, null, 2)}\n`,
  );
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock"], work);

  copyFileSync(join(fixtures, "consumer-check.mjs"), join(work, "consumer-check.mjs"));
  copyFileSync(join(fixtures, "consumer.ts"), join(work, "consumer.ts"));
  const compilerOptions = {
    target: "ES2022",
    lib: ["ES2023"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    resolveJsonModule: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
  };
  writeFileSync(join(work, "tsconfig.json"), `${JSON.stringify({ compilerOptions, files: ["consumer.ts"] }, null, 2)}\n`);
}, 120_000);

afterAll(() => {
  if (work !== "") rmSync(work, { recursive: true, force: true });
});

function packOf(dir: string): PackResult {
  const { name } = manifestOf(dir);
  const result = packs.get(name);
  if (result === undefined) throw new Error(`no tarball for ${name}`);
  return result;
}

describe("package manifests", () => {
  it.each(packageDirs)("%s is ESM-only with a minimal exports map", (dir) => {
    const manifest = manifestOf(dir);
    expect(manifest.type).toBe("module");
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.license).toBeTypeOf("string");
    expect(manifest.engines?.node).toBe(">=20.19");
    expect(manifest.files).toContain("dist");
    expect(manifest.main).toBeUndefined();
    expect(manifest.module).toBeUndefined();
    const main = exportTargets(manifest.exports).filter((t) => t.subpath === ".");
    expect(main.filter((t) => !MONOREPO_CONDITIONS.has(t.conditions[0] ?? "")).map((t) => t.conditions)).toEqual([["types"], ["default"]]);
    expect(manifest.exports?.["./package.json"]).toBe("./package.json");
    const conditions = exportTargets(manifest.exports).flatMap((t) => t.conditions);
    expect(conditions).not.toContain("require");
  });
});

describe("tarballs", () => {
  it.each(packageDirs)("%s ships its manifest, README and LICENSE", (dir) => {
    const files = packOf(dir).files.map((file) => file.path);
    expect(files).toContain("package.json");
    expect(files, `packages/${dir}/README.md is missing`).toContain("README.md");
    expect(files, `packages/${dir}/LICENSE is missing`).toContain("LICENSE");
  });

  it.each(packageDirs)("%s ships no sources, tests or fixtures", (dir) => {
    const files = packOf(dir).files.map((file) => file.path);
    const unwanted = files.filter(
      (file) =>
        /^(src|test|tests|fixtures|scripts)\//.test(file) ||
        /\.(test|spec)\.[cm]?[jt]sx?(\.map)?$/.test(file) ||
        (/\.[cm]?tsx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file)),
    );
    expect(unwanted).toEqual([]);
  });

  it.each(packageDirs)("%s's types, default and bin targets are inside the tarball", (dir) => {
    const manifest = manifestOf(dir);
    const files = packOf(dir).files.map((file) => file.path);
    const targets = publicTargets(manifest);
    expect(targets.length).toBeGreaterThan(0);
    const absent = targets.filter((t) => !targetIsShipped(t.target, files)).map((t) => `${t.subpath} ${t.conditions.join(".")} → ${t.target}`);
    expect(absent).toEqual([]);
    for (const t of targets) {
      if (t.conditions.at(-1) === "types") expect(t.target).toMatch(/\.d\.ts$/);
      if (t.conditions.at(-1) === "default" && t.subpath !== "./package.json") expect(t.target).toMatch(/\.js$/);
    }
  });
});

describe("a fresh project with the tarballs installed", () => {
  it("imports every entry in plain Node and loads the national checklists", async () => {
    const entries = packageDirs.flatMap((dir) => {
      const { name, exports } = manifestOf(dir);
      return Object.keys(exports ?? {})
        .filter((subpath) => !subpath.includes("*"))
        .map((subpath) => (subpath === "." ? name : `${name}/${subpath.slice(2)}`));
    });
    const { stdout } = await run(process.execPath, ["consumer-check.mjs", checklists, ...entries], work);
    const report = JSON.parse(stdout) as {
      exportCounts: Record<string, number>;
      resolved: Record<string, string>;
      schemas: { apiVersion: string; kinds: string[]; kindConst: string; emptyChecklistErrors: number };
      dsl: { codes: number; brokenCodes: string[]; loadedDocuments: number };
      validate: { errors: number };
      sdk: { documents: number; errors: string[]; nationalMatters: number; overviewNationalMatters: number; json: { summary: { error: number } } };
      cli: { version: string; exit: number; output: string };
    };

    expect(Object.keys(report.exportCounts)).toEqual(entries);
    expect(Object.entries(report.exportCounts).filter(([, count]) => count === 0)).toEqual([]);
    for (const [specifier, url] of Object.entries(report.resolved)) {
      const name = specifier.split("/").slice(0, 2).join("/");
      expect(fileURLToPath(url), specifier).toContain(join(work, "node_modules", name) + sep);
    }
    expect(Object.keys(report.resolved)).toHaveLength(9);
    expect(report.schemas).toMatchObject({ apiVersion: "onething/v1", kindConst: "Checklist" });
    expect(report.schemas.kinds).toHaveLength(6);
    expect(report.schemas.emptyChecklistErrors).toBeGreaterThan(0);
    expect(report.dsl.brokenCodes).toEqual(["duplicate-key"]);
    expect(report.dsl.loadedDocuments).toBe(report.sdk.documents);
    expect(report.validate.errors).toBe(0);
    expect(report.sdk.errors).toEqual([]);
    expect(report.sdk.json.summary.error).toBe(0);
    expect(report.sdk.nationalMatters).toBeGreaterThanOrEqual(19);
    expect(report.sdk.overviewNationalMatters).toBe(report.sdk.nationalMatters);
    const cliVersion = manifestOf("cli").version;
    expect(report.cli).toEqual({ version: cliVersion, exit: 0, output: `${cliVersion}\n` });
  }, 60_000);

  it("runs the onething bin through npx and validates the real checklists with it", async () => {
    const version = await run("npx", ["--no-install", "onething", "--version"], work);
    expect(version.stdout).toBe(`${manifestOf("cli").version}\n`);

    // The CLI reads only below its working directory, so the installed bin runs from the repository root.
    const bin = join(work, "node_modules", ".bin", "onething");
    const validated = await run(bin, ["validate", "checklists", "--format", "json"], root);
    const output = JSON.parse(validated.stdout) as { summary: { error: number } };
    expect(output.summary.error).toBe(0);
  }, 60_000);

  it("type-checks a strict NodeNext consumer against the published declarations", async () => {
    expect(readFileSync(join(work, "consumer.ts"), "utf8")).toContain("// @ts-expect-error");
    const { stdout } = await run(process.execPath, [tscBin, "-p", work, "--pretty", "false"], work);
    expect(stdout).toBe("");
  }, 60_000);
});
